/**
 * The two things timed side by side over the same articles:
 *
 *   newsnlp   getPipeline().run(article): the full news.v1 pipeline down to the zod-validated record
 *   naive     what most people write first: compromise over the whole article text, then its
 *             organisations and percentages as arrays (forcing the work to be done)
 *
 * Both are built once at module load / first call, never per article.
 */
import nlp from 'compromise';
import { getPipeline } from '../../pipelines/news/index.ts';
import type { Pipeline } from '../../pipelines/news/index.ts';
import type { BenchArticle } from './corpus.ts';

let pipeline: Pipeline | null = null;

export function newsnlp(a: BenchArticle): number {
  pipeline ??= getPipeline();
  const r = pipeline.run(a.article);
  return r.companies.length;
}

export function naive(a: BenchArticle): number {
  const doc = nlp(a.article.text);
  const orgs = doc.organizations().out('array') as string[];
  const pcts = doc.percentages().out('array') as string[];
  return orgs.length + pcts.length;
}

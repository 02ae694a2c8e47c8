/**
 * newsnlp as a library (`import { extract } from 'newsnlp'`; package.json "exports" points here,
 * compiled: dist/src/index.js and its .d.ts):
 *
 *   extract(article)              one ArticleRecord from { title, text, url?, source?, publishedAt? }
 *   createPipeline(def?)          a pipeline of your own definition (default news.v1)
 *   extractInputs(paths)          records of files and folders, as `newsnlp extract` reads them
 *   ArticleRecordSchema, ...      the zod schemas of the records (types inferred from them)
 *
 * The pipeline is built once per process, on the first call; extraction is synchronous and pure.
 */
import { getPipeline } from '../pipelines/news/index.ts';
import type { ArticleInput, ArticleRecord } from './schema.ts';
import type { RunOptions } from './pipeline.ts';

export { createPipeline, getPipeline, loadPipelineDef, COMPONENTS } from '../pipelines/news/index.ts';
export type { Pipeline, Component, Doc } from '../pipelines/news/index.ts';
export { PipelineBuildError, PipelineDefSchema } from './pipeline.ts';
export type { PipelineDef, PipelineContext, RunOptions } from './pipeline.ts';
export {
  SCHEMA_VERSION,
  ArticleSchema,
  ArticleRecordSchema,
  CompanySchema,
  DealSchema,
  MarketShareClaimSchema,
  PercentageSchema,
  MoneySchema,
  EvidenceSchema,
} from './schema.ts';
export type { Article, ArticleInput, ArticleRecord, Company, Deal, MarketShareClaim, Percentage, Money, Evidence, Span } from './schema.ts';
export { FlatRecordSchema, flatten } from './flat.ts';
export { extractInputs } from './extract.ts';
export type { ExtractOutcome } from './extract.ts';
export { readInputs, parseInput, articleFromText, articleFromHtml, InputError } from './input/read.ts';

/**
 * Extract one article with the default pipeline (news.v1): companies, deals, market-share claims,
 * percentages, money and a summary, each with evidence offsets into `record.text`. The input is
 * validated (ArticleSchema: `title` and `text` required); the record is validated too.
 *
 *   extract({ title: 'Acme buys Widget', text: 'Acme Corp agreed to buy Widget Inc for $5 million.' })
 */
export function extract(article: ArticleInput, opts?: RunOptions): ArticleRecord {
  return getPipeline().run(article, opts);
}

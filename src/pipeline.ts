/**
 * The pipeline runner (spaCy-style): an ordered list of named components over one Doc. Each
 * component declares what it requires and assigns; the check runs once, when the pipeline is
 * built. A definition is data (pipelines/<name>/<name>.vN.json) with a versioned name that goes
 * into every record. The runner knows nothing of any one pipeline: the pipeline brings its
 * components, its Doc and how to start one (pipelines/news/index.ts).
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { ArticleSchema } from './schema.ts';
import type { Article, ArticleInput, ArticleRecord } from './schema.ts';

/** What every Doc has: the article and, once the last component ran, its record. */
export interface DocBase {
  article: Article;
  record: ArticleRecord | null;
}

/** The keys of a Doc a component may require or assign. */
export type DocKeyOf<D> = Exclude<keyof D & string, 'article' | 'text'>;

export interface Component<D extends DocBase = DocBase> {
  name: string;
  requires: readonly DocKeyOf<D>[];
  assigns: readonly DocKeyOf<D>[];
  run(doc: D, ctx: PipelineContext): void;
}

export interface PipelineContext {
  /** `name@version` of the running pipeline. */
  pipeline: string;
  /** The article's id when the caller gave one (RunOptions.id); the record takes it. */
  articleId?: string;
}

export interface RunOptions {
  /**
   * The id the caller already knows the article by: ingestion computes it once, where the article
   * is first known (a feed item's link, a local file), and the record carries it, so record,
   * envelope and database row share one id. Default: derived from the article (url, or title and
   * text: src/util/ids.ts articleId).
   */
  id?: string;
}

export const PipelineDefSchema = z.object({
  name: z.string().min(1),
  version: z.string().regex(/^\d+\.\d+\.\d+$/),
  description: z.string().optional(),
  components: z.array(z.string()).min(1),
});
export type PipelineDef = z.infer<typeof PipelineDefSchema>;

export class PipelineBuildError extends Error {
  override name = 'PipelineBuildError';
}

export interface Pipeline<D extends DocBase = DocBase> {
  readonly id: string;
  readonly components: readonly Component<D>[];
  /** Run every component over one article; returns the finished Doc. */
  runDoc(article: ArticleInput, opts?: RunOptions): D;
  /** Run and return the validated ArticleRecord. */
  run(article: ArticleInput, opts?: RunOptions): ArticleRecord;
}

/** Build a pipeline from its definition, the components it may name, and its Doc constructor. */
export function buildPipeline<D extends DocBase>(
  def: PipelineDef,
  registry: Readonly<Record<string, Component<D>>>,
  newDoc: (article: Article) => D,
): Pipeline<D> {
  const parsed = PipelineDefSchema.parse(def);
  const id = `${parsed.name}@${parsed.version}`;
  const components: Component<D>[] = [];
  const assignedBy = new Map<string, string>();
  for (const name of parsed.components) {
    const c = registry[name];
    if (!c) throw new PipelineBuildError(`[pipeline ${id}] unknown component "${name}"; known: ${Object.keys(registry).join(', ')}`);
    for (const need of c.requires) {
      if (!assignedBy.has(need)) {
        throw new PipelineBuildError(
          `[pipeline ${id}] component "${name}" requires "${need}", which no earlier component assigns`,
        );
      }
    }
    for (const a of c.assigns) assignedBy.set(a, name);
    components.push(c);
  }
  if (!assignedBy.has('record')) throw new PipelineBuildError(`[pipeline ${id}] no component assigns "record"`);
  const ctx: PipelineContext = { pipeline: id };
  const runDoc = (input: ArticleInput, opts: RunOptions = {}): D => {
    const doc = newDoc(ArticleSchema.parse(input));
    const runCtx = opts.id === undefined ? ctx : { ...ctx, articleId: opts.id };
    for (const c of components) c.run(doc, runCtx);
    return doc;
  };
  return {
    id,
    components,
    runDoc,
    run: (input, opts) => runDoc(input, opts).record!,
  };
}

/** Read and check a pipeline definition file. */
export function loadPipelineDef(file: string): PipelineDef {
  return PipelineDefSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
}

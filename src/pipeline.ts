/**
 * A pipeline is an ordered list of named components over one Doc (spaCy-style). Each component
 * declares what it requires and assigns; the check runs once, when the pipeline is built.
 * The definition is data (pipelines/*.json) with a versioned name that goes into every record.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { Doc, DocKey } from './doc.ts';
import { newDoc } from './doc.ts';
import { ArticleSchema } from './schema.ts';
import type { ArticleInput, ArticleRecord } from './schema.ts';
import { COMPONENTS } from './components/index.ts';

export interface Component {
  name: string;
  requires: readonly DocKey[];
  assigns: readonly DocKey[];
  run(doc: Doc, ctx: PipelineContext): void;
}

export interface PipelineContext {
  /** `name@version` of the running pipeline. */
  pipeline: string;
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

export interface Pipeline {
  readonly id: string;
  readonly components: readonly Component[];
  /** Run every component over one article; returns the finished Doc. */
  runDoc(article: ArticleInput): Doc;
  /** Run and return the validated ArticleRecord. */
  run(article: ArticleInput): ArticleRecord;
}

export function buildPipeline(def: PipelineDef, registry: Record<string, Component> = COMPONENTS): Pipeline {
  const parsed = PipelineDefSchema.parse(def);
  const id = `${parsed.name}@${parsed.version}`;
  const components: Component[] = [];
  const assignedBy = new Map<DocKey, string>();
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
  const runDoc = (input: ArticleInput): Doc => {
    const doc = newDoc(ArticleSchema.parse(input));
    for (const c of components) c.run(doc, ctx);
    return doc;
  };
  return {
    id,
    components,
    runDoc,
    run: (input) => runDoc(input).record!,
  };
}

const PIPELINES_DIR = fileURLToPath(new URL('../pipelines/', import.meta.url));

/** Load a pipeline definition by name (`news.v1`) from pipelines/, or from a path. */
export function loadPipelineDef(nameOrPath = 'news.v1'): PipelineDef {
  const path = nameOrPath.endsWith('.json') ? nameOrPath : `${PIPELINES_DIR}${nameOrPath}.json`;
  return PipelineDefSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
}

let defaultPipeline: Pipeline | null = null;
/** The default pipeline (pipelines/news.v1.json), built once per process. */
export function getPipeline(): Pipeline {
  defaultPipeline ??= buildPipeline(loadPipelineDef());
  return defaultPipeline;
}

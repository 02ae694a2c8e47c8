/**
 * The news pipeline: English business news → companies, quantities, market-share claims, deals,
 * summary, record. Its definition (news.v1.json) names the components of components/, which use the
 * rule tables of rules/, the lexicons of lexicon/ and the recognisers of quantities/.
 */
import { fileURLToPath } from 'node:url';
import { buildPipeline, loadPipelineDef as loadDefFile } from '../../src/pipeline.ts';
import type { Pipeline as EnginePipeline, PipelineDef } from '../../src/pipeline.ts';
import { COMPONENTS } from './components/index.ts';
import type { Component, Doc } from './doc.ts';
import { newDoc } from './doc.ts';

export { COMPONENTS } from './components/index.ts';
export type { Component, Doc } from './doc.ts';
export type Pipeline = EnginePipeline<Doc>;

const HERE = fileURLToPath(new URL('./', import.meta.url));

/** A definition by name (`news.v1`, a file beside this one) or by path (`*.json`). */
export function loadPipelineDef(nameOrPath = 'news.v1'): PipelineDef {
  return loadDefFile(nameOrPath.endsWith('.json') ? nameOrPath : `${HERE}${nameOrPath}.json`);
}

/** Build a news pipeline from a definition (default news.v1) and a component registry. */
export function createPipeline(def: PipelineDef = loadPipelineDef(), registry: Readonly<Record<string, Component>> = COMPONENTS): Pipeline {
  return buildPipeline<Doc>(def, registry, newDoc);
}

let defaultPipeline: Pipeline | null = null;
/** The default pipeline (news.v1), built once per process. */
export function getPipeline(): Pipeline {
  defaultPipeline ??= createPipeline();
  return defaultPipeline;
}

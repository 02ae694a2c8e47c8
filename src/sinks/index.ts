/**
 * Sink drivers by spec:
 *   jsonl:<path>[?rotate=day&maxBytes=50mb]   append NDJSON to a file (segments when rotating)
 *   postgres:<url>, or a bare postgres://... / postgresql://... URL   PostgreSQL (run `newsnlp db migrate` first)
 */
import { JsonlSink, parseJsonlSpec } from './jsonl.ts';
import { PostgresSink } from './postgres.ts';
import type { PostgresSinkOptions } from './postgres.ts';
import { SinkError } from './types.ts';
import type { SinkDriver } from './types.ts';

export type { SinkDriver } from './types.ts';
export { SinkError } from './types.ts';
export { JsonlSink, parseJsonlSpec } from './jsonl.ts';
export type { JsonlOptions } from './jsonl.ts';
export { PostgresSink } from './postgres.ts';
export type { PostgresSinkOptions } from './postgres.ts';

const PG_URL = /^postgres(?:ql)?:\/\//;

export interface OpenSinkOptions {
  /** PostgreSQL: apply pending migrations before the first write (the worker's "migrate at start"). */
  postgres?: PostgresSinkOptions;
}

export function openSink(spec: string, opts: OpenSinkOptions = {}): SinkDriver {
  if (spec.startsWith('jsonl:')) {
    const { path, options } = parseJsonlSpec(spec.slice('jsonl:'.length));
    return new JsonlSink(path, options);
  }
  const pgUrl = PG_URL.test(spec) ? spec : spec.startsWith('postgres:') ? spec.slice('postgres:'.length) : null;
  if (pgUrl !== null) {
    if (!PG_URL.test(pgUrl)) throw new SinkError('postgres', `sink spec needs a postgres:// URL after "postgres:", got ${JSON.stringify(pgUrl)}`);
    return new PostgresSink(pgUrl, opts.postgres);
  }
  throw new SinkError(
    spec.split(':')[0] ?? spec,
    `unknown sink spec ${JSON.stringify(spec)}; known: jsonl:<path>, postgres:<postgres://url>`,
  );
}

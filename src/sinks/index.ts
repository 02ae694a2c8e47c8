/** Sink drivers by spec: "jsonl:<path>" (a "postgres://..." driver follows in its own issue). */
import { JsonlSink } from './jsonl.ts';
import { SinkError } from './types.ts';
import type { SinkDriver } from './types.ts';

export type { SinkDriver } from './types.ts';
export { SinkError } from './types.ts';
export { JsonlSink } from './jsonl.ts';

export function openSink(spec: string): SinkDriver {
  if (spec.startsWith('jsonl:')) return new JsonlSink(spec.slice('jsonl:'.length));
  throw new SinkError(spec.split(':')[0] ?? spec, `unknown sink spec ${JSON.stringify(spec)}; known: jsonl:<path>`);
}

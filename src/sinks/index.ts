/**
 * Sink drivers by spec:
 *   jsonl:<path>[?rotate=day&maxBytes=50mb]   append NDJSON to a file (segments when rotating)
 *   flat:<path>[?rotate=day&maxBytes=50mb]    the same, one line per article, company, deal and claim (src/flat.ts)
 *   postgres:<url>, or a bare postgres://... / postgresql://... URL   PostgreSQL (run `newsnlp db migrate` first)
 */
import { JsonlSink, parseJsonlSpec } from './jsonl.ts';
import type { JsonlOptions } from './jsonl.ts';
import { PostgresSink } from './postgres.ts';
import type { PostgresSinkOptions } from './postgres.ts';
import { SinkError } from './types.ts';
import type { SinkDriver } from './types.ts';

export type { SinkDriver } from './types.ts';
export { SinkError, SinkUnavailableError } from './types.ts';
export { JsonlSink, parseJsonlSpec } from './jsonl.ts';
export type { JsonlOptions } from './jsonl.ts';
export { PostgresSink } from './postgres.ts';
export type { PostgresSinkOptions } from './postgres.ts';

const PG_URL = /^postgres(?:ql)?:\/\//;

export interface OpenSinkOptions {
  /** PostgreSQL: apply pending migrations before the first write (the worker's "migrate at start"). */
  postgres?: PostgresSinkOptions;
  /** JSONL: defaults under the options of the spec (the queue workers set a group-commit linger). */
  jsonl?: JsonlOptions;
}

/**
 * Open the sinks of a spec. Several specs separated by white space ("jsonl:out/r.ndjson
 * postgres:postgres://db/news") write every batch to each, in order; a failure in any fails the
 * write, so a queue job retries (each driver is idempotent, so the ones that succeeded see no-ops).
 */
export function openSink(spec: string, opts: OpenSinkOptions = {}): SinkDriver {
  const specs = spec.trim().split(/\s+/).filter(Boolean);
  if (specs.length > 1) return new FanoutSink(specs.map((one) => openOne(one, opts)));
  return openOne(specs[0] ?? spec, opts);
}

/** Several drivers behind one: each batch goes to every driver. */
export class FanoutSink implements SinkDriver {
  readonly name: string;
  constructor(private readonly drivers: readonly SinkDriver[]) {
    this.name = drivers.map((d) => d.name).join('+');
  }
  async write(envelopes: Parameters<SinkDriver['write']>[0]): Promise<number> {
    let fresh = 0;
    for (const d of this.drivers) fresh = Math.max(fresh, await d.write(envelopes));
    return fresh;
  }
  async flush(): Promise<void> {
    for (const d of this.drivers) await d.flush();
  }
  async check(): Promise<void> {
    for (const d of this.drivers) await d.check?.();
  }
  async dispose(): Promise<void> {
    const errors: unknown[] = [];
    for (const d of this.drivers) await d.dispose().catch((e: unknown) => errors.push(e));
    if (errors.length) throw errors[0];
  }
}

function openOne(spec: string, opts: OpenSinkOptions): SinkDriver {
  if (spec.startsWith('jsonl:')) {
    const { path, options } = parseJsonlSpec(spec.slice('jsonl:'.length));
    return new JsonlSink(path, { ...opts.jsonl, ...options });
  }
  if (spec.startsWith('flat:')) {
    const { path, options } = parseJsonlSpec(spec.slice('flat:'.length));
    return new JsonlSink(path, { ...opts.jsonl, ...options, format: 'flat' });
  }
  const pgUrl = PG_URL.test(spec) ? spec : spec.startsWith('postgres:') ? spec.slice('postgres:'.length) : null;
  if (pgUrl !== null) {
    if (!PG_URL.test(pgUrl)) throw new SinkError('postgres', `sink spec needs a postgres:// URL after "postgres:", got ${JSON.stringify(pgUrl)}`);
    return new PostgresSink(pgUrl, opts.postgres);
  }
  throw new SinkError(
    spec.split(':')[0] ?? spec,
    `unknown sink spec ${JSON.stringify(spec)}; known: jsonl:<path>, flat:<path>, postgres:<postgres://url>`,
  );
}

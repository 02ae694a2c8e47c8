/**
 * Sinks are drivers behind one small interface. Writes are idempotent on the envelope id: writing
 * an id already written is a no-op, so a job retried after a crash never duplicates a record.
 * A sink error is thrown, never swallowed: in a queue the job then retries.
 */
import type { Envelope } from '../ingest/types.ts';

export interface SinkDriver {
  readonly name: string;
  /** Write envelopes whose id was not written before; returns how many were new. */
  write(envelopes: readonly Envelope[]): Promise<number>;
  /** Make everything written so far durable. */
  flush(): Promise<void>;
  /** Flush and release the driver; idempotent. */
  dispose(): Promise<void>;
}

export class SinkError extends Error {
  override name = 'SinkError';
  constructor(driver: string, message: string, options?: { cause?: unknown }) {
    super(`[sink] [${driver}] ${message}`, options);
  }
}

/**
 * Sinks are drivers behind one small interface. Writes are idempotent on the envelope id: writing
 * an id already written is a no-op, so a job retried after a crash never duplicates a record.
 * A sink error is thrown, never swallowed: in a queue the job then retries.
 */
import type { Envelope } from '../ingest/types.ts';

/**
 * An envelope still in the JSON text it was stored as (`JSON.stringify` of {id, record, ingest}):
 * the queue's sink stage hands these over as read from the store, so a JSONL sink appends the
 * text as it is, without parsing and re-serializing it; other drivers parse it (envelopeOf).
 */
export interface SerializedEnvelope {
  readonly id: string;
  readonly json: string;
}

export interface SinkDriver {
  readonly name: string;
  /** Write envelopes whose id was not written before; returns how many were new. */
  write(envelopes: readonly (Envelope | SerializedEnvelope)[]): Promise<number>;
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

export const isSerialized = (e: object): e is SerializedEnvelope => typeof (e as Partial<SerializedEnvelope>).json === 'string';

/** The envelope object of a sink item (a serialized one parsed; its id must match). */
export function envelopeOf<E extends { id: string }>(e: E | SerializedEnvelope, driver: string): E {
  if (!isSerialized(e)) return e;
  const parsed = JSON.parse(e.json) as E;
  if (parsed.id !== e.id) throw new SinkError(driver, `serialized envelope ${JSON.stringify(e.id)} holds id ${JSON.stringify(parsed.id)}`);
  return parsed;
}

/**
 * Sinks are drivers behind one small interface. Writes are idempotent on the envelope id: writing
 * an id already written is a no-op, so a job retried after a crash never duplicates a record.
 * A sink error is thrown, never swallowed: in a queue the job then retries.
 */
import { EnvelopeSchema, describeIssues } from '../contracts.ts';
import type { Envelope } from '../contracts.ts';

/**
 * An envelope still in the JSON text it was stored as (`JSON.stringify` of {id, record, ingest}):
 * the sink stage hands these over as read from the store, so a JSONL sink appends the text as it
 * is, without re-serializing it; other drivers take the object (envelopeOf).
 */
export interface SerializedEnvelope {
  readonly id: string;
  readonly json: string;
  /** The same envelope parsed and checked against its contract, when the caller did so already (the sink stage does). */
  readonly envelope?: Envelope;
}

export interface SinkDriver {
  readonly name: string;
  /** Write envelopes whose id was not written before; returns how many were new. */
  write(envelopes: readonly (Envelope | SerializedEnvelope)[]): Promise<number>;
  /** Make everything written so far durable. */
  flush(): Promise<void>;
  /** Flush and release the driver; idempotent. */
  dispose(): Promise<void>;
  /**
   * Whether the target can be written now (a database that answers). Throws a SinkUnavailableError
   * naming the target and the cause. Optional: a driver with nothing to check has none.
   */
  check?(): Promise<void>;
}

export class SinkError extends Error {
  override name = 'SinkError';
  constructor(driver: string, message: string, options?: { cause?: unknown }) {
    super(`[sink] [${driver}] ${message}`, options);
  }
}

/** A sink whose target cannot be reached at all (a database that is down): a CLI run exits with code 3. */
export class SinkUnavailableError extends SinkError {
  override name = 'SinkUnavailableError';
  readonly exitCode = 3;
  constructor(driver: string, target: string, reason: string, options?: { cause?: unknown }) {
    super(driver, `${target}: cannot connect (${reason})`, options);
  }
}

export const isSerialized = (e: object): e is SerializedEnvelope => typeof (e as Partial<SerializedEnvelope>).json === 'string';

/** The envelope object of a sink item (a serialized one parsed with the Envelope contract; its id must match). */
export function envelopeOf<E extends { id: string }>(e: E | SerializedEnvelope, driver: string): E | Envelope {
  if (!isSerialized(e)) return e;
  let parsed = e.envelope;
  if (!parsed) {
    const r = EnvelopeSchema.safeParse(JSON.parse(e.json));
    if (!r.success) {
      throw new SinkError(driver, `serialized envelope ${JSON.stringify(e.id)} is not an envelope: ${describeIssues(r.error)}`, { cause: r.error });
    }
    parsed = r.data;
  }
  if (parsed.id !== e.id) throw new SinkError(driver, `serialized envelope ${JSON.stringify(e.id)} holds id ${JSON.stringify(parsed.id)}`);
  return parsed;
}

/**
 * Permanent vs transient, as a type: every stage error is classified once here, and both
 * transports act on it (BullMQ: UnrecoverableError vs retry with backoff; local runner: give up
 * vs retry).
 */
import { ZodError } from 'zod';
import { FetchError } from '../fetch/errors.ts';
import { FeedError } from '../feeds/errors.ts';
import { InputError } from '../input/errors.ts';

/** An ingestion fault that a retry cannot fix (a parked article expired, a bad payload). */
export class PermanentError extends Error {
  override name = 'PermanentError';
  readonly permanent = true as const;
}

export interface Classified {
  permanent: boolean;
  /** Server-asked delay before the next try (Retry-After on 429/503). */
  retryAfterMs: number | undefined;
  message: string;
}

export function classify(err: unknown): Classified {
  const message = err instanceof Error ? err.message : String(err);
  if (err instanceof FetchError) return { permanent: err.permanent, retryAfterMs: err.retryAfterMs, message };
  if (
    err instanceof FeedError ||
    err instanceof InputError ||
    err instanceof PermanentError ||
    err instanceof ZodError ||
    // by name: importing src/pipeline.ts here would load the lexicons into every process
    (err instanceof Error && err.name === 'PipelineBuildError')
  ) {
    return { permanent: true, retryAfterMs: undefined, message };
  }
  return { permanent: false, retryAfterMs: undefined, message };
}

/**
 * The account of one ingestion run, kept the same way by both transports: feeds polled, articles
 * written or found duplicate, failures with their reason; each finished unit of work also goes to
 * the caller's onEvent (progress bars, tests).
 */
import type { Logger } from './log.ts';
import type { SinkResult } from './stages/index.ts';

export type IngestEvent =
  | { type: 'feed'; feedId: string; status: 200 | 304; fresh: number }
  | { type: 'record'; id: string; written: boolean; duplicate: boolean }
  | { type: 'failed'; stage: string; id: string; error: string };

export interface IngestSummary {
  mode: 'embedded' | 'queue';
  feedsPolled: number;
  feedsNotModified: number;
  articles: number;
  written: number;
  duplicates: number;
  failures: { stage: string; id: string; error: string }[];
  ms: number;
}

export class RunTally {
  private readonly t0 = performance.now();
  readonly summary: IngestSummary;

  constructor(
    mode: IngestSummary['mode'],
    private readonly onEvent?: (e: IngestEvent) => void,
    /** Failures are logged as warnings when given (the queue workers log their own). */
    private readonly log?: Logger,
  ) {
    this.summary = { mode, feedsPolled: 0, feedsNotModified: 0, articles: 0, written: 0, duplicates: 0, failures: [], ms: 0 };
  }

  feed(feedId: string, status: 200 | 304, fresh: number): void {
    this.summary.feedsPolled++;
    if (status === 304) this.summary.feedsNotModified++;
    this.onEvent?.({ type: 'feed', feedId, status, fresh });
  }

  record(id: string, r: SinkResult): void {
    this.summary.articles++;
    if (r.written) this.summary.written++;
    if (r.duplicate) this.summary.duplicates++;
    this.onEvent?.({ type: 'record', id, written: r.written, duplicate: r.duplicate });
  }

  failed(stage: string, id: string, err: unknown): void {
    const error = err instanceof Error ? err.message : String(err);
    this.summary.failures.push({ stage, id, error });
    this.log?.warn({ stage, id, err: error }, 'failed');
    this.onEvent?.({ type: 'failed', stage, id, error });
  }

  /** The summary, with the time since the tally began. */
  finish(): IngestSummary {
    this.summary.ms = Math.round(performance.now() - this.t0);
    return this.summary;
  }
}

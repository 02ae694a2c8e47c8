/**
 * `newsnlp status`: the pipeline on one screen. Each queue's jobs by state and the workers
 * connected to it, then each scheduled feed with its last poll, HTTP status, new items and health
 * (feeds in trouble first). `--json` prints the same report as JSON.
 *
 *   newsnlp status · redis://127.0.0.1:6379 · prefix newsnlp · 2025-06-01T12:00:00.000Z
 *
 *   queue          waiting  active  delayed  failed  completed  workers
 *   feed-poll            0       0        2       1         41        1
 *   ...
 *
 *   feed      every  last poll      status  new items  health
 *   missing   1h     5m ago         404             0  failing: 1 poll in a row: [fetch] ...: 404 Not Found
 *   bbc       15m    2m ago         200            12  ok
 */
import type { IngestConfig } from '../ingest/config.ts';
import { QUEUE_NAMES, STAGES } from '../ingest/queues.ts';
import type { Queues, StageName } from '../ingest/queues.ts';
import { formatDuration, listFeeds } from '../ingest/schedule.ts';
import type { FeedHealth } from '../ingest/schedule.ts';
import type { IngestStore } from '../ingest/store.ts';
import { httpStatusOf } from './http-status.ts';

export const STATUS_STATES = ['waiting', 'prioritized', 'active', 'delayed', 'failed', 'completed', 'waiting-children'] as const;
export type StatusState = (typeof STATUS_STATES)[number];

export interface QueueStatus {
  stage: StageName;
  queue: string;
  counts: Record<StatusState, number>;
  /** Workers connected to the queue (null when Redis refuses CLIENT LIST, as some managed ones do). */
  workers: number | null;
  paused: boolean;
}

export type FeedState = 'ok' | 'failing' | 'silent' | 'never polled';

export interface FeedStatus extends FeedHealth {
  /** The later of the last success and the last failure. */
  lastPollAt: string | null;
  /** Its HTTP status ("200", "304", "404"...), "error" when it failed without one; null when never polled. */
  lastPollStatus: string | null;
  health: FeedState;
}

export interface StatusReport {
  at: string;
  redis: string;
  prefix: string;
  queues: QueueStatus[];
  feeds: FeedStatus[];
}

export async function gatherStatus(cfg: IngestConfig, queues: Queues, store: IngestStore, now = Date.now()): Promise<StatusReport> {
  const qs = await Promise.all(
    STAGES.map(async (stage): Promise<QueueStatus> => {
      const q = queues.byStage(stage);
      const [counts, paused, workers] = await Promise.all([
        q.getJobCounts(...STATUS_STATES),
        q.isPaused(),
        q.getWorkersCount().catch(() => null),
      ]);
      const c = Object.fromEntries(STATUS_STATES.map((s) => [s, counts[s] ?? 0])) as Record<StatusState, number>;
      return { stage, queue: QUEUE_NAMES[stage], counts: c, workers, paused };
    }),
  );
  const feeds = (await listFeeds(cfg, queues, store, now)).map((f): FeedStatus => {
    const polls = [f.lastSuccessAt, f.lastErrorAt].filter((t): t is string => t !== null).sort();
    const lastPollAt = polls.at(-1) ?? null;
    const failedLast = f.lastErrorAt !== null && f.lastErrorAt === lastPollAt;
    const lastPollStatus = !lastPollAt ? null : failedLast ? (httpStatusOf(f.lastError ?? '') ?? 'error') : f.lastStatus === null ? null : String(f.lastStatus);
    const health: FeedState = !lastPollAt ? 'never polled' : f.errorStreak > 0 ? 'failing' : f.warning ? 'silent' : 'ok';
    return { ...f, lastPollAt, lastPollStatus, health };
  });
  // trouble first, then by id
  const rank: Record<FeedState, number> = { failing: 0, silent: 1, 'never polled': 2, ok: 3 };
  feeds.sort((a, b) => rank[a.health] - rank[b.health] || (a.id < b.id ? -1 : 1));
  return { at: new Date(now).toISOString(), redis: redact(cfg.redisUrl ?? ''), prefix: cfg.prefix, queues: qs, feeds };
}

/** A URL with its password replaced. */
export function redact(url: string): string {
  return url.replace(/(\/\/[^:/@]*:)[^@/]*@/, '$1***@');
}

/** The report as one screen of text (long error messages cut to the width). */
export function formatStatus(r: StatusReport, opts: { now?: number; width?: number } = {}): string {
  const now = opts.now ?? Date.parse(r.at);
  const width = opts.width ?? 120;
  const ago = (t: string | null) => (t ? `${formatDuration(Math.max(0, now - Date.parse(t)))} ago` : 'never');
  const lines = [`newsnlp status · ${r.redis} · prefix ${r.prefix} · ${r.at}`, ''];
  lines.push(
    ...table(
      ['queue', 'waiting', 'active', 'delayed', 'failed', 'completed', 'workers'],
      r.queues.map((q) => [
        q.queue + (q.paused ? ' (paused)' : ''),
        String(q.counts.waiting + q.counts.prioritized + q.counts['waiting-children']),
        String(q.counts.active),
        String(q.counts.delayed),
        String(q.counts.failed),
        String(q.counts.completed),
        q.workers === null ? '?' : String(q.workers),
      ]),
    ),
  );
  lines.push('');
  if (!r.feeds.length) lines.push('no feeds scheduled (newsnlp feeds add URL, or feeds sync seeds/feeds.yaml)');
  else {
    const rows = r.feeds.map((f) => [
      f.id,
      f.everyMs ? formatDuration(f.everyMs) : '?',
      ago(f.lastPollAt),
      f.lastPollStatus ?? '-',
      String(f.newItems),
      f.health === 'ok' || f.health === 'never polled'
        ? f.health
        : `${f.health}: ${[f.warning, f.errorStreak > 0 && f.lastError ? f.lastError : null].filter(Boolean).join('; ')}`,
    ]);
    for (const line of table(['feed', 'every', 'last poll', 'status', 'new items', 'health'], rows)) {
      lines.push(line.length > width ? line.slice(0, width - 1) + '…' : line);
    }
  }
  return lines.join('\n') + '\n';
}

/** Columns padded to their widest cell, numbers right-aligned; a last column of text is left as it is. */
function table(head: string[], rows: string[][]): string[] {
  const all = [head, ...rows];
  const widths = head.map((_, i) => Math.max(...all.map((r) => r[i]!.length)));
  const numeric = head.map((_, i) => rows.length > 0 && rows.every((r) => /^(\d+|\?|-|error)$/.test(r[i]!)));
  return all.map((r) =>
    r
      .map((cell, i) => (numeric[i] ? cell.padStart(widths[i]!) : i === r.length - 1 ? cell : cell.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd(),
  );
}

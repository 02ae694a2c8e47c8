/**
 * The BullMQ transport for one run (`newsnlp run` with REDIS_URL): feed polls and parked local
 * articles are enqueued, workers for all four queues run in this process until the queues are
 * idle, then everything is closed. Loaded only when REDIS_URL is set (runIngest in local.ts).
 */
import { articleId, hashId } from '../util/ids.ts';
import type { SinkBatchResult } from './batch.ts';
import { loadConfig } from './config.ts';
import { forEachLocalArticle, localParkOptions } from './local.ts';
import type { IngestRunOptions } from './local.ts';
import { createLogger } from './log.ts';
import { ExtractProducer } from './producer.ts';
import { waitIdle } from './queues.ts';
import { isBatchData } from './types.ts';
import type { SinkResult } from './stages/index.ts';
import { RunTally } from './summary.ts';
import type { IngestSummary } from './summary.ts';
import { startWorkers } from './workers.ts';

/** The article ids a job's payload names (one, or a batch's), or [] for a feed poll. */
function articlesOf(data: unknown): string[] {
  if (isBatchData(data)) return (data.articles as { articleId?: unknown }[]).map((a) => String(a.articleId));
  const id = (data as { articleId?: unknown } | null)?.articleId;
  return typeof id === 'string' ? [id] : [];
}

export async function runQueued(opts: IngestRunOptions = {}): Promise<IngestSummary> {
  const cfg = opts.cfg ?? loadConfig();
  const log = opts.log ?? createLogger();
  const tally = new RunTally('queue', opts.onEvent);
  const runId = hashId(String(Date.now()), String(Math.random()));
  // This run's jobs only: the workers also take jobs that were in Redis before it (scheduled feed
  // polls, other producers' articles); those are neither counted nor waited for as failures.
  const ownFeedJob = (jobId: string) => jobId.startsWith(`run-${runId}-`);
  const ownArticles = new Set<string>();
  const own = (e: { stage: string; jobId: string; data?: unknown }) =>
    e.stage === 'feed' ? ownFeedJob(e.jobId) : articlesOf(e.data).some((id) => ownArticles.has(id));
  const running = await startWorkers(cfg, {
    log,
    ...(opts.http ? { http: opts.http } : {}),
    ...(opts.sink ? { sink: opts.sink } : {}),
    onJob: (e) => {
      if (!own(e)) return;
      if (e.stage === 'feed' && e.outcome === 'completed') for (const id of (e.result as { articleIds?: string[] }).articleIds ?? []) ownArticles.add(id);
      if (e.outcome === 'failed') tally.failed(e.stage, e.jobId, e.error ?? '');
      else if (e.outcome === 'completed' && e.stage === 'feed') {
        const r = e.result as { status: 200 | 304; fresh: number };
        tally.feed(e.jobId, r.status, r.fresh);
      } else if (e.outcome === 'completed' && e.stage === 'sink') {
        // A single-article sink job (s-<id>) returns its result; a batch one (sb-...) one per article.
        const r = e.result as SinkResult | SinkBatchResult;
        const each = 'results' in r ? r.results : [{ articleId: e.jobId.replace(/^s-/, ''), ...r }];
        for (const { articleId: id, ...x } of each) if (ownArticles.has(id)) tally.record(id, x);
      }
    },
  });
  try {
    for (const feed of opts.feeds ?? []) {
      await running.queues.feed.add('poll', { feedId: feed.id, url: feed.url, ...(feed.file ? { file: true as const } : {}) }, { jobId: `run-${runId}-${feed.id}` });
    }
    // Articles are parked several at a time and their extract jobs added in batches.
    const producer = new ExtractProducer(running.deps.ctx, running.queues);
    await forEachLocalArticle(
      opts.inputs ?? [],
      (a, path) => {
        const id = articleId(a);
        ownArticles.add(id);
        return producer.add(id, a, localParkOptions(a, path));
      },
      (path, err) => tally.failed('read', path, err),
    );
    await producer.drain();
    await waitIdle(running.queues);
  } finally {
    await running.close();
  }
  return tally.finish();
}

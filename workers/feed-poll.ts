/** feed-poll worker: poll one feed, enqueue an article-fetch for each new item. */
import type { Job } from 'bullmq';
import { pollFeed } from '../src/ingest/stages/index.ts';
import { isFinalAttempt, toJobError } from '../src/ingest/queues.ts';
import { FeedPollPayloadSchema } from '../src/ingest/types.ts';
import { payload } from './common.ts';
import type { WorkerDeps } from './common.ts';

export function feedPollProcessor(deps: WorkerDeps) {
  return async (job: Job) => {
    const p = payload(FeedPollPayloadSchema, job.data, job.id);
    try {
      const r = await pollFeed(deps.ctx, p, { jobId: job.id ?? `${p.feedId}@${job.timestamp}`, final: isFinalAttempt(job) });
      await deps.queues.addFetches(r.fresh);
      return { status: r.status, items: r.items, fresh: r.fresh.length };
    } catch (err) {
      throw toJobError(err);
    }
  };
}

/**
 * sink worker: write one envelope (job s-<id>) or a batch's envelopes (job sb-<hash>) to the sink,
 * idempotent on the article id. A batch is written with one flush; an article of it that fails
 * (its envelope gone, its write refused) is queued again alone (s-<id>) so it retries or fails on
 * its own while the others are written. If every article fails, the batch itself retries.
 */
import type { Job } from 'bullmq';
import { sink, sinkMany } from '../src/ingest/stages/index.ts';
import type { SinkResult } from '../src/ingest/stages/index.ts';
import { classify } from '../src/ingest/errors.ts';
import { toJobError } from '../src/ingest/queues.ts';
import { SinkBatchPayloadSchema, SinkPayloadSchema, isBatchData } from '../src/ingest/types.ts';
import type { SinkPayload } from '../src/ingest/types.ts';
import { payload } from './common.ts';
import type { WorkerDeps } from './common.ts';

/** What a batch sink job returns: one entry per article written (or found already written). */
export interface SinkBatchResult {
  results: ({ articleId: string } & SinkResult)[];
  requeued: { articleId: string; error: string }[];
}

export function sinkProcessor(deps: WorkerDeps) {
  return async (job: Job): Promise<SinkResult | SinkBatchResult> => {
    if (isBatchData(job.data)) {
      const ps = payload(SinkBatchPayloadSchema, job.data, job.id).articles;
      try {
        const outcomes = await sinkMany(deps.ctx, ps);
        const failed = outcomes.filter((o) => !o.ok);
        // Every article failed for a transient reason (the sink or Redis away): retry the batch whole.
        const errors = failed.map((o) => (o.ok ? null : o.error));
        if (failed.length === outcomes.length && errors.every((e) => !classify(e).permanent)) throw errors[0];
        const byId = new Map(ps.map((p) => [p.articleId, p]));
        await deps.queues.addSinks(failed.map((o) => byId.get(o.articleId)!) as SinkPayload[]);
        const requeued = failed.map((o) => ({ articleId: o.articleId, error: o.ok ? '' : o.error instanceof Error ? o.error.message : String(o.error) }));
        if (requeued.length) deps.ctx.log.warn({ requeued }, 'articles of a sink batch failed: queued again alone');
        return { results: outcomes.flatMap((o) => (o.ok ? [{ articleId: o.articleId, ...o.result }] : [])), requeued };
      } catch (err) {
        throw toJobError(err);
      }
    }
    const p = payload(SinkPayloadSchema, job.data, job.id);
    try {
      return await sink(deps.ctx, p);
    } catch (err) {
      throw toJobError(err);
    }
  };
}

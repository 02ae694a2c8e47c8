/** sink worker: write one envelope to the sink (idempotent on the article id). */
import type { Job } from 'bullmq';
import { sink } from '../src/ingest/stages.ts';
import { toJobError } from '../src/ingest/queues.ts';
import { SinkPayloadSchema } from '../src/ingest/types.ts';
import { payload } from './common.ts';
import type { WorkerDeps } from './common.ts';

export function sinkProcessor(deps: WorkerDeps) {
  return async (job: Job) => {
    const p = payload(SinkPayloadSchema, job.data, job.id);
    try {
      return await sink(deps.ctx, p);
    } catch (err) {
      throw toJobError(err);
    }
  };
}

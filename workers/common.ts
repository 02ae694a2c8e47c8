/** What every thin worker needs: validate job.data with zod, call one stage, map its errors. */
import { UnrecoverableError } from 'bullmq';
import type { z } from 'zod';
import type { StageContext } from '../src/ingest/stages/index.ts';
import type { Queues } from '../src/ingest/queues.ts';

export interface WorkerDeps {
  ctx: StageContext;
  queues: Queues;
}

/** job.data -> payload, or an UnrecoverableError naming the job and what is wrong. */
export function payload<T>(schema: z.ZodType<T>, data: unknown, jobId: string | undefined): T {
  const r = schema.safeParse(data);
  if (!r.success) {
    throw new UnrecoverableError(`[ingest] job ${jobId ?? '?'}: bad payload: ${r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  return r.data;
}

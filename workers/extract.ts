/**
 * extract worker, run as a BullMQ sandboxed processor: the pipeline is CPU-bound, so it runs in
 * a child process and the worker's event loop stays free to renew job locks. The child gets the
 * ingestion config through its environment (configToEnv), opens its own Redis connections, runs
 * the extract stage and enqueues the sink job.
 */
import type { SandboxedJob } from 'bullmq';
import { loadConfig } from '../src/ingest/config.ts';
import type { IngestConfig } from '../src/ingest/config.ts';
import { createLogger } from '../src/ingest/log.ts';
import { Queues, toJobError } from '../src/ingest/queues.ts';
import { extract } from '../src/ingest/stages.ts';
import type { StageContext } from '../src/ingest/stages.ts';
import { RedisStore } from '../src/ingest/store.ts';
import { ExtractPayloadSchema } from '../src/ingest/types.ts';
import { payload } from './common.ts';
import type { WorkerDeps } from './common.ts';

/** The processor proper, also usable in-process (deps given). */
export function extractProcessor(deps: WorkerDeps) {
  return async (job: Pick<SandboxedJob, 'id' | 'data'>) => {
    const p = payload(ExtractPayloadSchema, job.data, job.id);
    try {
      const r = await extract(deps.ctx, p);
      await deps.queues.addSink({ articleId: p.articleId, recordKey: r.recordKey });
      return r;
    } catch (err) {
      throw toJobError(err);
    }
  };
}

let deps: WorkerDeps | null = null;
function childDeps(): WorkerDeps {
  if (!deps) {
    const cfg: IngestConfig = loadConfig();
    const ctx: StageContext = { cfg, store: RedisStore.connect(cfg.redisUrl!), log: createLogger('info', 'newsnlp-extract') };
    deps = { ctx, queues: new Queues(cfg) };
  }
  return deps;
}

/** Default export: the sandboxed processor BullMQ calls in the child (see extract.processor.js). */
export default async function sandboxed(job: SandboxedJob) {
  return extractProcessor(childDeps())(job);
}

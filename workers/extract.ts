/**
 * extract worker. By default (NEWSNLP_EXTRACT_MODE=inline) the processor runs on the worker's own
 * thread: a batch takes about 50-80 ms and hands the event loop back every 10 ms (extractMany), so
 * job locks are renewed and sink jobs go on meanwhile; a worker process is one core. With
 * NEWSNLP_EXTRACT_MODE=sandboxed it runs as a BullMQ sandboxed processor in child processes
 * (extract.processor.js): the child gets the ingestion config through its environment
 * (configToEnv), opens its own Redis connections, runs the extract stage and enqueues the sink job.
 *
 * Two kinds of job: one article ({articleId, articleKey}, id x-<id>) or a batch ({articles: [...]},
 * id xb-<hash>, from the producer). A batch reads its articles in one round trip, extracts them
 * one after the other, parks the envelopes in one round trip and adds ONE sink job for all that
 * succeeded. An article that fails inside a batch
 * does not fail the others: it is queued again alone (x-<id>, the usual attempts and backoff), so
 * a transient fault retries just it and a permanent one fails just it, inspectable as before.
 */
import type { SandboxedJob } from 'bullmq';
import { loadConfig } from '../src/ingest/config.ts';
import type { IngestConfig } from '../src/ingest/config.ts';
import { createLogger } from '../src/ingest/log.ts';
import { Queues, toJobError } from '../src/ingest/queues.ts';
import { extract, extractMany } from '../src/ingest/stages/index.ts';
import type { ExtractResult, StageContext } from '../src/ingest/stages/index.ts';
import { RedisStore } from '../src/ingest/store.ts';
import { ExtractBatchPayloadSchema, ExtractPayloadSchema, isBatchData } from '../src/ingest/types.ts';
import type { ExtractPayload, SinkPayload } from '../src/ingest/types.ts';
import { payload } from './common.ts';
import type { WorkerDeps } from './common.ts';

/** What a batch job returns (kept in BullMQ with the completed job). */
export interface ExtractBatchResult {
  articles: number;
  extracted: number;
  /** Articles queued again alone, with the reason. */
  requeued: { articleId: string; error: string }[];
}

/** The processor proper, also usable in-process (deps given). */
export function extractProcessor(deps: WorkerDeps) {
  return async (job: Pick<SandboxedJob, 'id' | 'data'>): Promise<ExtractResult | ExtractBatchResult> => {
    if (isBatchData(job.data)) return extractBatch(deps, payload(ExtractBatchPayloadSchema, job.data, job.id).articles);
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

async function extractBatch(deps: WorkerDeps, articles: readonly ExtractPayload[]): Promise<ExtractBatchResult> {
  try {
    // The store away: the batch retries as a whole, with backoff.
    const outcomes = await extractMany(deps.ctx, articles);
    const done: SinkPayload[] = [];
    const failed: ExtractPayload[] = [];
    const requeued: ExtractBatchResult['requeued'] = [];
    outcomes.forEach((o, i) => {
      if (o.ok) done.push({ articleId: o.articleId, recordKey: o.result.recordKey });
      else {
        failed.push(articles[i]!);
        requeued.push({ articleId: o.articleId, error: o.error instanceof Error ? o.error.message : String(o.error) });
      }
    });
    // Each failed article alone (its own attempts and backoff; a permanent fault fails just it).
    await Promise.all([deps.queues.addExtractGroups(failed.map((p) => [p])), deps.queues.addSinkGroup(done)]);
    if (requeued.length) deps.ctx.log.warn({ requeued }, 'articles of an extract batch failed: queued again alone');
    return { articles: articles.length, extracted: done.length, requeued };
  } catch (err) {
    throw toJobError(err);
  }
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

/**
 * The BullMQ job processors, one per queue, thin: validate job.data with zod, call the stage (or
 * the batch policy), enqueue the next stage's job, map the error (permanent -> UnrecoverableError,
 * transient -> retry with backoff). They run without a Worker (tests hand them a job object);
 * workers.ts gives them to BullMQ.
 *
 *   feed-poll      pollFeed, then one article-fetch job per new item
 *   article-fetch  fetchArticle, then its extract job
 *   extract        one article (x-<id>) or a batch (xb-<hash>, batch.ts), then the sink job(s)
 *   sink           one envelope (s-<id>) or a batch's (sb-<hash>, batch.ts)
 */
import { UnrecoverableError } from 'bullmq';
import type { Job, SandboxedJob } from 'bullmq';
import type { z } from 'zod';
import { extractBatch, sinkBatch } from './batch.ts';
import type { ExtractBatchResult, SinkBatchResult } from './batch.ts';
import { loadConfig } from './config.ts';
import { createLogger } from './log.ts';
import { Queues, isFinalAttempt, isRerun, toJobError } from './queues.ts';
import { extract, fetchArticle, pollFeed, sink } from './stages/index.ts';
import type { ExtractResult, SinkResult, StageContext } from './stages/index.ts';
import { RedisStore } from './store.ts';
import {
  ArticleFetchPayloadSchema,
  ExtractBatchPayloadSchema,
  ExtractPayloadSchema,
  FeedPollPayloadSchema,
  SinkBatchPayloadSchema,
  SinkPayloadSchema,
  isBatchData,
} from './types.ts';

/** What every processor needs: the stage context and the queues to add the next jobs to. */
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

/** Run a processor body; its error as BullMQ should see it. */
async function asJob<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw toJobError(err);
  }
}

/** feed-poll: poll one feed, enqueue an article-fetch for each new item. */
export function feedPollProcessor(deps: WorkerDeps) {
  return async (job: Job) => {
    const p = payload(FeedPollPayloadSchema, job.data, job.id);
    return asJob(async () => {
      const attempt = { jobId: job.id ?? `${p.feedId}@${job.timestamp}`, final: isFinalAttempt(job), rerun: isRerun(job) };
      const r = await pollFeed(deps.ctx, p, attempt, (fresh) => deps.queues.addFetches(fresh));
      return { status: r.status, items: r.items, noLink: r.noLink, fresh: r.fresh.length, articleIds: r.fresh.map((f) => f.articleId) };
    });
  };
}

/** article-fetch: fetch one article page (or fall back to the feed item), enqueue its extraction. */
export function articleFetchProcessor(deps: WorkerDeps) {
  return async (job: Job) => {
    const p = payload(ArticleFetchPayloadSchema, job.data, job.id);
    return asJob(async () => {
      const r = await fetchArticle(deps.ctx, p, { jobId: job.id ?? p.articleId, final: isFinalAttempt(job) });
      await deps.queues.addExtract({ articleId: p.articleId, articleKey: r.articleKey });
      return r;
    });
  };
}

/**
 * extract: one article ({articleId, articleKey}, id x-<id>) or a batch ({articles: [...]}, id
 * xb-<hash>, from the producer). A batch adds ONE sink job for the articles it extracted and
 * queues each failed one again alone (x-<id>: its own attempts and backoff).
 */
export function extractProcessor(deps: WorkerDeps) {
  return async (job: Pick<SandboxedJob, 'id' | 'data'>): Promise<ExtractResult | ExtractBatchResult> => {
    if (isBatchData(job.data)) {
      const articles = payload(ExtractBatchPayloadSchema, job.data, job.id).articles;
      // The store away: the batch retries as a whole, with backoff.
      return asJob(() =>
        extractBatch(deps.ctx, articles, {
          sink: (done) => deps.queues.addSinkGroup(done),
          alone: (failed) => deps.queues.addExtractGroups(failed.map((p) => [p])),
        }),
      );
    }
    const p = payload(ExtractPayloadSchema, job.data, job.id);
    return asJob(async () => {
      const r = await extract(deps.ctx, p);
      await deps.queues.addSink({ articleId: p.articleId, recordKey: r.recordKey });
      return r;
    });
  };
}

/**
 * sink: write one envelope (s-<id>) or a batch's envelopes (sb-<hash>) to the sink, idempotent on
 * the article id. A batch is written with one flush; an article of it that fails is queued again
 * alone (s-<id>); if every article fails for a transient reason, the batch itself retries.
 */
export function sinkProcessor(deps: WorkerDeps) {
  return async (job: Job): Promise<SinkResult | SinkBatchResult> => {
    if (isBatchData(job.data)) {
      const ps = payload(SinkBatchPayloadSchema, job.data, job.id).articles;
      return asJob(() => sinkBatch(deps.ctx, ps, (failed) => deps.queues.addSinks(failed)));
    }
    const p = payload(SinkPayloadSchema, job.data, job.id);
    return asJob(() => sink(deps.ctx, p));
  };
}

let childDeps: WorkerDeps | null = null;

/**
 * The extract processor of a sandboxed child process (extract-sandbox.js, forked by BullMQ when
 * NEWSNLP_EXTRACT_MODE=sandboxed): the child gets the ingestion config through its environment
 * (configToEnv) and opens its own Redis connections.
 */
export async function sandboxedExtract(job: SandboxedJob) {
  if (!childDeps) {
    const cfg = loadConfig();
    const ctx: StageContext = { cfg, store: RedisStore.connect(cfg.redisUrl!), log: createLogger('info', 'newsnlp-extract') };
    childDeps = { ctx, queues: new Queues(cfg) };
  }
  return extractProcessor(childDeps)(job);
}

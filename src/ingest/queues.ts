/**
 * The BullMQ transport: queue names, connections, job options, enqueue helpers and waitIdle. The
 * stages live in stages/; the job processors (processors.ts) are thin wrappers around them, run by
 * the worker runner (workers.ts).
 *
 *   feed-poll -> article-fetch -> extract (on the worker thread, or sandboxed) -> sink
 *
 * Production settings from BullMQ's guide: worker connections use maxRetriesPerRequest: null
 * (they must wait out a Redis restart), producer connections keep ioredis' default so adding a
 * job fails fast; removeOnComplete/removeOnFail are bounded; Redis should run with AOF and
 * maxmemory-policy noeviction (checked at start; a managed Redis may refuse CONFIG GET).
 * Job ids are deterministic (article id), so an article listed by two feeds or two polls is
 * queued once; record ids and the sink's own index keep it written once even after removal.
 */
import { Queue, UnrecoverableError } from 'bullmq';
import type { Job, JobsOptions } from 'bullmq';
import { Cluster } from 'ioredis';
import type { RedisOptions } from 'ioredis';
import { connectRedis } from './redis.ts';
import type { RedisClient, RedisReconnects } from './redis.ts';
import type { IngestConfig } from './config.ts';
import { classify } from './errors.ts';
import type { Logger } from './log.ts';
import { hashId } from '../util/ids.ts';
import type { ArticleFetchPayload, ExtractBatchPayload, ExtractPayload, FeedPollPayload, SinkBatchPayload, SinkPayload } from './types.ts';

export const QUEUE_NAMES = {
  feed: 'feed-poll',
  fetch: 'article-fetch',
  extract: 'extract',
  sink: 'sink',
} as const;
export type StageName = keyof typeof QUEUE_NAMES;
export const STAGES = Object.keys(QUEUE_NAMES) as StageName[];

/** "feed,fetch" or queue names "feed-poll,article-fetch" -> stage names; throws on unknown ones. */
export function parseStages(list: string): StageName[] {
  const out: StageName[] = [];
  for (const raw of list.split(',').map((s) => s.trim()).filter(Boolean)) {
    const byQueue = (Object.entries(QUEUE_NAMES) as [StageName, string][]).find(([, q]) => q === raw)?.[0];
    const stage = (raw in QUEUE_NAMES ? (raw as StageName) : byQueue) ?? null;
    if (!stage) throw new Error(`[ingest] unknown queue "${raw}"; known: ${STAGES.join(', ')} (or ${Object.values(QUEUE_NAMES).join(', ')})`);
    if (!out.includes(stage)) out.push(stage);
  }
  return out;
}

/** Kept: the last 1000 completed jobs (up to a day) and 5000 failed ones (up to a week). */
export const KEEP_COMPLETED = { count: 1000, age: 24 * 3600 };
export const KEEP_FAILED = { count: 5000, age: 7 * 24 * 3600 };
export const BACKOFF_TYPE = 'newsnlp';

export function jobOptions(cfg: IngestConfig): JobsOptions {
  return {
    attempts: cfg.attempts,
    backoff: { type: BACKOFF_TYPE, delay: cfg.backoffMs },
    removeOnComplete: KEEP_COMPLETED,
    removeOnFail: KEEP_FAILED,
  };
}

/**
 * Exponential backoff (backoffMs * 2^(n-1), with 20% jitter), but never sooner than the server's
 * Retry-After (429/503), which the worker copies onto the error it throws.
 */
export function backoffStrategy(cfg: IngestConfig) {
  return (attemptsMade: number, _type?: string, err?: Error): number => {
    const base = cfg.backoffMs * 2 ** Math.max(0, attemptsMade - 1);
    const jittered = Math.round(base * (0.8 + Math.random() * 0.2));
    const retryAfter = (err as { retryAfterMs?: number } | undefined)?.retryAfterMs ?? 0;
    return Math.max(jittered, retryAfter);
  };
}

/**
 * A producer (Queue) connection: commands fail fast when Redis is away. In a worker process it
 * reports to the process's RedisReconnects (bounded backoff, one log line per attempt).
 */
export function producerConnection(cfg: IngestConfig, reconnects?: RedisReconnects): RedisClient {
  return watched(requireUrl(cfg), { maxRetriesPerRequest: 3 }, reconnects);
}

/** A worker connection: blocking commands wait out a Redis restart (BullMQ requires null here). */
export function workerConnection(cfg: IngestConfig, reconnects?: RedisReconnects): RedisClient {
  return watched(requireUrl(cfg), { maxRetriesPerRequest: null }, reconnects);
}

function watched(url: string, opts: RedisOptions, reconnects: RedisReconnects | undefined): RedisClient {
  return reconnects ? reconnects.watch(connectRedis(url, { ...opts, ...reconnects.options() })) : connectRedis(url, opts);
}

function requireUrl(cfg: IngestConfig): string {
  if (!cfg.redisUrl) throw new Error('[ingest] queue mode needs REDIS_URL (embedded mode runs without it: see runIngest)');
  return cfg.redisUrl;
}

/** The four producer queues on one shared connection. */
export class Queues {
  readonly feed: Queue<FeedPollPayload>;
  readonly fetch: Queue<ArticleFetchPayload>;
  readonly extract: Queue<ExtractPayload | ExtractBatchPayload>;
  readonly sink: Queue<SinkPayload | SinkBatchPayload>;
  private closed = false;

  constructor(
    readonly cfg: IngestConfig,
    readonly connection: RedisClient = producerConnection(cfg),
  ) {
    const opts = { connection, prefix: cfg.prefix, defaultJobOptions: jobOptions(cfg) };
    this.feed = new Queue<FeedPollPayload>(QUEUE_NAMES.feed, opts);
    this.fetch = new Queue<ArticleFetchPayload>(QUEUE_NAMES.fetch, opts);
    this.extract = new Queue<ExtractPayload | ExtractBatchPayload>(QUEUE_NAMES.extract, opts);
    this.sink = new Queue<SinkPayload | SinkBatchPayload>(QUEUE_NAMES.sink, opts);
    // A Queue re-emits its connection's errors; without a listener BullMQ prints each one with its
    // stack. Commands fail with their own errors; the connection's state is reported by its watcher.
    for (const q of this.all()) q.on('error', () => undefined);
  }

  byStage(stage: StageName): Queue {
    return this[stage] as Queue;
  }

  all(): Queue[] {
    return STAGES.map((s) => this.byStage(s));
  }

  async addFetches(payloads: ArticleFetchPayload[]): Promise<void> {
    if (!payloads.length) return;
    await this.fetch.addBulk(payloads.map((data) => ({ name: 'fetch', data, opts: { jobId: `a-${data.articleId}` } })));
  }
  async addExtract(data: ExtractPayload): Promise<void> {
    await this.extract.add('extract', data, { jobId: `x-${data.articleId}` });
  }
  /** Many extract jobs in one round trip (the producer's batches). */
  async addExtracts(payloads: readonly ExtractPayload[]): Promise<void> {
    if (!payloads.length) return;
    await this.extract.addBulk(payloads.map((data) => ({ name: 'extract', data, opts: { jobId: `x-${data.articleId}` } })));
  }
  async addSink(data: SinkPayload): Promise<void> {
    await this.sink.add('sink', data, { jobId: `s-${data.articleId}` });
  }
  /** Single-article sink jobs in one round trip (articles re-queued alone out of a batch). */
  async addSinks(payloads: readonly SinkPayload[]): Promise<void> {
    if (!payloads.length) return;
    await this.sink.addBulk(payloads.map((data) => ({ name: 'sink', data, opts: { jobId: `s-${data.articleId}` } })));
  }

  /**
   * Extract jobs for groups of articles, all in one round trip: a group of one is a single-article
   * job (x-<id>), a larger one a batch job whose id is derived from its article ids (xb-<hash>),
   * so adding the same group twice still queues it once.
   */
  async addExtractGroups(groups: readonly (readonly ExtractPayload[])[]): Promise<void> {
    const jobs = groups.filter((g) => g.length).map((g) =>
      g.length === 1
        ? { name: 'extract', data: g[0]! as ExtractPayload | ExtractBatchPayload, opts: { jobId: `x-${g[0]!.articleId}` } }
        : { name: 'extract-batch', data: { articles: [...g] }, opts: { jobId: batchJobId('xb', g) } },
    );
    if (jobs.length) await this.extract.addBulk(jobs);
  }

  /** The sink job of a batch's extracted articles: one job for all of them (s-<id> when alone). */
  async addSinkGroup(payloads: readonly SinkPayload[]): Promise<void> {
    if (!payloads.length) return;
    if (payloads.length === 1) return this.addSink(payloads[0]!);
    await this.sink.add('sink-batch', { articles: [...payloads] }, { jobId: batchJobId('sb', payloads) });
  }

  /** Waiting + active + delayed jobs over all four queues (0: the pipeline is idle). */
  async pending(): Promise<number> {
    let n = 0;
    for (const q of this.all()) {
      const c = await q.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'waiting-children');
      n += Object.values(c).reduce((a, b) => a + b, 0);
    }
    return n;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all(this.all().map((q) => q.close()));
    await this.connection.quit().catch(() => this.connection.disconnect());
  }
}

/** Deterministic id of a batch job: a hash of its article ids, in order. */
export function batchJobId(kind: 'xb' | 'sb', articles: readonly { articleId: string }[]): string {
  return `${kind}-${articles.length}-${hashId(...articles.map((a) => a.articleId))}`;
}

/** True when the job has run before: a retry after an error, or a re-run after its worker died (stalled). */
export function isRerun(job: Pick<Job, 'attemptsMade' | 'attemptsStarted' | 'stalledCounter'>): boolean {
  return job.attemptsMade > 0 || (job.attemptsStarted ?? 0) > 1 || (job.stalledCounter ?? 0) > 0;
}

/** True on the last attempt BullMQ will make for this job. */
export function isFinalAttempt(job: Pick<Job, 'attemptsMade' | 'opts'>): boolean {
  return job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
}

/**
 * A stage error as BullMQ should see it: permanent faults as UnrecoverableError (failed at once,
 * kept with the reason), transient ones as a plain Error carrying retryAfterMs for the backoff.
 */
export function toJobError(err: unknown): Error {
  const c = classify(err);
  if (c.permanent) return new UnrecoverableError(c.message);
  const e = new Error(c.message, { cause: err }) as Error & { retryAfterMs?: number };
  if (c.retryAfterMs !== undefined) e.retryAfterMs = c.retryAfterMs;
  return e;
}

/**
 * Warn when Redis may evict BullMQ keys (maxmemory-policy other than noeviction). Managed Redis
 * often refuses CONFIG: then say that it could not be checked.
 */
export async function checkRedisPolicy(redis: RedisClient, log: Logger): Promise<string | null> {
  try {
    // on a cluster every master node must be configured so
    const nodes = redis instanceof Cluster ? redis.nodes('master') : [redis];
    let policy: string | null = null;
    for (const node of nodes) {
      const res = (await node.config('GET', 'maxmemory-policy')) as unknown as string[];
      policy = res[1] ?? null;
      if (policy && policy !== 'noeviction') break;
    }
    if (policy && policy !== 'noeviction') {
      log.warn({ policy }, `Redis maxmemory-policy is "${policy}": BullMQ needs "noeviction" or jobs may be lost`);
    }
    return policy;
  } catch (err) {
    log.warn({ err: (err as Error).message }, 'could not check Redis maxmemory-policy (CONFIG GET refused); make sure it is "noeviction"');
    return null;
  }
}

const sleep = (ms: number) => new Promise<void>((res) => setTimeout(res, ms));

/** Wait until no job is waiting, active, or delayed for a retry (scheduler jobs do not count). */
export async function waitIdle(queues: Queues, opts: { pollMs?: number; stages?: StageName[] } = {}): Promise<void> {
  const pollMs = opts.pollMs ?? 200;
  const watched = opts.stages ? opts.stages.map((s) => queues.byStage(s)) : queues.all();
  let quiet = 0;
  while (quiet < 2) {
    await sleep(pollMs);
    let n = 0;
    for (const q of watched) {
      const c = await q.getJobCounts('waiting', 'active', 'prioritized', 'waiting-children');
      n += Object.values(c).reduce((a, b) => a + b, 0);
      if (n === 0) {
        const delayed = await q.getDelayed(0, 200);
        n += delayed.filter((j) => !j.repeatJobKey).length;
      }
    }
    quiet = n === 0 ? quiet + 1 : 0;
  }
}

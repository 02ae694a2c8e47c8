/**
 * Ingestion in one call, on either transport:
 *
 *   const summary = await runIngest({ feeds: await loadFeedList('seeds/feeds.yaml'), inputs: ['seeds/'] });
 *
 * Without REDIS_URL (cfg.redisUrl null) the in-process runner calls the stage functions directly
 * (store: a Map; retries with the same backoff; no network needed for local inputs). With it, the
 * same work goes through BullMQ: polls and parked local articles are enqueued, workers for all
 * four queues run in this process until the queues are idle, then everything is closed.
 */
import { expandInputs } from '../input/expand.ts';
import { createHttpClient } from '../fetch/http.ts';
import type { HttpClient } from '../fetch/http.ts';
import { InputError, readInputs } from '../input/read.ts';
import type { Article } from '../schema.ts';
import { openSink } from '../sinks/index.ts';
import type { SinkDriver } from '../sinks/types.ts';
import { articleId, canonicalUrl, hashId } from '../util/ids.ts';
import { loadConfig } from './config.ts';
import type { IngestConfig } from './config.ts';
import { classify } from './errors.ts';
import type { FeedSpec } from './feed-list.ts';
import { createLogger } from './log.ts';
import { ExtractProducer } from './producer.ts';
import type { Logger } from './log.ts';
import { extract, fetchArticle, park, pollFeed, preloadReaders, sink } from './stages/index.ts';
import type { Attempt, SinkResult, StageContext } from './stages/index.ts';
import { MemoryStore, storeKey } from './store.ts';
import type { IngestStore } from './store.ts';
import type { ArticleFetchPayload } from './types.ts';
import type { Queues, StageName } from './queues.ts';

export interface IngestRunOptions {
  /** Default: loadConfig() (environment). */
  cfg?: IngestConfig;
  /** Feeds to poll once each. */
  feeds?: FeedSpec[];
  /** Local article files and folders (.txt .json .ndjson .jsonl .html .htm). */
  inputs?: string[];
  /** Default: openSink(cfg.sink, { postgres: { migrate: cfg.dbMigrate } }), disposed at the end. */
  sink?: SinkDriver;
  http?: HttpClient;
  /** Embedded mode only; default a fresh MemoryStore. */
  store?: IngestStore;
  log?: Logger;
  /** One call per finished unit of work (progress bars, tests). */
  onEvent?: (e: IngestEvent) => void;
}

export type IngestEvent =
  | { type: 'feed'; feedId: string; status: 200 | 304; fresh: number }
  | { type: 'record'; id: string; written: boolean; duplicate: boolean }
  | { type: 'failed'; stage: string; id: string; error: string };

export interface IngestSummary {
  mode: 'embedded' | 'queue';
  feedsPolled: number;
  feedsNotModified: number;
  articles: number;
  written: number;
  duplicates: number;
  failures: { stage: string; id: string; error: string }[];
  ms: number;
}

function emptySummary(mode: IngestSummary['mode']): IngestSummary {
  return { mode, feedsPolled: 0, feedsNotModified: 0, articles: 0, written: 0, duplicates: 0, failures: [], ms: 0 };
}

export { expandInputs };

/** Deterministic id of a local article: the record's own id. */
export const localArticleId = articleId;

/** Read local inputs; every article is handed to `each`, every unreadable input reported. */
async function forEachLocalArticle(
  inputs: readonly string[],
  each: (a: Article, path: string) => Promise<void>,
  fail: (path: string, err: Error) => void,
): Promise<void> {
  for (const path of await expandInputs(inputs)) {
    for (const item of await readInputs(path)) {
      if (item instanceof InputError) fail(item.input, item);
      else await each(item, path);
    }
  }
}

const sleep = (ms: number) => new Promise<void>((res) => setTimeout(res, ms));

/** Run a stage with the queue's retry policy: permanent faults at once, transient ones with backoff. */
async function withRetry<T>(cfg: IngestConfig, jobId: string, fn: (a: Attempt) => Promise<T>): Promise<T> {
  for (let n = 0; ; n++) {
    const final = n + 1 >= cfg.attempts;
    try {
      return await fn({ jobId, final });
    } catch (err) {
      const c = classify(err);
      if (c.permanent || final) throw err;
      await sleep(Math.max(cfg.backoffMs * 2 ** n, c.retryAfterMs ?? 0));
    }
  }
}

/** The extract and sink stages for one parked article, with the queue's retry policy. */
export async function extractAndSink(ctx: StageContext, articleId: string, articleKey: string): Promise<SinkResult> {
  const x = await withRetry(ctx.cfg, `x-${articleId}`, () => extract(ctx, { articleId, articleKey }));
  return withRetry(ctx.cfg, `s-${articleId}`, () => sink(ctx, { articleId, recordKey: x.recordKey }));
}

/**
 * Local articles in flight at once in the in-process runner. Extraction is synchronous, so they
 * still go through the pipeline one after the other, in input order; what overlaps is the wait for
 * the sink: while one article's line is being appended and synced, the next ones are extracted,
 * and the JSONL sink writes the lines that arrive meanwhile as one append and one fdatasync
 * (group commit) instead of one sync per article.
 */
export const LOCAL_IN_FLIGHT = 32;

/** Start tasks as they come, at most `limit` unfinished at once (add() waits for a free slot). */
export class InFlight {
  private readonly running = new Set<Promise<void>>();
  constructor(private readonly limit: number) {}
  async add(task: () => Promise<void>): Promise<void> {
    while (this.running.size >= this.limit) await Promise.race(this.running);
    const p = task().finally(() => this.running.delete(p));
    this.running.add(p);
  }
  async drain(): Promise<void> {
    while (this.running.size) await Promise.all(this.running);
  }
}

/** At most `limit` tasks at once. */
function limiter(limit: number) {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (active >= limit) await new Promise<void>((res) => waiting.push(res));
    active++;
    try {
      return await task();
    } finally {
      active--;
      waiting.shift()?.();
    }
  };
}

function httpFor(cfg: IngestConfig): HttpClient {
  return createHttpClient({
    allowPrivate: cfg.allowPrivate,
    connectTimeoutMs: cfg.connectTimeoutMs,
    readTimeoutMs: cfg.readTimeoutMs,
    maxBodyBytes: cfg.maxBodyBytes,
    perHostIntervalMs: cfg.perHostIntervalMs,
  });
}

/** The embedded transport: the same stages, called in this process. */
export async function runLocal(opts: IngestRunOptions = {}): Promise<IngestSummary> {
  const t0 = performance.now();
  const cfg = opts.cfg ?? loadConfig();
  const log = opts.log ?? createLogger();
  const store = opts.store ?? new MemoryStore();
  const needHttp = (opts.feeds?.length ?? 0) > 0;
  const http = opts.http ?? (needHttp ? httpFor(cfg) : undefined);
  const sinkDriver = opts.sink ?? openSink(cfg.sink, { postgres: { migrate: cfg.dbMigrate } });
  const ctx: StageContext = { cfg, store, log, sink: sinkDriver, ...(http ? { http } : {}) };
  await preloadReaders({ feeds: needHttp, pages: needHttp });
  const summary = emptySummary('embedded');
  const emit = (e: IngestEvent) => opts.onEvent?.(e);
  const failed = (stage: string, id: string, err: unknown) => {
    const error = err instanceof Error ? err.message : String(err);
    summary.failures.push({ stage, id, error });
    log.warn({ stage, id, err: error }, 'failed');
    emit({ type: 'failed', stage, id, error });
  };
  const limit = limiter(cfg.concurrency);

  const recorded = (articleId: string, s: SinkResult) => {
    summary.articles++;
    if (s.written) summary.written++;
    if (s.duplicate) summary.duplicates++;
    emit({ type: 'record', id: articleId, written: s.written, duplicate: s.duplicate });
  };
  /** extract -> sink for a parked article. */
  const finish = async (articleId: string, articleKey: string) => recorded(articleId, await extractAndSink(ctx, articleId, articleKey));
  const locals = new InFlight(LOCAL_IN_FLIGHT);
  const article = async (p: ArticleFetchPayload) => {
    try {
      const f = await limit(() => withRetry(cfg, `a-${p.articleId}`, (a) => fetchArticle(ctx, p, a)));
      await finish(p.articleId, f.articleKey);
    } catch (err) {
      failed('article-fetch', p.url, err);
    }
  };

  try {
    const runId = hashId(String(Date.now()), String(Math.random()));
    const feedTasks = (opts.feeds ?? []).map(async (feed) => {
      let fresh: ArticleFetchPayload[];
      try {
        const r = await limit(() => withRetry(cfg, `poll-${feed.id}-${runId}`, (a) => pollFeed(ctx, { feedId: feed.id, url: feed.url }, a)));
        summary.feedsPolled++;
        if (r.status === 304) summary.feedsNotModified++;
        emit({ type: 'feed', feedId: feed.id, status: r.status, fresh: r.fresh.length });
        fresh = r.fresh;
      } catch (err) {
        failed('feed-poll', feed.id, err);
        return;
      }
      await Promise.all(fresh.map(article));
    });
    await forEachLocalArticle(
      opts.inputs ?? [],
      (a, path) =>
        locals.add(async () => {
          const id = localArticleId(a);
          try {
            await park(ctx, id, a, localParkOptions(a, path));
            await finish(id, storeKey(cfg.prefix, 'article', id));
          } catch (err) {
            failed('extract', path, err);
          }
        }),
      (path, err) => failed('read', path, err),
    );
    await locals.drain();
    await Promise.all(feedTasks);
  } finally {
    if (!opts.sink) await sinkDriver.dispose();
    else await sinkDriver.flush();
    if (!opts.http) http?.close();
    if (!opts.store) await store.close();
  }
  summary.ms = Math.round(performance.now() - t0);
  return summary;
}

function localParkOptions(a: Article, path: string) {
  return {
    url: a.url,
    canonicalUrl: a.url ? canonicalUrl(a.url) : null,
    feedId: null,
    via: 'file' as const,
    discoveredAt: new Date().toISOString(),
    updatedAt: null,
    fallbackReason: null,
    source: a.source ?? path,
  };
}

/** The BullMQ transport for one run: enqueue, work in this process until idle, close. */
export async function runQueued(opts: IngestRunOptions = {}): Promise<IngestSummary> {
  const t0 = performance.now();
  const cfg = opts.cfg ?? loadConfig();
  const log = opts.log ?? createLogger();
  // Loaded lazily: embedded runs never touch BullMQ.
  const { startWorkers } = await import('../../workers/index.ts');
  const summary = emptySummary('queue');
  const emit = (e: IngestEvent) => opts.onEvent?.(e);
  const running = await startWorkers(cfg, {
    log,
    ...(opts.http ? { http: opts.http } : {}),
    ...(opts.sink ? { sink: opts.sink } : {}),
    onJob: (e) => {
      if (e.outcome === 'failed') {
        summary.failures.push({ stage: e.stage, id: e.jobId, error: e.error ?? '' });
        emit({ type: 'failed', stage: e.stage, id: e.jobId, error: e.error ?? '' });
      } else if (e.outcome === 'completed' && e.stage === 'feed') {
        const r = e.result as { status: 200 | 304; fresh: number };
        summary.feedsPolled++;
        if (r.status === 304) summary.feedsNotModified++;
        emit({ type: 'feed', feedId: e.jobId, status: r.status, fresh: r.fresh });
      } else if (e.outcome === 'completed' && e.stage === 'sink') {
        // A single-article sink job (s-<id>) returns its result; a batch one (sb-...) one per article.
        const r = e.result as { written: boolean; duplicate: boolean } | { results: { articleId: string; written: boolean; duplicate: boolean }[] };
        const each = 'results' in r ? r.results : [{ articleId: e.jobId.replace(/^s-/, ''), ...r }];
        for (const x of each) {
          summary.articles++;
          if (x.written) summary.written++;
          if (x.duplicate) summary.duplicates++;
          emit({ type: 'record', id: x.articleId, written: x.written, duplicate: x.duplicate });
        }
      }
    },
  });
  try {
    const runId = hashId(String(Date.now()), String(Math.random()));
    for (const feed of opts.feeds ?? []) {
      await running.queues.feed.add('poll', { feedId: feed.id, url: feed.url }, { jobId: `run-${runId}-${feed.id}` });
    }
    // Articles are parked several at a time and their extract jobs added in batches.
    const producer = new ExtractProducer(running.deps.ctx, running.queues);
    await forEachLocalArticle(
      opts.inputs ?? [],
      (a, path) => producer.add(localArticleId(a), a, localParkOptions(a, path)),
      (path, err) => summary.failures.push({ stage: 'read', id: path, error: err.message }),
    );
    await producer.drain();
    await waitIdle(running.queues);
  } finally {
    await running.close();
  }
  summary.ms = Math.round(performance.now() - t0);
  return summary;
}

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

/** `newsnlp run`: through BullMQ when REDIS_URL is set, else in process. */
export async function runIngest(opts: IngestRunOptions = {}): Promise<IngestSummary> {
  const cfg = opts.cfg ?? loadConfig();
  return cfg.redisUrl ? runQueued({ ...opts, cfg }) : runLocal({ ...opts, cfg });
}

/**
 * Ingestion in one call, on either transport:
 *
 *   const summary = await runIngest({ feeds: await loadFeedList('seeds/feeds.yaml'), inputs: ['seeds/'] });
 *
 * Without REDIS_URL (cfg.redisUrl null) the in-process runner here calls the stages directly
 * (store: a Map; the queue's retry policy and batch policy, batch.ts; no network needed for local
 * inputs). With it, runQueued (queued.ts) puts the same work through BullMQ: polls and parked
 * local articles are enqueued, workers for all four queues run in this process until the queues
 * are idle, then everything is closed.
 */
import type { ParkedArticle } from '../contracts.ts';
import type { HttpClient } from '../fetch/http.ts';
import { expandInputs } from '../input/expand.ts';
import { InputError, readInputs } from '../input/read.ts';
import type { Article } from '../schema.ts';
import type { SinkDriver } from '../sinks/types.ts';
import { articleId, canonicalUrl, hashId } from '../util/ids.ts';
import { extractBatch, sinkBatch } from './batch.ts';
import { loadConfig } from './config.ts';
import type { IngestConfig } from './config.ts';
import { classify } from './errors.ts';
import type { FeedSpec } from './feed-list.ts';
import { createLogger } from './log.ts';
import type { Logger } from './log.ts';
import { openResources } from './resources.ts';
import { extract, fetchArticle, park, pollFeed, sink } from './stages/index.ts';
import type { Attempt, ParkOptions, SinkResult, StageContext } from './stages/index.ts';
import { MemoryStore, storeKey } from './store.ts';
import type { IngestStore } from './store.ts';
import { RunTally } from './summary.ts';
import type { IngestEvent, IngestSummary } from './summary.ts';
import type { ArticleFetchPayload, ExtractPayload, SinkPayload } from './types.ts';

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

/** Read local inputs; every article is handed to `each`, every unreadable input reported. */
export async function forEachLocalArticle(
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

/** How a local article is parked: no feed, read now, its source the article's or the file's. */
export function localParkOptions(a: Article, path: string): ParkOptions {
  return {
    url: a.url,
    canonicalUrl: a.url ? canonicalUrl(a.url) : null,
    feedId: null,
    via: 'file',
    discoveredAt: new Date().toISOString(),
    updatedAt: null,
    fallbackReason: null,
    source: a.source ?? path,
  };
}

const sleep = (ms: number) => new Promise<void>((res) => setTimeout(res, ms));

/** Run a stage with the queue's retry policy: permanent faults at once, transient ones with backoff. */
export async function withRetry<T>(cfg: IngestConfig, jobId: string, fn: (a: Attempt) => Promise<T>): Promise<T> {
  for (let n = 0; ; n++) {
    const final = n + 1 >= cfg.attempts;
    try {
      return await fn({ jobId, final, rerun: n > 0 });
    } catch (err) {
      const c = classify(err);
      if (c.permanent || final) throw err;
      await sleep(Math.max(cfg.backoffMs * 2 ** n, c.retryAfterMs ?? 0));
    }
  }
}

/** The extract and sink stages for one parked article, with the queue's retry policy. */
async function extractAndSink(ctx: StageContext, id: string, articleKey: string): Promise<SinkResult> {
  const x = await withRetry(ctx.cfg, `x-${id}`, () => extract(ctx, { articleId: id, articleKey }));
  return withRetry(ctx.cfg, `s-${id}`, () => sink(ctx, { articleId: id, recordKey: x.recordKey }));
}

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

/** Local articles per batch: as many as the producer puts in one extract job. */
export const LOCAL_BATCH = 32;
/** Batches at once: while one batch's envelopes are being written and synced, the next is extracted. */
export const LOCAL_BATCHES_IN_FLIGHT = 2;

/**
 * The local-file path of the in-process runner, with the batch policy of the queue workers
 * (batch.ts): articles are parked in input order and extracted LOCAL_BATCH at a time (one read,
 * the pipeline over each in order, one write); the extracted ones go to the sink together (one
 * flush: one fdatasync of a JSONL file for the batch), and an article that fails inside a batch
 * goes on alone, with the retry policy, as the workers queue it again alone.
 *
 *   const local = new LocalBatches(ctx, tally);
 *   for (const a of articles) await local.add(id, a, parkOptions, path);   // waits only for room
 *   await local.drain();
 */
export class LocalBatches {
  private pending: ExtractPayload[] = [];
  /** What each article in flight is reported under (its file). */
  private readonly labels = new Map<string, string>();
  private readonly batches: InFlight;

  constructor(
    private readonly ctx: StageContext,
    private readonly tally: Pick<RunTally, 'record' | 'failed'>,
    private readonly size = LOCAL_BATCH,
    inFlight = LOCAL_BATCHES_IN_FLIGHT,
  ) {
    this.batches = new InFlight(inFlight);
  }

  /** Park one article (a failure is reported under `label`); a full batch goes on at once. */
  async add(id: string, article: ParkedArticle['article'], o: ParkOptions, label = id): Promise<void> {
    try {
      await park(this.ctx, id, article, o);
    } catch (err) {
      this.tally.failed('extract', label, err);
      return;
    }
    this.labels.set(id, label);
    this.pending.push({ articleId: id, articleKey: storeKey(this.ctx.cfg.prefix, 'article', id) });
    if (this.pending.length >= this.size) await this.flush();
  }

  /** Wait until every article given to add() is written or reported. */
  async drain(): Promise<void> {
    await this.flush();
    await this.batches.drain();
  }

  private async flush(): Promise<void> {
    if (!this.pending.length) return;
    const batch = this.pending;
    this.pending = [];
    await this.batches.add(() => this.extractBatch(batch));
  }

  private recorded(id: string, r: SinkResult): void {
    this.labels.delete(id);
    this.tally.record(id, r);
  }

  private failed(stage: string, id: string, err: unknown): void {
    this.tally.failed(stage, this.labels.get(id) ?? id, err);
    this.labels.delete(id);
  }

  private async extractBatch(batch: ExtractPayload[]): Promise<void> {
    let toSink: SinkPayload[] = [];
    let alone: ExtractPayload[] = [];
    try {
      await withRetry(this.ctx.cfg, `xb-${batch[0]!.articleId}`, () => {
        toSink = [];
        alone = [];
        return extractBatch(this.ctx, batch, {
          sink: async (done) => void toSink.push(...done),
          alone: async (failed) => void alone.push(...failed),
        });
      });
    } catch (err) {
      for (const p of batch) this.failed('extract', p.articleId, err);
      return;
    }
    await Promise.all([this.sinkBatch(toSink), ...alone.map((p) => this.extractAlone(p))]);
  }

  private async sinkBatch(ps: SinkPayload[]): Promise<void> {
    if (!ps.length) return;
    let alone: SinkPayload[] = [];
    try {
      const r = await withRetry(this.ctx.cfg, `sb-${ps[0]!.articleId}`, () => {
        alone = [];
        return sinkBatch(this.ctx, ps, async (failed) => void alone.push(...failed));
      });
      for (const { articleId: id, ...result } of r.results) this.recorded(id, result);
    } catch (err) {
      for (const p of ps) this.failed('sink', p.articleId, err);
      return;
    }
    await Promise.all(alone.map((p) => this.sinkAlone(p)));
  }

  private async extractAlone(p: ExtractPayload): Promise<void> {
    try {
      const x = await withRetry(this.ctx.cfg, `x-${p.articleId}`, () => extract(this.ctx, p));
      await this.sinkAlone({ articleId: p.articleId, recordKey: x.recordKey });
    } catch (err) {
      this.failed('extract', p.articleId, err);
    }
  }

  private async sinkAlone(p: SinkPayload): Promise<void> {
    try {
      this.recorded(p.articleId, await withRetry(this.ctx.cfg, `s-${p.articleId}`, () => sink(this.ctx, p)));
    } catch (err) {
      this.failed('sink', p.articleId, err);
    }
  }
}

/** The embedded transport: the same stages, called in this process. */
export async function runLocal(opts: IngestRunOptions = {}): Promise<IngestSummary> {
  const cfg = opts.cfg ?? loadConfig();
  const log = opts.log ?? createLogger();
  const tally = new RunTally('embedded', opts.onEvent, log);
  const store = opts.store ?? new MemoryStore();
  const withFeeds = (opts.feeds?.length ?? 0) > 0;
  const res = await openResources(cfg, {
    feeds: withFeeds,
    pages: withFeeds,
    sink: true,
    given: { ...(opts.http ? { http: opts.http } : {}), ...(opts.sink ? { sink: opts.sink } : {}) },
    checkSink: true,
  });
  const ctx: StageContext = { cfg, store, log, sink: res.sink!, ...(res.http ? { http: res.http } : {}) };
  const limit = limiter(cfg.concurrency);
  /** A feed's new article: fetch -> park, then extract -> sink (batches of one). */
  const article = async (p: ArticleFetchPayload) => {
    try {
      const f = await limit(() => withRetry(cfg, `a-${p.articleId}`, (a) => fetchArticle(ctx, p, a)));
      tally.record(p.articleId, await extractAndSink(ctx, p.articleId, f.articleKey));
    } catch (err) {
      tally.failed('article-fetch', p.url, err);
    }
  };

  try {
    const runId = hashId(String(Date.now()), String(Math.random()));
    const feedTasks = (opts.feeds ?? []).map(async (feed) => {
      let fresh: ArticleFetchPayload[];
      try {
        const r = await limit(() => withRetry(cfg, `poll-${feed.id}-${runId}`, (a) => pollFeed(ctx, { feedId: feed.id, url: feed.url, ...(feed.file ? { file: true as const } : {}) }, a)));
        tally.feed(feed.id, r.status, r.fresh.length);
        fresh = r.fresh;
      } catch (err) {
        tally.failed('feed-poll', feed.id, err);
        return;
      }
      await Promise.all(fresh.map(article));
    });
    const locals = new LocalBatches(ctx, tally);
    await forEachLocalArticle(
      opts.inputs ?? [],
      (a, path) => locals.add(articleId(a), a, localParkOptions(a, path), path),
      (path, err) => tally.failed('read', path, err),
    );
    await locals.drain();
    await Promise.all(feedTasks);
  } finally {
    if (opts.sink) await opts.sink.flush();
    await res.close();
    if (!opts.store) await store.close();
  }
  return tally.finish();
}

/** `newsnlp run`: through BullMQ when REDIS_URL is set, else in process. */
export async function runIngest(opts: IngestRunOptions = {}): Promise<IngestSummary> {
  const cfg = opts.cfg ?? loadConfig();
  if (!cfg.redisUrl) return runLocal({ ...opts, cfg });
  // Loaded only then: embedded runs never touch BullMQ.
  const { runQueued } = await import('./queued.ts');
  return runQueued({ ...opts, cfg });
}

/**
 * The four ingestion stages, one implementation each. Both transports call these: the BullMQ
 * workers (workers/*.ts, one job = one call) and the in-process runner (local.ts). A stage takes
 * its context (config, store, HTTP client, sink, logger) and a small zod-validated payload, reads
 * and writes the large things in the store, and returns what the next stage needs. Errors are
 * thrown and classified by errors.ts (permanent: give up; transient: retry).
 *
 *   pollFeed      feed URL -> new articles (conditional GET, feed health kept per feed)
 *   fetchArticle  article URL -> parked article (page via Readability, else the feed item's text;
 *                 exact and near-duplicate detection)
 *   extract       parked article -> parked envelope (the pipeline; a duplicate skips it)
 *   sink          parked envelope -> sink (idempotent on the article id)
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { HttpClient } from '../fetch/http.ts';
import { FEED_ACCEPT, HTML_ACCEPT } from '../fetch/http.ts';
import { charsetFromContentType, decodeFeedBytes } from '../feeds/decode.ts';
import { normaliseDate } from '../input/date.ts';
import type { Pipeline } from '../../pipelines/news/index.ts';
import type { SinkDriver } from '../sinks/types.ts';
import type { IngestConfig } from './config.ts';
import { articleIdOf, canonicalUrl } from '../util/ids.ts';
import { contentHash, hamming, simhash64, simhashBands } from './dedupe.ts';
import { PermanentError, classify } from './errors.ts';
import type { FeedItems } from './feed-items.ts';
import type { Logger } from './log.ts';
import type { IngestStore } from './store.ts';
import { feedStateKey, parseStored, storeKey } from './store.ts';
import { EnvelopeSchema, FeedItemFallbackSchema, ParkedArticleSchema } from '../contracts.ts';
import type { Envelope, FeedItemFallback, IngestMeta, ParkedArticle } from '../contracts.ts';

export { feedStateKey } from './store.ts';
import type { ArticleFetchPayload, ExtractPayload, FeedPollPayload, SinkPayload } from './types.ts';

export interface StageContext {
  cfg: IngestConfig;
  store: IngestStore;
  /** Needed by pollFeed and fetchArticle. */
  http?: HttpClient;
  /** Needed by sink. */
  sink?: SinkDriver;
  /** Defaults to the news.v1 pipeline, built on first use. */
  pipeline?: Pipeline;
  log: Logger;
  now?: () => Date;
}

/** Per-call facts from the transport. */
export interface Attempt {
  /** Stable across retries of one job (BullMQ job id; the runner's own id). */
  jobId: string;
  /** True on the last attempt the transport will make: fall back instead of asking for a retry. */
  final: boolean;
}

/**
 * The feed parser (rss-parser) and the HTML reader (linkedom, Readability) are loaded only by
 * processes that poll feeds or fetch pages: ~25 MB that extract and sink workers never need.
 * Those that do load them at start (preloadReaders), so the first poll or fetch does not wait.
 */
const feedReader = () => import('./feed-items.ts');
const htmlReader = () => import('../input/html.ts');
export async function preloadReaders(stages: { feeds: boolean; pages: boolean }): Promise<void> {
  await Promise.all([stages.feeds ? feedReader() : null, stages.pages ? htmlReader() : null]);
}

const nowIso = (ctx: StageContext) => (ctx.now?.() ?? new Date()).toISOString();
const key = (ctx: StageContext, ...parts: string[]) => storeKey(ctx.cfg.prefix, ...parts);

function needHttp(ctx: StageContext): HttpClient {
  if (!ctx.http) throw new Error('[ingest] stage needs an HTTP client (ctx.http)');
  return ctx.http;
}

// ---------------------------------------------------------------- poll

export interface PollResult {
  status: 200 | 304;
  items: number;
  /** Articles first seen in this poll: enqueue one article-fetch each. */
  fresh: ArticleFetchPayload[];
}

/** Feed bytes from http(s), or from a local file (file: URL or path) for offline runs. */
async function loadFeedBytes(
  ctx: StageContext,
  url: string,
  state: Record<string, string>,
): Promise<{ status: 200 | 304; body: Buffer; contentType: string | undefined; url: string; etag: string | null; lastModified: string | null }> {
  if (!/^https?:\/\//i.test(url)) {
    const path = url.startsWith('file:') ? fileURLToPath(url) : url;
    try {
      return { status: 200, body: await readFile(path), contentType: undefined, url, etag: null, lastModified: null };
    } catch (err) {
      throw new PermanentError(`[ingest] feed ${url}: unreadable (${(err as Error).message})`, { cause: err });
    }
  }
  const sameUrl = state['url'] === url;
  const res = await needHttp(ctx).get(url, {
    accept: FEED_ACCEPT,
    etag: sameUrl ? state['etag'] : undefined,
    lastModified: sameUrl ? state['lastModified'] : undefined,
  });
  const ct = res.headers['content-type'];
  return { status: res.status, body: res.body, contentType: ct, url: res.url, etag: res.etag, lastModified: res.lastModified };
}

export async function pollFeed(ctx: StageContext, p: FeedPollPayload, attempt: Attempt): Promise<PollResult> {
  const stateKey = feedStateKey(ctx.cfg.prefix, p.feedId);
  const state = await ctx.store.hgetall(stateKey);
  const at = nowIso(ctx);
  let res: Awaited<ReturnType<typeof loadFeedBytes>>;
  let parsed: Pick<FeedItems, 'title' | 'items'>;
  try {
    res = await loadFeedBytes(ctx, p.url, state);
    const { readFeedItems } = await feedReader();
    parsed =
      res.status === 304 ? { title: null, items: [] } : await readFeedItems(decodeFeedBytes(res.body, res.contentType ?? null).text, res.url);
  } catch (err) {
    const c = classify(err);
    // The error streak counts polls that failed for good, not each retry.
    if (c.permanent || attempt.final) {
      await ctx.store.hincr(stateKey, 'errorStreak', 1);
      await ctx.store.hset(stateKey, { lastErrorAt: at, lastError: c.message.slice(0, 500) });
    }
    throw err;
  }
  const fresh: ArticleFetchPayload[] = [];
  for (const item of parsed.items) {
    const canonical = canonicalUrl(item.url);
    const articleId = articleIdOf(item.url);
    // First sighting wins; a retry of this same poll (same job id) sees its own claim again.
    const claim = await ctx.store.claim(
      key(ctx, 'seen', articleId),
      JSON.stringify({ jobId: attempt.jobId, at }),
      ctx.cfg.dedupeTtlSec,
    );
    const first = JSON.parse(claim) as { jobId: string; at: string };
    await ctx.store.addToSet(key(ctx, 'sources', 'url', articleId), [p.feedId], ctx.cfg.dedupeTtlSec);
    if (first.jobId !== attempt.jobId) continue;
    const itemKey = key(ctx, 'item', articleId);
    const fallback: FeedItemFallback = { ...item, source: item.source ?? parsed.title };
    await ctx.store.setJson(itemKey, fallback, ctx.cfg.storeTtlSec);
    fresh.push({ articleId, url: item.url, canonicalUrl: canonical, feedId: p.feedId, discoveredAt: first.at, itemKey });
  }
  const health: Record<string, string | number> = {
    url: p.url,
    lastSuccessAt: at,
    lastStatus: res.status,
    errorStreak: 0,
    lastItems: parsed.items.length,
  };
  if (res.etag) health['etag'] = res.etag;
  if (res.lastModified) health['lastModified'] = res.lastModified;
  if (fresh.length) health['lastNewItemAt'] = at;
  if (parsed.title) health['title'] = parsed.title.slice(0, 200);
  await ctx.store.hset(stateKey, health);
  await ctx.store.hincr(stateKey, 'newItems', fresh.length);
  ctx.log.info({ feedId: p.feedId, status: res.status, items: parsed.items.length, fresh: fresh.length }, 'feed polled');
  return { status: res.status, items: parsed.items.length, fresh };
}

// ---------------------------------------------------------------- fetch

/** Fallback texts shorter than this (a teaser line) are not worth extracting. */
const MIN_FALLBACK_CHARS = 80;
/** Near-duplicate matching needs enough words for SimHash to be stable. */
const MIN_NEAR_DUP_WORDS = 40;

const META_CHARSET_RE = /<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)/i;

/** HTML bytes -> string: Content-Type charset, else a <meta> charset in the first 4 KB, else UTF-8. */
export function decodeHtml(body: Buffer, contentType: string | undefined): string {
  const label = charsetFromContentType(contentType) ?? META_CHARSET_RE.exec(body.subarray(0, 4096).toString('latin1'))?.[1] ?? 'utf-8';
  try {
    return new TextDecoder(label).decode(body);
  } catch {
    return new TextDecoder('utf-8').decode(body);
  }
}

export interface FetchResult {
  articleKey: string;
  duplicateOf: string | null;
}

export async function fetchArticle(ctx: StageContext, p: ArticleFetchPayload, attempt: Attempt): Promise<FetchResult> {
  const item = p.itemKey ? await ctx.store.getJson(p.itemKey, FeedItemFallbackSchema) : null;
  let article: ParkedArticle['article'] | null = null;
  let via: IngestMeta['via'] = 'page';
  let fallbackReason: string | null = null;
  try {
    const res = await needHttp(ctx).get(p.url, { accept: HTML_ACCEPT, respectRobots: true });
    const { articleFromHtml } = await htmlReader();
    const a = articleFromHtml(decodeHtml(res.body, res.headers['content-type']), { url: res.url });
    article = { ...a, publishedAt: a.publishedAt ?? item?.publishedAt ?? null, source: a.source ?? item?.source ?? null };
  } catch (err) {
    const c = classify(err);
    const usable = item && item.text.trim().length >= MIN_FALLBACK_CHARS;
    // A transient fault earns a retry first; the feed's text is the last resort.
    if (!usable || (!c.permanent && !attempt.final)) throw err;
    via = 'feed-item';
    fallbackReason = c.message.slice(0, 300);
    article = { url: p.canonicalUrl, title: item.title ?? '', publishedAt: item.publishedAt, source: item.source, text: item.text };
    ctx.log.info({ url: p.url, reason: fallbackReason }, 'page unavailable: using the feed item text');
  }
  const parked = await park(ctx, p.articleId, article, {
    url: p.url,
    canonicalUrl: p.canonicalUrl,
    feedId: p.feedId,
    via,
    discoveredAt: p.discoveredAt,
    updatedAt: item?.updatedAt ?? null,
    fallbackReason,
    source: p.feedId ?? hostOf(p.url),
  });
  return { articleKey: key(ctx, 'article', p.articleId), duplicateOf: parked.ingest.duplicateOf };
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return url;
  }
}

export interface ParkOptions {
  url: string | null;
  canonicalUrl: string | null;
  feedId: string | null;
  via: IngestMeta['via'];
  discoveredAt: string;
  updatedAt: string | null;
  fallbackReason: string | null;
  /** Who carried the story (feed id or host), for the sources count. */
  source: string;
}

/**
 * Dedupe an article's text (exact, then near) and park it for extraction. Idempotent: parking the
 * same article id again finds its own claims and signatures.
 */
export async function park(
  ctx: StageContext,
  articleId: string,
  article: ParkedArticle['article'],
  o: ParkOptions,
): Promise<ParkedArticle> {
  const hash = contentHash(article.text);
  const sig = simhash64(article.text);
  let duplicateOf: string | null = null;
  let duplicateKind: IngestMeta['duplicateKind'] = null;
  // Round trips that do not depend on each other go out together (one pipeline on Redis): the
  // producer parks many articles a second, and each sequential round trip costs it a wait.
  const [owner, feeds] = await Promise.all([
    ctx.store.claim(key(ctx, 'content', hash), articleId, ctx.cfg.dedupeTtlSec),
    ctx.store.members(key(ctx, 'sources', 'url', articleId)),
  ]);
  if (owner !== articleId) {
    duplicateOf = owner;
    duplicateKind = 'content';
  } else if (sig && (article.text.match(/\S+/g)?.length ?? 0) >= MIN_NEAR_DUP_WORDS) {
    // Register first, then look: of two copies parked at the same time, the later look sees
    // both, and the lower sequence number (registered first) is the original.
    const seqKey = key(ctx, 'simseq', articleId);
    const seq = Number(await ctx.store.claim(seqKey, String(await ctx.store.hincr(key(ctx, 'counters'), 'simseq', 1)), ctx.cfg.dedupeTtlSec));
    const bands = simhashBands(sig, ctx.cfg.nearDuplicateBits);
    // Signatures go into time buckets one dedupe window long: register in the current bucket,
    // look in it and the one before, so every signature of the last window is seen and old
    // buckets expire whole (a set of members cannot expire one by one).
    const windowMs = ctx.cfg.dedupeTtlSec * 1000;
    const bucket = Math.floor((ctx.now?.() ?? new Date()).getTime() / windowMs);
    const current = bands.map((band) => key(ctx, 'sim', String(bucket), band));
    const previous = bands.map((band) => key(ctx, 'sim', String(bucket - 1), band));
    // Every band registered before any is looked at (the order the rule above needs).
    const member = `${seq}@${articleId}@${sig}`;
    await Promise.all(current.map((k) => ctx.store.addToSet(k, [member], ctx.cfg.dedupeTtlSec * 2)));
    const lists = await Promise.all([...current, ...previous].map((k) => ctx.store.members(k)));
    let best: { seq: number; id: string } | null = null;
    for (const members of lists) {
      for (const m of members) {
        const [otherSeq, otherId, otherSig] = m.split('@') as [string, string, string];
        if (otherId === articleId || Number(otherSeq) >= seq || !otherSig) continue;
        if (hamming(sig, otherSig) <= ctx.cfg.nearDuplicateBits && (!best || Number(otherSeq) < best.seq)) {
          best = { seq: Number(otherSeq), id: otherId };
        }
      }
    }
    if (best) {
      duplicateOf = best.id;
      duplicateKind = 'near';
    }
  }
  // Every feed that listed this URL counts as a source of the story (and of its original).
  const story = duplicateOf ?? articleId;
  const sources = await ctx.store.addToSet(key(ctx, 'sources', 'story', story), [o.source, ...feeds], ctx.cfg.dedupeTtlSec);
  const parked: ParkedArticle = {
    articleId,
    article,
    ingest: {
      url: o.url,
      canonicalUrl: o.canonicalUrl,
      feedId: o.feedId,
      via: o.via,
      discoveredAt: o.discoveredAt,
      publishedAt: normaliseDate(article.publishedAt),
      updatedAt: normaliseDate(o.updatedAt),
      contentHash: hash,
      simhash: sig,
      duplicateOf,
      duplicateKind,
      sources,
      fallbackReason: o.fallbackReason,
    },
  };
  await ctx.store.setJson(key(ctx, 'article', articleId), parked, ctx.cfg.storeTtlSec);
  return parked;
}

// ---------------------------------------------------------------- extract

export interface ExtractResult {
  recordKey: string;
  duplicate: boolean;
}

export async function extract(ctx: StageContext, p: ExtractPayload): Promise<ExtractResult> {
  const parked = await ctx.store.getJson(p.articleKey, ParkedArticleSchema);
  if (!parked) throw new PermanentError(`[ingest] article ${p.articleId}: ${p.articleKey} is gone from the store (expired?)`);
  // Loaded on first use: processes that never extract (the worker parent, feed and fetch workers)
  // do not hold the lexicons in memory.
  const pipeline = ctx.pipeline ?? (await import('../../pipelines/news/index.ts')).getPipeline();
  const record = parked.ingest.duplicateOf ? null : pipeline.run(parked.article);
  const envelope: Envelope = { id: p.articleId, record, ingest: parked.ingest };
  const recordKey = key(ctx, 'record', p.articleId);
  await ctx.store.setJson(recordKey, envelope, ctx.cfg.storeTtlSec);
  return { recordKey, duplicate: record === null };
}

/** One article's outcome in extractMany: where its envelope is parked, or what stopped it. */
export type ExtractOutcome = { articleId: string; ok: true; result: ExtractResult } | { articleId: string; ok: false; error: unknown };

/**
 * The extract stage for many articles at once (a batch job): one read for all the parked
 * articles (MGET), the pipeline over each, one write for all the envelopes (a pipeline of SETs).
 * An article whose text is gone or whose extraction throws is reported alone; a failing read or
 * write (the store away) throws for the batch.
 */
export async function extractMany(ctx: StageContext, ps: readonly ExtractPayload[]): Promise<ExtractOutcome[]> {
  // Parsed one at a time, just before its extraction: a batch's articles as objects would outlive
  // V8's young generation and be promoted, for nothing.
  const parked = await ctx.store.getRawMany(ps.map((p) => p.articleKey));
  const pipeline = ctx.pipeline ?? (await import('../../pipelines/news/index.ts')).getPipeline();
  const outcomes: ExtractOutcome[] = [];
  const envelopes: { key: string; json: string }[] = [];
  let slice = performance.now();
  for (const [i, p] of ps.entries()) {
    try {
      const raw = parked[i];
      if (!raw) throw new PermanentError(`[ingest] article ${p.articleId}: ${p.articleKey} is gone from the store (expired?)`);
      const a = parseStored(ParkedArticleSchema, p.articleKey, raw);
      const record = a.ingest.duplicateOf ? null : pipeline.run(a.article);
      const recordKey = key(ctx, 'record', p.articleId);
      const envelope: Envelope = { id: p.articleId, record, ingest: a.ingest };
      envelopes.push({ key: recordKey, json: JSON.stringify(envelope) });
      outcomes.push({ articleId: p.articleId, ok: true, result: { recordKey, duplicate: record === null } });
    } catch (error) {
      outcomes.push({ articleId: p.articleId, ok: false, error });
    }
    // Extraction may run on a worker's own event loop (inline mode): hand it back every few
    // milliseconds so lock renewals, the sink and shutdown signals are not held up by a batch.
    if (performance.now() - slice > YIELD_EVERY_MS) {
      await new Promise<void>((res) => setImmediate(res));
      slice = performance.now();
    }
  }
  await ctx.store.setJsonMany(envelopes, ctx.cfg.storeTtlSec);
  return outcomes;
}

/** Longest run of extraction between two turns of the event loop (one article may take longer). */
const YIELD_EVERY_MS = 10;

// ---------------------------------------------------------------- sink

export interface SinkResult {
  written: boolean;
  duplicate: boolean;
}

/** The sink stage for one article: sinkMany of one, its error thrown. */
export async function sink(ctx: StageContext, p: SinkPayload): Promise<SinkResult> {
  const [o] = await sinkMany(ctx, [p]);
  if (!o!.ok) throw o!.error;
  return o!.result;
}


/** One article's outcome in sinkMany: its result, or the error that stopped it. */
export type SinkOutcome = { articleId: string; ok: true; result: SinkResult } | { articleId: string; ok: false; error: unknown };

/**
 * The sink stage for many articles at once (a batch job): the envelopes are read together (one
 * MGET; the store away throws for the batch), written by one call each (the JSONL sink groups calls that
 * arrive together into one append; each call says whether its id was new), then made durable by a
 * single flush. An article whose envelope is gone or whose write fails is reported alone; the
 * others are written. A failing flush throws: nothing is known durable, the caller retries all
 * (the sink is idempotent per article id).
 */
export async function sinkMany(ctx: StageContext, ps: readonly SinkPayload[]): Promise<SinkOutcome[]> {
  const driver = ctx.sink;
  if (!driver) throw new Error('[ingest] sink stage needs a sink driver (ctx.sink)');
  // Checked against the Envelope contract, then handed over with the text as stored: a JSONL sink
  // appends that text as it is (see SerializedEnvelope).
  const envelopes = await ctx.store.getRawMany(ps.map((p) => p.recordKey));
  const outcomes = await Promise.all(
    ps.map(async (p, i): Promise<SinkOutcome> => {
      try {
        const json = envelopes[i];
        if (!json) throw new PermanentError(`[ingest] article ${p.articleId}: ${p.recordKey} is gone from the store (expired?)`);
        const envelope = parseStored(EnvelopeSchema, p.recordKey, json);
        const n = await driver.write([{ id: p.articleId, json, envelope }]);
        return { articleId: p.articleId, ok: true, result: { written: n === 1, duplicate: envelope.record === null } };
      } catch (error) {
        return { articleId: p.articleId, ok: false, error };
      }
    }),
  );
  if (outcomes.some((o) => o.ok)) await driver.flush();
  return outcomes;
}

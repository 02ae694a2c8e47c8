/**
 * poll: feed URL -> the articles first seen in it. A conditional GET (ETag, Last-Modified), the
 * feed's health kept in its state hash, each item claimed once (first sighting wins) and its
 * fields parked as the fallback for its page.
 */
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import type { FeedItemFallback } from '../../contracts.ts';
import { FEED_ACCEPT } from '../../fetch/http.ts';
import { decodeFeedBytes } from '../../feeds/decode.ts';
import { articleIdOf, canonicalUrl } from '../../util/ids.ts';
import { PermanentError, classify } from '../errors.ts';
import type { FeedItems } from '../feed-items.ts';
import { feedStateKey } from '../store.ts';
import type { ArticleFetchPayload, FeedPollPayload } from '../types.ts';
import { feedReader, key, needHttp, nowIso } from './context.ts';
import type { Attempt, StageContext } from './context.ts';

/** At most this many items without a link are logged one by one per poll (then one line with the rest's count). */
const NO_LINK_LOGGED = 20;

export interface PollResult {
  status: 200 | 304;
  items: number;
  /** Items skipped because they have no link (nor a guid that is a URL): each logged with its title. */
  noLink: number;
  /** Articles first seen in this poll: enqueue one article-fetch each. */
  fresh: ArticleFetchPayload[];
}

/**
 * Feed bytes from http(s), or from a local file when the poll job says it is one (a local run's
 * file feed: `file` in its payload). Any other URL is refused: a scheduled feed never reads a file.
 */
async function loadFeedBytes(
  ctx: StageContext,
  p: FeedPollPayload,
  state: Record<string, string>,
  rerun: boolean,
): Promise<{ status: 200 | 304; body: Buffer; contentType: string | undefined; url: string; etag: string | null; lastModified: string | null }> {
  const url = p.url;
  if (p.file) {
    try {
      // (its file: URL is the base links resolve against: a bare path is no URL, and every link failed on it)
      return { status: 200, body: await readFile(url), contentType: undefined, url: pathToFileURL(url).href, etag: null, lastModified: null };
    } catch (err) {
      throw new PermanentError(`[ingest] feed ${p.feedId}: ${url}: unreadable (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`, { cause: err });
    }
  }
  if (!/^https?:\/\//i.test(url)) throw new PermanentError(`[ingest] feed ${p.feedId}: ${JSON.stringify(url.slice(0, 200))} is not an http(s) URL (only a local run reads feed files)`);
  // A re-run asks unconditionally: an earlier run (this job's, or another poll's since) may have
  // stored the feed's new validators after claiming items it never got to enqueue, and a 304 now
  // would hide them for good.
  const sameUrl = state['url'] === url && !rerun;
  const res = await needHttp(ctx).get(url, {
    accept: FEED_ACCEPT,
    etag: sameUrl ? state['etag'] : undefined,
    lastModified: sameUrl ? state['lastModified'] : undefined,
  });
  const ct = res.headers['content-type'];
  return { status: res.status, body: res.body, contentType: ct, url: res.url, etag: res.etag, lastModified: res.lastModified };
}

/**
 * Poll one feed. `enqueue` receives the articles first seen (claimed by this job) and must have
 * queued them when it resolves: only then are the feed's new validators (ETag, Last-Modified)
 * stored, so a poll that dies in between asks for the whole feed again when it is re-run.
 */
export async function pollFeed(
  ctx: StageContext,
  p: FeedPollPayload,
  attempt: Attempt,
  enqueue: (fresh: ArticleFetchPayload[]) => Promise<void> = async () => {},
): Promise<PollResult> {
  const stateKey = feedStateKey(ctx.cfg.prefix, p.feedId);
  const state = await ctx.store.hgetall(stateKey);
  // The feed's current URL (its state, written by feeds add/sync), not the one in the job: a
  // retried or delayed poll job made before the URL changed polls the new one.
  p = { ...p, url: state['url'] || p.url };
  const at = nowIso(ctx);
  let res: Awaited<ReturnType<typeof loadFeedBytes>>;
  let parsed: Pick<FeedItems, 'title' | 'items' | 'noLink'>;
  try {
    res = await loadFeedBytes(ctx, p, state, attempt.rerun === true);
    const { readFeedItems } = await feedReader();
    parsed =
      res.status === 304 ? { title: null, items: [], noLink: [] } : await readFeedItems(decodeFeedBytes(res.body, res.contentType ?? null).text, res.url);
  } catch (err) {
    const c = classify(err);
    // The error streak counts polls that failed for good, not each retry.
    if (c.permanent || attempt.final) {
      await ctx.store.hincr(stateKey, 'errorStreak', 1);
      await ctx.store.hset(stateKey, { lastErrorAt: at, lastError: c.message.slice(0, 500) });
    }
    throw err;
  }
  // an item with no link (nor a guid that is a URL) names no page to fetch: said, and counted
  parsed.noLink.slice(0, NO_LINK_LOGGED).forEach((title) =>
    ctx.log.warn({ feedId: p.feedId, feed: p.url, title }, 'feed item without a link: skipped'),
  );
  if (parsed.noLink.length > NO_LINK_LOGGED) ctx.log.warn({ feedId: p.feedId, feed: p.url, more: parsed.noLink.length - NO_LINK_LOGGED }, 'more feed items without a link: skipped');
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
  await enqueue(fresh);
  const health: Record<string, string | number> = {
    url: p.url,
    lastSuccessAt: at,
    lastStatus: res.status,
    errorStreak: 0,
    lastItems: parsed.items.length,
    lastNoLink: parsed.noLink.length,
  };
  if (res.etag) health['etag'] = res.etag;
  if (res.lastModified) health['lastModified'] = res.lastModified;
  if (fresh.length) health['lastNewItemAt'] = at;
  if (parsed.title) health['title'] = parsed.title.slice(0, 200);
  await ctx.store.hset(stateKey, health);
  await ctx.store.hincr(stateKey, 'newItems', fresh.length);
  ctx.log.info({ feedId: p.feedId, status: res.status, items: parsed.items.length, fresh: fresh.length, noLink: parsed.noLink.length }, 'feed polled');
  return { status: res.status, items: parsed.items.length, noLink: parsed.noLink.length, fresh };
}

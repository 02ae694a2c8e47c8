/**
 * fetch: article URL -> parked article. The page through Readability; when it cannot be had (after
 * the retries a transient fault earns), the feed item's own text. Then park (dedupe, store).
 */
import { FeedItemFallbackSchema } from '../../contracts.ts';
import type { IngestMeta, ParkedArticle } from '../../contracts.ts';
import { HTML_ACCEPT } from '../../fetch/http.ts';
import { charsetFromContentType } from '../../feeds/decode.ts';
import { classify } from '../errors.ts';
import type { ArticleFetchPayload } from '../types.ts';
import { htmlReader, key, needHttp } from './context.ts';
import type { Attempt, StageContext } from './context.ts';
import { park } from './park.ts';

/** Fallback texts shorter than this (a teaser line) are not worth extracting. */
const MIN_FALLBACK_CHARS = 80;

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

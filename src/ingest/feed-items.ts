/**
 * Decoded feed text -> the items ingestion follows: items with an http(s) page URL (the link,
 * else a guid that is a URL), each with its fallback text (content, else summary) and dates.
 * Items with neither are skipped, since nothing identifies their page: their titles are returned
 * (noLink) for the poll to report; repeats of a URL already listed are only counted.
 */
import { parseFeed } from '../feeds/parse.ts';
import type { FeedItemFallback } from '../contracts.ts';

export interface FeedItems {
  title: string | null;
  items: FeedItemFallback[];
  /** Items repeating a URL listed before them. */
  skipped: number;
  /** The titles of the items with no link nor URL guid ("(untitled)" for one without a title). */
  noLink: string[];
}

const HTTP_RE = /^https?:\/\/\S+$/i;

export async function readFeedItems(text: string, feedUrl: string): Promise<FeedItems> {
  const feed = await parseFeed(text, feedUrl);
  const items: FeedItemFallback[] = [];
  const seen = new Set<string>();
  let skipped = 0;
  const noLink: string[] = [];
  for (const it of feed.items) {
    const url = it.link ?? (it.guid && HTTP_RE.test(it.guid) ? it.guid : null);
    if (!url) {
      noLink.push(it.title?.trim().slice(0, 200) || '(untitled)');
      continue;
    }
    if (seen.has(url)) {
      skipped++;
      continue;
    }
    seen.add(url);
    const content = it.content?.trim() ?? '';
    const summary = it.summary?.trim() ?? '';
    items.push({
      url,
      title: it.title,
      text: content.length >= summary.length ? content : summary,
      publishedAt: it.publishedAt,
      updatedAt: it.updatedAt,
      source: null,
    });
  }
  return { title: feed.title, items, skipped, noLink };
}

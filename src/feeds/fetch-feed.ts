/**
 * The one call a feed worker makes: conditional GET -> decode -> parse.
 *
 *   const r = await fetchFeed(http, job.data.url, { etag: job.data.etag });
 *   if (r.status === 304) return { unchanged: true };
 *   for (const item of r.feed.items) ...
 *
 * Throws FetchError (transient or permanent) or FeedError (permanent); never returns null.
 */
import { FEED_ACCEPT } from '../fetch/http.ts';
import type { HttpClient } from '../fetch/http.ts';
import { decodeFeedBytes } from './decode.ts';
import { parseFeed } from './parse.ts';
import type { ParsedFeed } from './parse.ts';

export interface FeedValidators {
  etag?: string | null;
  lastModified?: string | null;
}

export type FetchedFeed =
  | { status: 304; url: string; etag: string | null; lastModified: string | null }
  | { status: 200; url: string; etag: string | null; lastModified: string | null; encoding: string; feed: ParsedFeed };

export async function fetchFeed(client: HttpClient, url: string, validators: FeedValidators = {}): Promise<FetchedFeed> {
  const res = await client.get(url, { ...validators, accept: FEED_ACCEPT });
  if (res.status === 304) return { status: 304, url: res.url, etag: res.etag, lastModified: res.lastModified };
  const ct = res.headers['content-type'];
  const { text, encoding } = decodeFeedBytes(res.body, ct);
  const feed = await parseFeed(text, res.url);
  return { status: 200, url: res.url, etag: res.etag, lastModified: res.lastModified, encoding, feed };
}

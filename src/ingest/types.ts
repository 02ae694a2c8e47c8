/**
 * The job payloads of the four queues (zod, small: ids and keys, never article text). What the
 * stages park in the store under those keys (feed items, articles, envelopes) is in
 * src/contracts.ts.
 */
import { z } from 'zod';

const Id = z.string().regex(/^[A-Za-z0-9_.-]{1,128}$/, 'ids are letters, digits, "_", "." and "-"');
const IsoTime = z.iso.datetime({ offset: true });

/** feed-poll: one poll of one feed (the job scheduler's template). */
/**
 * feed-poll: one poll of a feed. `file`: the URL is a local path, which only a local run's own
 * poll jobs may name (newsnlp run --feeds with a file feed); scheduled feeds are http(s).
 */
export const FeedPollPayloadSchema = z.object({ feedId: Id, url: z.string().min(1), file: z.literal(true).optional() });
export type FeedPollPayload = z.infer<typeof FeedPollPayloadSchema>;

/** article-fetch: one article page, found in a feed (or given by an operator). */
export const ArticleFetchPayloadSchema = z.object({
  articleId: Id,
  url: z.string().min(1),
  canonicalUrl: z.string().min(1),
  feedId: Id.nullable(),
  discoveredAt: IsoTime,
  /** Store key of the feed item's fields (title, content, dates): the fallback when the page cannot be had. */
  itemKey: z.string().nullable(),
});
export type ArticleFetchPayload = z.infer<typeof ArticleFetchPayloadSchema>;

/** extract: run the pipeline over the article parked under articleKey. */
export const ExtractPayloadSchema = z.object({ articleId: Id, articleKey: z.string().min(1) });
export type ExtractPayload = z.infer<typeof ExtractPayloadSchema>;

/** sink: write the envelope parked under recordKey. */
export const SinkPayloadSchema = z.object({ articleId: Id, recordKey: z.string().min(1) });
export type SinkPayload = z.infer<typeof SinkPayloadSchema>;

/**
 * A batch job: several articles in one BullMQ job, so the queue's per-job cost (moves, locks,
 * scripts, events) is paid once per batch. Still keys, never texts. Per-article ids stay the unit
 * of dedupe (record ids, the sink's index); an article that fails inside a batch is queued again
 * alone under its single-article job id (x-<id> / s-<id>), so it retries or fails on its own.
 */
export const MAX_ARTICLES_PER_JOB = 256;
export const ExtractBatchPayloadSchema = z.object({ articles: z.array(ExtractPayloadSchema).min(1).max(MAX_ARTICLES_PER_JOB) });
export type ExtractBatchPayload = z.infer<typeof ExtractBatchPayloadSchema>;
export const SinkBatchPayloadSchema = z.object({ articles: z.array(SinkPayloadSchema).min(1).max(MAX_ARTICLES_PER_JOB) });
export type SinkBatchPayload = z.infer<typeof SinkBatchPayloadSchema>;

/** True for a batch job's data (an `articles` list), false for a single-article one. */
export function isBatchData(data: unknown): data is { articles: unknown } {
  return typeof data === 'object' && data !== null && 'articles' in data;
}

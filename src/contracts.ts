/**
 * The ingestion contracts, in zod beside the record contract (schema.ts): what is parked in the
 * store between stages and what the sinks write. Types are inferred from the schemas; a value read
 * back from the store is parsed with its schema (src/ingest/store.ts parseStored), never cast.
 *
 *   FeedItemFallback   poll -> fetch     a feed item's fields, the fallback for its article page
 *   ParkedArticle      fetch -> extract  the article and its ingestion metadata
 *   Envelope           extract -> sink   what a sink writes: {id, record, ingest}
 *
 * Envelope, not record fields: the ArticleRecord contract has no place for duplicateOf / sources /
 * discoveredAt / updatedAt, so sinks write `{id, record, ingest}`; a duplicate has `record: null`
 * and `ingest.duplicateOf` instead of the facts again.
 */
import { z } from 'zod';
import { ArticleRecordSchema } from './schema.ts';

/** The fields of a feed item kept as the fallback for its article page. */
export const FeedItemFallbackSchema = z.object({
  url: z.string(),
  title: z.string().nullable(),
  /** Item content or summary as plain text (may be empty). */
  text: z.string(),
  publishedAt: z.string().nullable(),
  updatedAt: z.string().nullable(),
  source: z.string().nullable(),
});
export type FeedItemFallback = z.infer<typeof FeedItemFallbackSchema>;

/** How the article text was obtained. */
export const ArticleViaSchema = z.enum(['page', 'feed-item', 'file']);
export type ArticleVia = z.infer<typeof ArticleViaSchema>;

export const IngestMetaSchema = z.object({
  url: z.string().nullable(),
  canonicalUrl: z.string().nullable(),
  feedId: z.string().nullable(),
  via: ArticleViaSchema,
  /** When we first saw the article (first poll that listed it, or when the file was read). */
  discoveredAt: z.string(),
  publishedAt: z.string().nullable(),
  updatedAt: z.string().nullable(),
  contentHash: z.string(),
  simhash: z.string().nullable(),
  /** Id of the first article with the same (or nearly the same) text, else null. */
  duplicateOf: z.string().nullable(),
  duplicateKind: z.enum(['content', 'near']).nullable(),
  /** How many distinct sources (feeds, or hosts) carried this story so far. */
  sources: z.number().int().nonnegative(),
  /** Why the feed item's text was used instead of the page, when it was. */
  fallbackReason: z.string().nullable(),
});
export type IngestMeta = z.infer<typeof IngestMetaSchema>;

/** The article parked between fetch and extract, under the id it keeps to the sink. */
export const ParkedArticleSchema = z.object({
  articleId: z.string().min(1),
  article: z.object({
    url: z.string().nullable(),
    title: z.string(),
    publishedAt: z.string().nullable(),
    source: z.string().nullable(),
    text: z.string(),
  }),
  ingest: IngestMetaSchema,
});
export type ParkedArticle = z.infer<typeof ParkedArticleSchema>;

/** What a sink writes: one line (or row) per article id; `record` null for a duplicate. */
export const EnvelopeSchema = z.object({
  id: z.string().min(1),
  record: ArticleRecordSchema.nullable(),
  ingest: IngestMetaSchema,
});
export type Envelope = z.infer<typeof EnvelopeSchema>;

/** A zod error in one line for messages: the first few issues, "path: message", and how many more. */
export function describeIssues(error: z.ZodError, max = 3): string {
  const all = error.issues.map((i) => `${i.path.join('.') || '(value)'}: ${i.message}`);
  return all.slice(0, max).join('; ') + (all.length > max ? `; and ${all.length - max} more` : '');
}

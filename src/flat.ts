/**
 * Flat record streams, for loaders that want one table per kind: an ArticleRecord becomes one
 * `article` record, one `company` record per company it mentions, one `deal` per deal and one
 * `market_share_claim` per claim (and, when asked, one `mention` per company mention span).
 * Every flat record carries `type` (the discriminator) and `articleId`; (type, articleId, id) is
 * unique, so a loader can upsert on it. Offsets point into the article's text, which only the
 * nested record carries (`newsnlp extract` output, or articles.record in PostgreSQL).
 *
 * The zod schemas are exported for JSON Schema generation (FLAT_SCHEMAS).
 */
import { z } from 'zod';
import {
  ArticleRecordSchema,
  CompanySchema,
  DealSchema,
  MarketShareClaimSchema,
  SpanSchema,
} from './schema.ts';
import type { ArticleRecord } from './schema.ts';

const ArticleId = z.string().describe('id of the ArticleRecord the item comes from.');

export const FlatArticleSchema = ArticleRecordSchema.pick({
  schemaVersion: true,
  url: true,
  title: true,
  source: true,
  publishedAt: true,
  pipeline: true,
})
  .extend({
    type: z.literal('article'),
    id: z.string().describe('Same as articleId.'),
    articleId: ArticleId,
    companies: z.number().int().nonnegative().describe('How many company records follow.'),
    deals: z.number().int().nonnegative(),
    marketShareClaims: z.number().int().nonnegative(),
  })
  .meta({ id: 'FlatArticle' });

export const FlatCompanySchema = CompanySchema.extend({
  type: z.literal('company'),
  articleId: ArticleId,
  mentionCount: z.number().int().nonnegative(),
}).meta({ id: 'FlatCompany' });

export const FlatMentionSchema = SpanSchema.extend({
  type: z.literal('mention'),
  id: z.string().describe('companyId:start'),
  articleId: ArticleId,
  companyId: z.string(),
  company: z.string().describe('Canonical company name.'),
}).meta({ id: 'FlatMention' });

export const FlatDealSchema = DealSchema.omit({ type: true })
  .extend({
    type: z.literal('deal'),
    dealType: DealSchema.shape.type,
    articleId: ArticleId,
  })
  .meta({ id: 'FlatDeal' });

export const FlatMarketShareClaimSchema = MarketShareClaimSchema.extend({
  type: z.literal('market_share_claim'),
  articleId: ArticleId,
}).meta({ id: 'FlatMarketShareClaim' });

export const FlatRecordSchema = z
  .discriminatedUnion('type', [
    FlatArticleSchema,
    FlatCompanySchema,
    FlatMentionSchema,
    FlatDealSchema,
    FlatMarketShareClaimSchema,
  ])
  .meta({ id: 'FlatRecord', description: 'One line of a flat record stream (`--flat`).' });

export type FlatArticle = z.infer<typeof FlatArticleSchema>;
export type FlatCompany = z.infer<typeof FlatCompanySchema>;
export type FlatMention = z.infer<typeof FlatMentionSchema>;
export type FlatDeal = z.infer<typeof FlatDealSchema>;
export type FlatMarketShareClaim = z.infer<typeof FlatMarketShareClaimSchema>;
export type FlatRecord = z.infer<typeof FlatRecordSchema>;
export type FlatType = FlatRecord['type'];

/** Schemas to publish beside ArticleRecord (for `newsnlp schema` and schemas/). */
export const FLAT_SCHEMAS = { FlatRecord: FlatRecordSchema } as const;

export interface FlattenOptions {
  /** Also emit one `mention` record per company mention span. Default false. */
  mentions?: boolean;
}

/** The flat records of one ArticleRecord: the article first, then companies, mentions, deals, claims. */
export function* flatten(record: ArticleRecord, opts: FlattenOptions = {}): Generator<FlatRecord> {
  const articleId = record.id;
  yield {
    type: 'article',
    id: articleId,
    articleId,
    schemaVersion: record.schemaVersion,
    url: record.url,
    title: record.title,
    source: record.source,
    publishedAt: record.publishedAt,
    pipeline: record.pipeline,
    companies: record.companies.length,
    deals: record.deals.length,
    marketShareClaims: record.marketShareClaims.length,
  };
  for (const c of record.companies) yield { type: 'company', articleId, ...c, mentionCount: c.mentions.length };
  if (opts.mentions) {
    for (const c of record.companies) {
      for (const m of c.mentions) {
        yield { type: 'mention', id: `${c.id}:${m.start}`, articleId, companyId: c.id, company: c.name, text: m.text, start: m.start, end: m.end };
      }
    }
  }
  for (const { type: dealType, ...d } of record.deals) yield { type: 'deal', dealType, articleId, ...d };
  for (const m of record.marketShareClaims) yield { type: 'market_share_claim', articleId, ...m };
}

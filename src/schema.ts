/**
 * The record contract. zod schemas here are the single source of truth: TypeScript types are
 * inferred from them and the JSON Schema files (`newsnlp schema`) are generated from them.
 * Field names are a contract other tools rely on: add fields freely, never rename.
 */
import { z } from 'zod';

export const SCHEMA_VERSION = '1.1.0';

/** ISO date (YYYY-MM-DD) or ISO datetime with offset. */
const IsoDateOrDateTime = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);

export const ArticleSchema = z
  .object({
    url: z.string().nullable().default(null),
    title: z.string(),
    publishedAt: IsoDateOrDateTime.nullable().default(null),
    source: z.string().nullable().default(null),
    text: z.string().min(1, 'text is empty'),
  })
  .meta({ id: 'Article', description: 'An article as it enters the pipeline.' });
export type Article = z.infer<typeof ArticleSchema>;
export type ArticleInput = z.input<typeof ArticleSchema>;

/** A span of the article text: UTF-16 offsets, end exclusive; text === article.text.slice(start, end). */
export const SpanSchema = z.object({
  text: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});
export type Span = z.infer<typeof SpanSchema>;

export const SentenceSchema = SpanSchema.extend({ index: z.number().int().nonnegative() });

export const EvidenceSchema = SpanSchema.extend({
  sentence: SentenceSchema.describe('The sentence the evidence stands in.'),
}).meta({ id: 'Evidence' });
export type Evidence = z.infer<typeof EvidenceSchema>;

const Confidence = z.number().min(0).max(1);
const Rule = z.string().min(1).describe('Name of the rule or pattern that produced this item.');

export const CompanySchema = z
  .object({
    id: z.string().describe('Stable slug of the canonical name.'),
    name: z.string().describe('Canonical name.'),
    aliases: z.array(z.string()).describe('Surface forms seen in this article.'),
    mentions: z.array(SpanSchema),
    ticker: z.string().nullable(),
    cik: z.number().int().nullable(),
    parent: z.string().nullable().describe('Canonical name of the parent company for a division or brand.'),
    confidence: Confidence,
    rule: Rule,
  })
  .meta({ id: 'Company' });
export type Company = z.infer<typeof CompanySchema>;

export const PercentUnit = z.enum(['percent', 'percentage_point', 'basis_point']);

export const PercentageSchema = SpanSchema.extend({
  value: z.number().describe('The number as written: 34 for 34%; 25 for 25 basis points.'),
  high: z.number().nullable().describe('Upper end of a range such as "30-35%", else null.'),
  unit: PercentUnit,
}).meta({ id: 'Percentage' });
export type Percentage = z.infer<typeof PercentageSchema>;

export const MoneySchema = SpanSchema.extend({
  value: z.number().describe('Same as amount.'),
  amount: z.number().describe('In major units of the currency: "470p" is 4.70 GBP.'),
  currency: z.string().describe('ISO 4217 code, or XXX when the currency is not known.'),
  high: z.number().nullable().describe('Upper end of a range such as "$2-3bn", else null.'),
  perShare: z.boolean().describe('A price per share ("65 dlrs per share"), not a total.'),
}).meta({ id: 'Money' });
export type Money = z.infer<typeof MoneySchema>;

export const DealType = z.enum([
  'acquisition',
  'merger',
  'investment',
  'partnership',
  'agreement',
  'joint_venture',
  'contract',
]);
export type DealType = z.infer<typeof DealType>;

export const DealStatus = z.enum(['announced', 'pending', 'completed', 'rumored', 'cancelled', 'rejected']);
export type DealStatus = z.infer<typeof DealStatus>;

export const DealPartyRole = z.enum(['acquirer', 'target', 'seller', 'investor', 'lead_investor', 'party']);
export type DealPartyRole = z.infer<typeof DealPartyRole>;

export const DealSchema = z
  .object({
    id: z.string(),
    type: DealType,
    parties: z.array(z.string()).min(1).describe('Canonical company names; acquirer/investor first.'),
    roles: z
      .array(DealPartyRole)
      .describe(
        "Each party's role, parallel to parties (roles[i] is parties[i]'s): acquirer, target and seller of an acquisition; investor (lead_investor for the one leading a funding round), target and seller of an investment; party for the peers of a merger, partnership, agreement, joint venture or contract.",
      ),
    name: z.string().nullable().describe('Name of the deal or project, e.g. "Stargate".'),
    value: z.object({ amount: z.number(), currency: z.string() }).nullable(),
    status: DealStatus.nullable(),
    hedged: z.boolean().describe('True when the text hedges the deal ("in talks", "reportedly").'),
    evidence: EvidenceSchema,
    confidence: Confidence,
    rule: Rule,
  })
  .meta({ id: 'Deal' });
export type Deal = z.infer<typeof DealSchema>;

export const MarketShareClaimSchema = z
  .object({
    id: z.string(),
    company: z.string().describe('Canonical company name (owner of the brand when a brand is named).'),
    brand: z.string().nullable(),
    share: z.number().min(0).max(100).describe('Percent: 34 for 34%.'),
    bound: z.enum(['exact', 'at_least', 'at_most', 'about']).describe('How the share is stated.'),
    market: z.string().nullable(),
    region: z.string().nullable(),
    period: z.string().nullable(),
    attributedTo: z.string().nullable().describe('Research firm or source cited.'),
    evidence: EvidenceSchema,
    confidence: Confidence,
    rule: Rule,
  })
  .meta({ id: 'MarketShareClaim' });
export type MarketShareClaim = z.infer<typeof MarketShareClaimSchema>;

export const ArticleRecordSchema = z
  .object({
    schemaVersion: z.literal(SCHEMA_VERSION),
    id: z
      .string()
      .describe(
        'Deterministic: hash of the canonical URL the article was first known by (in ingestion its feed item link, even when the page names another canonical URL; else its url), or of title and text when there is none. Equal to the envelope id and the database key.',
      ),
    url: z.string().nullable(),
    title: z.string(),
    source: z.string().nullable(),
    publishedAt: z.string().nullable(),
    pipeline: z.string().describe('name@version of the pipeline that made the record.'),
    text: z.string().describe('The article text all offsets point into.'),
    summary: z.array(SentenceSchema).max(3).describe('1-3 verbatim key sentences.'),
    companies: z.array(CompanySchema),
    deals: z.array(DealSchema),
    marketShareClaims: z.array(MarketShareClaimSchema),
    percentages: z.array(PercentageSchema),
    money: z.array(MoneySchema),
  })
  .meta({ id: 'ArticleRecord' });
export type ArticleRecord = z.infer<typeof ArticleRecordSchema>;

/** Schemas exported as JSON Schema by `newsnlp schema`. */
export const PUBLISHED_SCHEMAS = {
  Article: ArticleSchema,
  ArticleRecord: ArticleRecordSchema,
} as const;

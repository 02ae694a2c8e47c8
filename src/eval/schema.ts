/**
 * zod schemas of the evaluation data: the label files of a labelled corpus (format in
 * corpus/news-dev/README.md) and the report that `runEval` returns (`newsnlp eval --json`).
 * Types are inferred from the schemas, as in src/schema.ts.
 */
import { z } from 'zod';
import { ArticleSchema, DealStatus, DealType } from '../schema.ts';

// ---------------------------------------------------------------------------------------------
// Corpus files

/** articles/NN.json: an Article plus its corpus id. */
export const CorpusArticleSchema = ArticleSchema.extend({ id: z.string().min(1) });
export type CorpusArticle = z.infer<typeof CorpusArticleSchema>;

export const GoldCompanySchema = z.strictObject({
  name: z.string().min(1),
  aliases: z.array(z.string().min(1)),
});
export type GoldCompany = z.infer<typeof GoldCompanySchema>;

export const GoldDealSchema = z.strictObject({
  type: DealType,
  parties: z.array(z.string().min(1)).min(1, 'a deal needs at least one party'),
  value: z.strictObject({ amount: z.number().positive(), currency: z.string().regex(/^[A-Z]{3}$/) }).nullable(),
  name: z.string().nullable(),
  status: DealStatus,
  quote: z.string().min(1),
});
export type GoldDeal = z.infer<typeof GoldDealSchema>;

export const GoldClaimSchema = z.strictObject({
  company: z.string().min(1),
  share: z.number().min(0).max(100),
  market: z.string().nullable(),
  region: z.string().nullable(),
  period: z.string().nullable(),
  attributedTo: z.string().nullable(),
  quote: z.string().min(1),
});
export type GoldClaim = z.infer<typeof GoldClaimSchema>;

/**
 * labels/NN.json. Strict objects, so a misspelt key ("marketshareClaims") is an error rather than
 * an empty list that silently scores as "nothing to find". Cross-field rules from the README:
 * a claim's company and a deal's parties are `companies[].name` values.
 */
export const LabelFileSchema = z
  .strictObject({
    companies: z.array(GoldCompanySchema),
    optionalCompanies: z.array(z.string().min(1)),
    deals: z.array(GoldDealSchema),
    marketShareClaims: z.array(GoldClaimSchema),
    notes: z.string().optional(),
  })
  .superRefine((l, ctx) => {
    const names = new Set(l.companies.map((c) => c.name));
    l.marketShareClaims.forEach((c, i) => {
      if (!names.has(c.company)) {
        ctx.addIssue({
          code: 'custom',
          path: ['marketShareClaims', i, 'company'],
          message: `"${c.company}" is not one of companies[].name`,
        });
      }
    });
    // A deal party may be an optional name when the text makes it the counterparty (README).
    const partyNames = new Set([...names, ...l.optionalCompanies]);
    l.deals.forEach((d, i) => {
      d.parties.forEach((p, j) => {
        if (!partyNames.has(p)) {
          ctx.addIssue({
            code: 'custom',
            path: ['deals', i, 'parties', j],
            message: `"${p}" is not one of companies[].name or optionalCompanies`,
          });
        }
      });
    });
  });
export type LabelFile = z.infer<typeof LabelFileSchema>;

// ---------------------------------------------------------------------------------------------
// Report

export const FIELDS = ['companies', 'marketShareClaims', 'deals'] as const;
export type Field = (typeof FIELDS)[number];

/** Informative attributes compared on matched pairs only (not required for a match). */
export const CLAIM_ATTRS = ['market', 'region', 'period', 'attributedTo'] as const;
export const DEAL_ATTRS = ['type', 'status', 'value', 'name', 'acquirer'] as const;
export type ClaimAttr = (typeof CLAIM_ATTRS)[number];
export type DealAttr = (typeof DEAL_ATTRS)[number];

export const CountsSchema = z.object({
  tp: z.number().int().nonnegative(),
  fp: z.number().int().nonnegative(),
  fn: z.number().int().nonnegative(),
  /** Predictions that matched only optionalCompanies: neither true nor false positives. */
  neutral: z.number().int().nonnegative(),
});
export type Counts = z.infer<typeof CountsSchema>;

export const PrfSchema = CountsSchema.extend({
  precision: z.number().min(0).max(1),
  recall: z.number().min(0).max(1),
  f1: z.number().min(0).max(1),
});
export type Prf = z.infer<typeof PrfSchema>;

export const AccuracySchema = z.object({
  correct: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  /** correct / total, null when nothing was matched. */
  accuracy: z.number().min(0).max(1).nullable(),
});
export type Accuracy = z.infer<typeof AccuracySchema>;

export const ScoresSchema = z.object({
  ids: z.array(z.string()),
  fields: z.object({ companies: PrfSchema, marketShareClaims: PrfSchema, deals: PrfSchema }),
  accuracy: z.object({
    marketShareClaims: z.record(z.enum(CLAIM_ATTRS), AccuracySchema),
    deals: z.record(z.enum(DEAL_ATTRS), AccuracySchema),
  }),
});
export type Scores = z.infer<typeof ScoresSchema>;

/** A scored item as shown in error lists: the predicted or gold item, trimmed to what is scored. */
const Item = z.record(z.string(), z.unknown());

export const ArticleErrorsSchema = z.object({
  falsePositives: z.array(Item),
  falseNegatives: z.array(Item),
  /** Optional-company predictions (neutral). */
  neutral: z.array(Item),
  /** Matched pairs whose informative attributes disagree. */
  attributeMismatches: z.array(
    z.object({ item: z.string().describe('The gold item, briefly.'), attribute: z.string(), predicted: z.unknown(), gold: z.unknown() }),
  ),
});
export type ArticleErrors = z.infer<typeof ArticleErrorsSchema>;

export const ArticleReportSchema = z.object({
  id: z.string(),
  title: z.string(),
  split: z.string().nullable(),
  /** The label file's notes: the hard or arguable cases to read before calling a miss an error. */
  notes: z.string().nullable(),
  /** Set when the pipeline threw on this article: every gold item then counts as a false negative. */
  failure: z.string().nullable(),
  counts: z.object({ companies: CountsSchema, marketShareClaims: CountsSchema, deals: CountsSchema }),
  errors: z.object({ companies: ArticleErrorsSchema, marketShareClaims: ArticleErrorsSchema, deals: ArticleErrorsSchema }),
});
export type ArticleReport = z.infer<typeof ArticleReportSchema>;

export const EvalReportSchema = z.object({
  pipeline: z.string(),
  corpusDir: z.string(),
  overall: ScoresSchema,
  /** Named subsets (e.g. "bbc" = 01-20, "reuters" = 21-40) that have at least one article. */
  splits: z.record(z.string(), ScoresSchema),
  articles: z.array(ArticleReportSchema),
  /** Ids of articles on which the pipeline threw. */
  failures: z.array(z.string()),
  seconds: z.number().nonnegative(),
});
export type EvalReport = z.infer<typeof EvalReportSchema>;

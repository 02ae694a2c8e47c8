/**
 * The Doc: one article as it travels through the pipeline. Components read what they require and
 * fill in what they assign (src/pipeline.ts runs them). All offsets are UTF-16 offsets into `text`,
 * end exclusive; `norm` has the same length as `text`, so an offset found in one holds in the other.
 * The shapes components hand each other are zod schemas (types inferred), built on the record's own.
 */
import type { Component as EngineComponent, DocKeyOf } from '../../src/pipeline.ts';
import { z } from 'zod';
import { CompanySchema, MoneySchema, PercentageSchema, SentenceSchema, SpanSchema } from '../../src/schema.ts';
import type { Article, ArticleRecord, Deal, MarketShareClaim } from '../../src/schema.ts';
import type { ShareCandidates, ShareHolder } from './components/market-share/types.ts';
import type { DealCandidates, DealRole } from './components/deals/types.ts';
import type { Discourse } from './components/discourse.ts';
import type { CompanyCandidates, CompanyDecisions, CompanySpan, CompanyToken } from './components/companies/types.ts';

/** A sentence of the article (the record's own sentence shape). */
export type Sentence = z.infer<typeof SentenceSchema>;

/** A company mention: a span of the text and the sentence it stands in. */
export const CompanyMentionSchema = SpanSchema.extend({
  /** Index of the sentence the mention stands in. */
  sentence: z.number().int(),
});
export type CompanyMention = z.infer<typeof CompanyMentionSchema>;

/**
 * A company as the pipeline knows it: the record's Company (stable slug id, canonical name, aliases
 * seen, ticker, CIK, parent for a division or brand) with its mentions' sentences.
 */
export const CompanyEntitySchema = CompanySchema.extend({ mentions: z.array(CompanyMentionSchema) });
export type CompanyEntity = z.infer<typeof CompanyEntitySchema>;

export const PercentageQSchema = PercentageSchema.extend({ sentence: z.number().int() });
export type PercentageQ = z.infer<typeof PercentageQSchema>;
export const MoneyQSchema = MoneySchema.extend({ sentence: z.number().int() });
export type MoneyQ = z.infer<typeof MoneyQSchema>;

/** A time period named in the text: a year, a quarter, a month, "last year"... */
export const PeriodQSchema = SpanSchema.extend({
  /** Normalised: "2023", "FY1987", "Q3 2004", "December 2004", "H1 2005", "1986/1987", or the text itself when relative. */
  value: z.string(),
  /** What kind of period the finder saw (year, quarter, half, month, relative...), when it says. */
  kind: z.string().optional(),
  sentence: z.number().int(),
});
export type PeriodQ = z.infer<typeof PeriodQSchema>;

export interface Doc {
  article: Article;
  /** The article text as given; every offset points into it. */
  text: string;
  /** Same length as `text`: typographic quotes, dashes and odd spaces folded to ASCII for matching. */
  norm: string;
  sentences: Sentence[];
  /** Tokens and candidate name spans of the company recogniser (components/companies/spans.ts). */
  companyTokens: CompanyToken[];
  companySpans: CompanySpan[];
  /** Each span classified on its own evidence (components/companies/classify.ts). */
  companyCandidates: CompanyCandidates;
  /** The keys that name companies in this article (components/companies/decide.ts). */
  companyDecisions: CompanyDecisions;
  companies: CompanyEntity[];
  percentages: PercentageQ[];
  money: MoneyQ[];
  periods: PeriodQ[];
  /** The percentages that may be market shares, by sentence (components/market-share/candidates.ts). */
  shareCandidates: ShareCandidates;
  /** The shares among them and who holds each (components/market-share/holders.ts). */
  shareHolders: ShareHolder[];
  marketShareClaims: MarketShareClaim[];
  /** Masked text and template matches of the deal recogniser (components/deals/candidates.ts); null before it runs. */
  dealCandidates: DealCandidates | null;
  /** Deal candidates with their parties and type (components/deals/roles.ts). */
  dealRoles: DealRole[];
  deals: Deal[];
  /** What rules may ask beyond one sentence: anaphors, parent and unit, topic, date (components/discourse.ts). */
  discourse: Discourse;
  summary: Sentence[];
  record: ArticleRecord | null;
}

/** The keys of Doc a component may require or assign. */
export type DocKey = DocKeyOf<Doc>;

/** A component of this pipeline (src/pipeline.ts runs it). */
export type Component = EngineComponent<Doc>;

export function newDoc(article: Article): Doc {
  return {
    article,
    text: article.text,
    norm: article.text,
    sentences: [],
    companyTokens: [],
    companySpans: [],
    companyCandidates: { list: [], persons: new Set(), brandKeys: new Set(), acronyms: new Map() },
    companyDecisions: { decided: new Map(), blocked: new Set() },
    companies: [],
    percentages: [],
    money: [],
    periods: [],
    shareCandidates: [],
    shareHolders: [],
    marketShareClaims: [],
    dealCandidates: null,
    dealRoles: [],
    deals: [],
    discourse: { mentions: [], anaphors: [], units: [], topic: null, date: null },
    summary: [],
    record: null,
  };
}

/** First index of `items` (sorted by start) whose start is >= pos (binary search). */
export function lowerBound(items: readonly { start: number }[], pos: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid]!.start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the span (sorted, non-overlapping) containing offset `pos` (binary search), or -1. */
export function spanIndexAt(spans: readonly { start: number; end: number }[], pos: number): number {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const m = spans[mid]!;
    if (pos < m.start) hi = mid - 1;
    else if (pos >= m.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/** Index of the sentence containing offset `pos`, or -1. */
export function sentenceAt(doc: Doc, pos: number): number {
  return spanIndexAt(doc.sentences, pos);
}

/** Evidence for a span: the span's own text and the sentence it stands in. */
export function evidence(doc: Doc, start: number, end: number) {
  const idx = sentenceAt(doc, start);
  const s = doc.sentences[idx] ?? { index: 0, start: 0, end: doc.text.length, text: doc.text };
  return {
    text: doc.text.slice(start, end),
    start,
    end,
    sentence: { index: s.index, start: s.start, end: s.end, text: s.text },
  };
}

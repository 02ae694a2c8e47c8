/**
 * What the deal components hand each other over the Doc: deal_candidates assigns
 * `dealCandidates` (the masked text and every template match), deal_roles assigns `dealRoles`
 * (the matches whose parties resolved, typed), deal_events assigns `deals`.
 */
import type { MoneyQ } from '../../doc.ts';
import type { DealStatus, DealType } from '../../../../src/schema.ts';
import type { DealRule, SlotName } from '../../rules/deals.ts';

/** A company mention as the deal components see it: one per span (overlaps and restating tickers dropped). */
export interface DealMention {
  start: number;
  end: number;
  /** The company's name. */
  name: string;
  sentence: number;
}

/** [start, end) in the text. */
export type Span = readonly [number, number];

/** The groups of a template: trigger v, kind word k, company slots a b s u. */
export type GroupName = 'v' | 'k' | SlotName;

/** One match of a rule template in a sentence; offsets into the text. */
export interface TemplateMatch {
  rule: DealRule;
  start: number;
  end: number;
  /** The groups that took part in the match. */
  groups: Partial<Record<GroupName, Span>>;
}

/** The halves of the two-sentence offer (OFFER_RULE) a sentence holds. */
export interface OfferCues {
  /** "Widget has received a $3bn offer": the target, when the sentence reports an offer received. */
  received: string | null;
  /** "The bid came from Acme": where the phrase starts and where the bidder's name may start. */
  from: { start: number; at: number } | null;
}

export interface SentenceCandidates {
  /** The sentence holds a company (or an anaphor) and a trigger word, so its templates were tried. */
  tried: boolean;
  /** Template matches, rule by rule in DEAL_RULES order, each rule's in text order. */
  matches: TemplateMatch[];
  /** Only for sentences that name a company. */
  offer: OfferCues | null;
}

/** Assigned by deal_candidates. */
export interface DealCandidates {
  mentions: DealMention[];
  /** `doc.norm` with every mention and money amount masked (rules/deals-grammar.ts), same length. */
  masked: string;
  /** The money amounts, in text order. */
  money: MoneyQ[];
  /** Per sentence: index of its first mention in `mentions`, or -1. */
  firstMention: Int32Array;
  /** The article's topic: its most-mentioned company when it clearly dominates, or null. */
  topic: string | null;
  /** Per sentence; empty when the article names no company. */
  sentences: SentenceCandidates[];
}

/** A deal's value. */
export interface DealValue {
  amount: number;
  currency: string;
}

/** A template match whose parties resolved, typed: assigned (in reading order) by deal_roles. */
export interface DealRole {
  /** The template rule; null for the two-sentence offer (OFFER_RULE). */
  template: DealRule | null;
  rule: string;
  /** The sentence it was found in. */
  sentence: number;
  type: DealType;
  /** The type came from a generic word ("deal", "agreement") and the sentence around it. */
  generic: boolean;
  parties: string[];
  /** The rule's slot each party came from (parallel to `parties`): a buyer, b target, s seller, u unit. */
  slots: SlotName[];
  /** The span of the report (match, widened to a subject taken as a party). */
  start: number;
  end: number;
  trigger: number;
  /** Where the template's match starts (before any widening). */
  matchStart: number;
  /** A party came from an anaphor. */
  anaphoric: boolean;
  /** For an offer: the sentence that reported it received. */
  offerSentence?: number;
}

/** A deal as deal_events builds it, before reports of one transaction are merged. */
export interface DealEvent {
  type: DealType;
  generic: boolean;
  parties: string[];
  /** Parallel to `parties`: the slot each came from. */
  slots: SlotName[];
  name: string | null;
  value: DealValue | null;
  status: DealStatus | null;
  hedged: boolean;
  start: number;
  end: number;
  trigger: number;
  confidence: number;
  rule: string;
  /** The clause, companies as "CO" and money as "MONEY". */
  text: string;
}

/**
 * What the company sub-components pass each other over the Doc:
 * company_spans (tokens, candidate spans) -> company_classes (each span classified on its own
 * evidence) -> company_cues (keys decided by context cues and lists) -> company_entities.
 */
import type { CuratedCompany } from '../../lexicon/aliases.ts';
import type { GazetteerEntry } from '../../lexicon/gazetteer.ts';
import type { CandidateClass } from '../../rules/companies.ts';

/** A token of the normalised text, as the company recogniser sees it. */
export interface CompanyToken {
  s: number;
  e: number;
  /** Text from norm, possessive "'s" removed. */
  w: string;
  lower: string;
  word: boolean;
  cap: boolean;
  /** Followed by "'s" (kept out of s..e). */
  poss: boolean;
  /** "Acme-owned": the head "Acme" is w; the lower-case tail is here. */
  tail: string;
  sent: number;
  /** First word of its sentence or of a quotation: capitalisation says nothing there. */
  start: boolean;
}

/** A run of tokens that may name a company. */
export interface CompanySpan {
  a: number; // first token
  b: number; // one past the last token
  /** Set inside "<...>" in wire copy. */
  angle: boolean;
  /** Ticker given right after the name: "Acme Corp <ACME>". */
  ticker: string | null;
  /** Lower-case words stripped from the front ("jeweller" of "Jeweller Acme"). */
  stripped: string[];
  /** Follows a person title ("Mr", "Chief Executive"). */
  afterTitle: boolean;
}

export type CandidateKind = CandidateClass;

/** A span classified on its own evidence. */
export interface CompanyCandidate {
  sp: CompanySpan;
  key: string;
  surface: string;
  kind: CandidateKind;
  conf: number;
  rule: string;
  curated: CuratedCompany | null;
  gaz: GazetteerEntry | null;
  /** A single ordinary word at the start of a sentence: may join a known entity, never founds one. */
  weak: boolean;
}

/** The candidates of one article, with what classifying them taught about the article. */
export interface CompanyCandidates {
  /** One per span, in text order. */
  list: CompanyCandidate[];
  /** Words that name people in this article ("Doe" of "Jane Doe", "Jane" too). */
  persons: Set<string>;
  /** Keys used as a brand here ("the Acme lager brand"): no short form of a company. */
  brandKeys: Set<string>;
  /** Acronyms the article defines: "Acme Widget Systems (AWS)" -> "aws" => "acme widget systems". */
  acronyms: Map<string, string>;
}

export interface CompanyDecision {
  conf: number;
  rule: string;
}

/** Which keys name companies in this article, decided once for every mention of the key. */
export interface CompanyDecisions {
  /** Keys decided as companies, on their own evidence or by a cue. */
  decided: Map<string, CompanyDecision>;
  /** Keys that a mention classed as a person or no company. */
  blocked: Set<string>;
}

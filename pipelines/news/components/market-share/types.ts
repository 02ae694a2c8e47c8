/**
 * What the market-share components hand each other over the Doc: market_share_candidates assigns
 * `shareCandidates` (the figures that may be shares), market_share_holders assigns `shareHolders`
 * (the shares and who holds them), market_share_claims assigns `marketShareClaims`.
 */
import type { CompanyEntity, PercentageQ } from '../../doc.ts';
import type { MarketShareClaim } from '../../../../src/schema.ts';

/** A company (or brand) mention as the market-share components see it. */
export interface ShareMention {
  start: number;
  end: number;
  text: string;
  sentence: number;
  entity: CompanyEntity;
}

export type Bound = MarketShareClaim['bound'];

/** A percentage that may be a share: not a change, a stake, a rate or a company's own mix. */
export interface ShareFigure {
  /** Index of the figure among its sentence's percentages. */
  index: number;
  p: PercentageQ;
  /** The share: the figure, or the upper end of a range. */
  share: number;
  bound: Bound;
  /** The text before the figure (up to LEFT_WINDOW, a hedge cut off) and where it starts. */
  left: string;
  leftStart: number;
  /** The text after the figure, up to RIGHT_WINDOW. */
  right: string;
}

/** A sentence with percentages: its mentions (brands included), its percentages and the candidate figures. */
export interface ShareSentence {
  sentence: number;
  mentions: ShareMention[];
  percentages: PercentageQ[];
  figures: ShareFigure[];
}

/** Assigned by market_share_candidates. */
export type ShareCandidates = ShareSentence[];

/** Who holds a share: a mention, or an anaphor ("the company's share") / a speaker standing for one. */
export interface Owner {
  mention: ShareMention | null;
  anaphor: { entity: CompanyEntity; start: number; end: number } | null;
}

/** A figure that is a share, with its rule and holder: assigned (in reading order) by market_share_holders. */
export interface ShareHolder {
  /** Index into `shareCandidates`. */
  at: number;
  figure: ShareFigure;
  rule: string;
  /** Offset where the market phrase starts ("of the ...", "share of ..."), or -1. */
  marketFrom: number;
  owner: Owner;
  entity: CompanyEntity;
  /** Who is credited: the company (a brand's owner, a division's parent) and the brand, if any. */
  company: string;
  brand: string | null;
}

/**
 * market_share: percentages that state a company's share of a market, sales, shipments, production
 * or usage, credited to the company (a brand's or division's share to its owner). Three
 * components, in this order (news.v1.json lists them):
 *
 *   market_share_candidates  the figures that may be shares, with their bounds   -> shareCandidates
 *   market_share_holders     the shares (by rule, SHARE_RULES) and who holds each  -> shareHolders
 *   market_share_claims      market, region, period, source, evidence, confidence  -> marketShareClaims
 *
 * `market_share` runs the three as one step, for a pipeline definition that names the whole stage.
 */
import type { Component, Doc } from '../../doc.ts';
import type { MarketShareClaim } from '../../../../src/schema.ts';
import { findShareCandidates, marketShareCandidates } from './candidates.ts';
import { findShareHolders, marketShareHolders } from './holders.ts';
import { findClaims, marketShareClaims } from './claims.ts';

export { findShareCandidates, marketShareCandidates } from './candidates.ts';
export { findShareHolders, marketShareHolders } from './holders.ts';
export { findClaims, marketShareClaims } from './claims.ts';
export type { ShareCandidates, ShareFigure, ShareHolder, ShareMention } from './types.ts';

const PARTS = [marketShareCandidates, marketShareHolders, marketShareClaims] as const;

/** The market-share claims of a document: the three components over its sentences, companies, percentages and periods. */
export function extractMarketShares(doc: Doc): MarketShareClaim[] {
  const candidates = findShareCandidates(doc);
  return findClaims(doc, candidates, findShareHolders(doc, candidates));
}

// "Acme holds 34% of the market" -> {company: Acme, share: 34, bound: exact, rule: pct_of_market}
export const marketShare: Component = {
  name: 'market_share',
  // what the parts require that no earlier part assigns
  requires: [...new Set(PARTS.flatMap((p, i) => p.requires.filter((k) => !PARTS.slice(0, i).some((q) => q.assigns.includes(k)))))],
  assigns: [...new Set(PARTS.flatMap((p) => p.assigns))],
  run(doc, ctx) {
    for (const p of PARTS) p.run(doc, ctx);
  },
};

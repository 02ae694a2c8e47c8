/**
 * Is a candidate figure a market share, and by which rule (SHARE_RULES): a share cue right after
 * it ("a 34% market share"), a market after it ("34% of the market"), a maker's part of all goods
 * ("makes 35% of the world's phones"), a share noun before it ("its share rose to 21%"), usage
 * ("used by 90% of web users"), a ranking list ("Acme at 34%"), or a later figure of a sentence
 * that already made a claim ("... to 21% from 18%").
 */
import type { Doc, PercentageQ, Sentence } from '../../doc.ts';
import {
  HEDGE_BEFORE, LEADS_WITH_LEFT, LIST_GAP, MARKETISH, NOT_SHARE_LIST, OF_MARKET_RIGHT, OF_OWN, OWNERSHIP_CONTEXT, PRICE_BEFORE_SHARE, PRODUCE_LEFT,
  PRODUCE_OF_RIGHT, SHARE_CONTEXT, SHARE_IN_MARKET, SHARE_LEFT, SHARE_RIGHT, STAKE_AFTER_SHARE, STAKE_BEFORE_SHARE, UNQUALIFIED_OF,
  USED_BY_LEFT, USERS_RIGHT,
} from '../../rules/market-share.ts';
import { ofCompany } from './candidates.ts';
import { isMarketNp, marketPhrase } from './markets.ts';
import { REGION_RE, regionOf } from './regions.ts';
import type { ShareFigure, ShareMention } from './types.ts';

export interface Found {
  rule: string;
  /** The mention in a list ("Acme at 34%"), when the rule names one. */
  listMention: ShareMention | null;
  /** Offset where the market phrase starts ("of the ...", "share of ..."), or -1. */
  marketFrom: number;
}

/** The rule that makes `f` a share, or null; `chained`: the sentence already made a claim. */
export function classify(doc: Doc, sent: Sentence, f: ShareFigure, ms: readonly ShareMention[], chained: boolean): Found | null {
  const { p, left, leftStart, right } = f;
  // "a 34% market share", "a 25 pct share of the French market"
  const sr = SHARE_RIGHT.exec(right);
  if (sr) return shareNp(p, left, right, sr[0].length, ms);
  // "11% of the market", "8% of the country's total oil production"
  const om = OF_MARKET_RIGHT.exec(right);
  if (om && !UNQUALIFIED_OF.test(right) && isMarketNp(om[1]!, om[2]!)) return { rule: 'pct_of_market', listMention: null, marketFrom: p.end };
  // "Acme makes about 35% of the world's mobile phones", "Acme delivered 55% of all jetliners"
  if (PRODUCE_LEFT.test(left) && PRODUCE_OF_RIGHT.test(right) && !OF_OWN.test(right)) {
    return { rule: 'produces_pct_of', listMention: null, marketFrom: p.end };
  }
  // "market share of car sales rose to 17.2 pct", "a share of about 90%"
  const share = lastShareNoun(left);
  if (share && isMarketShareNoun(doc, sent, p, left, leftStart + share.end, share)) {
    return { rule: 'share_context', listMention: null, marketFrom: leftStart + share.end };
  }
  if (USED_BY_LEFT.test(left) && USERS_RIGHT.test(right)) return { rule: 'used_by', listMention: null, marketFrom: -1 };
  // "Acme leads the browser market with 45%": the market named before the figure
  const leads = LEADS_WITH_LEFT.exec(left);
  if (leads) return { rule: 'leads_with', listMention: null, marketFrom: leftStart + leads.index };
  // "Acme at 34%", "Acme (34%)" in a sentence about shares or after one; after a claim in the same
  // sentence the list needs no share word: "Acme delivered 55% of all jetliners, ahead of Beta at 45%".
  const listed = listMentionBefore(doc, sent, p, ms, chained);
  if (listed) return { rule: 'list', listMention: listed, marketFrom: -1 };
  if (chained) return { rule: 'chain', listMention: null, marketFrom: -1 };
  return null;
}

/** A share word right after the figure ("a 34% share"): a market share unless what follows is owned. */
function shareNp(p: PercentageQ, left: string, right: string, srLen: number, ms: readonly ShareMention[]): Found | null {
  // "a 20 pct share in Acme", "in which it holds a 5 pct share": ownership
  const after = right.slice(srLen);
  if (STAKE_AFTER_SHARE.test(after) || STAKE_BEFORE_SHARE.test(left)) return null;
  // "a 20 pct share in Acme": "share in" names what is owned, unless a market or a region follows
  const inM = /^\s+in\s+(?:the\s+)?/.exec(after);
  if (inM && !SHARE_IN_MARKET.test(after)) {
    const rest = after.slice(inM[0].length);
    // "a 34% share in cloud infrastructure services": a lower-case noun phrase (not a company,
    // venture or project, which STAKE_AFTER_SHARE caught above) names a market.
    if (inM[0].trim() === 'in' && /^[a-z][\w-]*(?:\s+[a-z][\w-]*)*\s*(?:[,.;]|$)/.test(rest.split(/[,.;]/)[0]! + '.')) {
      return { rule: 'share_np', listMention: null, marketFrom: p.end + srLen };
    }
    REGION_RE.lastIndex = 0;
    const r = REGION_RE.exec(rest);
    if (!(r && r.index === 0 && regionOf(r[1]!, false))) return null;
  }
  if (ofCompany(after, p.end + srLen, ms)) return null;
  return { rule: 'share_np', listMention: null, marketFrom: p.end + srLen };
}

/**
 * A share noun before the figure names a market share, not an ownership share: a bare "its share"
 * (no "market", no market phrase) must stand among market words and away from ownership words:
 * "Acme's share will remain at 40 pct" after a stake sale is a stake.
 */
function isMarketShareNoun(doc: Doc, sent: Sentence, p: PercentageQ, left: string, from: number, share: { end: number; market: boolean }): boolean {
  const between = left.slice(share.end);
  const prev = doc.sentences[sent.index - 1];
  const around = doc.norm.slice(prev ? prev.start : sent.start, sent.end);
  const ownership =
    !share.market &&
    marketPhrase(doc, from, p.start, sent.end).market == null &&
    (OWNERSHIP_CONTEXT.test(doc.norm.slice(sent.start, sent.end)) || !MARKETISH.test(around) || STAKE_AFTER_SHARE.test(doc.norm.slice(from, p.start)));
  // "to bring its share in the venture to 50 pct" is a stake, not a market share
  return !/[;]/.test(between) && !ownership;
}

/** "Acme at 34%", "Acme (11%)": the mention right before the figure, in a sentence about shares. */
function listMentionBefore(doc: Doc, sent: Sentence, p: PercentageQ, ms: readonly ShareMention[], chained: boolean): ShareMention | null {
  for (let j = ms.length - 1; j >= 0; j--) {
    const m = ms[j]!;
    if (m.end > p.start) continue;
    const gap = doc.norm.slice(m.end, p.start);
    if (gap.length > 18) break;
    const gapNoHedge = gap.replace(HEDGE_BEFORE, ' ');
    if (!LIST_GAP.test(gapNoHedge)) break;
    const prev = doc.sentences[sent.index - 1];
    const ctx = doc.norm.slice(prev && prev.end >= sent.start - 2 ? prev.start : sent.start, sent.end);
    if ((chained || SHARE_CONTEXT.test(ctx)) && !NOT_SHARE_LIST.test(doc.norm.slice(sent.start, sent.end))) return m;
    break;
  }
  return null;
}

/** The last share noun in `left` that is not a price ("15 dlrs a share"): its end offset in `left`. */
function lastShareNoun(left: string): { end: number; market: boolean } | null {
  let at: { end: number; market: boolean } | null = null;
  let sawMarket = false;
  SHARE_LEFT.lastIndex = 0;
  for (let m = SHARE_LEFT.exec(left); m; m = SHARE_LEFT.exec(left)) {
    const before = left.slice(Math.max(0, m.index - 20), m.index);
    // "earnings of 2 dlrs a share", "65 dlrs per share": a price
    if (/^\s*a\s/i.test(m[0]) && PRICE_BEFORE_SHARE.test(before + 'a ')) continue;
    if (/\bper\s*$/i.test(before)) continue;
    sawMarket ||= /market/i.test(m[0]);
    at = { end: m.index + m[0].length, market: sawMarket };
  }
  return at;
}

/**
 * market_share_candidates: the percentages that may be market shares. A figure (unit "percent";
 * points and basis points are never shares) between 0 and 100 is kept unless the words around it
 * make it a change ("rose 5%"), a stake ("a 20% stake", "owns 15% of Acme"), a rate, a margin or a
 * company's own mix ("12% of its sales"); a hedge before it gives its bound ("more than 60 pct").
 * Brands from the brand lexicon join the company mentions of each sentence.
 */
import type { CompanyEntity, Component, Doc, PercentageQ, Sentence } from '../../doc.ts';
import {
  BOUND_HEDGES, CHANGE_LEFT, HEDGE_BEFORE, LEFT_WINDOW, NOT_SHARE_LEFT, NOT_SHARE_RIGHT, RIGHT_WINDOW, TARGET_LEFT, USED_BY_LEFT, USERS_RIGHT,
} from '../../rules/market-share.ts';
import { bySentence, withBrands } from './mentions.ts';
import type { Bound, ShareCandidates, ShareFigure, ShareMention } from './types.ts';

const BOUND_OF = new Map(BOUND_HEDGES.map(([w, b]) => [w, b]));

/** Every sentence with percentages: its mentions and the figures that may be shares. */
export function findShareCandidates(doc: Doc): ShareCandidates {
  const mentions: ShareMention[] = [];
  for (const entity of doc.companies) {
    for (const m of entity.mentions) mentions.push({ ...m, entity });
  }
  const mentionsBy = bySentence(mentions);
  const brandCache = new Map<string, CompanyEntity | null>();
  const pctsBy = bySentence(doc.percentages);
  const out: ShareCandidates = [];
  for (const sent of doc.sentences) {
    const pcts = pctsBy.get(sent.index);
    if (!pcts) continue;
    const ms = withBrands(doc, sent, mentionsBy.get(sent.index) ?? [], brandCache);
    const figures: ShareFigure[] = [];
    pcts.forEach((p, index) => {
      const f = figureOf(doc, sent, p, index, ms);
      if (!f) return;
      // a range ("between 79% and 99%", "38 or 39 pct") states two figures: its lower and its upper end
      if (p.high != null && p.value > 0 && p.value < p.high) figures.push({ ...f, share: p.value, bound: 'at_least' });
      figures.push(f);
    });
    out.push({ sentence: sent.index, mentions: ms, percentages: pcts, figures });
  }
  return out;
}

/** The figure `p` as a candidate share, or null when it cannot be one. */
function figureOf(doc: Doc, sent: Sentence, p: PercentageQ, index: number, ms: readonly ShareMention[]): ShareFigure | null {
  if (p.unit !== 'percent') return null;
  const share = p.high ?? p.value;
  if (!(share > 0 && share <= 100)) return null;

  const leftStart = Math.max(sent.start, p.start - LEFT_WINDOW);
  let left = doc.norm.slice(leftStart, p.start);
  const right = doc.norm.slice(p.end, Math.min(sent.end, p.end + RIGHT_WINDOW));

  // "more than 60 pct", "about 5%", "less than 40%"
  let bound: Bound = 'exact';
  const hedge = HEDGE_BEFORE.exec(left);
  if (hedge) {
    bound = BOUND_OF.get(hedge[1]!.toLowerCase().replace(/\s+/g, ' ')) ?? 'exact';
    left = left.slice(0, hedge.index);
  }
  // a range ("30-35%", "38 or 39 pct"): this figure is its upper end (findShareCandidates adds the lower)
  if (p.high != null) bound = 'at_most';
  // "aims for 12% of the market": a target, not a share held
  if (TARGET_LEFT.test(left)) return null;

  // Not a share: "rose 5%", "a 20% stake", "12% of its sales", "raised its stake to 9 pct".
  if (USED_BY_LEFT.test(left) && USERS_RIGHT.test(right)) {
    // usage share: "used by 90% of web users"
  } else if (CHANGE_LEFT.test(left) || NOT_SHARE_RIGHT.test(right) || NOT_SHARE_LEFT.test(left)) {
    return null;
  } else if (ofCompany(right, p.end, ms)) {
    return null; // "owns 15% of Acme": a stake
  }
  return { index, p, share, bound, left, leftStart, right };
}

/** "15% of Acme" (not "of Acme's sales"): a stake in a company. */
export function ofCompany(right: string, base: number, ms: readonly ShareMention[]): boolean {
  const m = /^\s*of\s+(?:the\s+)?/.exec(right);
  if (!m) return false;
  const at = base + m[0].length;
  const hit = ms.find((x) => x.start === at);
  if (!hit) return false;
  return !/^'s?\b/.test(right.slice(m[0].length + hit.text.length));
}

// "Acme's shares rose 3%; it holds 34% of the market" -> one candidate figure, 34 (exact)
export const marketShareCandidates: Component = {
  name: 'market_share_candidates',
  requires: ['norm', 'sentences', 'companies', 'percentages'],
  assigns: ['shareCandidates'],
  run(doc) {
    doc.shareCandidates = findShareCandidates(doc);
  },
};

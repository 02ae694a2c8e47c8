/**
 * market_share_claims: each share with its holder becomes a claim: the market it is a share of
 * (the phrase after the share word, a maker's description, the market of the claim before it, or
 * the market the article talks about), its region and period, the source that states it, its
 * evidence and confidence. A repeat (same company, share and sentence) is dropped.
 *
 * Decision on prior figures: "X's share was 20%, against 18% a year earlier" yields both claims;
 * each is a share the text states for X, the earlier one at an earlier period (when the text gives
 * one, `period` says which). Hypothetical and projected shares are kept the same way.
 */
import type { CompanyEntity, Component, Doc, PercentageQ, PeriodQ } from '../../doc.ts';
import { evidence } from '../../doc.ts';
import type { MarketShareClaim } from '../../../../src/schema.ts';
import { hashId } from '../../../../src/util/ids.ts';
import { ANAPHOR_PENALTY, DEFAULT_SHARE_SCORE, SHARE_RULES } from '../../rules/market-share.ts';
import { bySentence } from './mentions.ts';
import { contextMarket, makerPhrase, marketPhrase, sameMarket, titleMarket } from './markets.ts';
import { regionInSentence, regionNear } from './regions.ts';
import { attributionFor, findAttributions } from './sources.ts';
import type { Attribution } from './sources.ts';
import type { ShareCandidates, ShareHolder } from './types.ts';

const SCORE_OF = new Map(SHARE_RULES.map((r) => [r.rule, r.score]));

/** The claim made last: later claims take its market, and list items in its sentence its region and period. */
interface LastClaim {
  entity: CompanyEntity;
  sentence: number;
  market: string | null;
  region: string | null;
  period: string | null;
  attributedTo: string | null;
}

/** The claims of the shares and their holders, in reading order. */
export function findClaims(doc: Doc, candidates: ShareCandidates, holders: readonly ShareHolder[]): MarketShareClaim[] {
  const periodsBy = bySentence(doc.periods);
  const attributionsAt = new Map<number, Attribution[]>();
  const out: MarketShareClaim[] = [];
  const seen = new Set<string>();
  let last: LastClaim | null = null;
  for (const h of holders) {
    const sc = candidates[h.at]!;
    const sent = doc.sentences[sc.sentence]!;
    const { p, share, index } = h.figure;
    const prior = last as LastClaim | null;
    // a list item takes after the claim before it, in its sentence or the one before: a ranking list
    // goes on in the next sentence ("..., followed by B at 13%. C and D had 6% each.") and keeps the
    // list's market, region, period and source
    const listItem = h.rule === 'list' || h.rule === 'chain';
    const listPrior = prior && listItem && sent.index - prior.sentence <= 1 ? prior : null;
    const { market, region } = marketOf(doc, h, candidates, last, listPrior);
    const period: string | null = periodFor(periodsBy.get(sent.index) ?? [], sc.percentages, index, p) ?? (listPrior ? listPrior.period : null);

    let attributions = attributionsAt.get(h.at);
    if (!attributions) attributionsAt.set(h.at, (attributions = findAttributions(doc, sent, sc.mentions)));
    // a source named once covers the shares that follow it in the same report: the other figures of
    // its sentence, and the same company's figures in the next sentence ("X's share rose to 17%, it
    // said. Its share of truck sales rose to 29.7%.")
    const carried =
      prior && prior.attributedTo && (prior.sentence === sent.index || (prior.sentence === sent.index - 1 && (prior.entity === h.entity || listPrior)))
        ? prior.attributedTo
        : null;
    const attributedTo = attributionFor(attributions, p.start, h.entity) ?? carried;

    const ev = h.owner.mention ?? h.owner.anaphor!;
    const evStart = Math.min(ev.start, p.start);
    const evEnd = Math.max(ev.end, p.end);
    const key = `${h.company}\u001f${share}\u001f${sent.index}`;
    last = { entity: h.entity, sentence: sent.index, market, region, period, attributedTo };
    if (seen.has(key)) continue;
    seen.add(key);
    let confidence = SCORE_OF.get(h.rule) ?? DEFAULT_SHARE_SCORE;
    if (!h.owner.mention) confidence -= ANAPHOR_PENALTY;
    out.push({
      id: hashId(h.company, share, evStart),
      company: h.company,
      brand: h.brand,
      share,
      bound: h.figure.bound,
      market,
      region,
      period,
      attributedTo,
      evidence: evidence(doc, evStart, evEnd),
      confidence: Math.round(confidence * 100) / 100,
      rule: h.rule,
    });
  }
  return out;
}

/** The market and region of a share: its own phrase first, then what the text around it says. */
function marketOf(
  doc: Doc,
  h: ShareHolder,
  candidates: ShareCandidates,
  last: LastClaim | null,
  listPrior: LastClaim | null,
): { market: string | null; region: string | null } {
  const sc = candidates[h.at]!;
  const sent = doc.sentences[sc.sentence]!;
  const { p } = h.figure;
  const ms = sc.mentions;
  const mk = h.marketFrom >= 0 ? marketPhrase(doc, h.marketFrom, p.start, sent.end) : { market: null, region: null, bare: false };
  let market = mk.market ?? makerPhrase(doc, sent);
  let region = mk.region ?? regionNear(doc, p.end, sent, ms) ?? regionInSentence(doc, sent, ms, p.start);
  if (market == null && last && last.entity === h.entity && sent.index - last.sentence <= 3) market = last.market;
  // "Acme delivered 55% of all jetliners last year, ahead of Beta at 45%": a list item shares
  // the market and region of the claim before it
  if (listPrior) {
    market ??= listPrior.market;
    region ??= listPrior.region;
  }
  if (market == null && mk.bare && last && sent.index - last.sentence <= 6) {
    market = last.market;
    region ??= last.region;
  }
  if (market == null || region == null) {
    const ctxm = contextMarket(doc, sent, ms, p.start);
    if (ctxm && market == null) {
      market = ctxm.market;
      region ??= ctxm.region;
    } else if (ctxm && market && sameMarket(ctxm.market, market)) {
      // "the U.S. motorcycle market" before "its share of the heavyweight motorcycle": US
      region ??= ctxm.region;
    }
  }
  // a bare "the market": the one the headline names
  if (market == null && mk.bare) market = titleMarket(doc)?.market ?? null;
  return { market, region };
}

/**
 * The period of a figure: the nearest period after it, before the next figure; else one between
 * the previous figure and this one. "to 19.4 pct in 1986 from 12.5 pct in 1983".
 */
function periodFor(periods: readonly PeriodQ[], pcts: readonly PercentageQ[], i: number, p: PercentageQ): string | null {
  const next = pcts[i + 1]?.start ?? Infinity;
  const prevEnd = i > 0 ? pcts[i - 1]!.end : -Infinity;
  const firstStart = pcts[0]!.start;
  let before: PeriodQ | null = null;
  let lead: PeriodQ | null = null;
  for (const q of periods) {
    if (q.start >= p.end && q.start < next && q.start - p.end <= 60) return q.value;
    // a period right after the previous figure is that figure's
    if (q.end <= p.start && q.start >= prevEnd && (i === 0 || q.start - prevEnd > 60)) before = q;
    // "In a report published in 2023, A holds 34%, followed by B at 21%": a period leading the
    // sentence, before all its figures, dates each of them
    if (q.end <= firstStart) lead = q;
  }
  return (before ?? lead)?.value ?? null;
}

// "Acme holds 34% of the global cloud market, according to Datacorp" ->
//   {company: Acme, share: 34, market: cloud, region: global, attributedTo: Datacorp}
export const marketShareClaims: Component = {
  name: 'market_share_claims',
  requires: ['norm', 'sentences', 'companies', 'periods', 'shareCandidates', 'shareHolders'],
  assigns: ['marketShareClaims'],
  run(doc) {
    doc.marketShareClaims = findClaims(doc, doc.shareCandidates, doc.shareHolders);
  },
};

/**
 * market_share: percentages that state a company's share of a market, sales, shipments, production
 * or usage, credited to the company (a brand's or division's share to its owner).
 *
 * For each percentage (unit "percent"; points and basis points are never shares) in a sentence:
 *   1. reject changes, stakes, rates, margins and population shares by the words around it;
 *   2. accept it when a share cue says it is a share (rule names in RULE_CONFIDENCE):
 *      share_np       "a 34% market share", "the 20% share it would have had"
 *      pct_of_market  "holds 11% of the market", "8% of the country's oil production"
 *      share_context  "Acme's market share rose to 21%", "with a share of about 90%"
 *      chain          a later figure in a sentence that already made a claim:
 *                     "... to 21% from 18%", "... an improvement on its current 2.5%"
 *      list           "Acme at 34%, followed by Beta at 21%", "Acme (34%)" near a share word
 *      used_by        "Acme's browser is used by 90% of web users"
 *   3. credit the nearest company mention on the left that is in subject place (not inside a
 *      prepositional modifier, not a cited source), else an anaphor ("its", "the company") to the
 *      last company credited with a share, else drop the figure.
 *
 * Decision on prior figures: "X's share was 20%, against 18% a year earlier" yields both claims;
 * each is a share the text states for X, the earlier one at an earlier period (when the text gives
 * one, `period` says which). Hypothetical and projected shares are kept the same way.
 */
import type { Component } from '../doc.ts';
import type { CompanyEntity, Doc, PercentageQ, PeriodQ, Sentence } from '../doc.ts';
import { evidence } from '../doc.ts';
import type { MarketShareClaim } from '../../../src/schema.ts';
import { hashId } from '../../../src/util/ids.ts';
import { ownerOfBrand } from '../lexicon/index.ts';
import {
  ANAPHOR,
  ATTRIBUTION,
  PRODUCE_LEFT,
  PRODUCE_OF_RIGHT,
  BOUND_HEDGES,
  CONTEXT_MARKET,
  CHANGE_LEFT,
  HEDGE_BEFORE,
  LIST_GAP,
  MAKER_PHRASE,
  MARKET_FILLER,
  MARKET_HEADS,
  NOT_A_MARKET,
  NOT_SHARE_LIST,
  NOT_SHARE_LEFT,
  NOT_SHARE_RIGHT,
  OF_MARKET_RIGHT,
  MARKETISH,
  JOINT,
  OTHER_SUBJECT,
  OWNERSHIP_CONTEXT,
  PREP_BEFORE_MENTION,
  PRICE_BEFORE_SHARE,
  REGIONS,
  RULE_CONFIDENCE,
  SAYER_AFTER,
  SELF_PRONOUN,
  SHARE_CONTEXT,
  SHARE_LEFT,
  SHARE_ONLY_HEADS,
  SHARE_RIGHT,
  SHARE_IN_MARKET,
  SOURCE_BEFORE_MENTION,
  STAKE_AFTER_SHARE,
  STAKE_BEFORE_SHARE,
  TITLE_WORDS,
  UNQUALIFIED_OF,
  UNNAMED_SOURCES,
  USED_BY_LEFT,
  USERS_RIGHT,
} from '../rules/market-share.ts';

type Bound = MarketShareClaim['bound'];

interface Mention {
  start: number;
  end: number;
  text: string;
  sentence: number;
  entity: CompanyEntity;
}

/** Windows around a figure: enough for a clause, bounded so every regex runs in constant time. */
const LEFT_WINDOW = 160;
const RIGHT_WINDOW = 140;

const BOUND_OF = new Map(BOUND_HEDGES.map(([w, b]) => [w, b]));

const REGION_BY_FORM = new Map<string, { value: string; kind: 'name' | 'adj' }>();
for (const [form, value, kind] of REGIONS) REGION_BY_FORM.set(form.toLowerCase(), { value, kind });
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Every region form, longest first so "West Germany" beats "Germany"; case-sensitive (proper nouns). */
const REGION_RE = new RegExp(
  `(?<![\\w.])(${[...REGIONS]
    .map(([f]) => f)
    .sort((a, b) => b.length - a.length)
    .map(escapeRe)
    .join('|')})(?![\\w])`,
  'g',
);
const GLOBAL_WORDS = /^(?:world|worldwide|world-wide|global|globally|world's)$/i;

const HEADS = new Set([...MARKET_HEADS, ...SHARE_ONLY_HEADS]);
/** Words that end a market noun phrase. */
const NP_BREAK = new Set(
  ('to from in at by and or but was is were are has had have rose fell its their his her which that this than since ' +
    'while for with as on over during compared against up down it would will could be been stood amounts amounted ' +
    'accounts accounted remains remained reached grew increased decreased declined dropped slipped climbed jumped ' +
    'also now currently still only just further already last this next so then there where when who whose ' +
    'about around nearly almost some roughly approximately under more less close into onto through across among ' +
    'within per via after before between against without')
    .split(' '),
);

export const marketShare: Component = {
  name: 'market_share',
  requires: ['norm', 'sentences', 'companies', 'percentages', 'periods'],
  assigns: ['marketShareClaims'],
  run(doc) {
    doc.marketShareClaims = extractMarketShares(doc);
  },
};

/** Group items with a `sentence` index by sentence, in text order. Linear. */
function bySentence<T extends { sentence: number; start: number }>(items: readonly T[]): Map<number, T[]> {
  const m = new Map<number, T[]>();
  for (const it of items) {
    const list = m.get(it.sentence);
    if (list) list.push(it);
    else m.set(it.sentence, [it]);
  }
  for (const list of m.values()) list.sort((a, b) => a.start - b.start);
  return m;
}

interface Found {
  rule: string;
  /** The mention in a list ("Acme at 34%"), when the rule names one. */
  listMention: Mention | null;
  /** Offset where the market phrase starts ("of the ...", "share of ..."), or -1. */
  marketFrom: number;
}

/** The claim made last: later anaphors and list items in its sentence take after it. */
interface LastClaim {
  entity: CompanyEntity;
  sentence: number;
  market: string | null;
  region: string | null;
  period: string | null;
}

export function extractMarketShares(doc: Doc): MarketShareClaim[] {
  const mentions: Mention[] = [];
  for (const entity of doc.companies) {
    for (const m of entity.mentions) mentions.push({ ...m, entity });
  }
  const mentionsBy = bySentence(mentions);
  const brandCache = new Map<string, CompanyEntity | null>();
  const pctsBy = bySentence(doc.percentages);
  const periodsBy = bySentence(doc.periods);
  const out: MarketShareClaim[] = [];
  const seen = new Set<string>();
  let last: LastClaim | null = null;

  for (const sent of doc.sentences) {
    const pcts = pctsBy.get(sent.index);
    if (!pcts) continue;
    const ms = withBrands(doc, sent, mentionsBy.get(sent.index) ?? [], brandCache);
    const periods = periodsBy.get(sent.index) ?? [];
    let claimedInSentence = false;
    let attributions: Attribution[] | null = null;

    for (let i = 0; i < pcts.length; i++) {
      const p = pcts[i]!;
      if (p.unit !== 'percent') continue;
      const share = p.high ?? p.value;
      if (!(share > 0 && share <= 100)) continue;

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
      // a range ("30-35%", "38 or 39 pct") is stated as its upper end, a bound
      if (p.high != null) bound = 'at_most';

      // Not a share: "rose 5%", "a 20% stake", "12% of its sales", "raised its stake to 9 pct".
      if (USED_BY_LEFT.test(left) && USERS_RIGHT.test(right)) {
        // usage share, handled below
      } else if (CHANGE_LEFT.test(left) || NOT_SHARE_RIGHT.test(right) || NOT_SHARE_LEFT.test(left)) {
        continue;
      } else if (ofCompany(right, p.end, ms)) {
        continue; // "owns 15% of Acme": a stake
      }

      const found = classify(doc, sent, p, left, leftStart, right, ms, claimedInSentence);
      if (!found) continue;

      let owner: Owner | null = found.listMention
        ? { mention: found.listMention, anaphor: null }
        : resolveOwner(doc, sent, p.start, ms, last);
      if (!owner) {
        attributions ??= findAttributions(doc, sent, ms);
        owner = speakersSales(doc, sent, p.start, attributions);
      }
      if (!owner) continue;
      const entity: CompanyEntity = owner.mention ? owner.mention.entity : owner.anaphor!.entity;
      const { company, brand } = creditOf(entity);
      // A product's share goes to its maker only when the article names the maker: a share for a
      // browser whose maker the story never mentions is not a claim about any company in it.
      if (entity.rule === 'brand' && !ownerNamed(doc, company)) continue;

      // Market and region.
      const mk = found.marketFrom >= 0 ? marketPhrase(doc, found.marketFrom, p.start, sent.end) : { market: null, region: null, bare: false };
      let market = mk.market ?? makerPhrase(doc, sent);
      let region = mk.region ?? regionNear(doc, p.end, sent, ms) ?? regionInSentence(doc, sent, ms, p.start);
      if (market == null && last && last.entity === entity && sent.index - last.sentence <= 3) market = last.market;
      // "Acme delivered 55% of all jetliners last year, ahead of Beta at 45%": a list item shares
      // the market, region and period of the claim before it in the same sentence
      const listItem = found.rule === 'list' || found.rule === 'chain';
      const prior = last as LastClaim | null;
      const sameSentence = prior && prior.sentence === sent.index ? prior : null;
      if (listItem && sameSentence) {
        market ??= sameSentence.market;
        region ??= sameSentence.region;
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

      const period: string | null = periodFor(periods, pcts, i, p) ?? (listItem && sameSentence ? sameSentence.period : null);

      attributions ??= findAttributions(doc, sent, ms);
      const attributedTo = attributionFor(attributions, p.start, entity);

      const ev = owner.mention ?? owner.anaphor!;
      const evStart = Math.min(ev.start, p.start);
      const evEnd = Math.max(ev.end, p.end);
      const key = `${company}\u001f${share}\u001f${sent.index}`;
      claimedInSentence = true;
      last = { entity, sentence: sent.index, market, region, period };
      if (seen.has(key)) continue;
      seen.add(key);
      let confidence = RULE_CONFIDENCE[found.rule] ?? 0.6;
      if (!owner.mention) confidence -= 0.15;
      out.push({
        id: hashId(company, share, evStart),
        company,
        brand,
        share,
        bound,
        market,
        region,
        period,
        attributedTo,
        evidence: evidence(doc, evStart, evEnd),
        confidence: Math.round(confidence * 100) / 100,
        rule: found.rule,
      });
    }
  }
  return out;
}

/**
 * Product and brand names are not companies, so the companies component leaves them out; a share
 * stated for one ("Internet Explorer has 90%", "iPod's share") goes to its owner. Adds a mention
 * for every capitalised run in the sentence that the brand lexicon knows, outside company mentions.
 */
const BRAND_RUN = /\b[A-Za-z]*[A-Z][\w&'-]*(?:\s+(?:[A-Z][\w&'-]*|\d+[A-Za-z]*)){0,3}/g;
function withBrands(doc: Doc, sent: Sentence, ms: Mention[], cache: Map<string, CompanyEntity | null>): Mention[] {
  const text = doc.norm.slice(sent.start, sent.end);
  const extra: Mention[] = [];
  BRAND_RUN.lastIndex = 0;
  for (let m = BRAND_RUN.exec(text); m; m = BRAND_RUN.exec(text)) {
    const words = m[0].replace(/'s?$/, '').split(/\s+/);
    // longest known prefix of the run: "Internet Explorer 6" -> "Internet Explorer"
    for (let n = words.length; n > 0; n--) {
      const surface = words.slice(0, n).join(' ');
      const start = sent.start + m.index;
      const end = start + surface.length;
      if (ms.some((x) => start < x.end && end > x.start)) break;
      let entity = cache.get(surface);
      if (entity === undefined) {
        const owner = ownerOfBrand(surface);
        entity = owner && owner !== surface
          ? { id: `brand:${surface}`, name: surface, aliases: [surface], mentions: [], ticker: null, cik: null, parent: owner, confidence: 0.5, rule: 'brand' }
          : null;
        cache.set(surface, entity);
      }
      if (entity) {
        extra.push({ start, end, text: doc.text.slice(start, end), sentence: sent.index, entity });
        break;
      }
    }
  }
  if (extra.length === 0) return ms;
  return [...ms, ...extra].sort((a, b) => a.start - b.start);
}

/**
 * Who is credited with a share. A product or brand (from the brand lexicon) goes to its owner and
 * is kept in `brand`: "Internet Explorer" -> Microsoft. A company with a parent goes to the parent
 * only when it is named as a division of it ("BT Retail" -> BT, "Acme Cloud" -> Acme); a separately
 * named subsidiary keeps its own share ("Audi" under Volkswagen, "Acme Canada" under Acme Motor):
 * news reports and the dev labels credit such a subsidiary, not its parent.
 */
function creditOf(entity: CompanyEntity): { company: string; brand: string | null } {
  if (!entity.parent) return { company: entity.name, brand: null };
  if (entity.rule === 'brand') return { company: entity.parent, brand: entity.name };
  const parentTokens = new Set(entity.parent.toLowerCase().split(/\s+/));
  const tokens = entity.name.split(/\s+/);
  const first = tokens[0]!.toLowerCase();
  const rest = tokens.slice(1).join(' ');
  const regional = rest !== '' && (regionOf(rest, true) != null || REGION_BY_FORM.has(rest.toLowerCase()));
  if (parentTokens.has(first) && rest !== '' && !regional) return { company: entity.parent, brand: entity.name };
  return { company: entity.name, brand: null };
}

/** True when the article names `owner`: a company entity of that name, or one whose parent it is. */
function ownerNamed(doc: Doc, owner: string): boolean {
  const key = owner.toLowerCase();
  return doc.companies.some(
    (e) => e.name.toLowerCase() === key || e.parent?.toLowerCase() === key || e.aliases.some((a) => a.toLowerCase() === key),
  );
}

/** "15% of Acme" (not "of Acme's sales"): a stake in a company. */
function ofCompany(right: string, base: number, ms: readonly Mention[]): boolean {
  const m = /^\s*of\s+(?:the\s+)?/.exec(right);
  if (!m) return false;
  const at = base + m[0].length;
  const hit = ms.find((x) => x.start === at);
  if (!hit) return false;
  return !/^'s?\b/.test(right.slice(m[0].length + hit.text.length));
}

function classify(
  doc: Doc,
  sent: Sentence,
  p: PercentageQ,
  left: string,
  leftStart: number,
  right: string,
  ms: readonly Mention[],
  chained: boolean,
): Found | null {
  // "a 34% market share", "a 25 pct share of the French market"
  const sr = SHARE_RIGHT.exec(right);
  if (sr) {
    // "a 20 pct share in Acme", "in which it holds a 5 pct share": ownership
    const after = right.slice(sr[0].length);
    if (STAKE_AFTER_SHARE.test(after) || STAKE_BEFORE_SHARE.test(left)) return null;
    // "a 20 pct share in Acme": "share in" names what is owned, unless a market or a region follows
    const inM = /^\s+in\s+(?:the\s+)?/.exec(after);
    if (inM && !SHARE_IN_MARKET.test(after)) {
      const rest = after.slice(inM[0].length);
      // "a 34% share in cloud infrastructure services": a lower-case noun phrase (not a company,
      // venture or project, which STAKE_AFTER_SHARE caught above) names a market.
      if (inM[0].trim() === 'in' && /^[a-z][\w-]*(?:\s+[a-z][\w-]*)*\s*(?:[,.;]|$)/.test(rest.split(/[,.;]/)[0]! + '.')) {
        return { rule: 'share_np', listMention: null, marketFrom: p.end + sr[0].length };
      }
      REGION_RE.lastIndex = 0;
      const r = REGION_RE.exec(rest);
      if (!(r && r.index === 0 && regionOf(r[1]!, false))) return null;
    }
    if (ofCompany(right.slice(sr[0].length), p.end + sr[0].length, ms)) return null;
    return { rule: 'share_np', listMention: null, marketFrom: p.end + sr[0].length };
  }
  // "11% of the market", "8% of the country's total oil production"
  const om = OF_MARKET_RIGHT.exec(right);
  if (om && !UNQUALIFIED_OF.test(right) && isMarketNp(om[1]!, om[2]!)) return { rule: 'pct_of_market', listMention: null, marketFrom: p.end };
  // "Acme makes about 35% of the world's mobile phones", "Acme delivered 55% of all jetliners"
  if (PRODUCE_LEFT.test(left) && PRODUCE_OF_RIGHT.test(right) && !/^\s*of\s+(?:its|their|his|her)\b/i.test(right)) {
    return { rule: 'produces_pct_of', listMention: null, marketFrom: p.end };
  }
  // "market share of car sales rose to 17.2 pct", "a share of about 90%"
  const share = lastShareNoun(left);
  if (share) {
    const between = left.slice(share.end);
    const from = leftStart + share.end;
    // A bare "its share" (no "market", no market phrase) must stand among market words and
    // away from ownership words: "Acme's share will remain at 40 pct" after a stake sale is a stake.
    const prev = doc.sentences[sent.index - 1];
    const around = doc.norm.slice(prev ? prev.start : sent.start, sent.end);
    const ownership =
      !share.market &&
      marketPhrase(doc, from, p.start, sent.end).market == null &&
      (OWNERSHIP_CONTEXT.test(doc.norm.slice(sent.start, sent.end)) || !MARKETISH.test(around) ||
        STAKE_AFTER_SHARE.test(doc.norm.slice(from, p.start)));
    // "to bring its share in the venture to 50 pct" is a stake, not a market share
    if (!/[;]/.test(between) && !ownership) return { rule: 'share_context', listMention: null, marketFrom: from };
  }
  if (USED_BY_LEFT.test(left) && USERS_RIGHT.test(right)) return { rule: 'used_by', listMention: null, marketFrom: -1 };
  // "Acme at 34%", "Acme (34%)" in a sentence about shares or after one; after a claim in the same
  // sentence the list needs no share word: "Acme delivered 55% of all jetliners, ahead of Beta at 45%".
  const listed = listMentionBefore(doc, sent, p, ms, chained);
  if (listed) return { rule: 'list', listMention: listed, marketFrom: -1 };
  if (chained) return { rule: 'chain', listMention: null, marketFrom: -1 };
  return null;
}

function listMentionBefore(doc: Doc, sent: Sentence, p: PercentageQ, ms: readonly Mention[], chained: boolean): Mention | null {
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

/**
 * The words before a market head are modifiers, not a company: "of Penn Traffic" is a stake
 * (the head is a name), "of the Acme Group's sales" is a company's own sales; "of Russia's total
 * oil production" is a market (a region's possessive).
 */
function isMarketNp(mods: string, head: string): boolean {
  if (!/^[a-z]/.test(head)) return false;
  const poss = /([A-Z][\w.&-]*)'s?\s/g;
  for (let m = poss.exec(mods); m; m = poss.exec(mods)) {
    if (!regionOf(m[1]!, false) && !REGION_BY_FORM.has(m[1]!.toLowerCase())) return false;
  }
  return true;
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

interface Owner {
  mention: Mention | null;
  anaphor: { entity: CompanyEntity; start: number; end: number } | null;
}

/** The mention credited with a figure at `pos`, or an anaphor to the last credited company. */
function resolveOwner(
  doc: Doc,
  sent: Sentence,
  pos: number,
  ms: readonly Mention[],
  last: { entity: CompanyEntity; sentence: number } | null,
): Owner | null {
  for (let j = ms.length - 1; j >= 0; j--) {
    const m = ms[j]!;
    if (m.end > pos) continue;
    const before = doc.norm.slice(Math.max(sent.start, m.start - 30), m.start);
    // "versions of the Acme 747", "according to Acme": a modifier, not the holder
    if (PREP_BEFORE_MENTION.test(before) && !/^'s?\s/.test(doc.norm.slice(m.end, m.end + 3))) continue;
    // "market research firm Acme": a source
    if (SOURCE_BEFORE_MENTION.test(before)) continue;
    // "Acme said sales of ... were 12% of the chip market": a source, unless "Acme said its share..."
    const after = doc.norm.slice(m.end, Math.min(pos, m.end + 40));
    if (SAYER_AFTER.test(after) && !SELF_PRONOUN.test(doc.norm.slice(m.end, pos))) continue;
    // "Acme, Beta and Gamma have 22 pct of the market": a joint share, credited to none
    const prevM = ms[j - 1];
    if (prevM && prevM.end <= m.start && /^\s*,?\s*(?:and|&)\s*$/.test(doc.norm.slice(prevM.end, m.start))) return null;
    if (JOINT.test(doc.norm.slice(m.end, pos))) return null;
    // "If Acme backs it, the format would have a 47% share": another subject holds the figure
    if (OTHER_SUBJECT.test(doc.norm.slice(m.end, pos))) return null;
    return { mention: m, anaphor: null };
  }
  // "The company's share of truck sales rose to 29.7 pct": back to the last company with a share.
  const head = doc.norm.slice(sent.start, pos);
  const an = ANAPHOR.exec(head);
  // "the firm that accounts for 20%" describes a new referent; it does not point back
  if (!an || /^\s+(?:that|which|who)\b/.test(head.slice(an.index + an[0].length))) return null;
  // "it would mean the format would have a 47% share": another subject holds the figure
  if (OTHER_SUBJECT.test(', ' + head.slice(an.index))) return null;
  let entity = last && sent.index - last.sentence <= 4 ? last.entity : salientBefore(doc, sent.start);
  // without an earlier share, the article's main company must be in the last two sentences
  if (entity && !(last && entity === last.entity) && !entity.mentions.some((m) => m.sentence < sent.index && m.sentence >= sent.index - 2)) entity = null;
  if (!entity) return null;
  const start = sent.start + an.index;
  return { mention: null, anaphor: { entity, start, end: start + an[0].length } };
}

/**
 * "Sales in 1986 represented 11.8 per cent of the European market, Whipple said": a bare "sales"
 * subject, no company named before the figure, and a speaker who speaks for a company (its
 * chairman, its spokesman, the company itself): the sales are that company's.
 */
const BARE_SALES = /^\s*(?:(?:its|their)\s+)?(?:sales|deliveries|shipments|registrations|unit\s+sales|volume|output)\b/i;
function speakersSales(doc: Doc, sent: Sentence, pos: number, atts: readonly Attribution[]): Owner | null {
  const head = doc.norm.slice(sent.start, pos);
  const m = BARE_SALES.exec(head);
  if (!m) return null;
  const named = atts.find((a) => a.source !== '' && a.source !== 'SELF');
  if (!named) return null;
  const entity = doc.companies.find((e) => e.name === named.source);
  if (!entity) return null;
  const start = sent.start + m.index + (m[0].length - m[0].trimStart().length);
  return { mention: null, anaphor: { entity, start, end: sent.start + m.index + m[0].length } };
}

/** The company the article is about so far: most mentions before `pos`, earliest first on ties. */
function salientBefore(doc: Doc, pos: number): CompanyEntity | null {
  let best: CompanyEntity | null = null;
  let bestN = 0;
  let bestFirst = Infinity;
  for (const e of doc.companies) {
    let n = 0;
    for (const m of e.mentions) if (m.end <= pos) n++;
    const first = e.mentions[0]?.start ?? Infinity;
    if (n > bestN || (n === bestN && n > 0 && first < bestFirst)) {
      best = e;
      bestN = n;
      bestFirst = first;
    }
  }
  return bestN >= 2 ? best : null;
}

/**
 * The market named from `from` on: "of the French switchboard market" -> "switchboard" (region
 * France); "of Russia's total oil production" -> "oil production"; "of the market for portable
 * music players" -> "portable music players"; "market share of car sales" -> "car sales".
 * `bare` is true for an anaphoric "the market".
 */
function marketPhrase(
  doc: Doc,
  from: number,
  pctStart: number,
  sentEnd: number,
): { market: string | null; region: string | null; bare: boolean } {
  const none = { market: null, region: null, bare: false };
  // A phrase between a share word and its figure ends at the figure, else at its sentence's end.
  const stop = from < pctStart ? pctStart : sentEnd;
  let s = doc.norm.slice(from, Math.min(stop, from + 120));
  // Clause breaks end it too: "of the market, followed by ..."
  const cut = /[,;:()]|\s-\s/.exec(s);
  if (cut) s = s.slice(0, cut.index);
  const lead = /^\s*(?:market[- ])?(?:share\s+)?(?:of|in)\s+/i.exec(s);
  if (!lead) return none;
  s = s.slice(lead[0].length);
  // Regions inside the phrase go to `region`: "the U.S. market", "Russia's total oil production".
  let region: string | null = null;
  s = s.replace(REGION_RE, (form: string) => {
    const r = REGION_BY_FORM.get(form.toLowerCase());
    if (!r || (!GLOBAL_WORDS.test(form) && !/^[A-Z]/.test(form))) return form;
    region ??= r.value;
    return '\u0001';
  });
  const words: string[] = [];
  for (const raw of s.split(/\s+/)) {
    if (!raw) continue;
    if (raw.startsWith('\u0001')) {
      if (/[,;:)]$/.test(raw)) break;
      continue; // "\u0001's" is a region possessive
    }
    const t = raw.replace(/[,.;:)]+$/, '');
    const lower = t.toLowerCase();
    // "U.S. car and truck sales": "and" inside a phrase whose head follows
    if ((lower === 'and' || lower === 'or') && words.length > 0 && headAhead(s, raw)) {
      words.push(lower);
      continue;
    }
    if (!t || /^\d/.test(t) || /%/.test(t) || NP_BREAK.has(lower)) break;
    if (MARKET_FILLER.has(lower)) {
      if (raw !== t) break;
      continue;
    }
    words.push(t.replace(/'s$/, ''));
    if (raw !== t || words.length >= 7) break; // punctuation ends the phrase
  }
  // "the market for portable digital music players": take the complement of "for".
  const forM = /^(?:the\s+)?(?:[\w\u0001'.-]+\s+){0,3}?markets?\s+for\s+((?:[\w-]+\s*){1,5})/i.exec(s);
  if (forM) {
    const np: string[] = [];
    for (const w of forM[1]!.split(/\s+/)) {
      if (!w || NP_BREAK.has(w.toLowerCase())) break;
      np.push(w);
    }
    if (np.length) return { market: np.join(' '), region, bare: false };
  }
  // Cut the phrase at its last head word ("oil production", "home loan market"), drop "market".
  let end = -1;
  for (let k = words.length - 1; k >= 0; k--) {
    if (HEADS.has(words[k]!.toLowerCase())) {
      end = k;
      break;
    }
  }
  let np = end >= 0 ? words.slice(0, end + 1) : words;
  const bare = np.length === 1 && /^markets?$/i.test(np[0]!);
  if (np.length > 1 && /^markets?$/i.test(np[np.length - 1]!)) np = np.slice(0, -1);
  if (bare || np.length === 0) return { market: null, region, bare: true };
  if (np.length > 6) return { market: null, region, bare: false };
  return { market: np.join(' '), region, bare: false };
}

/** True when a market head comes within two words after the first "and"/"or" in `s`. */
function headAhead(s: string, conj: string): boolean {
  const m = new RegExp(`\\s${conj}\\s+((?:[\\w-]+\\s+){0,2}?)([\\w-]+)`).exec(s);
  return !!m && HEADS.has(m[2]!.toLowerCase());
}

/**
 * The market named nearest before a claim (its own sentence first, then up to three before):
 * "the North American commuter market" -> commuter (North America); "U.S. car sales" -> car sales (US).
 */
function contextMarket(doc: Doc, sent: Sentence, ms: readonly Mention[], pos: number): { market: string; region: string | null } | null {
  for (let k = sent.index; k >= Math.max(0, sent.index - 3); k--) {
    const s = doc.sentences[k]!;
    // in the claim's own sentence, only what comes before the figure
    const text = doc.norm.slice(s.start, k === sent.index ? pos : s.end);
    const mentions = k === sent.index ? ms : [];
    let best: { market: string; region: string | null } | null = null;
    CONTEXT_MARKET.lastIndex = 0;
    for (let m = CONTEXT_MARKET.exec(text); m; m = CONTEXT_MARKET.exec(text)) {
      const at = s.start + m.index;
      if (mentions.some((x) => at < x.end && at + m![0].length > x.start)) continue;
      let region: string | null = null;
      const words: string[] = [];
      const opener = m[1];
      const mods = m[2]!.trim().split(/\s+/);
      // "the X market", "Acme's X sales", or a region first ("U.S. car sales"); not "competitors enter the market"
      const after = m[0].slice(0, m[0].length - m[3]!.length);
      if (!opener && !/'s\s+$/.test(after) && !regionOf(mods[0]!, true)) continue;
      for (const w of mods) {
        const r = regionOf(w, true);
        if (r) {
          region ??= r;
          continue;
        }
        if (/^[A-Z]/.test(w) || NP_BREAK.has(w.toLowerCase())) {
          words.length = 0; // a name or a verb cuts the phrase: keep what follows
          continue;
        }
        if (MARKET_FILLER.has(w.toLowerCase()) || NUMERAL.test(w)) continue;
        words.push(w);
      }
      const head = m[3]!.toLowerCase();
      if (words.length === 0 || NOT_A_MARKET.test(words.join(' ')) || words.some((w) => NOT_A_MARKET.test(w) && words.length === 1)) continue;
      const market = /^markets?$|^industry$/.test(head) ? words.join(' ') : `${words.join(' ')} ${head}`;
      best = { market, region }; // the last one in the sentence is nearest the claim
    }
    if (best) return best;
  }
  return null;
}

/** Two market phrases about the same thing: they share a content word ("motorcycle"). */
function sameMarket(a: string, b: string): boolean {
  const stem = (w: string) => w.toLowerCase().replace(/s$/, '');
  const aw = new Set(a.split(/\s+/).map(stem));
  return b.split(/\s+/).some((w) => !HEADS.has(w.toLowerCase()) && aw.has(stem(w)));
}

const NUMERAL = /^(?:\d[\d.,]*|one|two|three|four|five|six|seven|eight|nine|ten|dozen)$/i;

/** "India's second-largest cement maker" -> "cement"; "the top five oil producers" -> "oil". */
function makerPhrase(doc: Doc, sent: Sentence): string | null {
  const m = MAKER_PHRASE.exec(doc.norm.slice(sent.start, sent.end));
  if (!m) return null;
  const words = m[1]!
    .replace(REGION_RE, '')
    .split(/\s+/)
    .filter((w) => w && !MARKET_FILLER.has(w.toLowerCase()) && !/^[A-Z]/.test(w) && !NUMERAL.test(w));
  return words.length ? words.join(' ') : null;
}

/** A region form: names always, adjectives only when `adjOk` (inside a market phrase). */
function regionOf(word: string, adjOk: boolean): string | null {
  const r = REGION_BY_FORM.get(word.toLowerCase());
  if (!r) return null;
  // Region names are proper nouns: "US" but not "us"; "global"/"world" are the lower-case exceptions.
  if (!GLOBAL_WORDS.test(word) && !/^[A-Z]/.test(word)) return null;
  if (r.kind === 'adj' && !adjOk) return null;
  return r.value;
}

/** "... 30 pct market share worldwide", "... to 8.4 pct in West Germany". */
function regionNear(doc: Doc, from: number, sent: Sentence, ms: readonly Mention[]): string | null {
  const s = doc.norm.slice(from, Math.min(sent.end, from + 40));
  const m = /^\s*(?:(?:market[- ])?share\s+)?(?:(worldwide|globally|world-wide)\b|in\s+(?:the\s+)?([A-Z][\w.]*(?:\s+[A-Z][\w.]*)?))/.exec(s);
  if (!m) return null;
  if (m[1]) return 'global';
  const at = from + m.index + m[0].length - m[2]!.length;
  if (ms.some((x) => at >= x.start && at < x.end)) return null;
  const w = m[2]!.replace(/\.$/, m[2]!.endsWith('S.') || m[2]!.endsWith('K.') ? '.' : '');
  return regionOf(w, false) ?? regionOf(w.split(/\s+/)[0]!, false);
}

/** The region named nearest the figure anywhere in its sentence, outside company names. */
function regionInSentence(doc: Doc, sent: Sentence, ms: readonly Mention[], pos: number): string | null {
  const s = doc.norm.slice(sent.start, sent.end);
  REGION_RE.lastIndex = 0;
  let best: string | null = null;
  let bestDist = Infinity;
  for (let m = REGION_RE.exec(s); m; m = REGION_RE.exec(s)) {
    const at = sent.start + m.index;
    if (ms.some((x) => at < x.end && at + m![0].length > x.start)) continue;
    const after = s.slice(m.index + m[0].length, m.index + m[0].length + 3);
    const form = REGION_BY_FORM.get(m[1]!.toLowerCase());
    if (!form) continue;
    // adjectives only before a lower-case word: "the British home loan market", not "British Airways"
    if (form.kind === 'adj' && !/^\s[a-z]/.test(after)) continue;
    if (!GLOBAL_WORDS.test(m[1]!) && !/^[A-Z]/.test(m[1]!)) continue;
    if (/^(?:world|global)$/i.test(m[1]!) && !/^\s(?:market|sales|shipments|production|output)/.test(after)) continue;
    const d = Math.abs(at - pos);
    if (d < bestDist) {
      bestDist = d;
      best = form.value;
    }
  }
  return best;
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

interface Attribution {
  start: number;
  end: number;
  /** Resolved source; "" means the text names an unnamed source ("analysts said"). */
  source: string | 'SELF';
}

function findAttributions(doc: Doc, sent: Sentence, ms: readonly Mention[]): Attribution[] {
  const s = doc.norm.slice(sent.start, sent.end);
  const out: Attribution[] = [];
  for (const { name, re } of ATTRIBUTION) {
    re.lastIndex = 0;
    for (let m = re.exec(s); m; m = re.exec(s)) {
      const g = m[1]!;
      const gStart = sent.start + m.index + m[0].indexOf(g);
      const source = resolveSource(doc, sent, name, g, gStart, ms);
      if (source != null) out.push({ start: sent.start + m.index, end: sent.start + m.index + m[0].length, source });
    }
  }
  return out;
}

function resolveSource(doc: Doc, sent: Sentence, rule: string, g: string, at: number, ms: readonly Mention[]): string | null {
  const text = g.replace(/^the\s+/i, '').trim();
  const lower = text.toLowerCase();
  if (rule === 'pronoun_said') {
    if (/^(?:it|the\s+\w+)$/.test(lower)) return 'SELF';
    if (lower === 'he' || lower === 'she') return spokesmanBefore(doc, sent) ?? '';
    return '';
  }
  const first = lower.split(/\s+/)[0]!;
  if (UNNAMED_SOURCES.has(lower) || UNNAMED_SOURCES.has(first)) return '';
  const hit = ms.find((x) => x.start < at + g.length && x.end > at);
  if (hit) return hit.entity.name;
  // A person: tie them to a company through their title elsewhere in the article.
  return personAffiliation(doc, text) ?? (looksLikePerson(doc, text) ? '' : text);
}

/** "he said" after "a spokesman for Acme" / "the Acme spokesman" in the last few sentences. */
function spokesmanBefore(doc: Doc, sent: Sentence): string | null {
  for (let k = sent.index; k >= Math.max(0, sent.index - 6); k--) {
    const s = doc.sentences[k]!;
    const t = doc.norm.slice(s.start, s.end);
    const re = /spokes(?:man|woman|person)|official|executive|chairman|president/gi;
    for (let m = re.exec(t); m; m = re.exec(t)) {
      const pos = s.start + m.index;
      const c = nearestMention(doc, pos, 40, s);
      if (c) return c;
    }
  }
  return null;
}

function nearestMention(doc: Doc, pos: number, radius: number, s: Sentence): string | null {
  let best: string | null = null;
  let bestD = Infinity;
  for (const e of doc.companies) {
    for (const m of e.mentions) {
      if (m.sentence !== s.index) continue;
      const d = m.end <= pos ? pos - m.end : m.start - pos;
      if (d >= 0 && d <= radius && d < bestD) {
        bestD = d;
        best = e.name;
      }
    }
  }
  return best;
}

/** "Acme president Jane Roe", "Roe, chairman of Acme": the company a named person speaks for. */
function personAffiliation(doc: Doc, name: string): string | null {
  const surname = name.split(/\s+/).pop()!;
  if (surname.length < 3) return null;
  const re = new RegExp(`\\b${escapeRe(surname)}\\b`, 'g');
  let n = 0;
  for (let m = re.exec(doc.norm); m && n < 5; m = re.exec(doc.norm), n++) {
    const w0 = Math.max(0, m.index - 60);
    const w1 = Math.min(doc.norm.length, m.index + surname.length + 60);
    const win = doc.norm.slice(w0, w1);
    if (/\banalyst/i.test(win)) return null;
    if (!TITLE_WORDS.test(win)) continue;
    const sIdx = doc.sentences.findIndex((s) => m!.index >= s.start && m!.index < s.end);
    const s = doc.sentences[sIdx];
    if (!s) continue;
    // "Acme chairman Jane Roe"; a bare "chairman Jane Roe" speaks for the article's main company
    const c = nearestMention(doc, m.index, 60, s) ?? salientBefore(doc, doc.norm.length)?.name;
    if (c) return c;
  }
  return null;
}

function looksLikePerson(doc: Doc, name: string): boolean {
  if (/\b(?:Inc|Corp|Co|Ltd|Group|Research|Associates|Partners|Bank|Securities|International|Institute|Department|Agency)\b/.test(name)) return false;
  if (/^[A-Z]{2,}$/.test(name)) return false; // an acronym: an organisation
  const surname = name.split(/\s+/).pop()!;
  return new RegExp(`\\b(?:Mr|Mrs|Ms|Dr)\\.?\\s+${escapeRe(surname)}\\b|${escapeRe(surname)},\\s+(?:an?\\s+|the\\s+)?(?:\\w+\\s+)?(?:analyst|spokes|chairman|president|director|chief|head|executive)`).test(doc.norm) ||
    TITLE_WORDS.test(doc.norm.slice(Math.max(0, doc.norm.indexOf(surname) - 30), doc.norm.indexOf(surname)));
}

/** The named source nearest the figure; SELF means the credited company itself ("it said"). */
function attributionFor(atts: readonly Attribution[], pos: number, entity: CompanyEntity): string | null {
  let best: Attribution | null = null;
  let bestD = Infinity;
  for (const a of atts) {
    const d = a.end <= pos ? pos - a.end : Math.max(0, a.start - pos);
    if (d < bestD) {
      bestD = d;
      best = a;
    }
  }
  if (!best || best.source === '') return null;
  if (best.source === 'SELF') return entity.name;
  return best.source;
}

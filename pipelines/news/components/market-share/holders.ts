/**
 * market_share_holders: which candidate figures are shares (classify.ts) and who holds each: the
 * nearest company mention on the left that is in subject place (not inside a prepositional
 * modifier, not a cited source), else an anaphor ("its", "the company") to the last company
 * credited with a share, else a speaker's company for a bare "sales" subject; a figure with no
 * holder is dropped. A brand's share goes to its owner, a division's to its parent (creditOf).
 * Reads the article in order: a later figure may take after the claim before it.
 */
import type { CompanyEntity, Component, Doc, Sentence } from '../../doc.ts';
import {
  ANAPHOR, ANAPHOR_REACH, BARE_SALES, FRONTED_REACH, FRONTED_SHARE, JOINT, LIST_AND, OTHER_SUBJECT, PREP_BEFORE_MENTION, RELATIVE_AFTER, RELATIVE_HOLDER, EACH_AFTER, LIST_JOIN, SALIENT_REACH, SAYER_AFTER,
  SELF_PRONOUN, SOURCE_BEFORE_MENTION,
} from '../../rules/market-share-holders.ts';
import { anaphorAt } from '../discourse.ts';
import { classify } from './classify.ts';
import { salientBefore } from './mentions.ts';
import { REGION_BY_FORM, regionOf } from './regions.ts';
import { findAttributions } from './sources.ts';
import type { Attribution } from './sources.ts';
import type { Owner, ShareCandidates, ShareHolder, ShareMention } from './types.ts';

/** The shares among the candidates and their holders, in reading order. */
export function findShareHolders(doc: Doc, candidates: ShareCandidates): ShareHolder[] {
  const out: ShareHolder[] = [];
  let last: { entity: CompanyEntity; sentence: number } | null = null;
  candidates.forEach((sc, at) => {
    const sent = doc.sentences[sc.sentence]!;
    let claimed = false;
    let attributions: Attribution[] | null = null;
    for (const f of sc.figures) {
      const found = classify(doc, sent, f, sc.mentions, claimed);
      if (!found) continue;
      let owner: Owner | null = found.listMention ? { mention: found.listMention, anaphor: null } : resolveOwner(doc, sent, f.p.start, sc.mentions, last);
      if (!owner) {
        attributions ??= findAttributions(doc, sent, sc.mentions);
        owner = speakersSales(doc, sent, f.p.start, attributions);
      }
      if (!owner) continue;
      const entity: CompanyEntity = owner.mention ? owner.mention.entity : owner.anaphor!.entity;
      const { company, brand } = creditOf(entity);
      // A product's share goes to its maker only when the article names the maker: a share for a
      // browser whose maker the story never mentions is not a claim about any company in it.
      if (entity.rule === 'brand' && !ownerNamed(doc, company)) continue;
      claimed = true;
      last = { entity, sentence: sent.index };
      out.push({ at, figure: f, rule: found.rule, marketFrom: found.marketFrom, owner, entity, company, brand });
      // "Acme and Beta at 6% each": every company of the list holds the figure
      if (found.listMention && EACH_AFTER.test(f.right)) {
        for (const m of listedBefore(doc, found.listMention, sc.mentions)) {
          const credit = creditOf(m.entity);
          out.push({ at, figure: f, rule: found.rule, marketFrom: found.marketFrom, owner: { mention: m, anaphor: null }, entity: m.entity, ...credit });
        }
      }
    }
  });
  return out;
}

/** The mentions listed before `m` ("Acme, Beta and Gamma at 5% each"), nearest first. */
function listedBefore(doc: Doc, m: ShareMention, ms: readonly ShareMention[]): ShareMention[] {
  const out: ShareMention[] = [];
  let cur = m;
  for (let j = ms.indexOf(m) - 1; j >= 0; j--) {
    const prev = ms[j]!;
    if (prev.end > cur.start || !LIST_JOIN.test(doc.norm.slice(prev.end, cur.start))) break;
    if (prev.entity !== m.entity && !out.some((o) => o.entity === prev.entity)) out.push(prev);
    cur = prev;
  }
  return out;
}

/** The mention credited with a figure at `pos`, or an anaphor to the last credited company. */
function resolveOwner(doc: Doc, sent: Sentence, pos: number, ms: readonly ShareMention[], last: { entity: CompanyEntity; sentence: number } | null): Owner | null {
  for (let j = ms.length - 1; j >= 0; j--) {
    const m = ms[j]!;
    if (m.end > pos) continue;
    const before = doc.norm.slice(Math.max(sent.start, m.start - 30), m.start);
    // "the sale of Acme, which controls 16% of the market": the relative clause's subject holds it
    if (RELATIVE_HOLDER.test(doc.norm.slice(m.end, pos))) return { mention: m, anaphor: null };
    // "versions of the Acme 747", "according to Acme": a modifier, not the holder
    if (PREP_BEFORE_MENTION.test(before) && !/^'s?\s/.test(doc.norm.slice(m.end, m.end + 3))) continue;
    // "market research firm Acme": a source
    if (SOURCE_BEFORE_MENTION.test(before)) continue;
    // "Acme said sales of ... were 12% of the chip market": a source, unless "Acme said its share..."
    const after = doc.norm.slice(m.end, Math.min(pos, m.end + 40));
    if (SAYER_AFTER.test(after) && !SELF_PRONOUN.test(doc.norm.slice(m.end, pos))) continue;
    // "Acme, Beta and Gamma have 22 pct of the market": a joint share, credited to none
    const prevM = ms[j - 1];
    if (prevM && prevM.end <= m.start && LIST_AND.test(doc.norm.slice(prevM.end, m.start))) return null;
    if (JOINT.test(doc.norm.slice(m.end, pos))) return null;
    // "If Acme backs it, the format would have a 47% share": another subject holds the figure
    if (OTHER_SUBJECT.test(doc.norm.slice(m.end, pos))) return null;
    return { mention: m, anaphor: null };
  }
  return frontedOwner(doc, sent, pos, ms) ?? anaphorOwner(doc, sent, pos, last);
}

/** "With 4% of the market, Acme trails": the first company after the fronted phrase's comma. */
function frontedOwner(doc: Doc, sent: Sentence, pos: number, ms: readonly ShareMention[]): Owner | null {
  if (!FRONTED_SHARE.test(doc.norm.slice(sent.start, pos))) return null;
  const comma = doc.norm.indexOf(',', pos);
  if (comma < 0 || comma >= sent.end || comma - pos > 80) return null;
  const m = ms.find((x) => x.start > comma && x.start - comma <= FRONTED_REACH);
  return m ? { mention: m, anaphor: null } : null;
}

/** "The company's share of truck sales rose to 29.7 pct": back to the last company with a share. */
function anaphorOwner(doc: Doc, sent: Sentence, pos: number, last: { entity: CompanyEntity; sentence: number } | null): Owner | null {
  const head = doc.norm.slice(sent.start, pos);
  const an = ANAPHOR.exec(head);
  // "the firm that accounts for 20%" describes a new referent; it does not point back
  if (!an || RELATIVE_AFTER.test(head.slice(an.index + an[0].length))) return null;
  // "it would mean the format would have a 47% share": another subject holds the figure
  if (OTHER_SUBJECT.test(', ' + head.slice(an.index))) return null;
  const start = sent.start + an.index;
  // the discourse layer's reading of the anaphor ("The company holds 15%" after "Acme reported ..."),
  // else the last company credited with a share, else the company the text is about
  const read = anaphorAt(doc, start);
  // (an anaphor the discourse layer read as something else, "the market ... it", holds nothing)
  if (read && !read.antecedents.length) return null;
  const named = read?.antecedents[0];
  let entity = named ? (doc.companies.find((e) => e.name === named) ?? null) : null;
  entity ??= last && sent.index - last.sentence <= ANAPHOR_REACH ? last.entity : salientBefore(doc, sent.start);
  // without an earlier share, the article's main company must be in the last two sentences
  if (entity && !named && !(last && entity === last.entity) && !entity.mentions.some((m) => m.sentence < sent.index && m.sentence >= sent.index - SALIENT_REACH)) {
    entity = null;
  }
  if (!entity) return null;
  return { mention: null, anaphor: { entity, start, end: start + an[0].length } };
}

/**
 * "Sales last year were 12 pct of the European market, Roe said": a bare "sales" subject, no
 * company named before the figure, and a speaker who speaks for a company (its chairman, its
 * spokesman, the company itself): the sales are that company's.
 */
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

/**
 * Who is credited with a share. A product or brand (from the brand lexicon) goes to its owner and
 * is kept in `brand`: "Acme Browser" -> Acme. A company with a parent goes to the parent only when
 * it is named as a division of it ("Acme Retail" -> Acme, "Acme Cloud" -> Acme); a separately
 * named subsidiary keeps its own share ("Bolt" under Acme Motor, "Acme Canada" under Acme Motor):
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

// "Acme Browser has a 34% share" (Acme named in the article) -> a share_np of Acme, brand Acme Browser
export const marketShareHolders: Component = {
  name: 'market_share_holders',
  requires: ['norm', 'sentences', 'companies', 'discourse', 'shareCandidates'],
  assigns: ['shareHolders'],
  run(doc) {
    doc.shareHolders = findShareHolders(doc, doc.shareCandidates);
  },
};

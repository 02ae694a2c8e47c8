/**
 * Who an anaphor in a deal slot stands for: "it", "the company", "the two firms", "the German
 * firm", and the target of the bid reported just before.
 */
import type { Doc } from '../../doc.ts';
import { PLURAL_ANAPHOR } from '../../rules/deals-grammar.ts';
import { ANAPHOR_REACH, NATIONALITY_ANAPHOR, NATIONALITY_OF_AFTER, NATIONALITY_REACH } from '../../rules/deals-cues.ts';
import { nationalityOf } from '../../lexicon/nationalities.ts';
import { lowerBound } from '../../doc.ts';
import type { DealCandidates, DealRole } from './types.ts';

/** What deal_roles knows while it reads an article, sentence by sentence. */
export interface RoleCtx {
  doc: Doc;
  found: DealCandidates;
  /** The roles found so far, in reading order (for "X's offer was topped by Y": X's target). */
  roles: DealRole[];
  /** The last deal found and its sentence: "it" in "... and in May it bought Y" is its buyer. */
  recent: { parties: string[]; sentence: number } | null;
}

/**
 * Resolve an anaphor at [start, end) of sentence `si`. Subject anaphors ("It also acquired ...",
 * "X said it agreed ...") take the sentence's first company, else the previous sentence's first;
 * object anaphors ("offered to buy the company") take the nearest company before them. Plural
 * anaphors ("the two companies", "both") take the two most recent distinct companies.
 */
export function resolveAnaphor(
  ctx: RoleCtx,
  si: number,
  start: number,
  text: string,
  subject: boolean,
  exclude: Set<string>,
  reach = ANAPHOR_REACH,
): string[] {
  const { mentions } = ctx.found;
  const before = lowerBound(mentions, start) - 1;
  if (PLURAL_ANAPHOR.test(text)) {
    const names = lastTwoNames(mentions, before, si - 2);
    return names.length === 2 ? names.reverse() : [];
  }
  // "Acme bid for Widget ... The latter rejected it": the last company named; "the former": the one before
  const order = /^the (latter|former)$/i.exec(text.trim())?.[1]?.toLowerCase();
  if (order) {
    const names = lastTwoNames(mentions, before, si - 1);
    const pick = order === 'latter' ? names[0] : names[1];
    return pick && !exclude.has(pick) ? [pick] : [];
  }
  if (subject) return resolveSubject(ctx, si, start, exclude, reach);
  const floor = ctx.doc.sentences[Math.max(0, si - 1)]?.start ?? 0;
  for (let i = before; i >= 0; i--) {
    const m = mentions[i]!;
    if (m.start < floor) break;
    if (!exclude.has(m.name)) return [m.name];
  }
  return [];
}

/** The two most recent distinct company names at or before mention `before`, from sentence `minSentence` on; latest first. */
function lastTwoNames(mentions: RoleCtx['found']['mentions'], before: number, minSentence: number): string[] {
  const names: string[] = [];
  for (let i = before; i >= 0 && names.length < 2; i--) {
    const m = mentions[i]!;
    if (m.sentence < minSentence) break;
    if (!names.includes(m.name)) names.push(m.name);
  }
  return names;
}

/** A subject anaphor: the buyer of the deal just reported, else the first company of this sentence or one before. */
function resolveSubject(ctx: RoleCtx, si: number, start: number, exclude: Set<string>, reach: number): string[] {
  const { mentions, firstMention } = ctx.found;
  const r = ctx.recent;
  if (r && r.sentence >= si - 1 && r.parties[0] && !exclude.has(r.parties[0])) return [r.parties[0]];
  for (let s = si; s >= Math.max(0, si - reach); s--) {
    const fi = firstMention[s]!;
    if (fi < 0) continue;
    for (let i = fi; i < mentions.length; i++) {
      const m = mentions[i]!;
      if (m.sentence !== s || m.start >= start) break;
      if (!exclude.has(m.name)) return [m.name];
    }
  }
  return [];
}

/**
 * "The German firm wanted to buy X": the company last introduced with that nationality
 * ("German carmaker Y", "Germany's Y"), if any, within a few sentences.
 */
export function resolveNationality(ctx: RoleCtx, si: number, start: number, text: string, exclude: Set<string>): string | null {
  const adj = NATIONALITY_ANAPHOR.exec(text)?.[1];
  if (!adj) return null;
  const entry = nationalityOf(adj);
  if (!entry) return null;
  const { doc } = ctx;
  const { mentions } = ctx.found;
  const floor = doc.sentences[Math.max(0, si - NATIONALITY_REACH)]?.start ?? 0;
  for (let i = lowerBound(mentions, start) - 1; i >= 0; i--) {
    const m = mentions[i]!;
    if (m.start < floor) break;
    if (exclude.has(m.name)) continue;
    const sentStart = doc.sentences[m.sentence]?.start ?? 0;
    const prevEnd = i > 0 ? mentions[i - 1]!.end : 0;
    const before = doc.norm.slice(Math.max(sentStart, prevEnd, m.start - 40), m.start);
    // the cue must stand right before the name ("German carmaker Y", "Germany's Y") or right after it ("Y of Germany")
    const lead = /(?:[^\s,;()]+\s+){0,3}$/.exec(before)?.[0] ?? '';
    const tail = NATIONALITY_OF_AFTER.exec(doc.norm.slice(m.end, m.end + 24))?.[0] ?? '';
    if (entry.cue.test(lead) || entry.cue.test(tail)) return m.name;
  }
  return null;
}

/** How many recent roles targetOf looks back over (keeps the component linear in the text). */
const TARGET_LOOKBACK = 24;

/** The target of the latest acquisition whose buyer is `bidder` (any buyer when null): "X's offer was topped by Y". */
export function targetOf(ctx: RoleCtx, bidder: string | null): string | null {
  const { roles } = ctx;
  for (let i = roles.length - 1; i >= Math.max(0, roles.length - TARGET_LOOKBACK); i--) {
    const c = roles[i]!;
    if (c.type !== 'acquisition' && c.type !== 'merger' && c.type !== 'investment') continue;
    if (bidder === null || c.parties[0] === bidder) return c.parties[1] ?? null;
  }
  return null;
}

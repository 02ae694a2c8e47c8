/**
 * discourse: what the rules may ask about the article beyond one sentence.
 *   - which company an anaphor refers to: "it", "its", "the company", "the Seattle-based group",
 *     "the two companies", and "we"/"our" inside a quotation (the quoted person's company);
 *   - parent and unit as the text states them ("Beta, a unit of Acme", "Acme's software arm Beta");
 *   - the article's topic (its dominant company) and its date (for resolving periods).
 * Everything is computed once per article, after companies; rules look it up by offset
 * (antecedentsAt) or by name (parentOf) instead of resolving on their own.
 */
import type { Component, Doc } from '../doc.ts';
import { lowerBound, sentenceAt } from '../doc.ts';
import { ANAPHOR_RULES, NON_COMPANY_REFERENT, SAY_VERBS, UNIT_RULES } from '../rules/discourse.ts';
import type { AnaphorRule } from '../rules/discourse.ts';
import { referenceDateOf } from '../quantities/periods.ts';

export interface DiscourseMention {
  start: number;
  end: number;
  /** Canonical name of the company. */
  name: string;
  sentence: number;
}

export interface Anaphor {
  start: number;
  end: number;
  text: string;
  /** The rule that found it (rules/discourse.ts). */
  rule: string;
  /** Companies it refers to, most likely first (two for a plural anaphor); empty when unresolved. */
  antecedents: string[];
}

export interface UnitLink {
  unit: string;
  parent: string;
  rule: string;
  start: number;
  end: number;
}

export interface Discourse {
  mentions: DiscourseMention[];
  anaphors: Anaphor[];
  units: UnitLink[];
  /** The most-mentioned company when it clearly dominates the article, else null. */
  topic: string | null;
  /** The article's date, for periods: year and month (null when unknown). */
  date: { year: number; month: number | null } | null;
}

export function emptyDiscourse(): Discourse {
  return { mentions: [], anaphors: [], units: [], topic: null, date: null };
}


/** The anaphor starting at `start`, if the discourse layer found one there. */
export function anaphorAt(doc: Doc, start: number): Anaphor | undefined {
  const a = doc.discourse.anaphors;
  const i = lowerBound(a, start);
  return a[i]?.start === start ? a[i] : undefined;
}

/** The companies the anaphor starting at `start` refers to (empty when none is known there). */
export function antecedentsAt(doc: Doc, start: number): string[] {
  return anaphorAt(doc, start)?.antecedents ?? [];
}

/** The parent the text gives for a company ("Beta, a unit of Acme" -> Acme), else null. */
export function parentOf(doc: Doc, name: string): string | null {
  return doc.discourse.units.find((u) => u.unit === name)?.parent ?? null;
}

/**
 * The article's topic: the most-mentioned company, named at least twice and at least twice as
 * often as any other. A story about two rivals has no single topic.
 */
export function topicOf(mentions: readonly DiscourseMention[]): string | null {
  const counts = new Map<string, number>();
  for (const m of mentions) counts.set(m.name, (counts.get(m.name) ?? 0) + 1);
  const ranked = [...counts].sort((a, b) => b[1] - a[1]);
  const [first, second] = ranked;
  if (!first || first[1] < 2) return null;
  return !second || first[1] >= 2 * second[1] ? first[0] : null;
}

/** Quotation spans of a text: between straight or curly double quotes, within one paragraph. */
function quotations(text: string): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  const re = /["\u201c]([^"\u201c\u201d\n]{1,2000})["\u201d]/g;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}

interface Ctx {
  doc: Doc;
  mentions: DiscourseMention[];
  /** Index into mentions of each sentence's first mention, -1 when it has none. */
  firstInSentence: number[];
  topic: string | null;
  quotes: Array<{ start: number; end: number }>;
}

/** The subject company of sentence `s` before `pos`: its first company mention, if any. */
function subjectOf(ctx: Ctx, s: number, before = Infinity): DiscourseMention | null {
  const i = ctx.firstInSentence[s] ?? -1;
  if (i < 0) return null;
  const m = ctx.mentions[i]!;
  return m.start < before ? m : null;
}

function resolveSubject(ctx: Ctx, si: number, start: number, definite: boolean): string[] {
  const sent = ctx.doc.sentences[si]!;
  const own = subjectOf(ctx, si, start);
  // "Acme said it would ...", "Acme's profit rose as its sales ...": the sentence's own subject.
  // A definite description after a company in the same sentence names another company: "Acme
  // agreed to buy the company" is not Acme buying itself.
  const initial = ctx.doc.text.slice(sent.start, start).trim() === '' || /^[\s"\u201c(]*$/.test(ctx.doc.text.slice(sent.start, start));
  if (own && !definite) {
    // "Winning more of the US market matters for Acme because it accounts for half": a thing
    // named in the sentence before the pronoun may be "it" as well as the company
    const before = ctx.doc.text.slice(sent.start, start);
    return NON_COMPANY_REFERENT.test(before.slice(0, own.start - sent.start) + ' ' + before.slice(own.end - sent.start)) ? [] : [own.name];
  }
  const exclude = new Set<string>();
  if (own && definite && !initial) {
    for (let i = ctx.firstInSentence[si]!; i < ctx.mentions.length && ctx.mentions[i]!.start < start; i++) exclude.add(ctx.mentions[i]!.name);
  }
  for (let s = si - 1; s >= Math.max(0, si - 3); s--) {
    const subj = subjectOf(ctx, s);
    if (subj && !exclude.has(subj.name)) return [subj.name];
  }
  if (ctx.topic && !exclude.has(ctx.topic)) return [ctx.topic];
  return [];
}

function resolvePlural(ctx: Ctx, si: number, start: number): string[] {
  const names: string[] = [];
  for (let i = lowerBound(ctx.mentions, start) - 1; i >= 0 && names.length < 2; i--) {
    const m = ctx.mentions[i]!;
    if (m.sentence < si - 2) break;
    if (!names.includes(m.name)) names.push(m.name);
  }
  return names.length === 2 ? names.reverse() : [];
}

/** "We"/"our" in a quotation: the company of the person quoted, named outside the quotation. */
function resolveSpeaker(ctx: Ctx, si: number, start: number): string[] {
  const q = ctx.quotes.find((x) => x.start < start && start < x.end);
  if (!q) return [];
  const { text, sentences } = ctx.doc;
  // Look after the quotation (to the end of its sentence or the next), then before it.
  const last = sentences[Math.min(sentences.length - 1, si + 1)]!;
  // (mentions by binary search: a story full of quotations stays linear)
  const firstAfter = ctx.mentions[lowerBound(ctx.mentions, q.end)];
  const tail = text.slice(q.end, last.end);
  if (firstAfter && firstAfter.end <= last.end && SAY_VERBS.test(tail)) return [firstAfter.name];
  const sent = sentences[si]!;
  const lastBefore = ctx.mentions[lowerBound(ctx.mentions, q.start) - 1];
  if (lastBefore && lastBefore.start >= sent.start && lastBefore.end <= q.start && SAY_VERBS.test(text.slice(sent.start, q.start))) return [lastBefore.name];
  return ctx.topic ? [ctx.topic] : [];
}

function findAnaphors(ctx: Ctx): Anaphor[] {
  const { doc } = ctx;
  // characters already taken by an anaphor (a flag per character: linear in the text)
  const taken = new Uint8Array(doc.text.length + 1);
  const out: Anaphor[] = [];
  const overlaps = (s: number, e: number) => {
    for (let i = s; i < e; i++) if (taken[i]) return true;
    return false;
  };
  const inMention = (s: number) => {
    const i = lowerBound(ctx.mentions, s + 1) - 1;
    const m = ctx.mentions[i];
    return !!m && m.start <= s && s < m.end;
  };
  for (const rule of ANAPHOR_RULES as readonly AnaphorRule[]) {
    rule.match.lastIndex = 0;
    for (let m = rule.match.exec(doc.text); m; m = rule.match.exec(doc.text)) {
      const start = m.index;
      const end = start + m[0].length;
      if (overlaps(start, end) || inMention(start)) continue;
      const si = sentenceAt(doc, start);
      if (si < 0) continue;
      let antecedents: string[];
      if (rule.kind === 'plural') antecedents = resolvePlural(ctx, si, start);
      else if (rule.kind === 'speaker') antecedents = resolveSpeaker(ctx, si, start);
      else antecedents = resolveSubject(ctx, si, start, rule.name === 'definite');
      if (rule.kind === 'speaker' && !antecedents.length) continue;
      taken.fill(1, start, end);
      out.push({ start, end, text: doc.text.slice(start, end), rule: rule.name, antecedents });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}


function findUnits(ctx: Ctx): UnitLink[] {
  const out: UnitLink[] = [];
  const { mentions } = ctx;
  const text = ctx.doc.text;
  for (let i = 0; i + 1 < mentions.length; i++) {
    const x = mentions[i]!;
    const y = mentions[i + 1]!;
    if (x.sentence !== y.sentence || x.name === y.name) continue;
    const between = text.slice(x.end, y.start);
    if (between.length > 80) continue;
    for (const rule of UNIT_RULES) {
      if (rule.between?.test(between)) out.push({ unit: x.name, parent: y.name, rule: rule.name, start: x.start, end: y.end });
      else if (rule.betweenParentFirst?.test(between)) out.push({ unit: y.name, parent: x.name, rule: rule.name, start: x.start, end: y.end });
      else continue;
      break;
    }
  }
  return out;
}

export function analyseDiscourse(doc: Doc): Discourse {
  const mentions: DiscourseMention[] = doc.companies
    .flatMap((c) => c.mentions.map((m) => ({ start: m.start, end: m.end, name: c.name, sentence: m.sentence })))
    .sort((a, b) => a.start - b.start);
  const firstInSentence = doc.sentences.map(() => -1);
  mentions.forEach((m, i) => {
    if (m.sentence >= 0 && firstInSentence[m.sentence] === -1) firstInSentence[m.sentence] = i;
  });
  const topic = topicOf(mentions);
  const ctx: Ctx = { doc, mentions, firstInSentence, topic, quotes: quotations(doc.text) };
  return {
    mentions,
    anaphors: findAnaphors(ctx),
    units: findUnits(ctx),
    topic,
    date: referenceDateOf(doc.article.publishedAt),
  };
}

// 'Acme posted a loss. "We will win back share," said Jo Smith of Acme. The company ...' ->
//   anaphors: We -> Acme (speaker), The company -> Acme (subject); topic Acme
export const discourse: Component = {
  name: 'discourse',
  requires: ['sentences', 'companies'],
  assigns: ['discourse'],
  run(doc) {
    doc.discourse = analyseDiscourse(doc);
  },
};

/**
 * Who says a share: the attribution phrases of a sentence ("according to Datacorp", "it said",
 * "Roe said" with Roe the chairman of Acme) and the source nearest a figure.
 */
import type { CompanyEntity, Doc, Sentence } from '../../doc.ts';
import { sentenceAt } from '../../doc.ts';
import {
  ACRONYM, ANALYST, ATTRIBUTION, HONORIFICS, ORGANISATION_WORDS, PERSON_ROLES, SPOKESPERSON, SPOKESPERSON_REACH, TITLE_WORDS,
  UNNAMED_SOURCES,
} from '../../rules/market-share-sources.ts';
import { nearestMention, salientBefore } from './mentions.ts';
import type { ShareMention } from './types.ts';

export interface Attribution {
  start: number;
  end: number;
  /** Resolved source; "" means the text names an unnamed source ("analysts said"); SELF the company itself. */
  source: string | 'SELF';
}

/** How far before a bracketed acronym its spelt-out name may start ("U.S. Department of Transportation (DOT)"). */
const ACRONYM_REACH = 600;

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * What the attributions of one article look up across its whole text (who a person speaks for,
 * whether a name is a person's, what an acronym stands for), each asked once per name; and the
 * indexes that answer them without reading the text again for every name: where each word stands,
 * where each bracketed text stands. Built on first use, per article.
 */
interface ArticleLookups {
  words: Map<string, number[]> | null;
  brackets: Map<string, number[]> | null;
  acronyms: Map<string, string | null>;
  affiliations: Map<string, string | null>;
  persons: Map<string, boolean>;
  /** The article's main company over its whole text (salientBefore at its end); undefined until asked. */
  salient: string | null | undefined;
}
const LOOKUPS = new WeakMap<Doc, ArticleLookups>();

function lookupsOf(doc: Doc): ArticleLookups {
  let l = LOOKUPS.get(doc);
  if (!l) LOOKUPS.set(doc, (l = { words: null, brackets: null, acronyms: new Map(), affiliations: new Map(), persons: new Map(), salient: undefined }));
  return l;
}

/** Remember `compute()` under `key` in `cache`. */
function once<V>(cache: Map<string, V>, key: string, compute: () => V): V {
  if (cache.has(key)) return cache.get(key)!;
  const v = compute();
  cache.set(key, v);
  return v;
}

/** Offsets of every occurrence of `word` (a run of \w characters) as a whole word: what /\bword\b/g finds. */
function wordOffsets(doc: Doc, word: string): readonly number[] {
  const l = lookupsOf(doc);
  if (!l.words) {
    l.words = new Map();
    const re = /\w+/g;
    for (let m = re.exec(doc.norm); m; m = re.exec(doc.norm)) {
      const list = l.words.get(m[0]);
      if (list) list.push(m.index);
      else l.words.set(m[0], [m.index]);
    }
  }
  return l.words.get(word) ?? [];
}

/** Offsets of the "(" of every "(TEXT)" whose trimmed inside is `inner`, in text order. */
function bracketOffsets(doc: Doc, inner: string): readonly number[] {
  const l = lookupsOf(doc);
  if (!l.brackets) {
    l.brackets = new Map();
    const re = /\(\s*([^()]*?)\s*\)/g;
    for (let m = re.exec(doc.norm); m; m = re.exec(doc.norm)) {
      const list = l.brackets.get(m[1]!);
      if (list) list.push(m.index);
      else l.brackets.set(m[1]!, [m.index]);
    }
  }
  return l.brackets.get(inner) ?? [];
}

/** The article's main company over its whole text. */
function salientName(doc: Doc): string | null {
  const l = lookupsOf(doc);
  if (l.salient === undefined) l.salient = salientBefore(doc, doc.norm.length)?.name ?? null;
  return l.salient;
}

/** Every attribution phrase of the sentence whose source resolves. */
export function findAttributions(doc: Doc, sent: Sentence, ms: readonly ShareMention[]): Attribution[] {
  const s = doc.norm.slice(sent.start, sent.end);
  const out: Attribution[] = [];
  for (const { rule, match: re } of ATTRIBUTION) {
    re.lastIndex = 0;
    for (let m = re.exec(s); m; m = re.exec(s)) {
      const g = m[1]!;
      const gStart = sent.start + m.index + m[0].indexOf(g);
      const source = resolveSource(doc, sent, rule, g, gStart, ms);
      if (source != null) out.push({ start: sent.start + m.index, end: sent.start + m.index + m[0].length, source });
    }
  }
  return out;
}

function resolveSource(doc: Doc, sent: Sentence, rule: string, g: string, at: number, ms: readonly ShareMention[]): string | null {
  const text = g.replace(/^the\s+/i, '').trim();
  const lower = text.toLowerCase();
  if (rule === 'pronoun_said') {
    // ("the company said": the test reads the words as written, "the" included)
    if (/^(?:it|the\s+\w+)$/.test(g.trim().toLowerCase())) return 'SELF';
    if (lower === 'he' || lower === 'she') return spokesmanBefore(doc, sent) ?? '';
    return '';
  }
  const first = lower.split(/\s+/)[0]!;
  if (UNNAMED_SOURCES.has(lower) || UNNAMED_SOURCES.has(first)) return '';
  const hit = ms.find((x) => x.start < at + g.length && x.end > at);
  if (hit) return hit.entity.name;
  // "the Department of Transportation (DOT) ... according to DOT": the name the article gives the acronym
  const bare = text.replace(/\.$/, '');
  if (ACRONYM.test(bare)) return once(lookupsOf(doc).acronyms, bare, () => expandAcronym(doc, bare)) ?? text;
  // A person: tie them to a company through their title elsewhere in the article.
  const l = lookupsOf(doc);
  return once(l.affiliations, text, () => personAffiliation(doc, text)) ?? (once(l.persons, text, () => looksLikePerson(doc, text)) ? '' : text);
}

/**
 * The full name an article defines for an acronym, "U.S. Department of Transportation (DOT)":
 * capitalised words before the bracketed acronym whose initials spell it.
 */
export function expandAcronym(doc: Doc, acronym: string): string | null {
  const want = acronym.replace(/[^A-Za-z]/g, '').toLowerCase();
  const re = new RegExp(`((?:[A-Z][\\w.&'-]*\\s+(?:(?:of|for|and|the|de|du)\\s+)*){1,8})\\(\\s*${escapeRe(acronym)}\\s*\\)`, 'g');
  for (const m of definitions(doc, re, acronym)) {
    const words = m[1]!.trim().split(/\s+/);
    // the shortest tail starting at a capitalised word whose initials spell the acronym, with or
    // without its small words: "Department of Transportation" (DOT), "Bank of America" (BA)
    for (let k = words.length - 1; k >= 0; k--) {
      if (!/^[A-Z]/.test(words[k]!)) continue;
      const tail = words.slice(k);
      const all = tail.map((w) => w.replace(/\./g, '')[0]!.toLowerCase()).join('');
      const caps = tail.filter((w) => /^[A-Z]/.test(w)).map((w) => w.replace(/\./g, '')[0]!.toLowerCase()).join('');
      if (all !== want && caps !== want) continue;
      // "U.S. Department of Transportation (DOT)": a country code before the name stays with it
      const from = k > 0 && /^(?:[A-Z]\.){2,}$/.test(words[k - 1]!) ? k - 1 : k;
      const start = m.index + m[1]!.indexOf(words.slice(from).join(' ').split(' ')[0]!);
      return doc.text.slice(start, m.index + m[1]!.trimEnd().length);
    }
  }
  return null;
}

/**
 * The matches of `re` (a global pattern ending in "(ACRONYM)") in the article, as a scan of the
 * whole text would find them, read only in the stretch of up to ACRONYM_REACH characters before
 * each "(ACRONYM)" (none at all when the article never brackets it).
 */
function* definitions(doc: Doc, re: RegExp, acronym: string): Generator<RegExpExecArray> {
  let from = 0;
  for (const at of bracketOffsets(doc, acronym)) {
    if (at < from) continue;
    const close = doc.norm.indexOf(')', at);
    const base = Math.max(from, at - ACRONYM_REACH);
    const text = doc.norm.slice(base, close + 1);
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      from = base + m.index + m[0].length;
      const whole = Object.assign([...m], { index: base + m.index, input: doc.norm, groups: m.groups }) as unknown as RegExpExecArray;
      yield whole;
    }
  }
}

/** "he said" after "a spokesman for Acme" / "the Acme spokesman" in the last few sentences. */
function spokesmanBefore(doc: Doc, sent: Sentence): string | null {
  for (let k = sent.index; k >= Math.max(0, sent.index - SPOKESPERSON_REACH); k--) {
    const s = doc.sentences[k]!;
    const t = doc.norm.slice(s.start, s.end);
    const re = SPOKESPERSON;
    re.lastIndex = 0;
    for (let m = re.exec(t); m; m = re.exec(t)) {
      const pos = s.start + m.index;
      const c = nearestMention(doc, pos, 40, s);
      if (c) return c;
    }
  }
  return null;
}

/** "Acme president Jane Roe", "Roe, chairman of Acme": the company a named person speaks for. */
function personAffiliation(doc: Doc, name: string): string | null {
  const surname = name.split(/\s+/).pop()!;
  if (surname.length < 3) return null;
  // its first five occurrences as a word: a word's from the article's index, anything else by a scan
  const at: number[] = [];
  if (/^\w+$/.test(surname)) at.push(...wordOffsets(doc, surname).slice(0, 5));
  else {
    const re = new RegExp(`\\b${escapeRe(surname)}\\b`, 'g');
    for (let m = re.exec(doc.norm); m && at.length < 5; m = re.exec(doc.norm)) at.push(m.index);
  }
  for (const index of at) {
    const w0 = Math.max(0, index - 60);
    const w1 = Math.min(doc.norm.length, index + surname.length + 60);
    const win = doc.norm.slice(w0, w1);
    if (ANALYST.test(win)) return null;
    if (!TITLE_WORDS.test(win)) continue;
    const s = doc.sentences[sentenceAt(doc, index)];
    if (!s) continue;
    // "Acme chairman Jane Roe"; a bare "chairman Jane Roe" speaks for the article's main company
    const c = nearestMention(doc, index, 60, s) ?? salientName(doc);
    if (c) return c;
  }
  return null;
}

function looksLikePerson(doc: Doc, name: string): boolean {
  if (ORGANISATION_WORDS.test(name)) return false;
  if (ACRONYM.test(name)) return false; // an acronym: an organisation
  const surname = name.split(/\s+/).pop()!;
  // "Mr Roe" or "Roe, an analyst" anywhere in the article: tried at each occurrence of the surname
  // (sticky, so the whole text is seen around it) rather than by a scan of the text per name
  const honorific = new RegExp(`(?<=\\b(?:${HONORIFICS})\\.?\\s+)${escapeRe(surname)}\\b`, 'y');
  const role = new RegExp(`${escapeRe(surname)},\\s+(?:an?\\s+|the\\s+)?(?:\\w+\\s+)?(?:${PERSON_ROLES})`, 'y');
  const first = doc.norm.indexOf(surname);
  for (let at = first; at >= 0; at = doc.norm.indexOf(surname, at + 1)) {
    honorific.lastIndex = at;
    role.lastIndex = at;
    if (honorific.test(doc.norm) || role.test(doc.norm)) return true;
  }
  return TITLE_WORDS.test(doc.norm.slice(Math.max(0, first - 30), first));
}

/** The named source nearest the figure at `pos`; SELF means the credited company itself ("it said"). */
export function attributionFor(atts: readonly Attribution[], pos: number, entity: CompanyEntity): string | null {
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

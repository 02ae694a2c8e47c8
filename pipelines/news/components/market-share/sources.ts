/**
 * Who says a share: the attribution phrases of a sentence ("according to Datacorp", "it said",
 * "Roe said" with Roe the chairman of Acme) and the source nearest a figure.
 */
import type { CompanyEntity, Doc, Sentence } from '../../doc.ts';
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

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

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
    if (/^(?:it|the\s+\w+)$/.test(lower)) return 'SELF';
    if (lower === 'he' || lower === 'she') return spokesmanBefore(doc, sent) ?? '';
    return '';
  }
  const first = lower.split(/\s+/)[0]!;
  if (UNNAMED_SOURCES.has(lower) || UNNAMED_SOURCES.has(first)) return '';
  const hit = ms.find((x) => x.start < at + g.length && x.end > at);
  if (hit) return hit.entity.name;
  // "the Department of Transportation (DOT) ... according to DOT": the name the article gives the acronym
  const bare = text.replace(/\.$/, '');
  if (ACRONYM.test(bare)) return expandAcronym(doc, bare) ?? text;
  // A person: tie them to a company through their title elsewhere in the article.
  return personAffiliation(doc, text) ?? (looksLikePerson(doc, text) ? '' : text);
}

/**
 * The full name an article defines for an acronym, "U.S. Department of Transportation (DOT)":
 * capitalised words before the bracketed acronym whose initials spell it.
 */
export function expandAcronym(doc: Doc, acronym: string): string | null {
  const want = acronym.replace(/[^A-Za-z]/g, '').toLowerCase();
  const re = new RegExp(`((?:[A-Z][\\w.&'-]*\\s+(?:(?:of|for|and|the|de|du)\\s+)*){1,8})\\(\\s*${escapeRe(acronym)}\\s*\\)`, 'g');
  for (let m = re.exec(doc.norm); m; m = re.exec(doc.norm)) {
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
  const re = new RegExp(`\\b${escapeRe(surname)}\\b`, 'g');
  let n = 0;
  for (let m = re.exec(doc.norm); m && n < 5; m = re.exec(doc.norm), n++) {
    const w0 = Math.max(0, m.index - 60);
    const w1 = Math.min(doc.norm.length, m.index + surname.length + 60);
    const win = doc.norm.slice(w0, w1);
    if (ANALYST.test(win)) return null;
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
  if (ORGANISATION_WORDS.test(name)) return false;
  if (ACRONYM.test(name)) return false; // an acronym: an organisation
  const surname = name.split(/\s+/).pop()!;
  return (
    new RegExp(
      `\\b(?:${HONORIFICS})\\.?\\s+${escapeRe(surname)}\\b|${escapeRe(surname)},\\s+(?:an?\\s+|the\\s+)?(?:\\w+\\s+)?(?:${PERSON_ROLES})`,
    ).test(doc.norm) || TITLE_WORDS.test(doc.norm.slice(Math.max(0, doc.norm.indexOf(surname) - 30), doc.norm.indexOf(surname)))
  );
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

import type { Component } from '../doc.ts';
import type { Sentence } from '../doc.ts';

/** Words that end with a period without ending a sentence. Lower-cased, without the period. */
const ABBREVIATIONS = new Set(
  (
    'mr mrs ms dr prof sr jr st mt ft gen col lt sgt capt rep sen gov pres rev hon ' +
    'inc corp co ltd plc llc bros cos dept div assn intl natl ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec ' +
    'no nos vol fig approx est vs etc al e.g i.e u.s u.k u.n e.u a.m p.m ' +
    'n.v s.a a.g b.v s.p.a n.y calif mass conn tex fla ill penn wash ariz colo'
  ).split(/\s+/),
);

/** Titles before a name: never the end of a sentence. */
const TITLES = new Set('mr mrs ms dr prof sr jr st mt gen col lt sgt capt rep sen gov pres rev hon'.split(' '));
const SENTENCE_OPENER = /^(The|A|An|It|Its|He|She|His|Her|They|Their|We|I|This|That|These|Those|But|And|However|In|On|At|For|Shares|Analysts|Last|Earlier|Meanwhile)\b/;

const TERMINATOR = /[.!?]+["')\]]*(?=\s)/g;

/**
 * The longest sentence, in UTF-16 units. Text with no full stop for longer than this (a list, a
 * table, a page without punctuation) is cut into pieces of at most this length, after the last
 * ";" or "," of a piece, else at its last space: rules that read a sentence around each candidate
 * then cost a bounded amount per candidate however long the text runs on. The longest sentence
 * in the corpora (4,633 news articles) has 1,099 characters.
 */
export const MAX_SENTENCE_CHARS = 1500;

/**
 * Split text into sentences with offsets. Paragraph breaks (a newline) always end a sentence;
 * ".", "!" and "?" followed by white space end one unless the word before is a known abbreviation,
 * a single initial ("J. P. Morgan"), or the next word starts in lower case.
 */
export function splitSentences(norm: string, text: string = norm): Sentence[] {
  const out: Sentence[] = [];
  const push = (start: number, end: number) => {
    while (start < end && /\s/.test(norm[start]!)) start++;
    while (end > start && /\s/.test(norm[end - 1]!)) end--;
    if (end > start) out.push({ index: out.length, start, end, text: text.slice(start, end) });
  };
  let paraStart = 0;
  const paragraphs = /\n+/g;
  const ends: number[] = [];
  for (;;) {
    const m = paragraphs.exec(norm);
    const paraEnd = m ? m.index : norm.length;
    const para = norm.slice(paraStart, paraEnd);
    let sentStart = 0;
    TERMINATOR.lastIndex = 0;
    for (let t = TERMINATOR.exec(para); t; t = TERMINATOR.exec(para)) {
      const cut = t.index + t[0].length;
      if (!isBoundary(para, t.index, cut)) continue;
      ends.push(paraStart + sentStart, paraStart + cut);
      sentStart = cut;
    }
    ends.push(paraStart + sentStart, paraEnd);
    if (!m) break;
    paraStart = m.index + m[0].length;
  }
  for (let i = 0; i < ends.length; i += 2) {
    let start = ends[i]!;
    const end = ends[i + 1]!;
    while (end - start > MAX_SENTENCE_CHARS) {
      const cut = cutAt(norm, start, start + MAX_SENTENCE_CHARS);
      push(start, cut);
      start = cut;
    }
    push(start, end);
  }
  return out;
}

/**
 * Where to cut an overlong sentence [start, limit): after its last ";" or "," followed by a space in
 * the second half, else at its last space there, else at `limit` (not inside a surrogate pair).
 */
function cutAt(norm: string, start: number, limit: number): number {
  const half = start + (limit - start) / 2;
  let space = -1;
  for (let k = limit - 1; k > half; k--) {
    const c = norm.charCodeAt(k);
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13) continue;
    const before = norm[k - 1];
    if (before === ',' || before === ';') return k;
    if (space < 0) space = k;
  }
  if (space > 0) return space;
  const c = norm.charCodeAt(limit - 1);
  return c >= 0xd800 && c <= 0xdbff ? limit - 1 : limit;
}

function isBoundary(para: string, dot: number, cut: number): boolean {
  const after = para.slice(cut).trimStart();
  if (!after) return true;
  const next = after[0]!;
  // "... said the company. shares rose" is rare; lower case after a period usually means no break.
  if (/[a-z]/.test(next)) return false;
  if (para[dot] !== '.') return true;
  const word = /([A-Za-z][A-Za-z.&]*)$/.exec(para.slice(Math.max(0, dot - 20), dot))?.[1] ?? '';
  if (!word) return true;
  const lower = word.toLowerCase();
  if (TITLES.has(lower)) return false; // "Mr. Smith"
  if (/^[A-Z]$/.test(word)) return false; // an initial: "J. Smith"
  if (ABBREVIATIONS.has(lower) || /^([A-Za-z]\.)+[A-Za-z]?$/.test(word)) {
    // "... in the U.S. The deal", "... bought Acme Corp. It said": a capitalised function word
    // after the abbreviation still starts a new sentence.
    return SENTENCE_OPENER.test(after);
  }
  return true;
}

// "Microsoft Corp. said on Tuesday. The deal..." -> two sentences, "Corp." kept inside the first.
export const sentences: Component = {
  name: 'sentences',
  requires: ['norm'],
  assigns: ['sentences'],
  run(doc) {
    doc.sentences = splitSentences(doc.norm, doc.text);
  },
};

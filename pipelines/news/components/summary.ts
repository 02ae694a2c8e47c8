import { createRequire } from 'node:module';
import type { Component } from '../doc.ts';
import type { Doc, Sentence } from '../doc.ts';

// Import only the parts of natural we use (its root module loads storage back ends that print
// dotenv banners on stdout): the Porter stemmer and the English stop-word list.
const require = createRequire(import.meta.url);
const PorterStemmer = require('natural/lib/natural/stemmers/porter_stemmer.js') as { stem(word: string): string };
const STOP = new Set((require('natural/lib/natural/util/stopwords.js') as { words: string[] }).words);

const WORD = /[a-z][a-z'-]+|\d+(?:\.\d+)?/g;
/** Sentences considered: the first MAX_CANDIDATES (news puts the story first) plus those with facts. */
const MAX_CANDIDATES = 60;

/** Stems memoised across documents (news vocabulary repeats); cleared when it grows past a bound. */
const STEMS = new Map<string, string>();
const MAX_STEMS = 100_000;

/** Stemmed content terms of a sentence. */
function terms(text: string, stems: Map<string, string> = STEMS): string[] {
  if (stems.size > MAX_STEMS) stems.clear();
  const out: string[] = [];
  const lower = text.toLowerCase();
  WORD.lastIndex = 0;
  for (let m = WORD.exec(lower); m; m = WORD.exec(lower)) {
    const w = m[0];
    if (w.length < 2 || STOP.has(w)) continue;
    let s = stems.get(w);
    if (s === undefined) {
      s = /^\d/.test(w) ? w : PorterStemmer.stem(w);
      // a copy as the key: a slice of the article would keep the whole article alive in the memo
      stems.set((' ' + w).slice(1), s);
    }
    out.push(s);
  }
  return out;
}

/** Words separated by white space, counted without building an array. */
function wordCount(text: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // the characters JavaScript's \s matches
    const space =
      (c >= 9 && c <= 13) || c === 32 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
      c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}

/**
 * Rank sentences by TF-IDF (each sentence a document: idf = 1 + ln(N / (1 + df)), weighted by how
 * often the stem recurs in the article, so terms central to the story but not in every sentence
 * score), boosted for an early position and for stating a fact the pipeline found; keep 1-3, in
 * text order. Headings and fragments are never chosen. Linear in the text: document frequencies
 * are counted in one pass.
 */
export function summarize(doc: Doc, max = 3): Sentence[] {
  const factSentences = new Set<number>([
    ...doc.marketShareClaims.map((c) => c.evidence.sentence.index),
    ...doc.deals.map((d) => d.evidence.sentence.index),
  ]);
  const candidates = doc.sentences.filter(
    (s) =>
      (s.index < MAX_CANDIDATES || factSentences.has(s.index)) && wordCount(s.text) >= 8 && /[.!?"')]$/.test(s.text),
  );
  if (candidates.length === 0) return doc.sentences.slice(0, 1);
  const docTerms = candidates.map((s) => terms(s.text));
  const docSets = docTerms.map((t) => new Set(t));
  const freq = new Map<string, number>();
  const df = new Map<string, number>();
  for (const t of docTerms) for (const w of t) freq.set(w, (freq.get(w) ?? 0) + 1);
  for (const set of docSets) for (const w of set) df.set(w, (df.get(w) ?? 0) + 1);
  const n = candidates.length;
  const scored = candidates.map((s, i) => {
    let score = 0;
    for (const w of docSets[i]!) score += (1 + Math.log(n / (1 + df.get(w)!))) * Math.log(1 + freq.get(w)!);
    score /= Math.sqrt(docTerms[i]!.length + 1);
    const position = 1 + 1 / (1 + i); // the lead carries the story in news
    const facts = factSentences.has(s.index) ? 1.6 : 1;
    return { s, score: score * position * facts };
  });
  scored.sort((a, b) => b.score - a.score || a.s.start - b.s.start);
  return scored
    .slice(0, max)
    .map((x) => x.s)
    .sort((a, b) => a.start - b.start);
}

// "Acme agreed to buy Widget for $5bn. ..." -> the lead and the sentences stating deals and shares.
export const summary: Component = {
  name: 'summary',
  requires: ['sentences', 'marketShareClaims', 'deals'],
  assigns: ['summary'],
  run(doc) {
    doc.summary = summarize(doc);
  },
};

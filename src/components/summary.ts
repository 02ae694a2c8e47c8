import { createRequire } from 'node:module';
import type { Component } from '../pipeline.ts';
import type { Doc, Sentence } from '../doc.ts';

// Import only the parts of natural we use: its root module loads storage back ends that print
// dotenv banners on stdout.
const require = createRequire(import.meta.url);
interface TfIdfLike {
  addDocument(terms: string[]): void;
  idf(term: string): number;
}
const { TfIdf } = require('natural/lib/natural/tfidf/index.js') as { TfIdf: new () => TfIdfLike };
const stopwords: string[] = require('natural/lib/natural/util/stopwords.js').words;
const STOP = new Set(stopwords);

const WORD = /[A-Za-z][A-Za-z'-]+|\d+(?:\.\d+)?/g;

function terms(text: string): string[] {
  return (text.match(WORD) ?? []).map((w) => w.toLowerCase()).filter((w) => w.length > 1 && !STOP.has(w));
}

/**
 * Rank sentences by TF-IDF weight of their terms (each sentence a document, so terms that recur
 * across the article but not everywhere score), boosted for an early position and for naming the
 * facts the pipeline found; keep 1-3, in text order. Headings and fragments are never chosen.
 */
export function summarize(doc: Doc, max = 3): Sentence[] {
  const candidates = doc.sentences.filter((s) => {
    const words = s.text.split(/\s+/).length;
    return words >= 8 && /[.!?"')]$/.test(s.text);
  });
  if (candidates.length === 0) return doc.sentences.slice(0, 1);
  const tfidf = new TfIdf();
  const docTerms = candidates.map((s) => terms(s.text));
  for (const t of docTerms) tfidf.addDocument(t);
  // Article-level term frequency: a sentence scores for terms central to the whole article.
  const freq = new Map<string, number>();
  for (const t of docTerms) for (const w of t) freq.set(w, (freq.get(w) ?? 0) + 1);
  const factSentences = new Set<number>([
    ...doc.marketShareClaims.map((c) => c.evidence.sentence.index),
    ...doc.deals.map((d) => d.evidence.sentence.index),
  ]);
  const scored = candidates.map((s, i) => {
    const t = docTerms[i]!;
    let score = 0;
    for (const w of new Set(t)) score += tfidf.idf(w) * Math.log(1 + (freq.get(w) ?? 0));
    score /= Math.sqrt(t.length + 1);
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

export const summary: Component = {
  name: 'summary',
  requires: ['sentences', 'marketShareClaims', 'deals'],
  assigns: ['summary'],
  run(doc) {
    doc.summary = summarize(doc);
  },
};

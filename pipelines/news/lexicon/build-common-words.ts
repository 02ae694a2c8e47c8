/**
 * Builds lexicon/data/common-words.json: words that English news writes in lower case. A capitalised word
 * that is usually lower case ("Target", "Orange", "Global") is a sentence opener or a headline
 * word far more often than a name, so the company recogniser asks for corroboration before it
 * takes one as a company. Statistics only (counts of case forms), from the BBC and Reuters corpora.
 *
 *   npx tsx src/lexicon/build-common-words.ts [corpus-dir]
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const CORPUS = process.argv[2] ?? '/work/shared/corpus';
const texts: string[] = [];
for (const section of ['business', 'tech', 'politics', 'entertainment', 'sport']) {
  const dir = join(CORPUS, 'bbc-news', section);
  let files: string[] = [];
  try {
    files = readdirSync(dir);
  } catch {
    continue;
  }
  for (const f of files) if (f.endsWith('.txt')) texts.push(readFileSync(join(dir, f), 'utf8'));
}
for (const line of readFileSync(join(CORPUS, 'reuters-21578', 'articles.ndjson'), 'utf8').split('\n')) {
  if (line.trim()) texts.push((JSON.parse(line) as { text: string }).text);
}

const lower = new Map<string, number>();
const upper = new Map<string, number>();
const WORD = /[A-Za-z][a-z]+(?:-[a-z]+)*/g;
for (const t of texts) {
  for (const m of t.matchAll(WORD)) {
    const w = m[0];
    const k = w.toLowerCase();
    if (w === k) lower.set(k, (lower.get(k) ?? 0) + 1);
    else {
      // Only count capitalised uses that are not sentence-initial.
      const before = t.slice(Math.max(0, m.index - 3), m.index);
      if (/[a-z,;] $/.test(before)) upper.set(k, (upper.get(k) ?? 0) + 1);
    }
  }
}
const words = [...lower]
  .filter(([k, n]) => n >= 2 && n >= 2 * (upper.get(k) ?? 0))
  .map(([k]) => k)
  .sort();
writeFileSync(new URL('./data/common-words.json', import.meta.url), JSON.stringify(words) + '\n');
console.log(`${words.length} common words from ${texts.length} texts`);

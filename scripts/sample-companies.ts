/**
 * Print what the companies component finds in a few corpus articles outside news-dev, and time it
 * over all of bbc-news: npx tsx scripts/sample-companies.ts [n] [seed] [--bench]
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { newDoc } from '../src/doc.ts';
import { normalize } from '../src/components/normalize.ts';
import { sentences } from '../src/components/sentences.ts';
import { companies } from '../src/components/companies.ts';

const CORPUS = '/work/shared/corpus';
const n = Number(process.argv[2] ?? 6);
let seed = Number(process.argv[3] ?? 1);
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const dev = new Set<string>();
for (const f of readdirSync(join(CORPUS, 'news-dev/articles'))) dev.add((JSON.parse(readFileSync(join(CORPUS, 'news-dev/articles', f), 'utf8')) as { url: string }).url);
const bbc: { url: string; text: string }[] = [];
for (const sec of ['business', 'tech'])
  for (const f of readdirSync(join(CORPUS, 'bbc-news', sec))) {
    const raw = readFileSync(join(CORPUS, 'bbc-news', sec, f), 'utf8');
    bbc.push({ url: `bbc:${sec}/${f}`, text: raw.slice(raw.indexOf('\n') + 1).trim() });
  }
const reuters = readFileSync(join(CORPUS, 'reuters-21578/articles.ndjson'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { url: string; text: string });
const run = (text: string) => {
  const doc = newDoc({ url: null, title: 'x', publishedAt: null, source: null, text });
  normalize.run(doc, { pipeline: 'x' });
  sentences.run(doc, { pipeline: 'x' });
  companies.run(doc, { pipeline: 'x' });
  return doc;
};
if (process.argv.includes('--bench')) {
  const texts = bbc.map((a) => a.text);
  const bytes = texts.reduce((s, t) => s + Buffer.byteLength(t), 0);
  const pre = texts.map((t) => {
    const doc = newDoc({ url: null, title: 'x', publishedAt: null, source: null, text: t });
    normalize.run(doc, { pipeline: 'x' });
    sentences.run(doc, { pipeline: 'x' });
    return doc;
  });
  for (const d of pre.slice(0, 50)) companies.run(d, { pipeline: 'x' }); // warm up
  let ms = Infinity;
  for (let r = 0; r < 3; r++) {
    const t0 = performance.now();
    for (const d of pre) companies.run(d, { pipeline: 'x' });
    ms = Math.min(ms, performance.now() - t0);
  }
  console.log(`companies over bbc-news business+tech: ${(bytes / 1e6).toFixed(2)} MB in ${ms.toFixed(0)} ms = ${(bytes / 1e6 / (ms / 1000)).toFixed(2)} MB/s`);
} else {
  for (const [label, pool] of [['bbc', bbc], ['reuters', reuters]] as const) {
    const cand = pool.filter((a) => !dev.has(a.url));
    for (let i = 0; i < n; i++) {
      const a = cand[Math.floor(rand() * cand.length)]!;
      const doc = run(a.text);
      console.log(`\n### ${label} ${a.url}: ${a.text.slice(0, 100).replace(/\n/g, ' ')}`);
      for (const c of doc.companies) console.log(`  ${c.name} [${c.rule} ${c.confidence}] ${c.aliases.join(' / ')}${c.ticker ? ' T=' + c.ticker : ''}${c.parent ? ' P=' + c.parent : ''}`);
    }
  }
}

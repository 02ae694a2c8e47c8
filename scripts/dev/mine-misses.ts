/**
 * Reading errors on unlabelled news (never on news-dev: every news-dev story, dev or test part, is
 * left out by its source URL): sentences with a market-share or deal cue where the pipeline found
 * nothing. Development data for rules; prints one line per sentence.
 *
 *   node --import tsx scripts/dev/mine-misses.ts claims|deals [--source reuters|bbc|wikinews] [--limit N] [--seed S]
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { extract } from '../../src/index.ts';

const ROOT = new URL('../../corpus/', import.meta.url).pathname;
const kind = process.argv[2] ?? 'claims';
const arg = (k: string) => {
  const i = process.argv.indexOf(k);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const limit = Number(arg('--limit') ?? 60);
const only = arg('--source');

const labelled = new Set<string>();
for (const f of readdirSync(join(ROOT, 'news-dev/articles'))) {
  const a = JSON.parse(readFileSync(join(ROOT, 'news-dev/articles', f), 'utf8')) as { url: string; title: string };
  labelled.add(a.url);
  labelled.add(a.title);
}
type A = { url: string; title: string; text: string; publishedAt?: string | null; source?: string };
const articles: A[] = [];
const ndjson = (p: string) => readFileSync(p, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as A);
if (!only || only === 'reuters') articles.push(...ndjson(join(ROOT, 'reuters-21578/articles.ndjson')));
if (!only || only === 'wikinews') articles.push(...ndjson(join(ROOT, 'wikinews/articles.ndjson')));
if (!only || only === 'bbc') {
  for (const sec of ['business', 'tech']) {
    for (const f of readdirSync(join(ROOT, 'bbc-news', sec))) {
      const raw = readFileSync(join(ROOT, 'bbc-news', sec, f), 'utf8');
      const [title, ...rest] = raw.split('\n');
      articles.push({ url: `bbc:${sec}/${f}`, title: title!.trim(), text: rest.join('\n').trim(), source: 'BBC News' });
    }
  }
}
const CUE =
  kind === 'claims'
    ? /market share|share of the|(?:%|pct|percent|per cent) of (?:the |all |[A-Z]\w+'s )?[\w\s-]{0,30}(?:market|sales)/i
    : /\b(?:acquir\w+|bought|buys?|takeover|took over|merger|merge[ds]?|joint venture|stake in|invest\w* in|partnership|deal with|agreed to buy|sold|sells?)\b/i;
let shown = 0;
for (const a of articles) {
  if (labelled.has(a.url) || labelled.has(a.title)) continue;
  let rec;
  try {
    rec = extract({ url: a.url, title: a.title, text: a.text, publishedAt: a.publishedAt ?? null, source: a.source ?? null });
  } catch {
    continue;
  }
  const found = kind === 'claims' ? rec.marketShareClaims.map((c) => c.evidence) : rec.deals.map((d) => d.evidence);
  const text = rec.text ?? a.text;
  for (const s of text.split(/(?<=[.!?])\s+(?=[A-Z"])/)) {
    if (!CUE.test(s)) continue;
    const at = text.indexOf(s);
    if (found.some((e) => e.start < at + s.length && e.end > at)) continue;
    if (kind === 'deals' && rec.companies.filter((c) => c.mentions.some((m) => m.start >= at && m.end <= at + s.length)).length < 2) continue;
    console.log(`${a.url}\t${s.replace(/\s+/g, ' ').slice(0, 400)}`);
    if (++shown >= limit) process.exit(0);
  }
}

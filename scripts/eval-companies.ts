/**
 * Throwaway tooling for the companies component (the real harness is src/eval/):
 *
 *   npx tsx scripts/eval-companies.ts [--verbose] [--ids 01,02]   score on corpus/news-dev (README rules)
 *   npx tsx scripts/eval-companies.ts --sample [n] [seed]        what it finds in random BBC/Reuters
 *                                                                 stories outside news-dev
 *   npx tsx scripts/eval-companies.ts --bench                    MB/s over bbc-news (best of 3)
 *   npx tsx scripts/eval-companies.ts --debug <id|file> [regex]  every candidate span and its class
 *   npx tsx scripts/eval-companies.ts --judged <gold.json> [-v]   score hand-judged BBC/Reuters stories
 *       gold.json: {"<url>": {"c": [["Name", "alias", ...], ...], "o": ["optional name", ...]}}, urls as in
 *       --sample ("bbc:business/039.txt", "reuters21578:125"); a name matches when any form matches
 *
 * Scoring: names match case-insensitively ignoring corporate suffixes; gold aliases accepted;
 * optionalCompanies neutral; one-to-one per article. "name" mode matches only the predicted
 * canonical name; "any" mode lets any predicted surface form match (as src/eval does).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { newDoc } from '../pipelines/news/doc.ts';
import type { Doc } from '../pipelines/news/doc.ts';
import { normalize } from '../pipelines/news/components/normalize.ts';
import { sentences } from '../pipelines/news/components/sentences.ts';
import { companies, debugCandidates } from '../pipelines/news/components/companies.ts';

const CORPUS = fileURLToPath(new URL('../corpus', import.meta.url));
const DIR = join(CORPUS, 'news-dev');
const argv = process.argv.slice(2);
const ctx = { pipeline: 'eval-companies' };

function prepare(text: string): Doc {
  const doc = newDoc({ url: null, title: 'x', publishedAt: null, source: null, text });
  normalize.run(doc, ctx);
  sentences.run(doc, ctx);
  return doc;
}
function run(text: string): Doc {
  const doc = prepare(text);
  companies.run(doc, ctx);
  return doc;
}
const devText = (id: string) => (JSON.parse(readFileSync(join(DIR, 'articles', `${id}.json`), 'utf8')) as { text: string }).text;

function bbcArticles(): { url: string; text: string }[] {
  const out: { url: string; text: string }[] = [];
  for (const sec of ['business', 'tech'])
    for (const f of readdirSync(join(CORPUS, 'bbc-news', sec))) {
      const raw = readFileSync(join(CORPUS, 'bbc-news', sec, f), 'utf8');
      out.push({ url: `bbc:${sec}/${f}`, text: raw.slice(raw.indexOf('\n') + 1).trim() });
    }
  return out;
}

if (argv[0] === '--debug') {
  const arg = argv[1]!;
  const doc = prepare(arg.includes('/') ? readFileSync(arg, 'utf8') : devText(arg));
  const re = argv[2] ? new RegExp(argv[2], 'i') : null;
  for (const l of debugCandidates(doc)) if (!re || re.test(l)) console.log(l);
} else if (argv[0] === '--bench') {
  const docs = bbcArticles().map((a) => prepare(a.text));
  const bytes = docs.reduce((s, d) => s + Buffer.byteLength(d.text), 0);
  for (const d of docs.slice(0, 50)) companies.run(d, ctx); // warm up
  let ms = Infinity;
  for (let r = 0; r < 3; r++) {
    const t0 = performance.now();
    for (const d of docs) companies.run(d, ctx);
    ms = Math.min(ms, performance.now() - t0);
  }
  console.log(`companies over bbc-news business+tech: ${(bytes / 1e6).toFixed(2)} MB in ${ms.toFixed(0)} ms = ${(bytes / 1e6 / (ms / 1000)).toFixed(2)} MB/s`);
} else if (argv[0] === '--sample') {
  const n = Number(argv[1] ?? 6);
  let seed = Number(argv[2] ?? 1);
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const dev = new Set<string>();
  for (const f of readdirSync(join(DIR, 'articles'))) dev.add((JSON.parse(readFileSync(join(DIR, 'articles', f), 'utf8')) as { url: string }).url);
  const reuters = readFileSync(join(CORPUS, 'reuters-21578/articles.ndjson'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { url: string; text: string });
  for (const [label, pool] of [['bbc', bbcArticles()], ['reuters', reuters]] as const) {
    const cand = pool.filter((a) => !dev.has(a.url));
    for (let i = 0; i < n; i++) {
      const a = cand[Math.floor(rand() * cand.length)]!;
      const doc = run(a.text);
      console.log(`\n### ${label} ${a.url}: ${a.text.slice(0, 100).replace(/\n/g, ' ')}`);
      for (const c of doc.companies)
        console.log(`  ${c.name} [${c.rule} ${c.confidence}] ${c.aliases.join(' / ')}${c.ticker ? ' T=' + c.ticker : ''}${c.parent ? ' P=' + c.parent : ''}`);
    }
  }
} else if (argv[0] === '--judged') {
  judged(argv[1]!, argv.includes('-v'));
} else {
  score();
}

/** Score hand-judged stories outside news-dev (see the file comment for the gold format). */
function judged(goldFile: string, verbose: boolean): void {
  const gold = JSON.parse(readFileSync(goldFile, 'utf8')) as Record<string, { c: string[][]; o: string[] }>;
  const texts = new Map<string, string>();
  for (const a of bbcArticles()) texts.set(a.url, a.text);
  for (const l of readFileSync(join(CORPUS, 'reuters-21578/articles.ndjson'), 'utf8').split('\n'))
    if (l.trim()) {
      const a = JSON.parse(l) as { url: string; text: string };
      texts.set(a.url, a.text);
    }
  const SUF = new Set(['inc', 'corp', 'corporation', 'ltd', 'plc', 'llc', 'group', 'holdings', 'ag', 'sa', 'nv', 'co', 'cos', 'company', 'limited', 'se', 'spa', 'bv', 'oy']);
  const norm = (x: string) => {
    let w = x.toLowerCase().replace(/'s\b/g, '').replace(/[^a-z0-9&' -]/g, '').split(/\s+/).filter(Boolean);
    while (w.length > 1 && SUF.has(w[w.length - 1]!)) w = w.slice(0, -1);
    return w.join(' ');
  };
  const t = { tp: 0, fp: 0, fn: 0 };
  for (const [url, g] of Object.entries(gold)) {
    const text = texts.get(url);
    if (text === undefined) throw new Error(`[eval-companies] ${goldFile}: no article ${url}`);
    const opt = new Set(g.o.map(norm));
    const used = new Set<number>();
    const fps: string[] = [];
    for (const p of run(text).companies) {
      const n = norm(p.name);
      const gi = g.c.findIndex((forms, i) => !used.has(i) && forms.map(norm).includes(n));
      if (gi >= 0) {
        used.add(gi);
        t.tp++;
      } else if (!opt.has(n)) {
        t.fp++;
        fps.push(p.name);
      }
    }
    const fns = g.c.filter((_, i) => !used.has(i)).map((f) => f[0]!);
    t.fn += fns.length;
    if (verbose && (fps.length || fns.length)) console.log(`${url}  FP: ${fps.join(' | ')}  FN: ${fns.join(' | ')}`);
  }
  const p = t.tp / (t.tp + t.fp || 1);
  const r = t.tp / (t.tp + t.fn || 1);
  console.log(`judged: P ${p.toFixed(3)} R ${r.toFixed(3)} F1 ${((2 * p * r) / (p + r || 1)).toFixed(3)} (tp ${t.tp} fp ${t.fp} fn ${t.fn})`);
}

function score(): void {
  const verbose = argv.includes('--verbose');
  const idsArg = argv[argv.indexOf('--ids') + 1];
  const ids = argv.includes('--ids') && idsArg ? idsArg.split(',') : Array.from({ length: 40 }, (_, i) => String(i + 1).padStart(2, '0'));

  const SUFFIX = new Set(['inc', 'corp', 'corporation', 'ltd', 'plc', 'llc', 'group', 'holdings', 'ag', 'sa', 'nv', 'co', 'cos', 'company', 'limited', 'se', 'spa', 'bv', 'n.v.', 's.a.']);
  function norm(s: string): string {
    let w = s.toLowerCase().replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '').replace(/\./g, (m, i: number, str: string) => (/[a-z]\.[a-z]/.test(str.slice(i - 1, i + 2)) ? m : '')).split(/[\s,]+/);
    for (;;) {
      const last = w[w.length - 1];
      if (w.length > 1 && last && SUFFIX.has(last)) { w = w.slice(0, -1); continue; }
      if (w.length > 2 && (last === 'co' || last === 'company') && (w[w.length - 2] === '&' || w[w.length - 2] === 'and')) { w = w.slice(0, -2); continue; }
      break;
    }
    return w.join(' ').replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '');
  }

  interface Gold { companies: { name: string; aliases: string[] }[]; optionalCompanies: string[] }
  const tot = { name: { tp: 0, fp: 0, fn: 0 }, any: { tp: 0, fp: 0, fn: 0 } };
  const halves: Record<string, { tp: number; fp: number; fn: number }> = { a: { tp: 0, fp: 0, fn: 0 }, b: { tp: 0, fp: 0, fn: 0 } };
  for (const id of ids) {
    const gold = JSON.parse(readFileSync(join(DIR, 'labels', `${id}.json`), 'utf8')) as Gold;
    const doc = run(devText(id));
    const opt = new Set(gold.optionalCompanies.map(norm));
    for (const mode of ['name', 'any'] as const) {
      const used = new Set<number>();
      const fps: string[] = [];
      for (const p of doc.companies) {
        const forms = mode === 'name' ? [p.name] : [p.name, ...p.aliases];
        const nf = forms.map(norm);
        const gi = gold.companies.findIndex((g, i) => !used.has(i) && [g.name, ...g.aliases].map(norm).some((x) => nf.includes(x)));
        if (gi >= 0) { used.add(gi); tot[mode].tp++; if (mode === 'name') halves[+id <= 20 ? 'a' : 'b']!.tp++; }
        else if (nf.some((x) => opt.has(x))) { /* neutral */ }
        else { tot[mode].fp++; fps.push(`${p.name} [${p.rule} ${p.confidence}]`); if (mode === 'name') halves[+id <= 20 ? 'a' : 'b']!.fp++; }
      }
      const fns = gold.companies.filter((_, i) => !used.has(i)).map((g) => g.name);
      tot[mode].fn += fns.length;
      if (mode === 'name') halves[+id <= 20 ? 'a' : 'b']!.fn += fns.length;
      if (verbose && mode === 'name' && (fps.length || fns.length)) console.log(`${id}  FP: ${fps.join(' | ')}\n    FN: ${fns.join(' | ')}`);
    }
  }
  const prf = (x: { tp: number; fp: number; fn: number }) => {
    const p = x.tp / (x.tp + x.fp || 1);
    const r = x.tp / (x.tp + x.fn || 1);
    return `P ${p.toFixed(3)} R ${r.toFixed(3)} F1 ${((2 * p * r) / (p + r || 1)).toFixed(3)} (tp ${x.tp} fp ${x.fp} fn ${x.fn})`;
  };
  console.log(`01-20 name: ${prf(halves.a!)}`);
  console.log(`21-40 name: ${prf(halves.b!)}`);
  console.log(`all   name: ${prf(tot.name)}`);
  console.log(`all   any : ${prf(tot.any)}`);
}

/**
 * The measuring side of tests/adversarial.test.ts, run as its own process so that the test can
 * stop a case that runs away (a quadratic component on 256 KB takes minutes to hours):
 *
 *   node --no-regexp-tier-up --import tsx tests/helpers/adversarial-run.ts
 *
 * (--no-regexp-tier-up as bin/newsnlp.js runs the CLI: patterns compile to native code at once, so
 * the first runs over a long text do not measure V8's regexp interpreter.)
 *
 * It runs the news pipeline component by component over normal news (BBC stories, corpus/bbc-news)
 * and over adversarial texts of the same size, and prints one JSON line per event on stdout:
 *   {"event":"start","kind":"share","kb":256}                       before each measured case
 *   {"event":"case","kind":"share","kb":256,"ms":..,"components":{..}}  its cost (best of the runs)
 *   {"event":"done"}
 * Costs are CPU time of the process, the best of several runs. Normal news is measured first and
 * again last (the best of all its runs counts), so a slow spell of the machine in between shows in
 * neither figure alone.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { COMPONENTS, loadPipelineDef } from '../../pipelines/news/index.ts';
import type { Doc } from '../../pipelines/news/index.ts';
import { newDoc } from '../../pipelines/news/doc.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Adversarial texts, each a unit repeated to the size asked for (invented wording, no full stop
 * unless the kind says so): one sentence of deal and share wording, repeated share phrases, a run
 * of "Inc", digits, capitalised names, names with designators, percentages, money, attributions.
 */
export const ADVERSARIAL: Readonly<Record<string, string>> = {
  mixed:
    'Acme Corp agreed to buy Widget Inc for $5 million while Globex Corp held a 34% share of the European widget market and Initech said it would merge with Umbrella Ltd, ',
  share: 'Acme Corp has a 34 pct share of the widget market according to Foo Analytics, ',
  inc: 'Inc ',
  digits: '1234 5678 90, ',
  names: 'John Smith Mary Jones Acme Peter Brown Globex Widget Initech ',
  designated: 'Acme Widget Holdings Beta Gamma Delta Corp and Epsilon Zeta Ltd of Canada, ',
  percentages: '34% 12.5 pct 3 per cent 40-45% ',
  money: '$5 million 3.5 billion euros 25 mln dlrs ',
  attributions: 'Acme Corp has 34% of the widget market, Jane Roe said, and Beta Inc has 20% according to DOT, ',
};

export function repeatTo(unit: string, chars: number): string {
  return unit.repeat(Math.ceil(chars / unit.length)).slice(0, chars);
}

/** BBC business and tech stories (without their title lines), joined to `chars` characters. */
export function normalNews(chars: number): string {
  let s = '';
  for (const dir of ['business', 'tech']) {
    const base = join(ROOT, 'corpus/bbc-news', dir);
    for (const f of readdirSync(base).filter((x) => /^\d+\.txt$/.test(x)).sort()) {
      s += readFileSync(join(base, f), 'utf8').split('\n').slice(1).join('\n').trim() + '\n\n';
      if (s.length >= chars) return s.slice(0, chars);
    }
  }
  throw new Error(`[adversarial] corpus/bbc-news holds less than ${chars} characters`);
}

const components = loadPipelineDef().components.map((name) => COMPONENTS[name]!);
const CTX = { pipeline: 'news.v1@adversarial' };

/** CPU milliseconds of this process since `from` (time spent waiting for a busy machine's cores does not count). */
function cpuMs(from: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(from);
  return (d.user + d.system) / 1000;
}

/** One run of the pipeline over `text`: total and per-component CPU milliseconds. */
function runOnce(text: string): { ms: number; components: Record<string, number> } {
  const doc: Doc = newDoc({ title: 'Adversarial', text, url: null, source: null, publishedAt: null });
  const per: Record<string, number> = {};
  const t0 = process.cpuUsage();
  for (const c of components) {
    const c0 = process.cpuUsage();
    c.run(doc, CTX);
    per[c.name] = cpuMs(c0);
  }
  return { ms: cpuMs(t0), components: per };
}

/** The best of `runs` runs (the one least disturbed by the rest of the machine). */
function best(text: string, runs: number) {
  let out = runOnce(text);
  for (let i = 1; i < runs; i++) {
    const r = runOnce(text);
    if (r.ms < out.ms) out = r;
  }
  return out;
}

const emit = (o: object) => process.stdout.write(JSON.stringify(o) + '\n');
const KB = 1024;

function measure(kind: string, kb: number, text: string, runs: number) {
  emit({ event: 'start', kind, kb });
  emit({ event: 'case', kind, kb, ...best(text, runs) });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const sizes = (process.env.ADVERSARIAL_KB ?? '16,256').split(',').map(Number);
  // warm up every code path first: the first runs of a process measure the compiler (whose
  // threads count in the process's CPU time), not the code
  for (let round = 0; round < 6; round++) {
    runOnce(normalNews(16 * KB));
    for (const unit of Object.values(ADVERSARIAL)) runOnce(repeatTo(unit, 16 * KB));
  }
  for (const kb of sizes) {
    const runs = kb <= 64 ? 15 : 3;
    measure('normal', kb, normalNews(kb * KB), runs);
    for (const [kind, unit] of Object.entries(ADVERSARIAL)) measure(kind, kb, repeatTo(unit, kb * KB), runs);
    measure('normal', kb, normalNews(kb * KB), runs);
  }
  emit({ event: 'done' });
}

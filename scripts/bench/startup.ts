/**
 * The `startup` part of `npm run bench`: the command as a user starts it, each run a new process.
 *
 *   help          `node bin/newsnlp.js --help`, `runs` times: median (and min, max) wall time
 *   oneArticle    `node bin/newsnlp.js extract <one BBC story>`, `runs` times: median wall time
 *   cold1mb       one `node bin/newsnlp.js extract --format ndjson <files>` over the first BBC stories
 *                 (sorted) that together hold at least 1 MB of text: the clock for the throughput
 *                 starts when the first record arrives on stdout (start-up and the first article
 *                 are behind it) and stops at the last; MB/s = text bytes of the records after the
 *                 first / that time. Every regexp, lazy table and JIT tier is cold at the start:
 *                 this is the figure a user running `extract` once over a folder sees.
 *
 * `bin` is bin/newsnlp.js unless given (--bin, e.g. another checkout's, to compare), started with
 * the node flags of its first line as a shell would (`newsnlp ...`, `npx newsnlp ...`); it runs
 * dist/ when built and fresh, else the sources through tsx: `runs` in the result says which.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { loadBbc } from './corpus.ts';
import { round } from './measure.ts';

export interface StartupOptions {
  bin: string;
  corpus: string;
  runs: number;
  /** Text bytes the cold run must reach (default 1,000,000). */
  coldBytes?: number;
  log?: (s: string) => void;
}

export interface Timing {
  runs: number;
  medianMs: number;
  minMs: number;
  maxMs: number;
}

export interface StartupResult {
  bin: string;
  /** What bin ran: the compiled build or the TypeScript sources. */
  runs: 'dist' | 'sources';
  help: Timing;
  oneArticle: Timing & { file: string };
  cold1mb: { files: number; bytes: number; wallSeconds: number; firstRecordSeconds: number; mbPerSecAfterStart: number; errors: number };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** The node flags on bin's first line (`#!/usr/bin/env -S node <flags>`): the command as a shell starts it. */
export function shebangFlags(bin: string): string[] {
  const first = readFileSync(bin, 'utf8').split('\n', 1)[0] ?? '';
  const m = /^#!.*?\bnode((?:\s+-\S+)*)\s*$/.exec(first);
  return m ? m[1]!.trim().split(/\s+/).filter(Boolean) : [];
}

function timeCommand(bin: string, args: string[], runs: number): Timing {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, [...shebangFlags(bin), bin, ...args], { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NEWSNLP_LOG_LEVEL: 'warn' } });
    ms.push(performance.now() - t0);
    if (r.status !== 0) throw new Error(`[bench] startup: ${bin} ${args.join(' ')} exited ${r.status}: ${String(r.stderr).slice(0, 300)}`);
  }
  return { runs, medianMs: round(median(ms), 1), minMs: round(Math.min(...ms), 1), maxMs: round(Math.max(...ms), 1) };
}

/** Whether bin/newsnlp.js would run dist: asks it the same way it decides. */
function runsDist(bin: string): boolean {
  // bin/newsnlp.js in a clone, or the package's dist/bin/newsnlp.js (as bin/newsnlp.js finds its root)
  const root = /[\\/]dist[\\/]bin[\\/][^\\/]*$/.test(bin) ? dirname(dirname(dirname(bin))) : dirname(dirname(bin));
  const stamp = join(root, 'dist/.build-stamp');
  if (!existsSync(stamp) || process.env['NEWSNLP_SOURCES'] === '1') return false;
  const since = statSync(stamp).mtimeMs;
  for (const d of ['src', 'pipelines', 'workers']) {
    const dir = join(root, d);
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
      const st = statSync(join(dir, f));
      if (st.isFile() && st.mtimeMs > since) return false;
    }
  }
  return true;
}

async function cold(bin: string, files: string[]): Promise<StartupResult['cold1mb']> {
  const t0 = performance.now();
  const child = spawn(process.execPath, [...shebangFlags(bin), bin, 'extract', '--format', 'ndjson', ...files], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NEWSNLP_LOG_LEVEL: 'warn' } });
  let first = 0;
  let last = 0;
  let firstBytes = 0;
  let bytes = 0;
  let errors = 0;
  let buf = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    const now = performance.now();
    buf += chunk;
    let nl: number;
    while ((nl = buf.indexOf('\n')) >= 0) {
      const line = buf.slice(0, nl);
      buf = buf.slice(nl + 1);
      if (!line) continue;
      const n = Buffer.byteLength((JSON.parse(line) as { text: string }).text, 'utf8');
      if (!first) {
        first = now;
        firstBytes = n;
      }
      last = now;
      bytes += n;
    }
  });
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (s: string) => (errors += s.split('\n').filter((l) => l.startsWith('[')).length));
  const code = await new Promise<number | null>((res) => child.on('close', res));
  const end = performance.now();
  if (code !== 0 && code !== 1) throw new Error(`[bench] cold extract exited ${code}`);
  const after = (last - first) / 1000;
  return {
    files: files.length,
    bytes,
    wallSeconds: round((end - t0) / 1000, 3),
    firstRecordSeconds: round((first - t0) / 1000, 3),
    mbPerSecAfterStart: round(after > 0 ? (bytes - firstBytes) / 1e6 / after : NaN, 3),
    errors,
  };
}

export async function runStartupBench(o: StartupOptions): Promise<StartupResult> {
  const log = o.log ?? (() => {});
  const stories = loadBbc(o.corpus);
  if (!stories.length) throw new Error(`[bench] startup: no .txt stories under ${o.corpus}`);
  const mode = runsDist(o.bin) ? 'dist' : 'sources';
  log(`startup: ${o.bin} (${mode}) --help x ${o.runs} ...`);
  const help = timeCommand(o.bin, ['--help'], o.runs);
  log(`startup: extract of one article x ${o.runs} ...`);
  const one = join(o.corpus, stories[0]!.id.replace(/^bbc\//, ''));
  const oneArticle = { ...timeCommand(o.bin, ['extract', one], o.runs), file: one };
  // the first stories (sorted) whose article text (as extract reads it) reaches the budget
  const want = o.coldBytes ?? 1_000_000;
  const chosen: string[] = [];
  let size = 0;
  for (const a of stories) {
    if (size >= want) break;
    chosen.push(join(o.corpus, a.id.replace(/^bbc\//, '')));
    size += a.bytes;
  }
  log(`startup: cold extract of ${chosen.length} stories (${(size / 1e6).toFixed(2)} MB) in one process ...`);
  const cold1mb = await cold(o.bin, chosen);
  return { bin: o.bin, runs: mode, help, oneArticle, cold1mb };
}

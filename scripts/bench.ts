/**
 * `npm run bench`: the performance benchmark of issue 5, in one run, side by side.
 *
 *   npm run bench                          everything (~1-3 min on 2 cores)
 *   npm run bench -- --quick               a sample of the corpus, smaller ladder budget
 *   npm run bench -- --only extraction     newsnlp vs naive only (also: ladder, queue, startup; comma list)
 *   npm run bench -- --only startup        start-up of the command (--help, one article) and a cold 1 MB extract
 *   npm run bench -- --limit 50 --out /tmp/r.json
 *
 * Prints a table and the targets with PASS/FAIL to stdout and writes bench/results.json
 * (see bench/README.md for what each figure means).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildLadder, loadBbc, loadFixtures, spread } from './bench/corpus.ts';
import type { BenchArticle } from './bench/corpus.ts';
import { peakRssMb, round, timeRun } from './bench/measure.ts';
import type { Throughput } from './bench/measure.ts';
import { check, verdict } from './bench/targets.ts';
import type { TargetCheck } from './bench/targets.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SECTIONS = ['startup', 'extraction', 'ladder', 'queue'] as const;
type Section = (typeof SECTIONS)[number];

interface BenchOptions {
  quick: boolean;
  only: Section[];
  limit: number | null;
  naiveLimit: number | null;
  ladderBudget: number;
  out: string;
  corpus: string;
  fixtures: string;
  redisUrl: string;
  sinkDir: string | undefined;
  workers: number[];
  profileDir: string | undefined;
  repeats: number;
  extractMode: 'inline' | 'sandboxed';
  bin: string;
  startupRuns: number;
}

function parseOptions(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      quick: { type: 'boolean', default: false },
      only: { type: 'string' },
      limit: { type: 'string' },
      'naive-limit': { type: 'string' },
      'ladder-budget': { type: 'string' },
      out: { type: 'string' },
      corpus: { type: 'string' },
      fixtures: { type: 'string' },
      redis: { type: 'string' },
      'sink-dir': { type: 'string' },
      workers: { type: 'string' },
      'cpu-prof-dir': { type: 'string' },
      repeats: { type: 'string' },
      'extract-mode': { type: 'string' },
      bin: { type: 'string' },
      'startup-runs': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(
      'npm run bench -- [--quick] [--only startup,extraction,ladder,queue] [--limit N] [--naive-limit N]\n' +
        '                 [--ladder-budget BYTES] [--out FILE] [--corpus DIR] [--fixtures DIR] [--redis URL]\n' +
        '                 [--sink-dir DIR]   (queue part: where the JSONL sinks write; /dev/shm takes the disk out)\n' +
        '                 [--workers 1,2]    (queue part: the worker-process counts to run)\n' +
        '                 [--repeats N]      (queue part: runs per worker count, best kept; default 2, 1 in --quick)\n' +
        '                 [--extract-mode inline|sandboxed]  (queue part: NEWSNLP_EXTRACT_MODE of the workers)\n' +
        '                 [--cpu-prof-dir DIR]  (queue part: CPU profiles of the worker processes and their children)\n' +
        '                 [--bin FILE]       (startup part: the command to time; default bin/newsnlp.js)\n' +
        '                 [--startup-runs N] (startup part: runs of each start-up command, median kept; default 7, 3 in --quick)\n',
    );
    process.exit(0);
  }
  const int = (name: string, v: string | undefined): number | null => {
    if (v === undefined) return null;
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1) throw new Error(`[bench] --${name} must be a positive integer, got "${v}"`);
    return n;
  };
  const only = values.only
    ? values.only.split(',').map((s) => s.trim()).filter(Boolean).map((s) => {
        if (!(SECTIONS as readonly string[]).includes(s)) throw new Error(`[bench] --only: unknown part "${s}"; known: ${SECTIONS.join(', ')}`);
        return s as Section;
      })
    : [...SECTIONS];
  const quick = values.quick ?? false;
  return {
    quick,
    only,
    limit: int('limit', values.limit) ?? (quick ? 150 : null),
    // The naive baseline is ~30x slower; in quick mode a spread sample keeps the run short.
    naiveLimit: int('naive-limit', values['naive-limit']) ?? (quick ? 40 : null),
    ladderBudget: int('ladder-budget', values['ladder-budget']) ?? (quick ? 300_000 : 1_000_000),
    out: resolve(values.out ?? `${ROOT}bench/results.json`),
    corpus: resolve(values.corpus ?? `${ROOT}corpus/bbc-news`),
    fixtures: resolve(values.fixtures ?? `${ROOT}fixtures`),
    redisUrl: values.redis ?? process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379',
    sinkDir: values['sink-dir'] ? resolve(values['sink-dir']) : undefined,
    workers: values.workers ? values.workers.split(',').map((w) => int('workers', w.trim())!) : [1, 2],
    profileDir: values['cpu-prof-dir'] ? resolve(values['cpu-prof-dir']) : undefined,
    repeats: int('repeats', values.repeats) ?? (quick ? 1 : 2),
    extractMode: ((m) => {
      if (m !== 'inline' && m !== 'sandboxed') throw new Error(`[bench] --extract-mode must be inline or sandboxed, got "${m}"`);
      return m;
    })(values['extract-mode'] ?? 'inline'),
    bin: resolve(values.bin ?? `${ROOT}bin/newsnlp.js`),
    startupRuns: int('startup-runs', values['startup-runs']) ?? (quick ? 3 : 7),
  };
}

const log = (msg: string) => process.stderr.write(`[bench] ${msg}\n`);

/** Untimed first calls: module-level lexicons, JIT, compromise's lazy setup. */
function warm(items: readonly BenchArticle[], fn: (a: BenchArticle) => unknown, n: number): number {
  const t0 = performance.now();
  try {
    fn(items[0]!);
  } catch {
    // counted in the timed run
  }
  const first = performance.now() - t0;
  for (const it of items.slice(1, n)) {
    try {
      fn(it);
    } catch {
      // counted in the timed run
    }
  }
  return round(first, 1);
}

async function main() {
  const o = parseOptions(process.argv.slice(2));
  const started = Date.now();
  const results: Record<string, unknown> = {
    meta: {
      date: new Date().toISOString(),
      node: process.version,
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? null,
      quick: o.quick,
      only: o.only,
      // On a shared machine the figures are only as good as the cores left free: read this first.
      loadAverageAtStart: loadavg().map((x) => round(x, 2)),
      units: 'MB = 1,000,000 bytes and KB = 1000 bytes of UTF-8 article text; RSS in MiB',
    },
  };
  const checks: TargetCheck[] = [];

  // ------------------------------------------------------------ corpus
  const bbc = loadBbc(o.corpus);
  const fixtures = await loadFixtures(o.fixtures);
  const all = [...bbc, ...fixtures];
  const corpus = o.limit ? spread(all, o.limit) : all;
  const corpusBytes = corpus.reduce((s, a) => s + a.bytes, 0);
  (results['meta'] as Record<string, unknown>)['corpus'] = {
    bbc: bbc.length,
    fixtures: fixtures.length,
    articles: corpus.length,
    bytes: corpusBytes,
    meanBytes: Math.round(corpusBytes / Math.max(1, corpus.length)),
  };
  log(`corpus: ${corpus.length} articles (${bbc.length} BBC + ${fixtures.length} fixtures${o.limit ? `, sampled to ${o.limit}` : ''}), ${(corpusBytes / 1e6).toFixed(2)} MB`);

  // ------------------------------------------------------------ start-up (new processes; first, on a quiet machine)
  if (o.only.includes('startup')) {
    const { runStartupBench } = await import('./bench/startup.ts');
    const st = await runStartupBench({ bin: o.bin, corpus: o.corpus, runs: o.startupRuns, log });
    results['startup'] = st;
    checks.push(check('start-up: --help (median)', st.help.medianMs / 1000, 'le', 0.4, ' s'));
    checks.push(check('start-up: extract of one article (median)', st.oneArticle.medianMs / 1000, 'le', 0.8, ' s'));
    checks.push(check('cold 1 MB extract, one process, after start-up', st.cold1mb.mbPerSecAfterStart, 'ge', 1, ' MB/s'));
  }

  // ------------------------------------------------------------ extraction vs naive
  let extraction: Throughput | null = null;
  if (o.only.includes('extraction')) {
    // Loading the pipeline module (lexicons, gazetteer, compromise plugins) is a one-off per
    // process: timed apart from the per-article figures, as a worker pays it once.
    const tLoad = performance.now();
    const runners = await import('./bench/runners.ts');
    const loadMs = performance.now() - tLoad;
    const firstMs = warm(corpus, runners.newsnlp, 1);
    // The first pass over real text runs at about half speed (regexps compile and tier up, the
    // JIT warms, lazy tables fill); a worker lives for millions of articles, so the figures that
    // count are the later passes. The first is kept as `coldPass`. (Not a cache: articles never
    // seen run at the second-pass rate.)
    log('extraction: newsnlp, first pass (cold) ...');
    const cold = timeRun(corpus, runners.newsnlp);
    // Two steady passes; the faster is the figure (a burst of load from elsewhere slows one).
    log('extraction: newsnlp, second and third passes (steady) ...');
    const steady = [timeRun(corpus, runners.newsnlp), timeRun(corpus, runners.newsnlp)];
    extraction = steady[0]!.seconds <= steady[1]!.seconds ? steady[0]! : steady[1]!;
    const naiveItems = o.naiveLimit ? spread(corpus, o.naiveLimit) : corpus;
    const naiveFirstMs = warm(naiveItems, runners.naive, 50);
    log(`extraction: naive compromise over ${naiveItems.length} articles ...`);
    const naive = timeRun(naiveItems, runners.naive);
    const ratio = naive.mbPerSec > 0 ? extraction.mbPerSec / naive.mbPerSec : null;
    results['extraction'] = { ...extraction, moduleLoadMs: round(loadMs, 1), firstArticleMs: firstMs, coldPass: pick(cold), steadyPasses: steady.map(pick) };
    results['naive'] = { ...naive, firstArticleMs: naiveFirstMs };
    results['ratioVsNaive'] = ratio === null ? null : round(ratio, 2);
    if (extraction.errors) log(`WARNING: ${extraction.errors} articles failed in newsnlp, e.g. ${extraction.failed[0]?.id}: ${extraction.failed[0]?.error}`);
    checks.push(check('extraction throughput, 1 core', extraction.mbPerSec, 'ge', 1, ' MB/s'));
    checks.push(check('extraction vs naive compromise', ratio, 'ge', 12, 'x'));
  }

  // ------------------------------------------------------------ length ladder
  if (o.only.includes('ladder')) {
    const runners = await import('./bench/runners.ts');
    // Two rounds, each running half of every rung (the 1 MB rung has two articles): a burst of
    // load from elsewhere on the machine hits one round of a rung, and the faster round is kept.
    const ROUNDS = 2;
    const rungs = buildLadder(bbc.map((a) => a.article.text), o.ladderBudget, undefined, ROUNDS);
    // Warm as the extraction part does (one untimed pass of the smallest rung) when it has not run.
    if (!extraction) warm(rungs[0]!.articles, runners.newsnlp, rungs[0]!.articles.length);
    const rounds = rungs.map(() => [] as Throughput[]);
    for (let k = 0; k < ROUNDS; k++) {
      rungs.forEach((r, i) => {
        const part = r.articles.filter((_, j) => j % ROUNDS === k);
        log(`ladder: round ${k + 1}/${ROUNDS}, ${r.label} x ${part.length} ...`);
        rounds[i]!.push(timeRun(part, runners.newsnlp));
      });
    }
    const msPerKb = (t: Throughput) => (t.seconds * 1000) / (t.bytes / 1000);
    const out: Record<string, unknown>[] = rungs.map((r, i) => {
      const rs = rounds[i]!;
      const best = rs.reduce((a, b) => (msPerKb(b) < msPerKb(a) ? b : a));
      const bytes = rs.reduce((s, t) => s + t.bytes, 0);
      return {
        rung: r.label,
        targetBytes: r.target,
        articles: r.articles.length,
        meanBytes: Math.round(bytes / r.articles.length),
        seconds: round(rs.reduce((s, t) => s + t.seconds, 0), 3),
        msPerKb: round(msPerKb(best), 4),
        msPerKbRounds: rs.map((t) => round(msPerKb(t), 4)),
        mbPerSec: best.mbPerSec,
        errors: rs.reduce((s, t) => s + t.errors, 0),
      };
    });
    const perKb = (i: number) => (out[i]?.['msPerKb'] as number | undefined) ?? NaN;
    const ratio = perKb(out.length - 1) / perKb(0);
    results['ladder'] = { rungs: out, ratioLargestToSmallest: round(ratio, 3) };
    checks.push(check(`cost per KB, ${rungs[rungs.length - 1]!.label} / ${rungs[0]!.label}`, ratio, 'le', 1.5, 'x'));
  }

  // ------------------------------------------------------------ queue path
  if (o.only.includes('queue')) {
    const { runQueueBench } = await import('./bench/queue.ts');
    const q = await runQueueBench({ articles: corpus, redisUrl: o.redisUrl, workers: o.workers, root: ROOT, log, ...(o.sinkDir ? { sinkDir: o.sinkDir } : {}), ...(o.profileDir ? { profileDir: o.profileDir } : {}), repeats: o.repeats, extractMode: o.extractMode });
    // For reference: the queue path against the bare pipeline loop (no store, no sink).
    const one = q.runs?.find((r) => r.workerProcesses === 1);
    results['queue'] = {
      ...q,
      ratioQueueVsBareExtraction: one && extraction ? round(one.articlesPerSec / extraction.articlesPerSec, 3) : null,
      ratioInProcessRunnerVsBareExtraction: q.inProcess && extraction ? round(q.inProcess.articlesPerSec / extraction.articlesPerSec, 3) : null,
    };
    checks.push(check('queue path (1 worker, end to end) vs in-process runner', q.ratioQueueVsInProcess, 'ge', 0.8, 'x'));
    checks.push(check('2 worker processes vs 1 (drain)', q.ratioTwoVsOne, 'ge', 1.7, 'x'));
    checks.push(check('peak RSS per worker process (largest single process)', q.peakWorkerRssMb, 'le', 300, ' MB', 0));
  } else if (extraction) {
    checks.push(check('peak RSS, extraction process (proxy for a worker)', extraction.peakRssMb, 'le', 300, ' MB', 0));
  }

  results['targets'] = checks.map((c) => ({ ...c, verdict: verdict(c) }));
  results['totalSeconds'] = round((Date.now() - started) / 1000, 1);
  (results['meta'] as Record<string, unknown>)['loadAverageAtEnd'] = loadavg().map((x) => round(x, 2));
  results['peakRssMbBenchProcess'] = round(peakRssMb(), 1);
  mkdirSync(dirname(o.out), { recursive: true });
  writeFileSync(o.out, `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(report(results, checks));
  log(`wrote ${o.out} in ${results['totalSeconds']} s`);
}

const pick = (t: Throughput) => ({ seconds: t.seconds, mbPerSec: t.mbPerSec, articlesPerSec: t.articlesPerSec, p50Ms: t.p50Ms, p99Ms: t.p99Ms, errors: t.errors });

// ---------------------------------------------------------------- the table

function report(r: Record<string, unknown>, checks: TargetCheck[]): string {
  const lines: string[] = [];
  const meta = r['meta'] as { corpus: { articles: number; bytes: number; meanBytes: number }; node: string; cpus: number; loadAverageAtStart: number[] };
  lines.push(
    '',
    `newsnlp bench  (node ${meta.node}, ${meta.cpus} cpus, load average ${meta.loadAverageAtStart[0]} at start; ` +
      `${meta.corpus.articles} articles, ${(meta.corpus.bytes / 1e6).toFixed(2)} MB, mean ${(meta.corpus.meanBytes / 1000).toFixed(1)} KB)`,
    '',
  );
  const ex = r['extraction'] as (Throughput & { firstArticleMs: number; moduleLoadMs: number; coldPass: ReturnType<typeof pick> }) | undefined;
  const nv = r['naive'] as Throughput | undefined;
  if (ex && nv) {
    lines.push(
      table(
        ['', 'articles', 'MB/s', 'articles/s', 'p50 ms', 'p99 ms', 'max ms', 'errors', 'peak RSS MB'],
        [
          ['newsnlp, 1st pass (cold)', ex.articles, ex.coldPass.mbPerSec.toFixed(3), ex.coldPass.articlesPerSec.toFixed(1), ex.coldPass.p50Ms.toFixed(2), ex.coldPass.p99Ms.toFixed(2), '', ex.coldPass.errors, ''],
          ['newsnlp (1 core)', ex.articles, ex.mbPerSec.toFixed(3), ex.articlesPerSec.toFixed(1), ex.p50Ms.toFixed(2), ex.p99Ms.toFixed(2), ex.maxMs.toFixed(1), ex.errors, ex.peakRssMb.toFixed(0)],
          ['naive compromise', nv.articles, nv.mbPerSec.toFixed(3), nv.articlesPerSec.toFixed(1), nv.p50Ms.toFixed(2), nv.p99Ms.toFixed(2), nv.maxMs.toFixed(1), nv.errors, nv.peakRssMb.toFixed(0)],
        ],
      ),
      `newsnlp / naive: ${String(r['ratioVsNaive'])}x   (module load ${ex.moduleLoadMs} ms, first article ${ex.firstArticleMs} ms, untimed)`,
      '',
    );
  }
  const st = r['startup'] as import('./bench/startup.ts').StartupResult | undefined;
  if (st) {
    lines.push(
      table(
        [`start-up (${st.runs})`, 'runs', 'median s', 'min s', 'max s'],
        [
          ['newsnlp --help', st.help.runs, (st.help.medianMs / 1000).toFixed(3), (st.help.minMs / 1000).toFixed(3), (st.help.maxMs / 1000).toFixed(3)],
          ['newsnlp extract (1 article)', st.oneArticle.runs, (st.oneArticle.medianMs / 1000).toFixed(3), (st.oneArticle.minMs / 1000).toFixed(3), (st.oneArticle.maxMs / 1000).toFixed(3)],
        ],
      ),
      `cold extract: ${st.cold1mb.files} stories, ${(st.cold1mb.bytes / 1e6).toFixed(2)} MB in one process: ${st.cold1mb.wallSeconds} s in all, first record after ${st.cold1mb.firstRecordSeconds} s, ${st.cold1mb.mbPerSecAfterStart} MB/s after it`,
      '',
    );
  }
  const ladder = r['ladder'] as { rungs: Record<string, number | string>[]; ratioLargestToSmallest: number } | undefined;
  if (ladder) {
    lines.push(
      table(
        ['length ladder', 'articles', 'mean KB', 'ms/KB', 'MB/s', 'errors'],
        ladder.rungs.map((x) => [x['rung']!, x['articles']!, ((x['meanBytes'] as number) / 1000).toFixed(1), (x['msPerKb'] as number).toFixed(3), (x['mbPerSec'] as number).toFixed(3), x['errors']!]),
      ),
      `cost per KB, largest / smallest: ${ladder.ratioLargestToSmallest}x`,
      '',
    );
  }
  const q = r['queue'] as { rows?: (string | number)[][]; note?: string } | undefined;
  if (q?.rows) lines.push(table(['queue path', 'articles', 'seconds', 'articles/s', 'MB/s', 'peak RSS MB'], q.rows), '');
  if (q?.note) lines.push(`queue: ${q.note}`, '');
  lines.push(table(['target', 'wanted', 'measured', ''], checks.map((c) => [c.name, c.target, c.value, verdict(c)])), '');
  return `${lines.join('\n')}\n`;
}

function table(head: string[], rows: (string | number)[][]): string {
  const cells = [head, ...rows.map((r) => r.map(String))];
  const widths = head.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const fmt = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd();
  return [fmt(cells[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(fmt)].join('\n');
}

main().catch((err) => {
  process.stderr.write(`[bench] failed: ${(err as Error).stack ?? String(err)}\n`);
  process.exitCode = 1;
});

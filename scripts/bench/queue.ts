/**
 * The queue path of issue 5: the same articles through BullMQ on a local Redis
 *
 *   park (article into the Redis store) -> extract job -> extraction (worker thread) -> sink job -> JSONL
 *
 * against the in-process runner (the same stage functions called in this process: park into a
 * MemoryStore -> extract -> JSONL sink, as runLocal does), and 1 worker process against 2.
 *
 * The worker processes are the project's own (`workers/main.ts worker --queues extract,sink`),
 * started with the ingestion config in their environment (configToEnv). Each run has a fresh
 * queue prefix (`nlpbench-<pid>-<n>q`; the parked articles go under `<prefix>w` and `<prefix>t`),
 * so nothing is shared with other users of the Redis, and every key starting with it is deleted
 * afterwards. Each worker process writes its own JSONL file (the sink's
 * one-appender-per-process rule); completion is counted from those lines.
 *
 * Workers are started with the worker flags (WORKER_NODE_FLAGS, as bin/newsnlp.js and
 * docker-compose.yml start them) and warmed before the clock starts: WARM_PASSES untimed passes of
 * the same articles per worker process, under other ids (the JIT settles only after a few passes,
 * see WARM_PASSES), so the figures compare steady states on both sides. The drain runs
 * DRAIN_PASSES passes per round (a few seconds, long enough for CPU ticks and the last batch not
 * to matter), DRAIN_ROUNDS rounds, the faster kept.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, readSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import type { BenchArticle } from './corpus.ts';
import { MB, round } from './measure.ts';

export interface QueueBenchOptions {
  articles: readonly BenchArticle[];
  redisUrl: string;
  workers: number[];
  root: string;
  log: (msg: string) => void;
  /** Where the JSONL sinks write (default the OS temp dir). The sink syncs after every write, so a
   *  tmpfs here (/dev/shm) takes the disk out of the figures. */
  sinkDir?: string;
  /** Write V8 CPU profiles of each worker process and its extraction child here (`--cpu-prof`). */
  profileDir?: string;
  /** Where the workers extract (default inline, as NEWSNLP_EXTRACT_MODE defaults). */
  extractMode?: 'inline' | 'sandboxed';
  /** Runs per worker count, interleaved; the best of each is kept (default 2). */
  repeats?: number;
  /** Give up on a run after this long (default 240 s). */
  timeoutMs?: number;
}

export interface QueueRun {
  label: string;
  /** Which of the `repeats` runs of this worker count (1-based). */
  run?: number;
  workerProcesses: number;
  articles: number;
  seconds: number;
  articlesPerSec: number;
  mbPerSec: number;
  /** Of the timed window: parking articles in the store and adding the extract jobs. */
  enqueueSeconds: number;
  /** Jobs already queued (extract queue paused while adding), then resumed: the workers alone. */
  drainSeconds: number;
  /** Articles drained (DRAIN_PASSES passes of the articles, under other ids each). */
  drainArticles: number;
  drainArticlesPerSec: number;
  drainMbPerSec: number;
  /**
   * CPU time per article during the drain, by process group (from /proc: worker processes, their
   * sandboxed extraction children, the redis-server if this user can read it, this process).
   * Where the queue's time goes, whatever else runs on the machine.
   */
  drainCpuMsPerArticle: { workers: number; extractChildren: number; redis: number | null; benchProcess: number };
  /** Every drain round's articles/s (the faster one is drainArticlesPerSec). */
  drainRoundsArticlesPerSec: number[];
  /** JSONL lines counted when the end-to-end pass was done (warm passes included). */
  linesWritten: number;
  /** Peak RSS of each worker process and of its sandboxed extraction child (VmHWM, MiB). */
  workerRssMb: { worker: number; children: number[] }[];
}

export interface QueueBenchResult {
  available: boolean;
  sinkDir?: string;
  note?: string;
  inProcess?: { articles: number; seconds: number; articlesPerSec: number; mbPerSec: number };
  /** Per worker count, the run with the best drain (see `allRuns` for every run). */
  runs?: QueueRun[];
  allRuns?: Pick<QueueRun, 'run' | 'workerProcesses' | 'articlesPerSec' | 'drainArticlesPerSec' | 'drainRoundsArticlesPerSec'>[];
  ratioQueueVsInProcess: number | null;
  /** 2 worker processes vs 1, draining a full queue (the workers' scaling). */
  ratioTwoVsOne: number | null;
  /** 2 vs 1 end to end (bounded by the producer when it is the slower side). */
  ratioTwoVsOneEndToEnd?: number | null;
  /** Largest peak RSS of any one process (a worker, or its sandboxed extraction child), MiB. */
  peakWorkerRssMb: number | null;
  /** Largest worker + its children, MiB. */
  peakWorkerWithChildRssMb?: number | null;
  rows?: (string | number)[][];
}

let runCounter = 0;
/**
 * Untimed passes per worker process before the clock starts. The pipeline's JIT alone settles
 * after about three passes over the corpus (CPU per article ~3.7 ms on the first pass, ~1.0 ms
 * on the second, ~0.85 ms later), but with three, drains of two workers still ran 5-15% faster
 * in their second round than in their first; with five they no longer do. A worker lives for
 * millions of articles: the steady state is what is compared.
 */
const WARM_PASSES = 5;
/** A drain round runs this many passes of the articles (under other ids each): a few seconds of work. */
const DRAIN_PASSES = 3;
/** Drain rounds per run; the faster is kept. */
const DRAIN_ROUNDS = 2;
const sleep = (ms: number) => new Promise<void>((res) => setTimeout(res, ms));

export async function runQueueBench(o: QueueBenchOptions): Promise<QueueBenchResult> {
  const none = (note: string): QueueBenchResult => ({ available: false, note, ratioQueueVsInProcess: null, ratioTwoVsOne: null, peakWorkerRssMb: null });
  // Redis first: without it there is nothing to measure.
  const probe = new Redis(o.redisUrl, { maxRetriesPerRequest: 1, lazyConnect: true, connectTimeout: 2000 });
  try {
    await probe.connect();
    await probe.ping();
  } catch (err) {
    probe.disconnect();
    return none(`no Redis at ${o.redisUrl} (${(err as Error).message}): queue path not measured`);
  }
  let ingest: typeof import('./queue-deps.ts');
  try {
    ingest = await import('./queue-deps.ts');
  } catch (err) {
    probe.disconnect();
    return none(`the ingestion modules do not load (${(err as Error).message}): queue path not measured`);
  }
  const bytes = o.articles.reduce((s, a) => s + a.bytes, 0);
  const work = mkdtempSync(join(o.sinkDir ?? tmpdir(), 'newsnlp-bench-'));
  const prefixes: string[] = [];
  try {
    // ---- in-process runner: the same stages, MemoryStore, JSONL sink, one thread
    o.log('queue: in-process runner (warm pass, then timed pass) ...');
    await ingest.inProcessPass(o.articles, join(work, 'inproc-warm.ndjson'), 'w');
    const t0 = performance.now();
    await ingest.inProcessPass(o.articles, join(work, 'inproc.ndjson'), 't');
    const inSec = (performance.now() - t0) / 1000;
    const inProcess = { articles: o.articles.length, seconds: round(inSec, 3), articlesPerSec: round(o.articles.length / inSec, 2), mbPerSec: round(bytes / MB / inSec, 4) };

    // Each worker count runs `repeats` times, interleaved (1, 2, 1, 2): fresh worker processes vary
    // by +-10% in CPU per article from one start to the next (JIT and heap history), so the best
    // run of each count is kept, the same rule for both sides of the ratio.
    const all: QueueRun[] = [];
    const repeats = o.repeats ?? 2;
    for (let rep = 0; rep < repeats; rep++) {
      for (const n of o.workers) {
        const prefix = `nlpbench-${process.pid}-${++runCounter}q`;
        prefixes.push(prefix);
        o.log(`queue: BullMQ, ${n} worker process${n > 1 ? 'es' : ''}, run ${rep + 1}/${repeats} (prefix ${prefix}) ...`);
        all.push({ ...(await queueRun(o, ingest, prefix, n, work, bytes)), run: rep + 1 });
      }
    }
    const bestOf = (n: number, by: (r: QueueRun) => number) =>
      all.filter((r) => r.workerProcesses === n).reduce<QueueRun | undefined>((a, b) => (!a || by(b) > by(a) ? b : a), undefined);
    // The rows and runs shown: per worker count, the run with the best drain.
    const runs = o.workers.map((n) => bestOf(n, (r) => r.drainArticlesPerSec)!);
    const one = bestOf(1, (r) => r.drainArticlesPerSec);
    const two = bestOf(2, (r) => r.drainArticlesPerSec);
    const oneEndToEnd = bestOf(1, (r) => r.articlesPerSec);
    const twoEndToEnd = bestOf(2, (r) => r.articlesPerSec);
    // The issue's limit is per worker process: the worker and its sandboxed extraction child are
    // two processes, so the largest single one is checked; their sum is reported beside it.
    // Over every run, kept or not.
    const peak = Math.max(...all.flatMap((r) => r.workerRssMb.flatMap((w) => [w.worker, ...w.children])));
    const peakPair = Math.max(...all.flatMap((r) => r.workerRssMb.map((w) => w.worker + w.children.reduce((a, b) => a + b, 0))));
    const rows: (string | number)[][] = [
      ['in-process runner (1 thread)', inProcess.articles, inProcess.seconds.toFixed(2), inProcess.articlesPerSec.toFixed(1), inProcess.mbPerSec.toFixed(3), ''],
      ...runs.flatMap((r) => {
        const rss = r.workerRssMb.map((w) => `${w.worker.toFixed(0)}+${w.children.map((c) => c.toFixed(0)).join('+') || '0'}`).join(', ');
        return [
          [`${r.label}, end to end`, r.articles, r.seconds.toFixed(2), r.articlesPerSec.toFixed(1), r.mbPerSec.toFixed(3), rss],
          [`${r.label}, drain`, r.drainArticles, r.drainSeconds.toFixed(2), r.drainArticlesPerSec.toFixed(1), r.drainMbPerSec.toFixed(3), ''],
        ];
      }),
    ];
    return {
      available: true,
      sinkDir: o.sinkDir ?? tmpdir(),
      note:
        '"end to end": from the first park to the last JSONL line, the producer parking and adding jobs as runQueued does (ExtractProducer: up to 64 articles parked at once, extract jobs of up to 32 articles each, added 64 articles at a time; one sink job per extract job); ' +
        '"drain": all jobs queued first (extract queue paused), then the workers alone; two rounds of three passes, the faster kept. Each worker count ran ' + String(repeats) + ' times with fresh processes (interleaved), the run with the best drain shown (all in allRuns). ' +
        'RSS "worker+child" = the worker process and its sandboxed extraction child(ren) (none: extraction runs on the worker thread). ' +
        'The in-process runner uses one thread; a queue run uses the worker(s), Redis and this producer, on all cores.',
      inProcess,
      runs,
      allRuns: all.map((r) => ({ run: r.run, workerProcesses: r.workerProcesses, articlesPerSec: r.articlesPerSec, drainArticlesPerSec: r.drainArticlesPerSec, drainRoundsArticlesPerSec: r.drainRoundsArticlesPerSec })),
      ratioQueueVsInProcess: oneEndToEnd ? round(oneEndToEnd.articlesPerSec / inProcess.articlesPerSec, 3) : null,
      ratioTwoVsOne: one && two ? round(two.drainArticlesPerSec / one.drainArticlesPerSec, 3) : null,
      ratioTwoVsOneEndToEnd: oneEndToEnd && twoEndToEnd ? round(twoEndToEnd.articlesPerSec / oneEndToEnd.articlesPerSec, 3) : null,
      peakWorkerRssMb: Number.isFinite(peak) ? round(peak, 1) : null,
      peakWorkerWithChildRssMb: Number.isFinite(peakPair) ? round(peakPair, 1) : null,
      rows,
    };
  } finally {
    for (const prefix of prefixes) await deleteKeys(probe, prefix).catch((err: unknown) => o.log(`cleanup of ${prefix}: ${(err as Error).message}`));
    probe.disconnect();
    rmSync(work, { recursive: true, force: true });
  }
}

async function queueRun(
  o: QueueBenchOptions,
  ingest: typeof import('./queue-deps.ts'),
  prefix: string,
  n: number,
  work: string,
  bytes: number,
): Promise<QueueRun> {
  const timeoutMs = o.timeoutMs ?? 240_000;
  const dir = join(work, prefix);
  const producer = ingest.producer(o.redisUrl, prefix);
  const procs: ChildProcess[] = [];
  try {
    for (let i = 0; i < n; i++) {
      const env = { ...process.env, ...ingest.workerEnv(o.redisUrl, prefix, join(dir, `records-w${i}.ndjson`), o.extractMode) };
      const logFd = openSync(join(work, `${prefix}-w${i}.log`), 'a');
      procs.push(
        // Started as a deployment starts them: with the worker flags (single-threaded GC, heap limits).
        spawn(process.execPath, [...ingest.WORKER_NODE_FLAGS, ...(o.profileDir ? ['--cpu-prof', `--cpu-prof-dir=${o.profileDir}`] : []), '--import', 'tsx', 'workers/main.ts', 'worker', '--queues', 'extract,sink', '--concurrency', '1'], {
          cwd: o.root,
          env,
          stdio: ['ignore', logFd, logFd],
        }),
      );
    }
    const exited = procs.map((p) => new Promise<number | null>((res) => p.once('exit', (code) => res(code))));
    const failIfExited = Promise.race(exited).then((code) => {
      throw new Error(`[bench] worker exited early (code ${code}); log: ${tail(join(work, `${prefix}-w0.log`))}`);
    });
    failIfExited.catch(() => undefined);
    const until = (want: number) => Promise.race([waitLines(dir, want, timeoutMs), failIfExited]);

    // Warm, untimed (also waits for the workers to be up): WARM_PASSES passes of the articles per
    // worker process, under other ids, so that each worker has seen that many corpora.
    let expected = 0;
    for (let k = 0; k < n * WARM_PASSES; k++) {
      await producer.enqueue(o.articles, `w${k}x`);
      await until((expected += o.articles.length));
    }
    // End to end, as runQueued does it (ExtractProducer: parks in flight, jobs added in batches) while the
    // workers take the jobs; the clock stops at the last JSONL line.
    const t0 = performance.now();
    await producer.enqueue(o.articles, 't');
    const enqueueSeconds = (performance.now() - t0) / 1000;
    const lines = await until((expected += o.articles.length));
    const seconds = (performance.now() - t0) / 1000;
    // Drain: the extract queue paused, every job parked and added (untimed), then resumed; the
    // workers' own throughput, whatever the producer's speed. DRAIN_ROUNDS rounds, the faster kept
    // (as for the extraction and the ladder: a busy neighbour on a shared machine slows one round).
    const cpuGroups = () => ({
      workers: procs.map((p) => p.pid!),
      extractChildren: procs.flatMap((p) => childPids(p.pid!)),
      redis: redisPids(),
    });
    const drained = o.articles.length * DRAIN_PASSES;
    const per = (ms: number) => round(ms / drained, 3);
    const rounds: { seconds: number; cpu: QueueRun['drainCpuMsPerArticle'] }[] = [];
    for (let r = 0; r < DRAIN_ROUNDS; r++) {
      await producer.pause();
      for (let k = 0; k < DRAIN_PASSES; k++) await producer.enqueue(o.articles, `d${r}p${k}`);
      const groups = cpuGroups();
      const cpu0 = cpuOf(groups);
      const self0 = process.cpuUsage();
      const t1 = performance.now();
      await producer.resume();
      await until((expected += drained));
      const seconds = (performance.now() - t1) / 1000;
      const cpu1 = cpuOf(groups);
      const self1 = process.cpuUsage(self0);
      rounds.push({
        seconds,
        cpu: {
          workers: per(cpu1.workers - cpu0.workers),
          extractChildren: per(cpu1.extractChildren - cpu0.extractChildren),
          redis: groups.redis.length ? per(cpu1.redis - cpu0.redis) : null,
          benchProcess: per((self1.user + self1.system) / 1000),
        },
      });
    }
    const best = rounds.reduce((a, b) => (b.seconds < a.seconds ? b : a));
    const drainSeconds = best.seconds;
    const drainCpuMsPerArticle = best.cpu;

    const workerRssMb = procs.map((p) => ({ worker: hwmMb(p.pid!), children: childPids(p.pid!).map(hwmMb) }));
    return {
      label: `BullMQ, ${n} worker process${n > 1 ? 'es' : ''}`,
      workerProcesses: n,
      articles: o.articles.length,
      seconds: round(seconds, 3),
      articlesPerSec: round(o.articles.length / seconds, 2),
      mbPerSec: round(bytes / MB / seconds, 4),
      enqueueSeconds: round(enqueueSeconds, 3),
      drainSeconds: round(drainSeconds, 3),
      drainArticles: drained,
      drainArticlesPerSec: round(drained / drainSeconds, 2),
      drainMbPerSec: round((bytes * DRAIN_PASSES) / MB / drainSeconds, 4),
      drainCpuMsPerArticle,
      drainRoundsArticlesPerSec: rounds.map((r) => round(drained / r.seconds, 2)),
      linesWritten: lines,
      workerRssMb,
    };
  } finally {
    await producer.close();
    for (const p of procs) p.kill('SIGTERM');
    await Promise.all(procs.map((p) => (p.exitCode !== null ? null : new Promise((res) => { p.once('exit', res); setTimeout(() => { p.kill('SIGKILL'); res(null); }, 10_000); }))));
  }
}

/** Wait until the JSONL files under dir hold `want` lines in all; returns the count. */
async function waitLines(dir: string, want: number, timeoutMs: number): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  const seen = new Map<string, { offset: number; lines: number }>();
  for (;;) {
    let total = 0;
    let files: string[] = [];
    try {
      files = readdirSync(dir).filter((f) => f.endsWith('.ndjson'));
    } catch {
      // not created yet
    }
    for (const f of files) {
      const path = join(dir, f);
      const st = seen.get(path) ?? { offset: 0, lines: 0 };
      const size = statSync(path).size;
      if (size > st.offset) {
        // Only the bytes appended since the last look (re-reading the file would cost the
        // workers CPU as it grows).
        const buf = Buffer.allocUnsafe(size - st.offset);
        const fd = openSync(path, 'r');
        try {
          readSync(fd, buf, 0, buf.length, st.offset);
        } finally {
          closeSync(fd);
        }
        const lastNl = buf.lastIndexOf(0x0a);
        if (lastNl >= 0) {
          for (let i = buf.indexOf(0x0a); i >= 0 && i <= lastNl; i = buf.indexOf(0x0a, i + 1)) st.lines++;
          st.offset += lastNl + 1;
        }
        seen.set(path, st);
      }
      total += st.lines;
    }
    if (total >= want) return total;
    if (Date.now() > deadline) throw new Error(`[bench] queue run: ${total} of ${want} records after ${timeoutMs / 1000} s`);
    // Often enough that the clock stops within a few ms of the last line (a drain lasts ~1-2 s).
    await sleep(5);
  }
}

/** Peak resident set (VmHWM) of a live process, MiB; 0 when it cannot be read (not Linux). */
function hwmMb(pid: number): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? round(Number(m[1]) / 1024, 1) : 0;
  } catch {
    return 0;
  }
}

/** utime + stime of a process, ms (0 when gone or unreadable). */
function cpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the parenthesised command name; utime and stime are the 14th and 15th fields.
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(f[11]) + Number(f[12])) * 1000) / CLK_TCK;
  } catch {
    return 0;
  }
}
/** Linux USER_HZ; 100 on every mainstream kernel build. */
const CLK_TCK = 100;

function cpuOf<K extends string>(g: Record<K, number[]>): Record<K, number> {
  const out = {} as Record<K, number>;
  for (const k of Object.keys(g) as K[]) out[k] = g[k].reduce((s, p) => s + cpuMs(p), 0);
  return out;
}

/** redis-server processes visible in /proc (none when Redis runs elsewhere). */
function redisPids(): number[] {
  const out: number[] = [];
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      if (readFileSync(`/proc/${d}/comm`, 'utf8').trim() === 'redis-server') out.push(Number(d));
    } catch {
      // gone, or not ours to read
    }
  }
  return out;
}

/** Direct children of a process (the sandboxed extraction process BullMQ forks). */
function childPids(pid: number): number[] {
  try {
    return readdirSync(`/proc/${pid}/task`).flatMap((t) =>
      readFileSync(`/proc/${pid}/task/${t}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number),
    );
  } catch {
    return [];
  }
}

function tail(path: string): string {
  try {
    return readFileSync(path, 'utf8').slice(-1500);
  } catch {
    return '(no log)';
  }
}

/** Delete every key under the prefix (queues and store), SCAN + UNLINK in batches. */
async function deleteKeys(redis: Redis, prefix: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length) await redis.unlink(...keys);
  } while (cursor !== '0');
}

/**
 * The fault suite (`npm run test:faults`): ingestion of real articles through BullMQ workers while
 * the things it depends on fail, then a count of what reached the sinks.
 *
 * It starts its own redis-server (AOF on, a private port and folder) and its own PostgreSQL
 * cluster (initdb/pg_ctl, a private port and folder, as a non-root user), serves 2,400 real
 * articles (corpus/reuters-21578 and corpus/bbc-news) from a loopback news site whose four feeds
 * grow over two minutes, and starts two fleets of three worker processes at once (`newsnlp worker`,
 * all four queues, the private REDIS_URL, DATABASE_URL and queue prefix, sinks JSONL and
 * PostgreSQL). While the site publishes it injects:
 *
 *   SIGKILL of a worker, three times (the killed ones are not restarted)
 *   Redis killed (SIGKILL) and started again on the same port and folder (AOF replayed)
 *   PostgreSQL stopped for 30 s (pg_ctl stop -m fast: sessions terminated) with the same worker
 *   processes left running, then started again
 *
 * then waits until every article is in both sinks (or a deadline passes) and prints articles in,
 * records out per sink, lost, duplicated and the faults with their times. It asserts lost = 0 and
 * duplicated = 0 for each sink, that every worker not killed on purpose is still running, and that
 * the workers wrote only JSON lines to stderr, with no stack dump in them. No process is restarted
 * by hand.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { WORKER_NODE_FLAGS } from '../../src/ingest/node-flags.ts';
import { articleIdOf } from '../../src/util/ids.ts';
import { startRedis } from '../helpers/redis-server.ts';
import type { PrivateRedis } from '../helpers/redis-server.ts';
import { startCluster } from './pg-cluster.ts';
import type { PgCluster } from './pg-cluster.ts';
import { corpusArticles, startNewsSite } from './news-site.ts';
import type { NewsSite } from './news-site.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const exec = promisify(execFile);

/** The plan, in seconds after the fleets start. */
const PUBLISH_S = 120;
const FAULTS: readonly { at: number; what: string }[] = [
  { at: 15, what: 'SIGKILL worker a1' },
  { at: 30, what: 'SIGKILL redis' },
  { at: 36, what: 'start redis' },
  { at: 50, what: 'SIGKILL worker b1' },
  { at: 65, what: 'stop postgres' },
  { at: 95, what: 'start postgres' },
  { at: 110, what: 'SIGKILL worker a2' },
];
/** After publishing ends, how long everything may take to arrive. */
const DRAIN_S = 240;
const ARTICLES = { reuters: 1800, bbc: 600 };

interface Worker {
  name: string;
  proc: ChildProcess;
  log: string;
  killed: boolean;
}

const ID_RE = /^\{"id":"((?:[^"\\]|\\.)*)"/;

function jsonlCounts(file: string): { lines: number; ids: Map<string, number> } {
  const ids = new Map<string, number>();
  let lines = 0;
  if (!existsSync(file)) return { lines, ids };
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line) continue;
    lines++;
    const m = ID_RE.exec(line);
    const id = m ? (JSON.parse(`"${m[1]}"`) as string) : `unreadable line ${lines}`;
    ids.set(id, (ids.get(id) ?? 0) + 1);
  }
  return { lines, ids };
}

async function pgCounts(url: string): Promise<{ rows: number; ids: Set<string>; childDuplicates: number } | null> {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  c.on('error', () => undefined);
  try {
    await c.connect();
    const { rows } = await c.query<{ id: string }>('SELECT id FROM articles');
    // a row written twice under one article would show as a repeated key in a child table
    const dup = await c.query<{ n: string }>(
      `SELECT (SELECT count(*) FROM (SELECT article_id, company_id FROM article_companies GROUP BY 1, 2 HAVING count(*) > 1) x)
            + (SELECT count(*) FROM (SELECT article_id, id FROM deals GROUP BY 1, 2 HAVING count(*) > 1) y)
            + (SELECT count(*) FROM (SELECT article_id, id FROM market_share_claims GROUP BY 1, 2 HAVING count(*) > 1) z) AS n`,
    );
    return { rows: rows.length, ids: new Set(rows.map((r) => r.id)), childDuplicates: Number(dup.rows[0]!.n) };
  } catch {
    return null; // down (the outage) or not there yet
  } finally {
    await c.end().catch(() => undefined);
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('fault suite: ingestion through worker crashes, a Redis restart and a PostgreSQL outage', () => {
  let redis: PrivateRedis | undefined;
  let cluster: PgCluster | undefined;
  let site: NewsSite | undefined;
  const workers: Worker[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'newsnlp-faults-'));

  afterAll(async () => {
    for (const w of workers) if (w.proc.exitCode === null && w.proc.signalCode === null) w.proc.kill('SIGKILL');
    await site?.close();
    await redis?.stop();
    await cluster?.destroy();
    if (!process.env.NEWSNLP_FAULTS_KEEP) rmSync(dir, { recursive: true, force: true });
  });

  it('loses nothing and duplicates nothing', async () => {
    const t00 = Date.now();
    redis = await startRedis({ appendonly: true });
    cluster = await startCluster();
    const articles = corpusArticles(ARTICLES.reuters, ARTICLES.bbc);
    site = await startNewsSite(articles, { feeds: 4, publishMs: PUBLISH_S * 1000 });
    const jsonl = join(dir, 'records.ndjson');
    const prefix = `faults-${randomBytes(4).toString('hex')}`;
    const env: Record<string, string> = {
      ...(process.env as Record<string, string>),
      REDIS_URL: redis.url,
      DATABASE_URL: cluster.url,
      NEWSNLP_QUEUE_PREFIX: prefix,
      NEWSNLP_SINK: `jsonl:${jsonl} postgres:${cluster.url}`,
      NEWSNLP_ALLOW_PRIVATE: '1', // the site is on loopback
      NEWSNLP_HOST_INTERVAL_MS: '0', // and it is ours: no politeness pause between requests
      NEWSNLP_LOG_LEVEL: 'warn',
      NEWSNLP_SOURCES: '1',
    };
    const cli = (...args: string[]) => exec(process.execPath, ['bin/newsnlp.js', ...args], { cwd: ROOT, env, timeout: 60_000 });
    await cli('db', 'migrate');
    const feedsFile = join(dir, 'feeds.yaml');
    writeFileSync(feedsFile, `feeds:\n${site.feedUrls.map((u, k) => `  - id: wire-${k}\n    url: ${u}\n    every: 5s\n`).join('')}`);
    await cli('feeds', 'sync', feedsFile);

    const startWorker = (name: string): Worker => {
      const log = join(dir, `${name}.log`);
      const fd = openSync(log, 'a');
      const proc = spawn(process.execPath, [...WORKER_NODE_FLAGS, 'bin/newsnlp.js', 'worker', '--queues', 'feed,fetch,extract,sink'], {
        cwd: ROOT,
        env,
        stdio: ['ignore', 'ignore', fd],
      });
      closeSync(fd);
      return { name, proc, log, killed: false };
    };
    // two fleets at once, three processes each
    for (const name of ['a1', 'a2', 'a3', 'b1', 'b2', 'b3']) workers.push(startWorker(name));
    const t0 = Date.now();
    site.start();
    const injected: string[] = [];
    const now = () => ((Date.now() - t0) / 1000).toFixed(1);

    const expected = new Set(site.urls.map((u) => articleIdOf(u)));
    let lastReport = 0;
    const progress = async () => {
      const j = jsonlCounts(jsonl);
      const p = await pgCounts(cluster!.url);
      if (Date.now() - lastReport > 15_000) {
        lastReport = Date.now();
        console.log(`[faults] t=${now()}s published ${site!.published()}/${articles.length}, jsonl ${j.ids.size}, postgres ${p ? p.ids.size : 'down'}`);
      }
      return { j, p };
    };

    for (const f of FAULTS) {
      while ((Date.now() - t0) / 1000 < f.at) {
        await sleep(500);
        await progress();
      }
      const [verb, , name] = f.what.split(' ');
      if (f.what.startsWith('SIGKILL worker')) {
        const w = workers.find((x) => x.name === name)!;
        w.killed = true;
        w.proc.kill('SIGKILL');
      } else if (f.what === 'SIGKILL redis') await redis.kill();
      else if (f.what === 'start redis') await redis.start();
      else if (f.what === 'stop postgres') await cluster.stop();
      else if (f.what === 'start postgres') await cluster.start();
      else throw new Error(`[faults] unknown fault ${verb}`);
      injected.push(`t=${now()}s ${f.what}`);
      console.log(`[faults] t=${now()}s ${f.what}`);
    }

    // every article published, then in both sinks (or the deadline)
    const deadline = t0 + (PUBLISH_S + DRAIN_S) * 1000;
    let last = await progress();
    while (Date.now() < deadline) {
      last = await progress();
      const done = site.published() === articles.length && [...expected].every((id) => last.j.ids.has(id) && last.p?.ids.has(id));
      if (done) break;
      await sleep(2000);
    }
    const tAll = ((Date.now() - t00) / 1000).toFixed(0);
    // a moment more: anything still in flight would show up as a duplicate
    await sleep(3000);
    last = await progress();
    const { j, p } = last;

    const lostJsonl = [...expected].filter((id) => !j.ids.has(id));
    const lostPg = p ? [...expected].filter((id) => !p.ids.has(id)) : [...expected];
    const dupJsonl = j.lines - j.ids.size;
    const extraJsonl = [...j.ids.keys()].filter((id) => !expected.has(id));
    const dupPg = p ? p.rows - p.ids.size + p.childDuplicates : -1;
    const lostAny = new Set([...lostJsonl, ...lostPg]);
    const urlOf = new Map(site.urls.map((u) => [articleIdOf(u), u]));
    const lostNeverFetched = [...lostAny].filter((id) => !site!.fetched(urlOf.get(id)!)).length;
    const alive = workers.filter((w) => !w.killed);
    const deadUnplanned = alive.filter((w) => w.proc.exitCode !== null || w.proc.signalCode !== null).map((w) => `${w.name} (${w.proc.exitCode ?? w.proc.signalCode})`);
    const nonJson: string[] = [];
    const dumps: string[] = [];
    for (const w of workers) {
      for (const line of readFileSync(w.log, 'utf8').split('\n')) {
        if (!line) continue;
        try {
          const o = JSON.parse(line) as { msg?: string };
          // a stack trace folded into a log line is a raw dump too
          if (/\n\s+at |Unhandled error event/.test(o.msg ?? '')) dumps.push(`${w.name}: ${(o.msg ?? '').slice(0, 200)}`);
        } catch {
          nonJson.push(`${w.name}: ${line.slice(0, 200)}`);
        }
      }
    }
    const failedJobs = await exec(process.execPath, ['bin/newsnlp.js', 'jobs', 'failed', '--json'], { cwd: ROOT, env, timeout: 60_000 })
      .then((r) => JSON.parse(r.stdout) as { queue: string; failedReason: string }[])
      .catch(() => []);

    const report = [
      `fault suite: ${articles.length} articles in (${ARTICLES.reuters} Reuters, ${ARTICLES.bbc} BBC) from ${site.feedUrls.length} feeds; ${workers.length} workers in two fleets; all arrived ${tAll} s after setup began`,
      `faults injected (${injected.length}): ${injected.join('; ')}`,
      `jsonl:      ${j.lines} lines, ${j.ids.size} distinct ids; lost ${lostJsonl.length}, duplicated ${dupJsonl}, not expected ${extraJsonl.length}`,
      `postgresql: ${p ? `${p.rows} rows, ${p.ids.size} distinct ids` : 'unreachable'}; lost ${lostPg.length}, duplicated ${dupPg}`,
      `lost articles whose page was never requested: ${lostNeverFetched} of ${lostAny.size}`,
      `workers still running: ${alive.length - deadUnplanned.length} of ${alive.length} not killed on purpose; stderr lines that are not JSON: ${nonJson.length}, stack dumps: ${dumps.length}`,
      `failed jobs: ${failedJobs.length}${failedJobs.length ? ` (${failedJobs.slice(0, 3).map((f) => `${f.queue}: ${f.failedReason}`).join('; ')})` : ''}`,
      `site: ${JSON.stringify(site.stats())}; logs in ${dir}`,
    ].join('\n');
    console.log(report);
    writeFileSync(join(dir, 'report.txt'), report + '\n');

    expect(articles.length).toBeGreaterThanOrEqual(2000);
    expect(injected).toHaveLength(FAULTS.length);
    expect({ lostJsonl: lostJsonl.length, lostPg: lostPg.length }).toEqual({ lostJsonl: 0, lostPg: 0 });
    expect({ dupJsonl, dupPg, extraJsonl: extraJsonl.length }).toEqual({ dupJsonl: 0, dupPg: 0, extraJsonl: 0 });
    expect(deadUnplanned).toEqual([]);
    expect(nonJson).toEqual([]);
    expect(dumps).toEqual([]);
  }, (PUBLISH_S + DRAIN_S + 180) * 1000);
});

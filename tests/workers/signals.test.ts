/**
 * Worker processes and signals, on a real Redis: a worker killed with SIGKILL in the middle of a
 * job (the job stalls, is picked up again, its record is written once); a worker sent SIGTERM
 * finishes its in-flight job before exiting (nothing lost); a second signal forces the exit.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { configToEnv } from '../../src/ingest/config.ts';
import type { IngestConfig } from '../../src/ingest/config.ts';
import { articleIdOf, canonicalUrl } from '../../src/util/ids.ts';
import { waitIdle } from '../../src/ingest/queues.ts';
import { silentLogger } from '../../src/ingest/log.ts';
import { Queues } from '../../src/ingest/queues.ts';
import type { Envelope } from '../../src/contracts.ts';
import { startWorkers } from '../../src/ingest/workers.ts';
import { startFixtureServer } from '../ingest/fixture-server.ts';
import type { FixtureServer } from '../ingest/fixture-server.ts';
import { cleanupPrefix, newPrefix, testConfig, waitFor } from './redis-helpers.ts';
import { WORKER_NODE_FLAGS } from '../../src/ingest/node-flags.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

interface Spawned {
  child: ChildProcess;
  stderr: string[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** `newsnlp worker --queues <q>` in its own process, configured through its environment. */
async function spawnWorker(cfg: IngestConfig, queues: string, nodeFlags: readonly string[] = []): Promise<Spawned> {
  const child = spawn(process.execPath, [...nodeFlags, '--import', 'tsx', 'workers/main.ts', 'worker', '--queues', queues], {
    cwd: ROOT,
    env: { ...process.env, ...configToEnv(cfg) },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const stderr: string[] = [];
  child.stderr!.setEncoding('utf8').on('data', (d: string) => stderr.push(d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((res) =>
    child.once('exit', (code, signal) => res({ code, signal })),
  );
  await waitFor(() => stderr.join('').includes('workers started') || child.exitCode !== null, 20_000, 'the worker to start');
  if (child.exitCode !== null) throw new Error(`worker exited early: ${stderr.join('')}`);
  return { child, stderr, exited };
}

const envelopes = (cfg: IngestConfig): Envelope[] => {
  const p = cfg.sink.slice('jsonl:'.length);
  return existsSync(p) ? readFileSync(p, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Envelope) : [];
};

function fetchPayload(url: string) {
  return { articleId: articleIdOf(url), url, canonicalUrl: canonicalUrl(url), feedId: null, discoveredAt: new Date().toISOString(), itemKey: null };
}

describe('worker processes and signals', () => {
  let srv: FixtureServer;
  const cleanups: (() => Promise<void>)[] = [];
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    srv = await startFixtureServer();
  });
  afterEach(async () => {
    for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    for (const f of cleanups.splice(0)) await f();
  });
  afterAll(async () => {
    await srv?.close();
  });

  it('SIGKILL mid-job: the stalled job is picked up again and its record is written once', async () => {
    const cfg = testConfig(newPrefix(), { lockDurationMs: 2000, stalledIntervalMs: 1000 });
    const queues = new Queues(cfg);
    cleanups.push(async () => {
      await queues.close();
      await cleanupPrefix(cfg);
    });
    // Started as bin/newsnlp.js and docker-compose.yml start workers: no warning about the flags.
    const a = await spawnWorker(cfg, 'fetch', WORKER_NODE_FLAGS);
    children.push(a.child);
    expect(a.stderr.join('')).not.toContain('started without the worker flags');
    srv.slowMs = 5000;
    const p = fetchPayload(`${srv.origin}/slow/1.html`);
    await queues.addFetches([p]);
    await waitFor(() => srv.hits('/slow/1.html') >= 1, 15_000, 'the page request');
    a.child.kill('SIGKILL');
    expect((await a.exited).signal).toBe('SIGKILL');
    srv.slowMs = 100;

    const running = await startWorkers(cfg, { log: silentLogger() });
    cleanups.unshift(() => running.close());
    await waitFor(() => envelopes(cfg).some((e) => e.id === p.articleId), 30_000, 'the record').catch(async (err) => {
      const j = await queues.fetch.getJob(`a-${p.articleId}`);
      throw new Error(`${(err as Error).message}; fetch job ${await j?.getState()} ${j?.failedReason ?? ''}; x: ${await (await queues.extract.getJob(`x-${p.articleId}`))?.getState()}; s: ${await (await queues.sink.getJob(`s-${p.articleId}`))?.getState()}`);
    });
    await waitIdle(running.queues);
    const mine = envelopes(cfg).filter((e) => e.id === p.articleId);
    expect(mine).toHaveLength(1);
    expect(mine[0]!.record!.companies.map((c) => c.name)).toEqual(expect.arrayContaining(['Nvidia', 'Oracle']));
    expect(srv.hits('/slow/1.html')).toBe(2);
    const job = await queues.fetch.getJob(`a-${p.articleId}`);
    expect(await job?.isCompleted()).toBe(true);
  });

  it('SIGTERM: the in-flight job finishes, the worker exits 0, nothing is lost', async () => {
    const cfg = testConfig(newPrefix(), { readTimeoutMs: 10_000 });
    const queues = new Queues(cfg);
    cleanups.push(async () => {
      await queues.close();
      await cleanupPrefix(cfg);
    });
    // Started without the worker flags: it says so, naming them, and works all the same.
    const b = await spawnWorker(cfg, 'fetch');
    children.push(b.child);
    expect(b.stderr.join('')).toContain('started without the worker flags');
    expect(b.stderr.join('')).toContain('--single-threaded-gc');
    srv.slowMs = 2500;
    const p = fetchPayload(`${srv.origin}/slow/2.html`);
    await queues.addFetches([p]);
    await waitFor(() => srv.hits('/slow/2.html') >= 1, 15_000, 'the page request');
    const t0 = Date.now();
    b.child.kill('SIGTERM');
    const exit = await b.exited;
    expect(exit.code).toBe(0);
    expect(Date.now() - t0).toBeGreaterThan(1500); // it waited for the slow page
    const job = await queues.fetch.getJob(`a-${p.articleId}`);
    expect(await job?.isCompleted()).toBe(true);
    // The next stage was enqueued before the exit: another worker finishes the article.
    expect(await queues.extract.getJob(`x-${p.articleId}`)).toBeDefined();
    const running = await startWorkers(cfg, { stages: ['extract', 'sink'], log: silentLogger() });
    cleanups.unshift(() => running.close());
    await waitFor(() => envelopes(cfg).some((e) => e.id === p.articleId), 30_000, 'the record');
    expect(srv.hits('/slow/2.html')).toBe(1);
  });

  it('a second signal forces the exit', async () => {
    const cfg = testConfig(newPrefix(), { graceMs: 60_000, readTimeoutMs: 30_000 });
    const queues = new Queues(cfg);
    cleanups.push(async () => {
      await queues.close();
      await cleanupPrefix(cfg);
    });
    const c = await spawnWorker(cfg, 'fetch');
    children.push(c.child);
    srv.slowMs = 20_000;
    await queues.addFetches([fetchPayload(`${srv.origin}/slow/3.html`)]);
    await waitFor(() => srv.hits('/slow/3.html') >= 1, 15_000, 'the page request');
    const t0 = Date.now();
    c.child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 300));
    c.child.kill('SIGTERM');
    const exit = await c.exited;
    expect(exit.code).toBe(130);
    expect(Date.now() - t0).toBeLessThan(5000);
  });
});

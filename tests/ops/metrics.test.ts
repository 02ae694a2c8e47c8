/**
 * Worker metrics and /healthz, scraped over HTTP as Prometheus would: a worker in this process with
 * a metrics server runs real jobs on a fresh queue prefix (feeds from a loopback fixture server:
 * one good, one 404, one 500-then-good), and every figure is checked against what the jobs did
 * (the workers' own job events, the JSONL file written); then the CLI path (`newsnlp worker
 * --metrics-port`, a child process) and /healthz with PostgreSQL up and with Redis and PostgreSQL
 * down.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { Envelope } from '../../src/contracts.ts';
import { configToEnv } from '../../src/ingest/config.ts';
import { silentLogger } from '../../src/ingest/log.ts';
import { QUEUE_NAMES, STAGES, waitIdle } from '../../src/ingest/queues.ts';
import { startWorkers } from '../../src/ingest/workers.ts';
import type { JobEvent } from '../../src/ingest/workers.ts';
import { healthChecker } from '../../src/ops/health.ts';
import type { HealthReport } from '../../src/ops/health.ts';
import { httpStatusOf } from '../../src/ops/http-status.ts';
import { serveWorkerMetrics } from '../../src/ops/metrics.ts';
import { DATABASE_URL } from '../db/pg.ts';
import { startFixtureServer } from '../ingest/fixture-server.ts';
import { cleanupPrefix, newPrefix, testConfig, waitFor } from '../workers/redis-helpers.ts';
import { freePort } from '../helpers/ports.ts';
import { parseMetrics, valueOf } from './helpers.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const LOOPBACK = { metricsHost: '127.0.0.1', metricsPort: 0 };

describe('worker metrics', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const f of cleanups.splice(0).reverse()) await f();
  });

  it('counts jobs, feed statuses, extraction, records and sink writes as the jobs happened; /healthz is 200', async () => {
    const srv = await startFixtureServer();
    cleanups.push(() => srv.close());
    const cfg = testConfig(newPrefix(), { attempts: 2, backoffMs: 50 });
    cleanups.push(() => cleanupPrefix(cfg));
    const metrics = await serveWorkerMetrics(cfg, STAGES, LOOPBACK);
    cleanups.push(() => metrics.close());
    const events: JobEvent[] = [];
    const running = await startWorkers(cfg, { stages: STAGES, hooks: metrics.hooks, inProcessExtract: true, log: silentLogger(), onJob: (e) => events.push(e) });
    cleanups.push(() => running.close());

    await running.queues.feed.add('poll', { feedId: 'bbc', url: srv.feedUrl('bbc-business') });
    await running.queues.feed.add('poll', { feedId: 'missing', url: `${srv.origin}/faults/missing.xml` });
    await running.queues.feed.add('poll', { feedId: 'flaky', url: `${srv.origin}/faults/flaky.xml` });
    await waitIdle(running.queues, { pollMs: 50 });
    // the failed-event listeners run after the job is moved: let the last ones land
    await waitFor(() => events.filter((e) => e.stage === 'feed').length === 4, 20_000, 'four feed-poll events');

    const res = await fetch(`${metrics.url}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const m = parseMetrics(await res.text());

    // Jobs by queue and outcome: the same figures as the workers' own events.
    for (const stage of STAGES) {
      for (const outcome of ['completed', 'failed', 'retrying'] as const) {
        const n = events.filter((e) => e.stage === stage && e.outcome === outcome).length;
        expect(valueOf(m, 'newsnlp_jobs_total', { queue: QUEUE_NAMES[stage], outcome }), `${stage} ${outcome}`).toBe(n);
      }
      const ended = events.filter((e) => e.stage === stage).length;
      expect(valueOf(m, 'newsnlp_job_duration_seconds_count', { queue: QUEUE_NAMES[stage] }) ?? 0, `${stage} durations`).toBe(ended);
    }
    // 3 polls: bbc once (200), missing once (404, failed for good), flaky twice (500 then 200)
    expect(valueOf(m, 'newsnlp_jobs_total', { queue: 'feed-poll', outcome: 'completed' })).toBe(2);
    expect(valueOf(m, 'newsnlp_jobs_total', { queue: 'feed-poll', outcome: 'failed' })).toBe(1);
    expect(valueOf(m, 'newsnlp_jobs_total', { queue: 'feed-poll', outcome: 'retrying' })).toBe(1);
    expect(valueOf(m, 'newsnlp_feed_polls_total', { feed: 'bbc', status: '200' })).toBe(1);
    expect(valueOf(m, 'newsnlp_feed_polls_total', { feed: 'missing', status: '404' })).toBe(1);
    expect(valueOf(m, 'newsnlp_feed_polls_total', { feed: 'flaky', status: '500' })).toBe(1);
    expect(valueOf(m, 'newsnlp_feed_polls_total', { feed: 'flaky', status: '200' })).toBe(1);

    // Records by kind: what the JSONL file holds.
    const path = cfg.sink.slice('jsonl:'.length);
    const lines = existsSync(path) ? readFileSync(path, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Envelope) : [];
    const records = lines.flatMap((e) => (e.record ? [e.record] : []));
    expect(records.length).toBe(3); // the three BBC stories (the flaky feed lists the same ones)
    const sum = (f: (r: (typeof records)[number]) => number) => records.reduce((a, r) => a + f(r), 0);
    expect(valueOf(m, 'newsnlp_records_written_total', { kind: 'articles' })).toBe(records.length);
    expect(valueOf(m, 'newsnlp_records_written_total', { kind: 'duplicates' })).toBe(lines.length - records.length);
    expect(valueOf(m, 'newsnlp_records_written_total', { kind: 'companies' })).toBe(sum((r) => r.companies.length));
    expect(valueOf(m, 'newsnlp_records_written_total', { kind: 'deals' })).toBe(sum((r) => r.deals.length));
    expect(valueOf(m, 'newsnlp_records_written_total', { kind: 'claims' })).toBe(sum((r) => r.marketShareClaims.length));
    expect(sum((r) => r.companies.length)).toBeGreaterThan(0);

    // Extraction latency: one observation per article the pipeline ran over, each under the 2.5 s bucket.
    const extracted = valueOf(m, 'newsnlp_extraction_duration_seconds_count');
    expect(extracted).toBe(records.length);
    expect(valueOf(m, 'newsnlp_extraction_duration_seconds_bucket', { le: '2.5' })).toBe(records.length);
    expect(valueOf(m, 'newsnlp_extraction_duration_seconds_sum')).toBeGreaterThan(0);
    // Sink latency: one write per envelope written, at least one flush.
    expect(valueOf(m, 'newsnlp_sink_write_duration_seconds_count', { sink: 'jsonl', op: 'write' })).toBe(lines.length);
    expect(valueOf(m, 'newsnlp_sink_write_duration_seconds_count', { sink: 'jsonl', op: 'flush' })).toBeGreaterThanOrEqual(1);

    // Queue depths, read at the scrape: idle, one failed poll kept for inspection.
    expect(valueOf(m, 'newsnlp_queue_jobs', { queue: 'feed-poll', state: 'failed' })).toBe(1);
    expect(valueOf(m, 'newsnlp_queue_jobs', { queue: 'feed-poll', state: 'failed' })).toBe(await running.queues.feed.getFailedCount());
    for (const q of Object.values(QUEUE_NAMES)) expect(valueOf(m, 'newsnlp_queue_jobs', { queue: q, state: 'waiting' })).toBe(0);
    // prom-client's defaults are there too
    expect(valueOf(m, 'nodejs_eventloop_lag_seconds')).toBeGreaterThanOrEqual(0);

    const h = await fetch(`${metrics.url}/healthz`);
    expect(h.status).toBe(200);
    const report = (await h.json()) as HealthReport;
    expect(report).toMatchObject({ ok: true, redis: { ok: true } });
    expect(report.database).toBeUndefined(); // a JSONL sink: no database to check
    expect((await fetch(`${metrics.url}/nope`)).status).toBe(404);
  });

  it('/healthz checks PostgreSQL for a process that runs a postgres sink', async () => {
    const cfg = testConfig(newPrefix(), { sink: `postgres:${DATABASE_URL}` });
    const metrics = await serveWorkerMetrics(cfg, ['sink'], LOOPBACK);
    cleanups.push(() => metrics.close());
    const h = await fetch(`${metrics.url}/healthz`);
    expect(h.status).toBe(200);
    expect(await h.json()).toMatchObject({ ok: true, redis: { ok: true }, database: { ok: true } });
    // an extract worker with the same settings does not write to the database: not checked
    const extractOnly = await serveWorkerMetrics(cfg, ['feed'], LOOPBACK);
    cleanups.push(() => extractOnly.close());
    expect(((await (await fetch(`${extractOnly.url}/healthz`)).json()) as HealthReport).database).toBeUndefined();
  });

  it('/healthz is 503 naming what is down when Redis and PostgreSQL are unreachable, within the time limit', async () => {
    // port 1 on loopback: nothing listens there, the connection is refused at once
    const cfg = testConfig(newPrefix(), { redisUrl: 'redis://127.0.0.1:1', sink: 'jsonl:/dev/null postgres:postgres://postgres@127.0.0.1:1/test' });
    const metrics = await serveWorkerMetrics(cfg, ['sink'], LOOPBACK);
    cleanups.push(() => metrics.close());
    const t0 = Date.now();
    const h = await fetch(`${metrics.url}/healthz`);
    expect(Date.now() - t0).toBeLessThan(4000);
    expect(h.status).toBe(503);
    const report = (await h.json()) as HealthReport;
    expect(report.ok).toBe(false);
    expect(report.redis.ok).toBe(false);
    expect(report.redis.error).toMatch(/ECONNREFUSED|no answer|Connection is closed|max retries/i);
    expect(report.database?.ok).toBe(false);
    expect(report.database?.error).toMatch(/ECONNREFUSED/);
    // the metrics still answer while Redis is away (queue depths left out)
    const m = parseMetrics(await (await fetch(`${metrics.url}/metrics`)).text());
    expect(m.some((s) => s.name === 'newsnlp_queue_jobs')).toBe(false);
  });

  it('a checker answers again once what was down is back (one connection kept, not one per check)', async () => {
    const cfg = testConfig(newPrefix());
    const health = healthChecker(cfg);
    cleanups.push(() => health.close());
    const a = await health.check();
    const b = await health.check();
    expect([a.ok, b.ok]).toEqual([true, true]);
    expect(b.redis.ms).toBeLessThan(1000);
  });

  it('reads the HTTP status of a feed error from the error, its cause, or its message', () => {
    expect(httpStatusOf(Object.assign(new Error('x'), { status: 503 }))).toBe('503');
    expect(httpStatusOf(new Error('retry', { cause: Object.assign(new Error('[fetch] u: 429'), { status: 429 }) }))).toBe('429');
    expect(httpStatusOf(new Error('[fetch] https://x.test/feed.xml: 404 Not Found'))).toBe('404');
    expect(httpStatusOf(new Error('[fetch] https://x.test/feed.xml: read timeout after 1500 ms'))).toBeNull();
    expect(httpStatusOf(new Error('[feeds] not a feed'))).toBeNull();
  });
});

describe('newsnlp worker --metrics-port (a child process)', () => {
  const children: ChildProcess[] = [];
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    for (const f of cleanups.splice(0).reverse()) await f();
  });

  function worker(args: string[], env: Record<string, string>) {
    const child = spawn(process.execPath, ['bin/newsnlp.js', 'worker', ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    children.push(child);
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((res) => child.on('exit', (code) => res(code)));
    return { child, exited, stderr: () => stderr };
  }

  it('serves /metrics and /healthz, counts a failed job and its queue depth, and stops on SIGTERM', async () => {
    const cfg = testConfig(newPrefix(), { graceMs: 5000 });
    cleanups.push(() => cleanupPrefix(cfg));
    const port = await freePort();
    const w = worker(['--queues', 'sink', '--metrics-port', String(port)], configToEnv(cfg));
    const base = `http://127.0.0.1:${port}`;
    const health = await waitFor(
      () => {
        if (w.child.exitCode !== null) throw new Error(`the worker exited (${w.child.exitCode}): ${w.stderr()}`);
        return fetch(`${base}/healthz`).then((r) => (r.ok ? (r.json() as Promise<HealthReport>) : null), () => null);
      },
      30_000,
      'the worker /healthz',
    );
    expect(health).toMatchObject({ ok: true, redis: { ok: true } });

    // A sink job with a bad payload fails for good: counted, and kept in the failed set.
    const { Queues } = await import('../../src/ingest/queues.ts');
    const q = new Queues(cfg);
    cleanups.push(() => q.close());
    await q.sink.add('sink', { articleId: 'not a valid id!', recordKey: 'k' } as never);
    const scrape = async () => parseMetrics(await (await fetch(`${base}/metrics`)).text());
    const m = await waitFor(
      async () => {
        const s = await scrape();
        return valueOf(s, 'newsnlp_jobs_total', { queue: 'sink', outcome: 'failed' }) === 1 ? s : null;
      },
      15_000,
      'the failed sink job in /metrics',
    );
    if (!m) throw new Error('unreachable');
    expect(valueOf(m, 'newsnlp_queue_jobs', { queue: 'sink', state: 'failed' })).toBe(1);
    expect(valueOf(m, 'newsnlp_jobs_total', { queue: 'sink', outcome: 'completed' })).toBe(0);
    // only the queues this process works
    expect(m.some((s) => s.name === 'newsnlp_queue_jobs' && s.labels['queue'] !== 'sink')).toBe(false);

    w.child.kill('SIGTERM');
    expect(await w.exited).toBe(0);
    await expect(fetch(`${base}/healthz`)).rejects.toThrow();
  });

  it('a metrics port in use stops the worker at start with one line', async () => {
    const cfg = testConfig(newPrefix());
    const busy = createServer();
    await new Promise<void>((res) => busy.listen(0, '127.0.0.1', res));
    cleanups.push(() => new Promise<void>((res) => busy.close(() => res())));
    const port = (busy.address() as { port: number }).port;
    const w = worker(['--queues', 'sink'], { ...configToEnv(cfg), NEWSNLP_METRICS_PORT: String(port) });
    expect(await w.exited).toBe(1);
    expect(w.stderr().trim()).toBe(`[metrics] cannot listen on 127.0.0.1:${port}: listen EADDRINUSE: address already in use 127.0.0.1:${port}`);
  });
});

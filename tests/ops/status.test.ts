/**
 * `newsnlp status` and `newsnlp health` against a real Redis on a fresh prefix: two scheduled feeds
 * on a loopback fixture server (one good, one 404) polled by a feed worker in this process, whose
 * new articles wait in article-fetch (no fetch worker); the report's figures are the queues' own,
 * the failing feed comes first with its status and error; then the same through the CLI (text and
 * --json), and one line with exit 1 when Redis is away.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configToEnv } from '../../src/ingest/config.ts';
import type { IngestConfig } from '../../src/ingest/config.ts';
import { silentLogger } from '../../src/ingest/log.ts';
import { waitIdle } from '../../src/ingest/queues.ts';
import { addFeed } from '../../src/ingest/schedule.ts';
import { startWorkers } from '../../src/ingest/workers.ts';
import type { RunningWorkers } from '../../src/ingest/workers.ts';
import type { HealthReport } from '../../src/ops/health.ts';
import { formatStatus, gatherStatus, redact } from '../../src/ops/status.ts';
import type { StatusReport } from '../../src/ops/status.ts';
import { startFixtureServer } from '../ingest/fixture-server.ts';
import type { FixtureServer } from '../ingest/fixture-server.ts';
import { cleanupPrefix, newPrefix, testConfig, waitFor } from '../workers/redis-helpers.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const run = promisify(execFile);

describe('newsnlp status', () => {
  let srv: FixtureServer;
  let cfg: IngestConfig;
  let running: RunningWorkers;
  const cli = (env: Record<string, string>, ...args: string[]) =>
    run(process.execPath, ['bin/newsnlp.js', ...args], { cwd: ROOT, env: { ...process.env, ...env } }).then(
      (r) => ({ code: 0, ...r }),
      (e: { code: number; stdout: string; stderr: string }) => e,
    );

  beforeAll(async () => {
    srv = await startFixtureServer();
    cfg = testConfig(newPrefix(), { attempts: 1 });
    running = await startWorkers(cfg, { stages: ['feed'], log: silentLogger() });
    const store = running.deps.ctx.store;
    await addFeed(cfg, running.queues, store, { id: 'bbc', url: srv.feedUrl('bbc-business'), every: 3_600_000 });
    await addFeed(cfg, running.queues, store, { id: 'missing', url: `${srv.origin}/faults/missing.xml`, every: 3_600_000 });
    await waitIdle(running.queues, { pollMs: 50, stages: ['feed'] });
    await waitFor(async () => (await running.queues.feed.getFailedCount()) === 1, 10_000, 'the 404 poll to fail');
  });
  afterAll(async () => {
    await running?.close();
    await cleanupPrefix(cfg);
    await srv?.close();
  });

  it('reports each queue by state with its workers, and each feed with its last poll and health, trouble first', async () => {
    const r = await gatherStatus(cfg, running.queues, running.deps.ctx.store);
    const q = Object.fromEntries(r.queues.map((x) => [x.queue, x]));
    expect(Object.keys(q)).toEqual(['feed-poll', 'article-fetch', 'extract', 'sink']);
    expect(q['feed-poll']!.counts).toMatchObject({ failed: 1, waiting: 0, active: 0, delayed: 2 }); // the next polls of both schedules
    expect(q['feed-poll']!.counts.failed).toBe(await running.queues.feed.getFailedCount());
    expect(q['feed-poll']!.workers).toBe(1);
    expect(q['article-fetch']!.counts).toMatchObject({ waiting: 3, failed: 0 }); // the three BBC stories, no fetch worker
    expect(q['article-fetch']!.workers).toBe(0);
    expect(r.prefix).toBe(cfg.prefix);

    expect(r.feeds.map((f) => [f.id, f.health, f.lastPollStatus, f.newItems, f.errorStreak])).toEqual([
      ['missing', 'failing', '404', 0, 1],
      ['bbc', 'ok', '200', 3, 0],
    ]);
    const missing = r.feeds[0]!;
    expect(missing.lastError).toMatch(/^\[fetch\] http:\/\/127\.0\.0\.1:\d+\/faults\/missing\.xml: 404/);
    expect(missing.lastPollAt).toBe(missing.lastErrorAt);
    expect(r.feeds[1]!.lastPollAt).toBe(r.feeds[1]!.lastSuccessAt);

    const text = formatStatus(r, { now: Date.parse(r.at) + 5 * 60_000 });
    const lines = text.split('\n');
    expect(lines[0]).toBe(`newsnlp status · ${cfg.redisUrl} · prefix ${cfg.prefix} · ${r.at}`);
    expect(lines).toContain('queue          waiting  active  delayed  failed  completed  workers');
    expect(lines).toContain('feed-poll            0       0        2       1          1        1');
    expect(lines).toContain('article-fetch        3       0        0       0          0        0');
    expect(lines).toContain('feed     every  last poll  status  new items  health');
    expect(lines.find((l) => l.startsWith('missing'))).toMatch(/^missing  60m    5m ago        404          0  failing: \[fetch\] http:\/\/127\.0\.0\.1:\d+\/faults\/missing\.xml: 404 Not Found$/);
    expect(lines.find((l) => l.startsWith('bbc'))).toBe('bbc      60m    5m ago        200          3  ok');
    expect(lines.length).toBeLessThan(20);
  });

  it('the CLI prints the same as text and as JSON; health says Redis is reachable', async () => {
    const env = configToEnv(cfg);
    const json = await cli(env, 'status', '--json');
    expect(json.code).toBe(0);
    const r = JSON.parse(json.stdout) as StatusReport;
    expect(r.queues.find((x) => x.queue === 'article-fetch')!.counts.waiting).toBe(3);
    expect(r.feeds.map((f) => f.id)).toEqual(['missing', 'bbc']);
    const text = await cli(env, 'status');
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^newsnlp status · redis:\/\/127\.0\.0\.1:6379 · prefix test-/);
    expect(text.stdout).toMatch(/\nmissing +60m +\S+ ago +404 +0 +failing: /);
    const health = await cli(env, 'health');
    expect(health.code).toBe(0);
    expect(JSON.parse(health.stdout) as HealthReport).toMatchObject({ ok: true, redis: { ok: true } });
  });

  it('one line and exit 1 when Redis is away; health prints why', async () => {
    const env = { ...configToEnv(cfg), REDIS_URL: 'redis://user:secret@127.0.0.1:1' };
    const status = await cli(env, 'status');
    expect(status.code).toBe(1);
    expect(status.stdout).toBe('');
    expect(status.stderr).toMatch(/^\[status\] cannot reach Redis at redis:\/\/user:\*\*\*@127\.0\.0\.1:1: connect ECONNREFUSED 127\.0\.0\.1:1\n$/);
    const health = await cli(env, 'health');
    expect(health.code).toBe(1);
    const report = JSON.parse(health.stdout) as HealthReport;
    expect(report).toMatchObject({ ok: false, redis: { ok: false } });
    expect(report.redis.error).toMatch(/ECONNREFUSED 127\.0\.0\.1:1/);
  });

  it('redacts passwords from Redis URLs', () => {
    expect(redact('rediss://default:s3cret@redis.example:6380/0')).toBe('rediss://default:***@redis.example:6380/0');
    expect(redact('redis://127.0.0.1:6379')).toBe('redis://127.0.0.1:6379');
    expect(redact('redis+cluster://u:p@h1:6379,h2:6379')).toBe('redis+cluster://u:***@h1:6379,h2:6379');
  });
});

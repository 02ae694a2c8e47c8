/** The ingestion commands as a user runs them (`node bin/newsnlp.js ...`: a real process, a real Redis, a fresh prefix). */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configToEnv } from '../../src/ingest/config.ts';
import type { IngestConfig } from '../../src/ingest/config.ts';
import { waitIdle } from '../../src/ingest/queues.ts';
import { silentLogger } from '../../src/ingest/log.ts';
import { feedStateKey } from '../../src/ingest/store.ts';
import type { FeedHealth } from '../../src/ingest/schedule.ts';
import { startWorkers } from '../../src/ingest/workers.ts';
import type { RunningWorkers } from '../../src/ingest/workers.ts';
import { startFixtureServer } from '../ingest/fixture-server.ts';
import type { FixtureServer } from '../ingest/fixture-server.ts';
import { cleanupPrefix, newPrefix, testConfig } from './redis-helpers.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const run = promisify(execFile);

describe('newsnlp feeds / jobs commands', () => {
  let srv: FixtureServer;
  let cfg: IngestConfig;
  let running: RunningWorkers;
  const cli = async (...args: string[]) => {
    const r = await run(process.execPath, ['bin/newsnlp.js', ...args], {
      cwd: ROOT,
      env: { ...process.env, ...configToEnv(cfg) },
    });
    return r.stdout;
  };

  beforeAll(async () => {
    srv = await startFixtureServer();
    cfg = testConfig(newPrefix());
    running = await startWorkers(cfg, { stages: ['feed'], log: silentLogger() });
  });
  afterAll(async () => {
    await running?.close();
    await cleanupPrefix(cfg);
    await srv?.close();
  });

  it('feeds sync / list / remove, and jobs failed / retry', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'feeds-'));
    const list = join(dir, 'feeds.yaml');
    writeFileSync(
      list,
      `feeds:\n  - id: good\n    url: ${srv.feedUrl('techcrunch')}\n    every: 1h\n  - id: missing\n    url: ${srv.origin}/faults/missing.xml\n    every: 1h\n    maxSilence: 2d\n`,
    );
    expect(JSON.parse(await cli('feeds', 'sync', list, '--json'))).toMatchObject({ added: ['good', 'missing'], updated: [], removed: [], unchanged: [] });
    expect(JSON.parse(await cli('feeds', 'sync', list, '--json'))).toMatchObject({ added: [], unchanged: ['good', 'missing'] });
    await waitIdle(running.queues, { stages: ['feed'] });

    // An old last-new-item time makes the good feed "silent".
    await running.deps.ctx.store.hset(feedStateKey(cfg.prefix, 'good'), { lastNewItemAt: new Date(Date.now() - 3 * 86_400_000).toISOString() });
    const health = JSON.parse(await cli('feeds', 'list', '--json')) as FeedHealth[];
    const good = health.find((h) => h.id === 'good')!;
    const missing = health.find((h) => h.id === 'missing')!;
    expect(good).toMatchObject({ everyMs: 3_600_000, errorStreak: 0, lastStatus: 200 });
    expect(good.warning).toMatch(/silent for 3d \(expected at most 24h\)/);
    expect(missing).toMatchObject({ errorStreak: 1, lastSuccessAt: null });
    expect(missing.lastError).toMatch(/404/);

    const failed = JSON.parse(await cli('jobs', 'failed', '--queue', 'feed', '--json')) as { id: string; failedReason: string }[];
    expect(failed).toHaveLength(1);
    expect(failed[0]!.failedReason).toMatch(/missing\.xml: 404/);
    await cli('jobs', 'retry', '--queue', 'feed', failed[0]!.id);
    await waitIdle(running.queues, { stages: ['feed'] });
    expect(srv.hits('/faults/missing.xml')).toBe(2);
    const health2 = JSON.parse(await cli('feeds', 'list', '--json')) as FeedHealth[];
    expect(health2.find((h) => h.id === 'missing')!.errorStreak).toBe(2);

    await cli('feeds', 'remove', 'missing');
    await cli('feeds', 'add', srv.feedUrl('bbc-business'), '--id', 'added', '--every', '15m');
    const after = JSON.parse(await cli('feeds', 'list', '--json')) as FeedHealth[];
    expect(after.map((h) => [h.id, h.everyMs])).toEqual([
      ['added', 900_000],
      ['good', 3_600_000],
    ]);
    expect(await running.deps.ctx.store.hgetall(feedStateKey(cfg.prefix, 'missing'))).toEqual({});

    // sync --dry-run: what the list would change (the feed added by hand would go), nothing changed
    const only = join(dir, 'only-good.yaml');
    writeFileSync(only, `feeds:\n  - id: good\n    url: ${srv.feedUrl('techcrunch')}\n    every: 30m\n`);
    const dry = await run(process.execPath, ['bin/newsnlp.js', 'feeds', 'sync', only, '--dry-run'], { cwd: ROOT, env: { ...process.env, ...configToEnv(cfg) } });
    expect(dry.stdout.split('\n').filter(Boolean)).toEqual(['~ good  every 60m -> 30m', `- added  ${srv.feedUrl('bbc-business')}`]);
    expect(dry.stderr).toMatch(/dry run: nothing changed\): 0 to add, 1 to update, 1 to remove, 0 unchanged/);
    expect((JSON.parse(await cli('feeds', 'list', '--json')) as FeedHealth[]).map((h) => [h.id, h.everyMs])).toEqual([
      ['added', 900_000],
      ['good', 3_600_000],
    ]);

    // feeds poll: now, outside the schedule; an unknown id is an error naming it
    const before = srv.hits(new URL(srv.feedUrl('techcrunch')).pathname);
    await cli('feeds', 'poll', 'good');
    await waitIdle(running.queues, { stages: ['feed'] });
    expect(srv.hits(new URL(srv.feedUrl('techcrunch')).pathname)).toBe(before + 1);
    await expect(cli('feeds', 'poll', 'nope')).rejects.toMatchObject({ code: 1, stderr: expect.stringMatching(/^\[feeds\] no feed "nope"/) });
  }, 200_000); // a dozen `newsnlp` processes, a few seconds each to start on a busy machine

  it('feeds add --every soon: one line naming the field, exit 2', async () => {
    await expect(cli('feeds', 'add', 'https://example.com/feed.xml', '--every', 'soon')).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/^\[usage\] every: \[config\] not a duration: "soon" \(try 15m, 1h, 90s\)\n$/),
    });
  });
});

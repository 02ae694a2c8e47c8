/**
 * End to end through BullMQ on a real Redis and a loopback HTTP server: feeds scheduled with job
 * schedulers, workers for the four queues (extraction in a sandboxed child process), records in
 * the JSONL sink. Then a second poll (ETag -> 304, nothing new) and the fault feeds.
 */
import { readFileSync, existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IngestConfig } from '../../src/ingest/config.ts';
import { waitIdle } from '../../src/ingest/queues.ts';
import { listFeeds, syncFeeds } from '../../src/ingest/schedule.ts';
import { feedStateKey } from '../../src/ingest/store.ts';
import type { Envelope } from '../../src/contracts.ts';
import { startWorkers } from '../../src/ingest/workers.ts';
import type { JobEvent, RunningWorkers } from '../../src/ingest/workers.ts';
import { silentLogger } from '../../src/ingest/log.ts';
import { FEED_IDS, startFixtureServer } from '../ingest/fixture-server.ts';
import type { FixtureServer } from '../ingest/fixture-server.ts';
import { cleanupPrefix, newPrefix, testConfig } from './redis-helpers.ts';

const readEnvelopes = (cfg: IngestConfig): Envelope[] => {
  const path = cfg.sink.slice('jsonl:'.length);
  return existsSync(path) ? readFileSync(path, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Envelope) : [];
};

describe('BullMQ transport', () => {
  let srv: FixtureServer;
  let cfg: IngestConfig;
  let running: RunningWorkers;
  const events: JobEvent[] = [];

  beforeAll(async () => {
    srv = await startFixtureServer();
    cfg = testConfig(newPrefix());
    running = await startWorkers(cfg, { log: silentLogger(), onJob: (e) => events.push(e) });
  });
  afterAll(async () => {
    await running?.close();
    await cleanupPrefix(cfg);
    await srv?.close();
  });

  it('schedules the feeds, runs all four stages and writes each article once', async () => {
    const specs = FEED_IDS.map((id) => ({ id, url: srv.feedUrl(id), every: 3_600_000 }));
    const sync = await syncFeeds(cfg, running.queues, running.deps.ctx.store, specs);
    expect(sync.added.sort()).toEqual([...FEED_IDS].sort());
    // Idempotent: the same list again changes nothing.
    const again = await syncFeeds(cfg, running.queues, running.deps.ctx.store, specs);
    expect(again).toEqual({ added: [], updated: [], removed: [], unchanged: [...FEED_IDS], dryRun: false, changes: [] });

    await waitIdle(running.queues);
    const env = readEnvelopes(cfg);
    // 3 + 3 + 2 items; the Cisco story is listed by two feeds (one URL with utm_*), the cloud story by two.
    expect(env).toHaveLength(6);
    expect(new Set(env.map((e) => e.id)).size).toBe(6);
    const byTitle = new Map(env.map((e) => [e.record?.title ?? `dup:${e.ingest.url}`, e]));
    const cisco = byTitle.get('Cisco agrees to buy Splunk in cash deal')!;
    expect(cisco.record!.companies.map((c) => c.name)).toEqual(expect.arrayContaining(['Cisco', 'Splunk']));
    expect(cisco.record!.deals.map((d) => d.type)).toContain('acquisition');
    expect(cisco.ingest.via).toBe('page');
    // The syndicated copy is flagged, not extracted again.
    const wire = env.find((e) => e.ingest.url?.endsWith('/wire-cisco-splunk.html'))!;
    expect(wire.record).toBeNull();
    expect(wire.ingest.duplicateOf).toBe(cisco.id);
    expect(wire.ingest.duplicateKind).toBe('near');
    expect(wire.ingest.sources).toBe(3);
    // 404 page -> the feed's content:encoded text; robots.txt-disallowed page -> the feed description.
    const gone = env.find((e) => e.ingest.url?.endsWith('/gone-story.html'))!;
    expect(gone.ingest.via).toBe('feed-item');
    expect(gone.record!.companies.map((c) => c.name)).toEqual(expect.arrayContaining(['Walmart', 'Microsoft']));
    const members = env.find((e) => e.ingest.url?.includes('/members/'))!;
    expect(members.ingest.via).toBe('feed-item');
    expect(members.ingest.fallbackReason).toMatch(/robots\.txt/);
    expect(srv.hits('/members/chip-briefing.html')).toBe(0);
    // Each page fetched once, though listed twice.
    expect(srv.hits('/articles/cisco-splunk.html')).toBe(1);
    expect(srv.hits('/articles/cloud-market.html')).toBe(1);

    const health = await listFeeds(cfg, running.queues, running.deps.ctx.store);
    expect(health.map((h) => h.id)).toEqual([...FEED_IDS].sort());
    for (const h of health) {
      expect(h.lastSuccessAt).not.toBeNull();
      expect(h.lastNewItemAt).not.toBeNull();
      expect(h.errorStreak).toBe(0);
      expect(h.warning).toBeNull();
    }
  });

  it('polls again: ETag honoured (304), no duplicates', async () => {
    const before = readEnvelopes(cfg).length;
    for (const id of FEED_IDS) await running.queues.feed.add('poll', { feedId: id, url: srv.feedUrl(id) }, { jobId: `again-${id}` });
    await waitIdle(running.queues);
    for (const id of FEED_IDS) {
      const st = await running.deps.ctx.store.hgetall(feedStateKey(cfg.prefix, id));
      expect(st['lastStatus']).toBe('304');
      expect(st['etag']).toMatch(/^"/);
    }
    expect(readEnvelopes(cfg)).toHaveLength(before);
  });

  it('faults: retried then done, or failed with a reason; the other feeds go on', async () => {
    const faults = {
      timeout: '/faults/timeout.xml',
      flaky: '/faults/flaky.xml',
      missing: '/faults/missing.xml',
      loop: '/faults/loop.xml',
      huge: '/faults/huge.xml',
    };
    events.length = 0;
    for (const [id, path] of Object.entries(faults)) {
      await running.queues.feed.add('poll', { feedId: id, url: srv.origin + path }, { jobId: `fault-${id}` });
    }
    await waitIdle(running.queues);
    const failed = await running.queues.feed.getFailed();
    const reasons = new Map(failed.map((j) => [j.data.feedId, { reason: j.failedReason, attempts: j.attemptsMade }]));
    expect(reasons.get('timeout')?.reason).toMatch(/timeout/);
    expect(reasons.get('timeout')?.attempts).toBe(3); // transient: retried up to the limit
    expect(reasons.get('missing')?.reason).toMatch(/404/);
    expect(reasons.get('missing')?.attempts).toBe(1); // permanent: failed at once
    expect(reasons.get('loop')?.reason).toMatch(/redirect loop/);
    expect(reasons.get('huge')?.reason).toMatch(/too large/);
    expect(reasons.has('flaky')).toBe(false);
    const flaky = await running.queues.feed.getJob('fault-flaky');
    expect(flaky?.attemptsMade).toBe(2); // one failed try, one that succeeded
    expect(await flaky?.isCompleted()).toBe(true);
    expect(srv.hits('/faults/flaky.xml')).toBe(2);
    // The flaky feed is the bbc feed again under another URL: its articles were already seen.
    expect(events.filter((e) => e.stage === 'feed' && e.outcome === 'retrying').length).toBeGreaterThanOrEqual(3);
    const st = await running.deps.ctx.store.hgetall(feedStateKey(cfg.prefix, 'missing'));
    expect(st['errorStreak']).toBe('1');
    expect(st['lastError']).toMatch(/404/);
    expect(readEnvelopes(cfg)).toHaveLength(6);
  });
});

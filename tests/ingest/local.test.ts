/**
 * The in-process runner (no Redis): the same stages over the example feeds served on loopback,
 * and over local files.
 */
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/ingest/config.ts';
import type { IngestConfig } from '../../src/ingest/config.ts';
import { runIngest, runLocal } from '../../src/ingest/local.ts';
import { silentLogger } from '../../src/ingest/log.ts';
import { MemoryStore, feedStateKey } from '../../src/ingest/store.ts';
import type { Envelope } from '../../src/contracts.ts';
import { FEED_IDS, startFixtureServer } from './fixture-server.ts';
import type { FixtureServer } from './fixture-server.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function cfgFor(overrides: Parameters<typeof loadConfig>[0] = {}): IngestConfig {
  const dir = mkdtempSync(join(tmpdir(), 'newsnlp-local-'));
  return loadConfig(
    { sink: `jsonl:${join(dir, 'records.ndjson')}`, allowPrivate: true, perHostIntervalMs: 0, backoffMs: 50, attempts: 3, readTimeoutMs: 1500, maxBodyBytes: 1 << 20, ...overrides },
    {},
  );
}
const read = (cfg: IngestConfig): Envelope[] => {
  const p = cfg.sink.slice('jsonl:'.length);
  return existsSync(p) ? readFileSync(p, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Envelope) : [];
};

describe('in-process runner', () => {
  let srv: FixtureServer;
  beforeAll(async () => {
    srv = await startFixtureServer();
  });
  afterAll(async () => {
    await srv?.close();
  });

  it('polls the example feeds, writes each article once, flags the syndicated copy; a second poll is a 304', async () => {
    const cfg = cfgFor();
    const store = new MemoryStore();
    const feeds = FEED_IDS.map((id) => ({ id, url: srv.feedUrl(id), every: 900_000 }));
    const s1 = await runLocal({ cfg, feeds, store, log: silentLogger() });
    expect(s1).toMatchObject({ mode: 'embedded', feedsPolled: 3, articles: 6, written: 6, duplicates: 1, failures: [] });
    const env = read(cfg);
    expect(env).toHaveLength(6);
    const nvidia = env.find((e) => e.record?.title === 'Nvidia and Oracle team up on AI data centres')!;
    expect(nvidia.record!.companies.map((c) => c.name)).toEqual(expect.arrayContaining(['Nvidia', 'Oracle']));
    expect(nvidia.ingest.publishedAt).toBe('2025-03-03T18:20:00Z');
    expect(nvidia.ingest.discoveredAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    const cloud = env.find((e) => e.record?.title === 'Cloud rivals trade places as spending climbs')!;
    expect(cloud.ingest.sources).toBe(2); // listed by two feeds
    const dup = env.find((e) => e.record === null)!;
    expect(dup.ingest.duplicateKind).toBe('near');

    const s2 = await runLocal({ cfg, feeds, store, log: silentLogger() });
    expect(s2).toMatchObject({ feedsPolled: 3, feedsNotModified: 3, articles: 0, written: 0 });
    expect((await store.hgetall(feedStateKey(cfg.prefix, 'bbc-business')))['lastStatus']).toBe('304');
    expect(read(cfg)).toHaveLength(6);
  });

  it('a failing feed is reported with its reason while the others go on', async () => {
    const cfg = cfgFor();
    const feeds = [
      { id: 'missing', url: `${srv.origin}/faults/missing.xml`, every: 900_000 },
      { id: 'huge', url: `${srv.origin}/faults/huge.xml`, every: 900_000 },
      { id: 'flaky', url: `${srv.origin}/faults/flaky.xml`, every: 900_000 },
    ];
    const s = await runLocal({ cfg, feeds, log: silentLogger() });
    expect(s.failures.map((f) => f.id).sort()).toEqual(['huge', 'missing']);
    expect(s.failures.find((f) => f.id === 'missing')!.error).toMatch(/404/);
    expect(s.failures.find((f) => f.id === 'huge')!.error).toMatch(/too large/);
    expect(s.written).toBe(3); // the flaky feed's three articles, after one retry
  });

  it('runs local files without network, and runIngest picks the embedded mode without REDIS_URL', async () => {
    const cfg = cfgFor();
    expect(cfg.redisUrl).toBeNull();
    const s1 = await runIngest({ cfg, inputs: [join(ROOT, 'seeds')], log: silentLogger() });
    expect(s1).toMatchObject({ mode: 'embedded', articles: 1, written: 1, failures: [] });
    const [e] = read(cfg);
    expect(e!.ingest.via).toBe('file');
    expect(e!.record!.companies.map((c) => c.name)).toEqual(expect.arrayContaining(['Microsoft', 'OpenAI']));
    // A second run over the same file: the sink already has the id.
    const s2 = await runIngest({ cfg, inputs: [join(ROOT, 'seeds')], log: silentLogger() });
    expect(s2).toMatchObject({ articles: 1, written: 0 });
    expect(read(cfg)).toHaveLength(1);
  });
});

/**
 * ExtractProducer on a real Redis (fresh prefix, cleaned up): articles parked several at a time,
 * extract jobs added in batches, each article queued once, content duplicates found even among
 * articles parked at the same moment, and a failed park reported instead of queued.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/ingest/log.ts';
import { ExtractProducer } from '../../src/ingest/producer.ts';
import { Queues } from '../../src/ingest/queues.ts';
import type { StageContext } from '../../src/ingest/stages.ts';
import { RedisStore, storeKey } from '../../src/ingest/store.ts';
import type { ParkedArticle } from '../../src/ingest/types.ts';
import { REDIS_URL, cleanupPrefix, newPrefix, testConfig } from '../workers/redis-helpers.ts';

const opts = (source: string) => ({
  url: null,
  canonicalUrl: null,
  feedId: null,
  via: 'file' as const,
  discoveredAt: '2025-01-01T00:00:00Z',
  updatedAt: null,
  fallbackReason: null,
  source,
});
// Invented texts, long enough for the near-duplicate check, different enough not to trip it.
const textOf = (i: number) =>
  Array.from({ length: 50 }, (_, k) => `Story ${i} line ${k}: the ${['port', 'mill', 'bank', 'farm', 'mine'][(i + k) % 5]} at site ${i * 31 + k * 7} reported figure ${(i * 97 + k * 13) % 1000}.`).join(' ');
const article = (text: string) => ({ url: null, title: 'T', publishedAt: null, source: null, text });

describe('ExtractProducer', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const f of cleanups.splice(0)) await f();
  });

  function setup() {
    const cfg = testConfig(newPrefix());
    const queues = new Queues(cfg);
    const store = RedisStore.connect(REDIS_URL);
    const ctx: StageContext = { cfg, store, log: silentLogger() };
    cleanups.push(async () => {
      await queues.close();
      await store.close();
      await cleanupPrefix(cfg);
    });
    return { cfg, queues, store, ctx };
  }

  it('parks every article, queues each once in batches, and finds copies parked at the same time', async () => {
    const { cfg, queues, store, ctx } = setup();
    const producer = new ExtractProducer(ctx, queues, { inFlight: 8, batch: 7 });
    // 24 distinct stories, then 6 copies (other ids) of stories 0..5, all in flight together with them.
    for (let i = 0; i < 24; i++) {
      await producer.add(`a${i}`, article(textOf(i)), opts('s1'));
      if (i < 6) await producer.add(`copy${i}`, article(textOf(i)), opts('s2'));
    }
    await producer.drain();
    expect(producer.queued).toBe(30);
    expect(await queues.extract.getJobCounts('waiting')).toEqual({ waiting: 30 });
    const job = await queues.extract.getJob('x-a13');
    expect(job?.data).toEqual({ articleId: 'a13', articleKey: storeKey(cfg.prefix, 'article', 'a13') });
    const parked = async (id: string) => (await store.getJson<ParkedArticle>(storeKey(cfg.prefix, 'article', id)))!;
    for (let i = 0; i < 6; i++) {
      const [a, c] = [await parked(`a${i}`), await parked(`copy${i}`)];
      // Exactly one of the pair is the original, whichever claimed the text first.
      const dups = [a.ingest.duplicateOf, c.ingest.duplicateOf];
      expect(dups.filter((d) => d === null)).toHaveLength(1);
      expect(dups).toContain(a.ingest.duplicateOf === null ? `a${i}` : `copy${i}`);
      expect([a.ingest.sources, c.ingest.sources]).toContain(2);
    }
    for (let i = 6; i < 24; i++) expect((await parked(`a${i}`)).ingest.duplicateOf).toBeNull();
    // Adding an article again is harmless: same job id, so still one job.
    const again = new ExtractProducer(ctx, queues);
    await again.add('a3', article(textOf(3)), opts('s1'));
    await again.drain();
    expect(await queues.extract.getJobCounts('waiting')).toEqual({ waiting: 30 });
  });

  it('an article that cannot be parked is reported, not queued; drain() rejects without onError', async () => {
    const { cfg, queues } = setup();
    const dead = RedisStore.connect(REDIS_URL);
    await dead.close();
    const ctx: StageContext = { cfg, store: dead, log: silentLogger() };
    const failed: string[] = [];
    const producer = new ExtractProducer(ctx, queues, { onError: (id) => failed.push(id) });
    await producer.add('b1', article(textOf(1)), opts('s'));
    await producer.add('b2', article(textOf(2)), opts('s'));
    await producer.drain();
    expect(failed.sort()).toEqual(['b1', 'b2']);
    expect(producer.queued).toBe(0);
    expect(await queues.extract.getJobCounts('waiting')).toEqual({ waiting: 0 });
    const strict = new ExtractProducer(ctx, queues);
    await strict.add('b3', article(textOf(3)), opts('s'));
    await expect(strict.drain()).rejects.toThrow(/closed/i);
  });
});

/**
 * ExtractProducer on a real Redis (fresh prefix, cleaned up): articles parked several at a time,
 * extract jobs added in batches (several articles per job), each article queued once, content duplicates found even among
 * articles parked at the same moment, and a failed park reported instead of queued.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/ingest/log.ts';
import { ExtractProducer } from '../../src/ingest/producer.ts';
import { Queues, batchJobId } from '../../src/ingest/queues.ts';
import type { StageContext } from '../../src/ingest/stages/index.ts';
import { RedisStore, storeKey } from '../../src/ingest/store.ts';
import { ParkedArticleSchema } from '../../src/contracts.ts';
import { REDIS_URL, cleanupPrefix, localParkOptions, newPrefix, testConfig } from '../workers/redis-helpers.ts';

const opts = localParkOptions;
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

  it('parks every article, queues each once in batch jobs, and finds copies parked at the same time', async () => {
    const { cfg, queues, store, ctx } = setup();
    const producer = new ExtractProducer(ctx, queues, { inFlight: 8, batch: 7, perJob: 4 });
    // 24 distinct stories, then 6 copies (other ids) of stories 0..5, all in flight together with them.
    for (let i = 0; i < 24; i++) {
      await producer.add(`a${i}`, article(textOf(i)), opts('s1'));
      if (i < 6) await producer.add(`copy${i}`, article(textOf(i)), opts('s2'));
    }
    await producer.drain();
    expect(producer.queued).toBe(30);
    // Every article in exactly one job; no job over perJob articles; batch jobs carry keys, not texts.
    const jobs = await queues.extract.getWaiting(0, -1);
    const seen: string[] = [];
    for (const job of jobs) {
      const items = 'articles' in job.data ? job.data.articles : [job.data];
      expect(items.length).toBeLessThanOrEqual(4);
      expect(job.id).toBe(items.length === 1 ? `x-${items[0]!.articleId}` : batchJobId('xb', items));
      for (const it of items) {
        expect(it).toEqual({ articleId: it.articleId, articleKey: storeKey(cfg.prefix, 'article', it.articleId) });
        seen.push(it.articleId);
      }
    }
    expect(seen.sort()).toEqual([...Array.from({ length: 24 }, (_, i) => `a${i}`), ...Array.from({ length: 6 }, (_, i) => `copy${i}`)].sort());
    expect(jobs.length).toBeLessThan(30);
    const parked = async (id: string) => (await store.getJson(storeKey(cfg.prefix, 'article', id), ParkedArticleSchema))!;
    for (let i = 0; i < 6; i++) {
      const [a, c] = [await parked(`a${i}`), await parked(`copy${i}`)];
      // Exactly one of the pair is the original, whichever claimed the text first.
      const dups = [a.ingest.duplicateOf, c.ingest.duplicateOf];
      expect(dups.filter((d) => d === null)).toHaveLength(1);
      expect(dups).toContain(a.ingest.duplicateOf === null ? `a${i}` : `copy${i}`);
      expect([a.ingest.sources, c.ingest.sources]).toContain(2);
    }
    for (let i = 6; i < 24; i++) expect((await parked(`a${i}`)).ingest.duplicateOf).toBeNull();
    // An article queued alone twice is one job (x-<id>); the same group of articles twice is one batch job.
    for (let k = 0; k < 2; k++) {
      const alone = new ExtractProducer(ctx, queues, { perJob: 1 });
      await alone.add('single', article(textOf(40)), opts('s1'));
      await alone.drain();
      await queues.addExtractGroups([[{ articleId: 'g1', articleKey: 'k1' }, { articleId: 'g2', articleKey: 'k2' }]]);
    }
    expect(await queues.extract.getJobCounts('waiting')).toEqual({ waiting: jobs.length + 2 });
    expect((await queues.extract.getJob('x-single'))?.data).toEqual({ articleId: 'single', articleKey: storeKey(cfg.prefix, 'article', 'single') });
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

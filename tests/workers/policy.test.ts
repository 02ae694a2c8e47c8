/** Retry policy of the BullMQ transport (no Redis needed). */
import { describe, expect, it } from 'vitest';
import { FetchError } from '../../src/fetch/errors.ts';
import { FeedError } from '../../src/feeds/errors.ts';
import { loadConfig } from '../../src/ingest/config.ts';
import { backoffStrategy, checkRedisPolicy, isFinalAttempt, parseStages, toJobError } from '../../src/ingest/queues.ts';
import { pino } from 'pino';
import { Redis } from 'ioredis';
import { REDIS_URL } from './redis-helpers.ts';

const cfg = loadConfig({ backoffMs: 1000 }, {});

describe('retry policy', () => {
  it('permanent faults become UnrecoverableError, transient ones plain errors with Retry-After', () => {
    const notFound = toJobError(new FetchError('https://x/feed', '404 Not Found', { reason: 'not_found', status: 404 }));
    expect(notFound.name).toBe('UnrecoverableError');
    expect(notFound.message).toBe('[fetch] https://x/feed: 404 Not Found');
    expect(toJobError(new FeedError('https://x/feed', 'not_a_feed', 'an HTML page')).name).toBe('UnrecoverableError');
    const limited = toJobError(new FetchError('https://x/feed', '429', { reason: 'rate_limited', status: 429, retryAfterMs: 120_000 }));
    expect(limited.name).toBe('Error');
    expect((limited as Error & { retryAfterMs?: number }).retryAfterMs).toBe(120_000);
    expect(toJobError(new Error('ECONNRESET')).name).toBe('Error');
  });

  it('backs off exponentially, but never sooner than Retry-After', () => {
    const b = backoffStrategy(cfg);
    const d1 = b(1);
    const d3 = b(3);
    expect(d1).toBeGreaterThanOrEqual(800);
    expect(d1).toBeLessThanOrEqual(1000);
    expect(d3).toBeGreaterThanOrEqual(3200);
    expect(d3).toBeLessThanOrEqual(4000);
    expect(b(1, 'newsnlp', Object.assign(new Error('429'), { retryAfterMs: 60_000 }))).toBe(60_000);
  });

  it('knows the final attempt, and parses --queues', () => {
    expect(isFinalAttempt({ attemptsMade: 4, opts: { attempts: 5 } })).toBe(true);
    expect(isFinalAttempt({ attemptsMade: 0, opts: { attempts: 5 } })).toBe(false);
    expect(parseStages('feed, article-fetch,extract,feed')).toEqual(['feed', 'fetch', 'extract']);
    expect(() => parseStages('feed,nope')).toThrow(/unknown queue "nope"/);
  });
});

describe('Redis maxmemory-policy check', () => {
  const capture = () => {
    const lines: string[] = [];
    return { lines, log: pino({ level: 'info' }, { write: (l: string) => void lines.push(l) }) };
  };

  it('reads the policy of the real server', async () => {
    const r = new Redis(REDIS_URL);
    try {
      const { lines, log } = capture();
      const policy = await checkRedisPolicy(r, log);
      expect(typeof policy).toBe('string');
      if (policy === 'noeviction') expect(lines).toEqual([]);
    } finally {
      await r.quit();
    }
  });

  it('warns on an evicting policy, and says so when CONFIG is refused (managed Redis)', async () => {
    const evicting = { config: async () => ['maxmemory-policy', 'allkeys-lru'] } as unknown as Redis;
    const c1 = capture();
    expect(await checkRedisPolicy(evicting, c1.log)).toBe('allkeys-lru');
    expect(c1.lines.join('')).toMatch(/allkeys-lru.*noeviction/);
    const refusing = { config: async () => Promise.reject(new Error("ERR unknown command 'CONFIG'")) } as unknown as Redis;
    const c2 = capture();
    expect(await checkRedisPolicy(refusing, c2.log)).toBeNull();
    expect(c2.lines.join('')).toMatch(/could not check Redis maxmemory-policy/);
  });
});

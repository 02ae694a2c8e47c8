/** Real-Redis test helpers: a fresh prefix per test, and cleanup of every key under it (never FLUSHDB). */
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { loadConfig } from '../../src/ingest/config.ts';
import type { IngestConfig, IngestConfigInput } from '../../src/ingest/config.ts';
import { Queues } from '../../src/ingest/queues.ts';

export const REDIS_URL = process.env['REDIS_URL'] || 'redis://127.0.0.1:6379';

export function newPrefix(): string {
  return `test-${randomBytes(5).toString('hex')}`;
}

/** A config for tests: short timeouts, backoff and locks, loopback allowed, a JSONL file in a temp dir. */
export function testConfig(prefix: string, overrides: Partial<IngestConfigInput> = {}): IngestConfig {
  const dir = mkdtempSync(join(tmpdir(), 'newsnlp-ingest-'));
  return loadConfig(
    {
      redisUrl: REDIS_URL,
      prefix,
      sink: `jsonl:${join(dir, 'records.ndjson')}`,
      allowPrivate: true,
      attempts: 3,
      backoffMs: 100,
      connectTimeoutMs: 1000,
      readTimeoutMs: 1500,
      maxBodyBytes: 1024 * 1024,
      perHostIntervalMs: 0,
      graceMs: 10_000,
      ...overrides,
    },
    {},
  );
}

/** Obliterate the queues of a prefix and delete every key under it. */
export async function cleanupPrefix(cfg: IngestConfig): Promise<void> {
  const q = new Queues(cfg);
  try {
    for (const queue of q.all()) await queue.obliterate({ force: true }).catch(() => undefined);
  } finally {
    await q.close();
  }
  const r = new Redis(REDIS_URL);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await r.scan(cursor, 'MATCH', `${cfg.prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length) await r.del(...keys);
    } while (cursor !== '0');
  } finally {
    await r.quit();
  }
}

export const sleep = (ms: number) => new Promise<void>((res) => setTimeout(res, ms));

/** Poll `fn` until it returns a truthy value or the time is up. */
export async function waitFor<T>(fn: () => Promise<T> | T, timeoutMs: number, what: string): Promise<T> {
  const t0 = Date.now();
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() - t0 > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(100);
  }
}

/** Park options for a local test article (no URL, no feed), as the file path of the runner gives them. */
export const localParkOptions = (source: string) => ({
  url: null,
  canonicalUrl: null,
  feedId: null,
  via: 'file' as const,
  discoveredAt: '2025-01-01T00:00:00Z',
  updatedAt: null,
  fallbackReason: null,
  source,
});

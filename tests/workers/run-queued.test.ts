/**
 * runIngest through BullMQ on a real Redis over local files: the producer parks the articles
 * several at a time and adds their extract jobs in batches; workers in this process (extraction in
 * a sandboxed child, sink jobs many at once) write each article once; a second run writes nothing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { expandInputs } from '../../src/input/expand.ts';
import { runIngest } from '../../src/ingest/local.ts';
import { silentLogger } from '../../src/ingest/log.ts';
import { Queues } from '../../src/ingest/queues.ts';
import type { Envelope } from '../../src/contracts.ts';
import { cleanupPrefix, newPrefix, testConfig } from './redis-helpers.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

describe('runIngest in queue mode over local files', () => {
  const cfg = testConfig(newPrefix());
  afterAll(async () => {
    await cleanupPrefix(cfg);
  });

  it('writes every article once; a second run writes nothing', async () => {
    const inputs = [join(ROOT, 'fixtures')];
    const files = await expandInputs(inputs);
    expect(files.length).toBeGreaterThanOrEqual(5);
    const s1 = await runIngest({ cfg, inputs, log: silentLogger() });
    expect(s1.mode).toBe('queue');
    expect(s1.failures).toEqual([]);
    expect(s1.articles).toBe(files.length);
    const path = cfg.sink.slice('jsonl:'.length);
    const lines = existsSync(path) ? readFileSync(path, 'utf8').trim().split('\n') : [];
    const env = lines.map((l) => JSON.parse(l) as Envelope);
    expect(env).toHaveLength(files.length);
    expect(new Set(env.map((e) => e.id)).size).toBe(files.length);
    expect(s1.written).toBe(files.length - s1.duplicates);
    expect(env.filter((e) => e.record).flatMap((e) => e.record!.companies.map((c) => c.name))).toEqual(expect.arrayContaining(['Microsoft']));
    // Again: the same job ids and the sink's index keep it at one line each.
    const s2 = await runIngest({ cfg, inputs, log: silentLogger() });
    expect(s2.written).toBe(0);
    expect(readFileSync(path, 'utf8').trim().split('\n')).toHaveLength(files.length);
  }, 120_000);

  it('counts only its own jobs: a job that was already in Redis and fails is not a failure of the run', async () => {
    const own = testConfig(newPrefix());
    try {
      const q = new Queues(own);
      // another producer's fetch job, for a page that cannot be had (nothing listens on port 9)
      await q.fetch.add('fetch', { articleId: 'not-ours', url: 'http://127.0.0.1:9/x', canonicalUrl: 'http://127.0.0.1:9/x', feedId: null, discoveredAt: new Date().toISOString(), itemKey: null }, { jobId: 'a-not-ours', attempts: 1 });
      await q.close();
      const s = await runIngest({ cfg: own, inputs: [join(ROOT, 'seeds')], log: silentLogger() });
      expect(s.failures).toEqual([]);
      expect(s.articles).toBe(1);
    } finally {
      await cleanupPrefix(own);
    }
  }, 120_000);
});

/**
 * Batch jobs on a real Redis (workers in this process, extraction in process): an extract job of
 * several articles writes each once through ONE sink job; an article that fails inside a batch
 * (its parked text gone) is queued again alone and fails alone, inspectable, while the others are
 * written; a sink batch with a missing record does the same; adding a batch again writes nothing;
 * a worker process killed (SIGKILL) in the middle of a batch, extracting inline or in a sandboxed
 * child: the batch is picked up again and each of its articles written once.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { configToEnv } from '../../src/ingest/config.ts';
import { afterEach, describe, expect, it } from 'vitest';
import { waitIdle } from '../../src/ingest/queues.ts';
import { silentLogger } from '../../src/ingest/log.ts';
import { batchJobId } from '../../src/ingest/queues.ts';
import { park } from '../../src/ingest/stages/index.ts';
import { storeKey } from '../../src/ingest/store.ts';
import type { Envelope } from '../../src/contracts.ts';
import type { ExtractPayload } from '../../src/ingest/types.ts';
import { startWorkers } from '../../src/ingest/workers.ts';
import type { JobEvent, RunningWorkers } from '../../src/ingest/workers.ts';
import { cleanupPrefix, localParkOptions, newPrefix, testConfig, waitFor } from './redis-helpers.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

const parkOpts = localParkOptions('test');
// Invented stories, different enough not to be near duplicates of one another.
const STORIES = [
  'Acme Widgets Inc said on Tuesday it agreed to buy Borealis Tools Ltd for $120 million in cash, adding a line of cordless drills.',
  'Shares of Northwind Foods rose 4% after the grocer reported a quarterly profit well above forecasts and raised its dividend.',
  'Contoso Energy holds about 22% of the regional gas market, according to a report by an industry group published this week.',
];

describe('batch jobs', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const f of cleanups.splice(0)) await f();
  });

  async function setup(): Promise<{ running: RunningWorkers; events: JobEvent[]; lines: () => Envelope[]; key: (k: string, id: string) => string }> {
    const cfg = testConfig(newPrefix(), { attempts: 2, backoffMs: 50 });
    const events: JobEvent[] = [];
    const running = await startWorkers(cfg, { stages: ['extract', 'sink'], inProcessExtract: true, log: silentLogger(), onJob: (e) => events.push(e) });
    cleanups.push(async () => {
      await running.close();
      await cleanupPrefix(cfg);
    });
    const path = cfg.sink.slice('jsonl:'.length);
    const lines = () => (existsSync(path) ? readFileSync(path, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Envelope) : []);
    return { running, events, lines, key: (k, id) => storeKey(cfg.prefix, k, id) };
  }

  it('an extract batch writes each article once via one sink job; a failing article is re-queued and fails alone', async () => {
    const { running, events, lines, key } = await setup();
    const ctx = running.deps.ctx;
    const batch: ExtractPayload[] = [];
    for (const [i, text] of STORIES.entries()) {
      await park(ctx, `ok${i}`, { url: null, title: `Story ${i}`, publishedAt: null, source: null, text }, parkOpts);
      batch.push({ articleId: `ok${i}`, articleKey: key('article', `ok${i}`) });
    }
    // Never parked: its extraction fails (permanently: the text is gone).
    batch.splice(1, 0, { articleId: 'gone', articleKey: key('article', 'gone') });
    await running.queues.addExtractGroups([batch]);
    await waitIdle(running.queues, { pollMs: 50, stages: ['extract', 'sink'] });

    expect(lines().map((e) => e.id).sort()).toEqual(['ok0', 'ok1', 'ok2']);
    expect(lines().find((e) => e.id === 'ok0')?.record?.companies.length).toBeGreaterThan(0);
    const xb = events.find((e) => e.stage === 'extract' && e.jobId === batchJobId('xb', batch));
    expect(xb?.outcome).toBe('completed');
    expect(xb?.result).toMatchObject({ articles: 4, extracted: 3, requeued: [{ articleId: 'gone' }] });
    // One sink job for the three, not three.
    const sinks = events.filter((e) => e.stage === 'sink');
    expect(sinks).toHaveLength(1);
    expect(sinks[0]!.jobId).toBe(batchJobId('sb', batch.filter((b) => b.articleId !== 'gone').map((b) => ({ articleId: b.articleId }))));
    // The failing article: its own job, failed at once (permanent), kept for inspection.
    const failed = await running.queues.extract.getFailed(0, -1);
    expect(failed.map((j) => j.id)).toEqual(['x-gone']);
    expect(failed[0]!.failedReason).toMatch(/gone from the store/);
    expect(failed[0]!.attemptsMade).toBe(1);

    // The same articles in another batch: extracted again, written never again.
    await running.queues.addExtractGroups([batch.filter((b) => b.articleId !== 'gone').reverse()]);
    await waitIdle(running.queues, { pollMs: 50, stages: ['extract', 'sink'] });
    expect(lines()).toHaveLength(3);
    const second = events.filter((e) => e.stage === 'sink').at(-1)!;
    expect((second.result as { results: { written: boolean }[] }).results.map((r) => r.written)).toEqual([false, false, false]);
  });

  it('a sink batch with a missing record writes the others and fails only that article', async () => {
    const { running, lines, key } = await setup();
    const ctx = running.deps.ctx;
    // Duplicates (record null): envelopes that match the contract without running the pipeline.
    const duplicate = (id: string): Envelope => ({
      id,
      record: null,
      ingest: { ...localParkOptions('test'), contentHash: 'c', simhash: null, publishedAt: null, duplicateOf: 'x', duplicateKind: 'content', sources: 1 },
    });
    await ctx.store.setJson(key('record', 'r1'), duplicate('r1'), 60);
    await ctx.store.setJson(key('record', 'r2'), duplicate('r2'), 60);
    await running.queues.addSinkGroup([
      { articleId: 'r1', recordKey: key('record', 'r1') },
      { articleId: 'lost', recordKey: key('record', 'lost') },
      { articleId: 'r2', recordKey: key('record', 'r2') },
    ]);
    await waitIdle(running.queues, { pollMs: 50, stages: ['sink'] });
    expect(lines().map((e) => e.id).sort()).toEqual(['r1', 'r2']);
    const failed = await running.queues.sink.getFailed(0, -1);
    expect(failed.map((j) => j.id)).toEqual(['s-lost']);
    expect(failed[0]!.failedReason).toMatch(/gone from the store/);
  });

  it.each(['inline', 'sandboxed'] as const)('SIGKILL mid-batch (%s extraction): the stalled batch is picked up again and each article written once', async (extractMode) => {
    const cfg = testConfig(newPrefix(), { lockDurationMs: 2000, stalledIntervalMs: 1000, extractMode });
    const events: JobEvent[] = [];
    // A producer-side connection only, to park and queue; the worker runs in its own process.
    const { Queues } = await import('../../src/ingest/queues.ts');
    const { RedisStore } = await import('../../src/ingest/store.ts');
    const queues = new Queues(cfg);
    const store = RedisStore.connect(cfg.redisUrl!);
    cleanups.push(async () => {
      await queues.close();
      await store.close();
      await cleanupPrefix(cfg);
    });
    const ctx = { cfg, store, log: silentLogger() };
    const batch: ExtractPayload[] = [];
    for (let i = 0; i < 8; i++) {
      const text = `${STORIES[i % 3]} Item ${i}: ${'The board met again and said little more. '.repeat(20 + i * 7)}`;
      await park(ctx, `k${i}`, { url: null, title: `Story ${i}`, publishedAt: null, source: null, text }, parkOpts);
      batch.push({ articleId: `k${i}`, articleKey: storeKey(cfg.prefix, 'article', `k${i}`) });
    }
    const child = spawn(process.execPath, ['--import', 'tsx', 'workers/main.ts', 'worker', '--queues', 'extract,sink'], {
      cwd: ROOT,
      env: { ...process.env, ...configToEnv(cfg) },
      stdio: ['ignore', 'ignore', 'ignore'],
    });
    const exited = new Promise<NodeJS.Signals | null>((res) => child.once('exit', (_c, sig) => res(sig)));
    try {
      await queues.addExtractGroups([batch]);
      const id = batchJobId('xb', batch);
      await waitFor(async () => (await (await queues.extract.getJob(id))?.getState()) === 'active', 30_000, 'the batch to be taken');
      child.kill('SIGKILL');
      expect(await exited).toBe('SIGKILL');
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
    const running = await startWorkers(cfg, { stages: ['extract', 'sink'], inProcessExtract: true, log: silentLogger(), onJob: (e) => events.push(e) });
    cleanups.unshift(() => running.close());
    const path = cfg.sink.slice('jsonl:'.length);
    const lines = () => (existsSync(path) ? readFileSync(path, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Envelope) : []);
    await waitFor(() => lines().length >= 8, 30_000, 'the records');
    await waitIdle(running.queues, { pollMs: 50, stages: ['extract', 'sink'] });
    expect(lines().map((e) => e.id).sort()).toEqual(batch.map((b) => b.articleId).sort());
    expect(await (await queues.extract.getJob(batchJobId('xb', batch)))?.isCompleted()).toBe(true);
  }, 60_000);
});

/**
 * The ingestion pieces the queue benchmark drives, loaded only when that part runs: the
 * in-process runner's path (LocalBatches over a MemoryStore: park, then extract and sink in
 * batches, as runLocal does with local files) and a
 * producer for the BullMQ path (park into the Redis store -> add the extract job, as runQueued does).
 */
export { WORKER_NODE_FLAGS } from '../../src/ingest/node-flags.ts';
import { loadConfig } from '../../src/ingest/config.ts';
import type { IngestConfig } from '../../src/ingest/config.ts';
import { configToEnv } from '../../src/ingest/config.ts';
import { LocalBatches } from '../../src/ingest/local.ts';
import { silentLogger } from '../../src/ingest/log.ts';
import { ExtractProducer } from '../../src/ingest/producer.ts';
import { Queues } from '../../src/ingest/queues.ts';
import type { StageContext } from '../../src/ingest/stages/index.ts';
import { MemoryStore, RedisStore } from '../../src/ingest/store.ts';
import { openSink } from '../../src/sinks/index.ts';
import { articleId } from '../../src/util/ids.ts';
import type { BenchArticle } from './corpus.ts';

/** Config from explicit settings only (an empty environment: REDIS_URL must not switch modes). */
const cfgOf = (o: Parameters<typeof loadConfig>[0]): IngestConfig => loadConfig(o, {});

/** "t12-<hash>": unique per pass and position, so that neither BullMQ job ids nor the sink's index merge two articles. */
const idOf = (tag: string, i: number, a: BenchArticle) => `${tag}${i}-${articleId(a.article)}`;

const parkOptions = (a: BenchArticle) => ({
  url: a.article.url,
  canonicalUrl: null,
  feedId: null,
  via: 'file' as const,
  discoveredAt: new Date().toISOString(),
  updatedAt: null,
  fallbackReason: null,
  source: a.article.source ?? a.id,
});

/** One pass of the in-process runner over the articles; a fresh store, so no article is a duplicate of the last pass. */
export async function inProcessPass(articles: readonly BenchArticle[], sinkPath: string, tag: string): Promise<void> {
  const cfg = cfgOf({ prefix: 'nlpbench-inproc', sink: `jsonl:${sinkPath}` });
  const store = new MemoryStore();
  const driver = openSink(cfg.sink);
  const ctx: StageContext = { cfg, store, sink: driver, log: silentLogger() };
  try {
    // As runLocal does it: articles parked in input order, extracted and written in batches.
    let failure: unknown = null;
    const locals = new LocalBatches(ctx, { record: () => undefined, failed: (_stage, _id, err) => void (failure ??= err) });
    for (let i = 0; i < articles.length; i++) {
      const a = articles[i]!;
      await locals.add(idOf(tag, i, a), a.article, parkOptions(a));
    }
    await locals.drain();
    if (failure) throw failure;
  } finally {
    await driver.dispose();
    await store.close();
  }
}

/** The environment of a worker process: queue prefix, Redis, its own JSONL file, one extraction process. */
export function workerEnv(redisUrl: string, prefix: string, sinkPath: string, extractMode: IngestConfig['extractMode'] = 'inline'): Record<string, string> {
  return configToEnv(cfgOf({ redisUrl, prefix, sink: `jsonl:${sinkPath}`, concurrency: 1, extractProcesses: 1, extractMode }));
}

/**
 * Parks articles in the Redis store and adds their extract jobs as runQueued does (ExtractProducer:
 * several articles parked at once, batch jobs of several articles each, added with addBulk). Each pass parks under its own store
 * prefix (`<prefix><tag>`), so the content dedupe does not mark the timed pass as duplicates of
 * the warm one.
 */
export function producer(redisUrl: string, prefix: string) {
  const cfg = cfgOf({ redisUrl, prefix });
  const queues = new Queues(cfg);
  const store = RedisStore.connect(redisUrl);
  return {
    async enqueue(articles: readonly BenchArticle[], tag: string): Promise<void> {
      const storeCfg = { ...cfg, prefix: `${prefix}${tag}` };
      const ctx: StageContext = { cfg: storeCfg, store, log: silentLogger() };
      const producer = new ExtractProducer(ctx, queues);
      for (let i = 0; i < articles.length; i++) {
        const a = articles[i]!;
        await producer.add(idOf(tag, i, a), a.article, parkOptions(a));
      }
      await producer.drain();
    },
    /** Stop workers taking extract jobs (BullMQ global pause) / let them go on. */
    pause: () => queues.extract.pause(),
    resume: () => queues.extract.resume(),
    async close(): Promise<void> {
      await queues.close();
      await store.close();
    },
  };
}

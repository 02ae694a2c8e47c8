/**
 * The worker runner: BullMQ workers of the chosen stages in this process (the processors of
 * processors.ts), with graceful shutdown. `newsnlp worker`, the worker process (workers/main.ts)
 * and `newsnlp run` with REDIS_URL start them so:
 *
 *   const running = await startWorkers(cfg, { stages: ['feed', 'fetch', 'extract', 'sink'] });
 *   running.installSignalHandlers();   // SIGINT/SIGTERM: stop taking jobs, finish in-flight ones
 *                                       // within cfg.graceMs, close connections; a second signal
 *                                       // forces exit
 */
import { fileURLToPath } from 'node:url';
import { Worker } from 'bullmq';
import type { Job } from 'bullmq';
import type { HttpClient } from '../fetch/http.ts';
import type { Pipeline } from '../../pipelines/news/index.ts';
import type { SinkDriver } from '../sinks/types.ts';
import type { IngestConfig } from './config.ts';
import { configToEnv } from './config.ts';
import { createLogger } from './log.ts';
import type { Logger } from './log.ts';
import { WORKER_NODE_FLAGS, missingWorkerFlags, withWorkerFlags } from './node-flags.ts';
import { articleFetchProcessor, extractProcessor, feedPollProcessor, sinkProcessor } from './processors.ts';
import type { WorkerDeps } from './processors.ts';
import { KEEP_COMPLETED, KEEP_FAILED, QUEUE_NAMES, Queues, STAGES, backoffStrategy, checkRedisPolicy, producerConnection, workerConnection } from './queues.ts';
import type { StageName } from './queues.ts';
import { RedisReconnects, isConnectionError, probeRedis } from './redis.ts';
import type { RedisClient } from './redis.ts';
import { openResources } from './resources.ts';
import type { StageContext } from './stages/index.ts';
import { RedisStore } from './store.ts';

/** The sandboxed extract processor BullMQ forks (NEWSNLP_EXTRACT_MODE=sandboxed). */
const EXTRACT_PROCESSOR = fileURLToPath(new URL('./extract-sandbox.js', import.meta.url));

/** How long each step of shutting down after the grace period may take before it is left behind. */
const CLOSE_STEP_MS = 2000;

/**
 * 'done' when `p` resolves, 'timeout' when `ms` pass first; a rejection of `p` before then rejects
 * (one after the timeout, of a step given up on, is ignored).
 */
async function within(p: Promise<unknown>, ms: number): Promise<'done' | 'timeout'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((res) => {
    timer = setTimeout(() => res('timeout'), ms);
  });
  const done = p.then(() => 'done' as const);
  done.catch(() => undefined);
  try {
    return await Promise.race([done, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Group commit of the sink worker's JSONL writes: a batch waits up to this long (or until 100
 * envelopes) for the other sink jobs in flight, then one lock, one append and one fdatasync serve
 * them all; each job completes after that sync. Sink jobs arrive one at a time behind extraction,
 * so without the wait every envelope would pay the file operations alone (about 0.25-0.4 ms of CPU
 * each; 0.05-0.07 ms in batches of 10).
 */
export const SINK_LINGER_MS = 20;

export interface StartOptions {
  stages?: StageName[];
  /** Jobs in flight per worker for feed and fetch (default cfg.concurrency). */
  concurrency?: number;
  log?: Logger;
  http?: HttpClient;
  sink?: SinkDriver;
  /** Run extraction on this event loop whatever cfg.extractMode says (tests of the stage). */
  inProcessExtract?: boolean;
  /** Called after each job completes or fails for good (progress, tests). */
  onJob?: (e: JobEvent) => void;
  /** Observers of this process (src/ops/metrics.ts). */
  hooks?: WorkerHooks;
}

/**
 * What an observer of a worker process (metrics) may add. It sees what the stages do and never
 * changes it: the sink driver and the pipeline it wraps must behave as the ones it was given.
 */
export interface WorkerHooks {
  /** Wraps the sink driver the sink stage writes to (write latency, records by kind). */
  sink?: (driver: SinkDriver) => SinkDriver;
  /** The pipeline inline extraction runs (a timed one). */
  pipeline?: Pipeline;
  /** The workers are ready: listen to their job events, read their queues. */
  started?: (running: RunningWorkers) => void;
  /** Last step of close(), after the workers and connections are closed. */
  closed?: () => Promise<void>;
}

export interface JobEvent {
  stage: StageName;
  jobId: string;
  outcome: 'completed' | 'failed' | 'retrying';
  result?: unknown;
  error?: string;
  /** The job's payload (ids and keys): which articles or feed it was for. */
  data?: unknown;
}

export interface RunningWorkers {
  readonly workers: ReadonlyMap<StageName, Worker>;
  readonly queues: Queues;
  readonly deps: WorkerDeps;
  /** Stop taking jobs, wait for in-flight ones up to cfg.graceMs, then close everything. Idempotent. */
  close(force?: boolean): Promise<void>;
  /** SIGINT/SIGTERM -> close(); a second signal -> exit at once. Exits the process when closed. */
  installSignalHandlers(): void;
}

export async function startWorkers(cfg: IngestConfig, opts: StartOptions = {}): Promise<RunningWorkers> {
  const log = opts.log ?? createLogger();
  const stages = opts.stages ?? STAGES;
  // a Redis that cannot be reached at all is one RedisUnavailableError within seconds, not a hang
  await probeRedis(cfg.redisUrl!);
  // every connection of this process reconnects with bounded backoff, reported once per attempt
  const reconnects = new RedisReconnects(cfg.redisUrl!, log);
  const queues = new Queues(cfg, producerConnection(cfg, reconnects));
  await checkRedisPolicy(queues.connection, log);
  const store = RedisStore.connect(cfg.redisUrl!, reconnects);
  const res = await openResources(cfg, {
    feeds: stages.includes('feed'),
    pages: stages.includes('fetch'),
    sink: stages.includes('sink'),
    given: { ...(opts.http ? { http: opts.http } : {}), ...(opts.sink ? { sink: opts.sink } : {}) },
    jsonl: { lingerMs: SINK_LINGER_MS },
  });
  const hooks = opts.hooks ?? {};
  const sink = res.sink && hooks.sink ? hooks.sink(res.sink) : res.sink;
  const ctx: StageContext = {
    cfg,
    store,
    log,
    ...(res.http ? { http: res.http } : {}),
    ...(sink ? { sink } : {}),
    ...(hooks.pipeline ? { pipeline: hooks.pipeline } : {}),
  };
  const deps: WorkerDeps = { ctx, queues };
  const concurrency = opts.concurrency ?? cfg.concurrency;

  const workers = new Map<StageName, Worker>();
  // BullMQ does not close connections it was handed: they are closed after the workers.
  const connections: RedisClient[] = [];
  for (const stage of stages) {
    const connection = workerConnection(cfg, reconnects);
    connections.push(connection);
    const base = {
      connection,
      prefix: cfg.prefix,
      lockDuration: cfg.lockDurationMs,
      stalledInterval: cfg.stalledIntervalMs,
      removeOnComplete: KEEP_COMPLETED,
      removeOnFail: KEEP_FAILED,
      settings: { backoffStrategy: backoffStrategy(cfg) },
    };
    let w: Worker;
    if (stage === 'extract' && cfg.extractMode === 'sandboxed' && !opts.inProcessExtract) {
      w = new Worker(QUEUE_NAMES.extract, EXTRACT_PROCESSOR, {
        ...base,
        concurrency: Math.max(1, Math.min(concurrency, cfg.extractProcesses)),
        workerForkOptions: {
          env: { ...process.env, ...configToEnv(cfg) },
          // The parent's own flags (its --import tsx), less debugger ports and the worker flags
          // (given once, below: a worker started without them still limits its children).
          execArgv: withWorkerFlags(process.execArgv.filter((a) => !a.startsWith('--inspect'))),
        },
      });
    } else {
      const processor =
        stage === 'feed'
          ? feedPollProcessor(deps)
          : stage === 'fetch'
            ? articleFetchProcessor(deps)
            : stage === 'extract'
              ? extractProcessor(deps)
              : sinkProcessor(deps);
      // Sink jobs run many at once: the driver writes the envelopes that arrive together as one
      // batch (one lock, one append, one sync: see JsonlSink), and each job completes only after
      // the sync that covers its line.
      // Inline extraction is CPU-bound on this thread: one batch at a time (more in flight would
      // only interleave them); a machine's cores are used by running more worker processes.
      w = new Worker(QUEUE_NAMES[stage], processor as (job: Job) => Promise<unknown>, {
        ...base,
        concurrency: stage === 'sink' ? cfg.sinkConcurrency : stage === 'extract' ? 1 : concurrency,
      });
    }
    w.on('completed', (job, result) => {
      log.debug({ stage, jobId: job.id }, 'job completed');
      opts.onJob?.({ stage, jobId: job.id ?? '', outcome: 'completed', result, data: job.data });
    });
    w.on('failed', (job, err) => {
      if (!job) return;
      const willRetry = err.name !== 'UnrecoverableError' && job.attemptsMade < (job.opts.attempts ?? 1);
      log[willRetry ? 'info' : 'warn']({ stage, jobId: job.id, attempt: job.attemptsMade, err: err.message }, willRetry ? 'job will retry' : 'job failed');
      opts.onJob?.({ stage, jobId: job.id ?? '', outcome: willRetry ? 'retrying' : 'failed', error: err.message, data: job.data });
    });
    // (a lost connection is reported once per reconnect attempt by `reconnects`, not per worker)
    w.on('error', (err) => log[reconnects.down || isConnectionError(err) ? 'debug' : 'error']({ stage, err: err.message }, 'worker error'));
    workers.set(stage, w);
  }
  await Promise.all([...workers.values()].map((w) => w.waitUntilReady()));
  log.info({ stages, prefix: cfg.prefix, concurrency }, 'workers started');

  let closing: Promise<void> | null = null;
  const close = (force = false): Promise<void> => {
    if (closing && !force) return closing;
    closing = (async () => {
      const all = [...workers.values()];
      if ((await within(Promise.all(all.map((w) => w.close(force))), cfg.graceMs)) === 'timeout') {
        log.warn({ graceMs: cfg.graceMs }, 'grace period over: closing workers with jobs still in flight (they will be picked up again)');
        // (a worker whose blocking connection never came back from a Redis restart may not close at
        // all: shutting down is bounded at every step, never a hang; unfinished jobs stall and retry)
        if ((await within(Promise.all(all.map((w) => w.close(true))), CLOSE_STEP_MS)) === 'timeout') {
          log.warn({ ms: CLOSE_STEP_MS }, 'workers did not close: dropping their connections');
        }
      }
      if ((await within(Promise.all(connections.map((c) => c.quit().catch(() => c.disconnect()))), CLOSE_STEP_MS)) === 'timeout') {
        for (const c of connections) c.disconnect();
      }
      for (const [what, step] of [
        ['queues', () => queues.close()],
        ['store', () => store.close()],
        ['resources', () => res.close()],
        ['hooks', async () => hooks.closed?.()],
      ] as const) {
        if ((await within(step(), CLOSE_STEP_MS)) === 'timeout') log.warn({ what, ms: CLOSE_STEP_MS }, 'did not close in time: left behind');
      }
      log.info('workers closed');
    })();
    return closing;
  };

  const running: RunningWorkers = {
    workers,
    queues,
    deps,
    close,
    installSignalHandlers() {
      let signals = 0;
      const onSignal = (sig: NodeJS.Signals) => {
        signals++;
        if (signals > 1) {
          log.warn({ sig }, 'second signal: exiting now');
          process.exit(130);
        }
        log.info({ sig, graceMs: cfg.graceMs }, 'shutting down: finishing in-flight jobs');
        // a backstop: whatever hangs, the process is gone soon after the grace period
        setTimeout(() => {
          log.error({ graceMs: cfg.graceMs }, 'shutdown did not finish: exiting');
          process.exit(1);
        }, cfg.graceMs + 6 * CLOSE_STEP_MS).unref();
        close().then(
          () => process.exit(0),
          (err: unknown) => {
            log.error({ err: (err as Error).message }, 'shutdown failed');
            process.exit(1);
          },
        );
      };
      process.on('SIGINT', onSignal);
      process.on('SIGTERM', onSignal);
    },
  };
  hooks.started?.(running);
  return running;
}

/**
 * A worker process's whole life (`newsnlp worker`, workers/main.ts): start the workers of the
 * given stages, close them on SIGINT/SIGTERM (then exit), never return otherwise. Warns when the
 * process was started without the worker flags.
 */
export async function runWorkers(cfg: IngestConfig, stages: StageName[], log: Logger = createLogger(), hooks?: WorkerHooks): Promise<never> {
  if (!cfg.redisUrl) throw new Error('[ingest] a worker needs REDIS_URL (the queue mode)');
  const missing = missingWorkerFlags();
  if (missing.length)
    log.warn(
      { missing },
      `started without the worker flags: more memory and less throughput per core; run it as \`node ${WORKER_NODE_FLAGS.join(' ')} bin/newsnlp.js worker ...\` (bin/newsnlp.js and docker-compose.yml do)`,
    );
  const running = await startWorkers(cfg, { stages, log, ...(hooks ? { hooks } : {}) });
  running.installSignalHandlers();
  // Keep the process alive until a signal closes the workers.
  return new Promise<never>(() => undefined);
}

/**
 * Prometheus metrics of a worker process (prom-client), served with /healthz on one port:
 *
 *   newsnlp worker --queues feed,fetch,extract --metrics-port 9464   (or NEWSNLP_METRICS_PORT)
 *   curl -s 127.0.0.1:9464/metrics ; curl -s 127.0.0.1:9464/healthz
 *
 * What a process exports is what it sees itself; Prometheus adds the processes up:
 *
 *   newsnlp_jobs_total{queue, outcome}               jobs that completed, failed for good, or failed and will retry
 *   newsnlp_job_duration_seconds{queue}              time from a job's start to its end (either outcome)
 *   newsnlp_extraction_duration_seconds              the pipeline over one article (inline extraction;
 *                                                    sandboxed children are seen only as extract jobs)
 *   newsnlp_records_written_total{kind}              what the sink wrote: articles, duplicates (syndicated
 *                                                    copies, written without a record), companies, deals, claims
 *   newsnlp_feed_polls_total{feed, status}           each poll attempt by HTTP status ("200", "304", "404",
 *                                                    "503"...; "error" when no response: timeout, DNS, bad feed)
 *   newsnlp_sink_write_duration_seconds{sink, op}    one sink write (one article) or flush (make a batch durable);
 *                                                    sink is the driver kind: jsonl, flat, postgres, or several joined by "+"
 *   newsnlp_queue_jobs{queue, state}                 jobs waiting, active, delayed, prioritized, failed in the
 *                                                    queues this process works, read from Redis at each scrape (every
 *                                                    worker of a queue reports the same figure: use max by (queue, state))
 *   process_*, nodejs_*                              prom-client's defaults: CPU, memory, event-loop lag, GC
 *
 * /healthz answers 200 or 503 with a JSON body saying whether Redis and, for a process that runs
 * the sink stage with a postgres sink, the database are reachable (health.ts).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Job } from 'bullmq';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Envelope } from '../contracts.ts';
import type { IngestConfig } from '../ingest/config.ts';
import { QUEUE_NAMES } from '../ingest/queues.ts';
import type { StageName } from '../ingest/queues.ts';
import type { RunningWorkers, WorkerHooks } from '../ingest/workers.ts';
import type { SerializedEnvelope, SinkDriver } from '../sinks/types.ts';
import type { OpsConfig } from './config.ts';
import { healthChecker } from './health.ts';
import { httpStatusOf } from './http-status.ts';
import type { HealthChecker } from './health.ts';

/** Queue states reported by newsnlp_queue_jobs. */
export const QUEUE_STATES = ['waiting', 'active', 'delayed', 'prioritized', 'failed'] as const;

/** Per-article extraction takes ~1 ms (bench/); the long tail is 2 MB articles. */
const EXTRACTION_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];
const JOB_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];
/** JSONL writes are grouped (20 ms linger, then one fdatasync); PostgreSQL is one transaction per article. */
const SINK_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

type Pipeline = NonNullable<WorkerHooks['pipeline']>;

/** The metrics of one worker process, and the hooks that feed them. */
export interface WorkerMetrics {
  readonly registry: Registry;
  /** Give these to startWorkers / runWorkers. */
  readonly hooks: WorkerHooks;
}

/**
 * The registry and the hooks. `pipeline` is the one to time (default: the news pipeline, when the
 * process extracts inline); it is built here, at start, instead of at the first extract job.
 */
export async function createWorkerMetrics(cfg: IngestConfig, stages: readonly StageName[], opts: { pipeline?: Pipeline } = {}): Promise<WorkerMetrics> {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];

  const jobs = new Counter({ name: 'newsnlp_jobs_total', help: 'Jobs by queue and outcome (completed, failed for good, retrying)', labelNames: ['queue', 'outcome'] as const, registers });
  const jobSeconds = new Histogram({ name: 'newsnlp_job_duration_seconds', help: 'Time from a job start to its end', labelNames: ['queue'] as const, buckets: JOB_BUCKETS, registers });
  const extraction = new Histogram({ name: 'newsnlp_extraction_duration_seconds', help: 'The pipeline over one article (inline extraction)', buckets: EXTRACTION_BUCKETS, registers });
  const records = new Counter({ name: 'newsnlp_records_written_total', help: 'Written by the sink: articles, duplicates, companies, deals, claims', labelNames: ['kind'] as const, registers });
  const feedPolls = new Counter({ name: 'newsnlp_feed_polls_total', help: 'Feed poll attempts by feed and HTTP status ("error": no response)', labelNames: ['feed', 'status'] as const, registers });
  const sinkSeconds = new Histogram({ name: 'newsnlp_sink_write_duration_seconds', help: 'One sink write or flush', labelNames: ['sink', 'op'] as const, buckets: SINK_BUCKETS, registers });

  // Pre-set zero series, so a rate() has a start and a scrape shows what is counted.
  for (const stage of stages) {
    for (const outcome of ['completed', 'failed', 'retrying']) jobs.inc({ queue: QUEUE_NAMES[stage], outcome }, 0);
  }
  if (stages.includes('sink')) for (const kind of ['articles', 'duplicates', 'companies', 'deals', 'claims']) records.inc({ kind }, 0);

  let running: RunningWorkers | null = null;
  new Gauge({
    name: 'newsnlp_queue_jobs',
    help: 'Jobs in the queues this process works, by state (read from Redis at each scrape)',
    labelNames: ['queue', 'state'] as const,
    registers,
    async collect() {
      this.reset();
      if (!running) return;
      const queues = running.queues;
      await withTimeout(
        Promise.all(
          stages.map(async (stage) => {
            const counts = await queues.byStage(stage).getJobCounts(...QUEUE_STATES);
            for (const state of QUEUE_STATES) this.set({ queue: QUEUE_NAMES[stage], state }, counts[state] ?? 0);
          }),
        ),
        1500,
      ).catch(() => this.reset()); // Redis away: no figures rather than stale ones (/healthz says why)
    },
  });

  const hooks: WorkerHooks = {
    sink: (driver) => countedSink(driver, (op) => sinkSeconds.startTimer({ sink: sinkKind(driver.name), op }), (kind, n) => records.inc({ kind }, n)),
    started(r) {
      running = r;
      for (const [stage, worker] of r.workers) {
        const queue = QUEUE_NAMES[stage];
        const ended = (job: Job) => {
          if (job.processedOn) jobSeconds.observe({ queue }, Math.max(0, Date.now() - job.processedOn) / 1000);
        };
        worker.on('completed', (job, result: unknown) => {
          jobs.inc({ queue, outcome: 'completed' });
          ended(job);
          if (stage === 'feed') feedPolls.inc({ feed: feedOf(job), status: String((result as { status?: unknown } | null)?.status ?? 'error') });
        });
        worker.on('failed', (job, err) => {
          if (!job) return;
          // as the worker runner decides (workers.ts): a permanent error or the last attempt fails for good
          const willRetry = err.name !== 'UnrecoverableError' && job.attemptsMade < (job.opts.attempts ?? 1);
          jobs.inc({ queue, outcome: willRetry ? 'retrying' : 'failed' });
          ended(job);
          if (stage === 'feed') feedPolls.inc({ feed: feedOf(job), status: httpStatusOf(err) ?? 'error' });
        });
      }
    },
  };
  if (stages.includes('extract') && (cfg.extractMode === 'inline' || opts.pipeline)) {
    const base = opts.pipeline ?? (await import('../../pipelines/news/index.ts')).getPipeline();
    hooks.pipeline = {
      ...base,
      run(article, runOpts) {
        const end = extraction.startTimer();
        try {
          return base.run(article, runOpts);
        } finally {
          end();
        }
      },
    };
  }
  return { registry, hooks };
}

/** The kind of a sink driver by its name, without paths or URLs: "jsonl", "postgres", "jsonl+postgres". */
export const sinkKind = (name: string): string => name.split('+').map((d) => d.split(':')[0]).join('+');

const feedOf = (job: Job): string => String((job.data as { feedId?: unknown } | null)?.feedId ?? 'unknown');

/** A sink driver that times its writes and flushes and counts what it wrote, doing nothing else differently. */
export function countedSink(
  driver: SinkDriver,
  timer: (op: 'write' | 'flush') => () => void,
  count: (kind: 'articles' | 'duplicates' | 'companies' | 'deals' | 'claims', n: number) => void,
): SinkDriver {
  return {
    name: driver.name,
    async write(envelopes) {
      const end = timer('write');
      let n: number;
      try {
        n = await driver.write(envelopes);
      } finally {
        end();
      }
      // The sink stage writes one envelope a call, so "n new" names them; a call that wrote only
      // some of several counts them as articles without saying which.
      if (n === envelopes.length) {
        for (const e of envelopes) {
          const record = recordOf(e);
          if (!record) {
            count('duplicates', 1);
            continue;
          }
          count('articles', 1);
          count('companies', record.companies.length);
          count('deals', record.deals.length);
          count('claims', record.marketShareClaims.length);
        }
      } else if (n > 0) count('articles', n);
      return n;
    },
    async flush() {
      const end = timer('flush');
      try {
        await driver.flush();
      } finally {
        end();
      }
    },
    dispose: () => driver.dispose(),
  };
}

type RecordCounts = { companies: unknown[]; deals: unknown[]; marketShareClaims: unknown[] };

function recordOf(e: Envelope | SerializedEnvelope): RecordCounts | null {
  if ('json' in e && typeof e.json === 'string') {
    const env = (e as SerializedEnvelope).envelope ?? (JSON.parse(e.json) as { record: RecordCounts | null });
    return env.record;
  }
  return (e as Envelope).record;
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    p,
    new Promise<T>((_, rej) => {
      timer = setTimeout(() => rej(new Error(`no answer within ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/** A running metrics server. */
export interface MetricsServer extends WorkerMetrics {
  /** http://host:port (the port the system gave when 0 was asked). */
  readonly url: string;
  readonly port: number;
  /** Stop serving and close the health checks' connections; idempotent. */
  close(): Promise<void>;
}

/**
 * Metrics and /healthz of a worker process on ops.metricsPort (0: any free port) at ops.metricsHost.
 * It listens before the workers start, so a port in use stops the process at once. The database
 * is checked when this process runs the sink stage and cfg.sink names a postgres sink.
 */
export async function serveWorkerMetrics(
  cfg: IngestConfig,
  stages: readonly StageName[],
  ops: Pick<OpsConfig, 'metricsPort' | 'metricsHost'>,
  opts: { pipeline?: Pipeline; health?: HealthChecker } = {},
): Promise<MetricsServer> {
  if (ops.metricsPort === null) throw new Error('[metrics] no metrics port (--metrics-port or NEWSNLP_METRICS_PORT)');
  const metrics = await createWorkerMetrics(cfg, stages, opts.pipeline ? { pipeline: opts.pipeline } : {});
  const health = opts.health ?? healthChecker(cfg, { database: stages.includes('sink') });
  const server = http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain', 'GET only\n');
    if (path === '/metrics') {
      metrics.registry.metrics().then(
        (body) => send(res, 200, metrics.registry.contentType, body),
        (err: unknown) => send(res, 500, 'text/plain', `[metrics] ${(err as Error).message}\n`),
      );
      return;
    }
    if (path === '/healthz') {
      health.check().then(
        (report) => send(res, report.ok ? 200 : 503, 'application/json', JSON.stringify(report) + '\n'),
        (err: unknown) => send(res, 503, 'application/json', JSON.stringify({ ok: false, error: (err as Error).message }) + '\n'),
      );
      return;
    }
    send(res, 404, 'text/plain', 'not found: try /metrics or /healthz\n');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (err) => reject(new Error(`[metrics] cannot listen on ${ops.metricsHost}:${ops.metricsPort}: ${err.message}`, { cause: err })));
    server.listen(ops.metricsPort!, ops.metricsHost, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = ops.metricsHost.includes(':') ? `[${ops.metricsHost}]` : ops.metricsHost;
  let closing: Promise<void> | null = null;
  const close = () =>
    (closing ??= (async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await health.close();
    })());
  return {
    ...metrics,
    // the server goes when the workers go
    hooks: { ...metrics.hooks, closed: close },
    url: `http://${host}:${port}`,
    port,
    close,
  };
}

function send(res: http.ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  res.end(res.req.method === 'HEAD' ? undefined : body);
}

/**
 * Is what a process depends on reachable? Redis always; PostgreSQL when the process writes to a
 * postgres sink. Each check has its own small connection (never a worker's: those wait out a Redis
 * restart forever) and a time limit, so a check answers within `timeoutMs` whatever is down.
 *
 *   const health = healthChecker(cfg, { database: true });
 *   await health.check()  // { ok: false, redis: { ok: true, ms: 0.4 }, database: { ok: false, ms: 2001, error: "..." } }
 *   await health.close();
 *
 * Served as /healthz by a worker's metrics server (200 or 503 with this JSON) and printed by
 * `newsnlp health`.
 */
import type pg from 'pg';
import { createPool } from '../db/pool.ts';
import type { IngestConfig } from '../ingest/config.ts';
import { connectRedis } from '../ingest/redis.ts';
import type { RedisClient } from '../ingest/redis.ts';

export interface Check {
  ok: boolean;
  /** How long the check took. */
  ms: number;
  error?: string;
}

export interface HealthReport {
  ok: boolean;
  checkedAt: string;
  redis: Check;
  /** Present when the process writes to PostgreSQL. */
  database?: Check;
}

export interface HealthChecker {
  check(): Promise<HealthReport>;
  /** Close the checks' connections; idempotent. */
  close(): Promise<void>;
}

const PG_URL = /^postgres(?:ql)?:\/\//;

/** The PostgreSQL URLs of a sink spec ("jsonl:out/x.ndjson postgres:postgres://..."). */
export function postgresUrlsOf(sinkSpec: string): string[] {
  return sinkSpec
    .trim()
    .split(/\s+/)
    .map((s) => (s.startsWith('postgres:') && PG_URL.test(s.slice('postgres:'.length)) ? s.slice('postgres:'.length) : s))
    .filter((s) => PG_URL.test(s));
}

class TimeoutError extends Error {}

async function timed(what: () => Promise<unknown>, timeoutMs: number): Promise<Check> {
  const t0 = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      what(),
      new Promise((_, rej) => {
        timer = setTimeout(() => rej(new TimeoutError(`no answer within ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
    return { ok: true, ms: round(performance.now() - t0) };
  } catch (err) {
    return { ok: false, ms: round(performance.now() - t0), error: err instanceof Error ? err.message || err.name : String(err) };
  } finally {
    clearTimeout(timer);
  }
}

const round = (ms: number) => Math.round(ms * 10) / 10;

export interface HealthOptions {
  /** Check PostgreSQL too (the process writes to a postgres sink); default: when cfg.sink names one. */
  database?: boolean;
  /** Longest a check may take (default 2000 ms). */
  timeoutMs?: number;
}

export function healthChecker(cfg: IngestConfig, opts: HealthOptions = {}): HealthChecker {
  const timeoutMs = opts.timeoutMs ?? 2000;
  if (!cfg.redisUrl) throw new Error('[health] needs REDIS_URL (the queue mode)');
  const dbUrls = opts.database ?? true ? postgresUrlsOf(cfg.sink) : [];
  // Lazily opened, then kept: a check every few seconds should not open a connection each time.
  let redis: RedisClient | null = null;
  /** The client's last connection error: says more than "max retries" when Redis is away. */
  let redisError: string | null = null;
  let pools: pg.Pool[] | null = null;
  return {
    async check() {
      if (!redis) {
        // disconnectTimeout: after a refused connection, ioredis would otherwise hold the process 2 s on close
        redis = connectRedis(cfg.redisUrl!, { maxRetriesPerRequest: 1, connectTimeout: timeoutMs, disconnectTimeout: 100 });
        // a Redis away: the client keeps reconnecting in the background; check() reports the error
        redis.on('error', (e: Error) => void (redisError = e.message || e.name));
        redis.on('ready', () => void (redisError = null));
      }
      pools ??= dbUrls.map((url) => createPool(url, { max: 1, connectTimeoutMs: timeoutMs, applicationName: 'newsnlp-health' }));
      const r = redis;
      const [redisCheck, ...dbChecks] = await Promise.all([
        timed(() => r.ping(), timeoutMs),
        ...pools.map((p) => timed(() => p.query('SELECT 1'), timeoutMs)),
      ]);
      if (!redisCheck!.ok && redisError) redisCheck!.error = redisError;
      const report: HealthReport = { ok: redisCheck!.ok, checkedAt: new Date().toISOString(), redis: redisCheck! };
      if (dbChecks.length) {
        const bad = dbChecks.find((c) => !c.ok);
        report.database = bad ?? { ok: true, ms: Math.max(...dbChecks.map((c) => c.ms)) };
        report.ok &&= !bad;
      }
      return report;
    },
    async close() {
      const r = redis;
      const ps = pools ?? [];
      redis = null;
      pools = [];
      if (r) {
        if (r.status === 'ready') await r.quit().catch(() => r.disconnect());
        else r.disconnect(); // QUIT would wait for a connection that may never come
      }
      await Promise.all(ps.map((p) => p.end().catch(() => undefined)));
    },
  };
}

/**
 * Redis connections for the queues and the store: one Redis, or a Redis Cluster. Both come from
 * REDIS_URL: `redis://[user:pass@]host:port` (or `rediss://` for TLS) for one server;
 * `redis+cluster://[user:pass@]host1:port1,host2:port2` (or `rediss+cluster://`) for a cluster,
 * whose seed nodes the client discovers the rest from. On a cluster every BullMQ key of a queue
 * must hash to one slot, so the queue prefix must be a hash tag such as `{newsnlp}`
 * (checked in config.ts).
 */
import { Cluster, Redis } from 'ioredis';
import type { RedisOptions } from 'ioredis';

export type RedisClient = Redis | Cluster;

const CLUSTER_URL = /^(rediss?)\+cluster:\/\/(?:([^@/]*)@)?([^/?#]+)/;

export function isClusterUrl(url: string): boolean {
  return CLUSTER_URL.test(url);
}

/** Seed nodes, credentials and TLS of a `redis+cluster://` URL. */
export function parseClusterUrl(url: string): { nodes: { host: string; port: number }[]; username?: string; password?: string; tls: boolean } {
  const m = CLUSTER_URL.exec(url);
  if (!m) throw new Error(`[ingest] not a Redis Cluster URL: ${url.replace(/\/\/[^@/]*@/, '//***@')}`);
  const [, scheme, auth, hosts] = m;
  const [user, pass] = auth ? (auth.includes(':') ? auth.split(/:(.*)/s) : ['', auth]) : ['', ''];
  const nodes = hosts!.split(',').map((h) => {
    const at = h.lastIndexOf(':');
    return at > 0 ? { host: h.slice(0, at).replace(/^\[|\]$/g, ''), port: Number(h.slice(at + 1)) } : { host: h, port: 6379 };
  });
  return {
    nodes,
    ...(user ? { username: decodeURIComponent(user) } : {}),
    ...(pass ? { password: decodeURIComponent(pass) } : {}),
    tls: scheme === 'rediss',
  };
}

/**
 * A connection to the Redis or the Redis Cluster the URL names, with the given per-node options.
 * It always has an 'error' listener: ioredis prints a connection error it cannot hand to anyone as
 * a multi-line "[ioredis] Unhandled error event" dump. Commands still fail with their own errors;
 * who wants to hear about the connection watches it (RedisReconnects).
 */
export function connectRedis(url: string, opts: RedisOptions = {}): RedisClient {
  const client = isClusterUrl(url) ? connectCluster(url, opts) : new Redis(url, opts);
  client.on('error', () => undefined);
  return client;
}

function connectCluster(url: string, opts: RedisOptions): Cluster {
  const c = parseClusterUrl(url);
  return new Cluster(c.nodes, {
    ...(opts.retryStrategy ? { clusterRetryStrategy: opts.retryStrategy } : {}),
    redisOptions: {
      ...opts,
      ...(c.username ? { username: c.username } : {}),
      ...(c.password ? { password: c.password } : {}),
      ...(c.tls ? { tls: {} } : {}),
    },
  });
}

// ------------------------------------------------------------------ reachability and reconnects

/** The URL as messages and logs show it: user names kept, passwords masked ("redis://:***@host:6379"). */
export function maskRedisUrl(url: string): string {
  return url.replace(/^([a-z+]+:\/\/)([^@/]*)@/i, (_m, scheme: string, auth: string) => {
    const colon = auth.indexOf(':');
    return `${scheme}${colon < 0 ? '***' : `${auth.slice(0, colon)}:***`}@`;
  });
}

/** Exit code of a CLI command whose Redis or PostgreSQL cannot be reached (README, newsnlp --help). */
export const UNREACHABLE_EXIT_CODE = 3;

/**
 * A Redis that cannot be used: one line naming the URL (password masked) and the cause,
 * "[redis] redis://127.0.0.1:6390: connection refused (nothing listens there)". The CLI exits
 * with UNREACHABLE_EXIT_CODE.
 */
export class RedisUnavailableError extends Error {
  override name = 'RedisUnavailableError';
  readonly exitCode = UNREACHABLE_EXIT_CODE;
  constructor(
    readonly url: string,
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(`[redis] ${maskRedisUrl(url)}: ${reason}`, options);
  }
}

/** What went wrong, in words, from the error a connection reported. */
export function describeRedisError(err: unknown): string {
  const e = err as { code?: string; message?: string; hostname?: string } | null;
  const msg = (e?.message ?? String(err))
    .replace(/\s*\n\s*/g, ' ')
    .replace(/\s*Please report this\.?/, '')
    .trim();
  const code = e?.code ?? /\b(E[A-Z]{3,})\b/.exec(msg)?.[1];
  if (code === 'ECONNREFUSED') return 'connection refused (nothing listens there)';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return `unknown host (${msg})`;
  if (code === 'ETIMEDOUT') return 'connection timed out';
  if (code === 'ECONNRESET' || code === 'EPIPE') return `connection reset (${msg})`;
  if (/^NOAUTH\b/.test(msg)) return 'authentication required (NOAUTH): give the password in the URL, redis://:PASSWORD@host:port';
  if (/^WRONGPASS\b|invalid password|invalid username-password|AUTH failed/i.test(msg)) return `authentication failed (${msg})`;
  if (/Unknown RESP type|Protocol error|unexpected reply|Parser/i.test(msg)) return `not a Redis server (${msg})`;
  return msg;
}

/** How long probeRedis waits for PONG: with the CLI's start-up, a command gives up within about 10 s. */
export const PROBE_TIMEOUT_MS = 8000;

/**
 * Check that the Redis of `url` answers PING, within `timeoutMs`: a command that needs Redis
 * calls it first, so a closed port, a wrong password, an unknown host or a port where something
 * else listens is one RedisUnavailableError within seconds, not endless reconnects.
 */
export async function probeRedis(url: string, timeoutMs = PROBE_TIMEOUT_MS): Promise<void> {
  const opts: RedisOptions = {
    lazyConnect: true,
    connectTimeout: Math.max(100, timeoutMs - 100),
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
  };
  const client = isClusterUrl(url)
    ? (() => {
        const c = parseClusterUrl(url);
        return new Cluster(c.nodes, {
          lazyConnect: true,
          enableOfflineQueue: false,
          clusterRetryStrategy: () => null,
          redisOptions: { ...opts, ...(c.username ? { username: c.username } : {}), ...(c.password ? { password: c.password } : {}), ...(c.tls ? { tls: {} } : {}) },
        });
      })()
    : new Redis(url, opts);
  let last: unknown = null;
  client.on('error', (err: unknown) => {
    last = err;
  });
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_res, rej) => {
    timer = setTimeout(() => rej(new RedisUnavailableError(url, `no answer within ${Math.round(timeoutMs / 1000)} s (is it a Redis server?)`)), timeoutMs);
  });
  try {
    await Promise.race([
      (async () => {
        await client.connect();
        await client.ping();
      })(),
      deadline,
    ]);
  } catch (err) {
    if (err instanceof RedisUnavailableError) throw err;
    // ioredis rejects with "Connection is closed."; the cause is the error it reported before
    throw new RedisUnavailableError(url, describeRedisError(last ?? err), { cause: last ?? err });
  } finally {
    clearTimeout(timer);
    client.disconnect();
  }
}

/** True for the errors of a connection (lost, refused, closed), as opposed to a command's own error. */
export function isConnectionError(err: unknown): boolean {
  const e = err as { code?: string; message?: string } | null;
  return (
    /^(?:ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH)$/.test(e?.code ?? '') ||
    /Connection is closed|ECONNREFUSED|ECONNRESET|Stream isn't writeable|LOADING|MaxRetriesPerRequest|Reached the max retries/i.test(e?.message ?? '')
  );
}

/**
 * Reconnect delays of a worker's connections: 0.2 s doubling to 2 s, with 20% jitter; never giving
 * up (a worker outlives a Redis restart). No longer than 2 s: with delays of 4-5 s, BullMQ's
 * blocking connections came back after a 6 s outage without resuming their BZPOPMIN, and the
 * workers neither took jobs nor closed (seen every time; ioredis's own default stops at 2 s too).
 */
export function reconnectDelay(attempt: number): number {
  const base = Math.min(2000, 200 * 2 ** Math.max(0, attempt - 1));
  return Math.round(base * (0.8 + Math.random() * 0.2));
}

/** The few logger methods reconnect reports need (pino's Logger has them). */
interface ReconnectLogger {
  warn(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
}

/**
 * One process's reports about its Redis connections: every connection made with it reconnects
 * with reconnectDelay and hands its errors here instead of printing them. While Redis is away
 * the process logs one JSON line per reconnect attempt (the first connection to reach attempt n
 * reports it, whichever it is), then one line when a connection is ready again:
 *
 *   {"level":40,"url":"redis://127.0.0.1:6379","attempt":3,"delayMs":800,"err":"connection refused ...","msg":"redis unreachable: reconnecting"}
 *   {"level":30,"url":"redis://127.0.0.1:6379","attempts":7,"downMs":4210,"msg":"redis reachable again"}
 */
export class RedisReconnects {
  private reported = 0;
  private since = 0;
  private lastError: unknown = null;

  constructor(
    readonly url: string,
    private readonly log: ReconnectLogger,
  ) {}

  /** True while a connection has lost Redis and none has got it back. */
  get down(): boolean {
    return this.reported > 0;
  }

  /** ioredis options that make a connection report here. */
  options(): Pick<RedisOptions, 'retryStrategy'> {
    return { retryStrategy: (attempt: number) => this.retry(attempt) };
  }

  /** Attach to a connection: its errors are noted (not printed), its recovery reported. */
  watch<C extends RedisClient>(client: C): C {
    client.on('error', (err: unknown) => {
      this.lastError = err;
    });
    client.on('ready', () => this.ready());
    return client;
  }

  private retry(attempt: number): number {
    const delayMs = reconnectDelay(attempt);
    if (attempt > this.reported) {
      if (this.reported === 0) this.since = Date.now();
      this.reported = attempt;
      this.log.warn(
        { url: maskRedisUrl(this.url), attempt, delayMs, err: this.lastError ? describeRedisError(this.lastError) : 'connection lost' },
        'redis unreachable: reconnecting',
      );
    }
    return delayMs;
  }

  private ready(): void {
    if (this.reported === 0) return;
    this.log.info({ url: maskRedisUrl(this.url), attempts: this.reported, downMs: Date.now() - this.since }, 'redis reachable again');
    this.reported = 0;
    this.lastError = null;
  }
}

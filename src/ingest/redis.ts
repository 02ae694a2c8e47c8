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

/** A connection to the Redis or the Redis Cluster the URL names, with the given per-node options. */
export function connectRedis(url: string, opts: RedisOptions = {}): RedisClient {
  if (!isClusterUrl(url)) return new Redis(url, opts);
  const c = parseClusterUrl(url);
  return new Cluster(c.nodes, {
    redisOptions: {
      ...opts,
      ...(c.username ? { username: c.username } : {}),
      ...(c.password ? { password: c.password } : {}),
      ...(c.tls ? { tls: {} } : {}),
    },
  });
}

/**
 * The store between stages: job payloads stay small, the large things (feed items, articles,
 * records) are parked here under keys, with a TTL. Two drivers behind one interface: Redis (queue
 * mode, shared by every worker) and a Map (embedded mode, one process). Keys are namespaced by the
 * queue prefix ("newsnlp:ingest:article:<id>"; with a hash-tag prefix "{newsnlp}" every key lands
 * in the same Cluster slot as the queues).
 */
import { Cluster } from 'ioredis';
import type { z } from 'zod';
import { describeIssues } from '../contracts.ts';
import { PermanentError } from './errors.ts';
import { connectRedis } from './redis.ts';
import type { RedisClient, RedisReconnects } from './redis.ts';

export interface IngestStore {
  readonly kind: 'redis' | 'memory';
  /** The value under key, parsed with its contract (src/contracts.ts); null when absent. */
  getJson<T>(key: string, schema: z.ZodType<T>): Promise<T | null>;
  setJson(key: string, value: unknown, ttlSec: number): Promise<void>;
  /** Several values as stored (JSON text; null for each key that is absent), in one round trip (MGET). */
  getRawMany(keys: readonly string[]): Promise<(string | null)[]>;
  /** setJson of many entries in one round trip (a pipeline, not a transaction); an entry may come already serialized (`json`). */
  setJsonMany(entries: readonly JsonEntry[], ttlSec: number): Promise<void>;
  /** Set key to value when absent; returns the value now stored (ours, or the earlier one). */
  claim(key: string, value: string, ttlSec: number): Promise<string>;
  /** Add members to a set (refreshing its TTL); returns the set's size. */
  addToSet(key: string, members: string[], ttlSec: number): Promise<number>;
  members(key: string): Promise<string[]>;
  hgetall(key: string): Promise<Record<string, string>>;
  hset(key: string, fields: Record<string, string | number>): Promise<void>;
  hincr(key: string, field: string, by: number): Promise<number>;
  hdel(key: string, ...fields: string[]): Promise<void>;
  del(...keys: string[]): Promise<void>;
  /** Keys of this store (for cleanup and inspection), matched by a glob after the namespace. */
  keys(pattern: string): Promise<string[]>;
  close(): Promise<void>;
}

/**
 * A value to store: an object, or its JSON text when the caller serialized it already (the
 * extract stage does so right after each article, so that the records of a batch are a few
 * flat strings, not object graphs that outlive V8's young generation).
 */
export type JsonEntry = { key: string; value: unknown } | { key: string; json: string };
const jsonOf = (e: JsonEntry): string => ('json' in e ? e.json : JSON.stringify(e.value));

/**
 * A value read back from the store, parsed with its contract: text that is not JSON, or JSON that
 * does not match (left by another version, or by another program under the same prefix), is a
 * PermanentError naming the key; a retry would read the same bytes.
 */
export function parseStored<T>(schema: z.ZodType<T>, key: string, text: string): T {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new PermanentError(`[ingest] ${key}: stored value is not JSON (${(err as Error).message})`, { cause: err });
  }
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  throw new PermanentError(`[ingest] ${key}: stored value does not match its contract: ${describeIssues(r.error)}`, { cause: r.error });
}

/** Namespaced key: "<prefix>:ingest:<parts...>". */
export function storeKey(prefix: string, ...parts: string[]): string {
  return [prefix, 'ingest', ...parts].join(':');
}

/** The hash of one feed's state and health (ETag, Last-Modified, last success, error streak...). */
export const feedStateKey = (prefix: string, feedId: string) => storeKey(prefix, 'feed', feedId);

// ---------------------------------------------------------------- memory

interface Entry {
  v: string | Set<string> | Map<string, string>;
  expires: number;
}

export class MemoryStore implements IngestStore {
  readonly kind = 'memory' as const;
  private readonly m = new Map<string, Entry>();

  private live(key: string): Entry | undefined {
    const e = this.m.get(key);
    if (e && e.expires <= Date.now()) {
      this.m.delete(key);
      return undefined;
    }
    return e;
  }
  async getJson<T>(key: string, schema: z.ZodType<T>): Promise<T | null> {
    const e = this.live(key);
    return e && typeof e.v === 'string' ? parseStored(schema, key, e.v) : null;
  }
  async setJson(key: string, value: unknown, ttlSec: number): Promise<void> {
    this.m.set(key, { v: JSON.stringify(value), expires: Date.now() + ttlSec * 1000 });
  }
  async getRawMany(keys: readonly string[]): Promise<(string | null)[]> {
    return keys.map((k) => {
      const e = this.live(k);
      return e && typeof e.v === 'string' ? e.v : null;
    });
  }
  async setJsonMany(entries: readonly JsonEntry[], ttlSec: number): Promise<void> {
    for (const e of entries) this.m.set(e.key, { v: jsonOf(e), expires: Date.now() + ttlSec * 1000 });
  }
  async claim(key: string, value: string, ttlSec: number): Promise<string> {
    const e = this.live(key);
    if (e && typeof e.v === 'string') return e.v;
    this.m.set(key, { v: value, expires: Date.now() + ttlSec * 1000 });
    return value;
  }
  async addToSet(key: string, members: string[], ttlSec: number): Promise<number> {
    let e = this.live(key);
    if (!e || !(e.v instanceof Set)) {
      e = { v: new Set<string>(), expires: 0 };
      this.m.set(key, e);
    }
    e.expires = Date.now() + ttlSec * 1000;
    const set = e.v as Set<string>;
    for (const x of members) set.add(x);
    return set.size;
  }
  async members(key: string): Promise<string[]> {
    const e = this.live(key);
    return e && e.v instanceof Set ? [...e.v] : [];
  }
  private hash(key: string, create: boolean): Map<string, string> | undefined {
    const e = this.live(key);
    if (e && e.v instanceof Map) return e.v;
    if (!create) return undefined;
    const h = new Map<string, string>();
    this.m.set(key, { v: h, expires: Number.POSITIVE_INFINITY });
    return h;
  }
  async hgetall(key: string): Promise<Record<string, string>> {
    return Object.fromEntries(this.hash(key, false) ?? []);
  }
  async hset(key: string, fields: Record<string, string | number>): Promise<void> {
    const h = this.hash(key, true)!;
    for (const [k, v] of Object.entries(fields)) h.set(k, String(v));
  }
  async hincr(key: string, field: string, by: number): Promise<number> {
    const h = this.hash(key, true)!;
    const n = Number(h.get(field) ?? 0) + by;
    h.set(field, String(n));
    return n;
  }
  async hdel(key: string, ...fields: string[]): Promise<void> {
    const h = this.hash(key, false);
    for (const f of fields) h?.delete(f);
  }
  async del(...keys: string[]): Promise<void> {
    for (const k of keys) this.m.delete(k);
  }
  async keys(pattern: string): Promise<string[]> {
    const re = new RegExp('^' + pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.') + '$');
    return [...this.m.keys()].filter((k) => this.live(k) && re.test(k));
  }
  async close(): Promise<void> {
    this.m.clear();
  }
}

// ---------------------------------------------------------------- redis

export class RedisStore implements IngestStore {
  readonly kind = 'redis' as const;
  constructor(private readonly redis: RedisClient) {}

  /** A store on its own connection (commands fail fast instead of queueing forever). */
  /** A store on its own connection (reporting to `reconnects` in a worker process). */
  static connect(url: string, reconnects?: RedisReconnects): RedisStore {
    const opts = { maxRetriesPerRequest: 3, lazyConnect: false };
    return new RedisStore(reconnects ? reconnects.watch(connectRedis(url, { ...opts, ...reconnects.options() })) : connectRedis(url, opts));
  }

  async getJson<T>(key: string, schema: z.ZodType<T>): Promise<T | null> {
    const s = await this.redis.get(key);
    return s === null ? null : parseStored(schema, key, s);
  }
  async setJson(key: string, value: unknown, ttlSec: number): Promise<void> {
    await this.redis.set(key, JSON.stringify(value), 'EX', ttlSec);
  }
  async getRawMany(keys: readonly string[]): Promise<(string | null)[]> {
    if (!keys.length) return [];
    // One key a call on a cluster (keys of a batch may hash to different slots without a hash tag).
    return this.redis instanceof Cluster ? Promise.all(keys.map((k) => this.redis.get(k))) : this.redis.mget(...keys);
  }
  async setJsonMany(entries: readonly JsonEntry[], ttlSec: number): Promise<void> {
    if (!entries.length) return;
    if (this.redis instanceof Cluster) {
      await Promise.all(entries.map((e) => this.redis.set(e.key, jsonOf(e), 'EX', ttlSec)));
      return;
    }
    const p = this.redis.pipeline();
    for (const e of entries) p.set(e.key, jsonOf(e), 'EX', ttlSec);
    const res = await p.exec();
    const err = res?.find(([e]) => e)?.[0];
    if (err) throw err;
  }
  async claim(key: string, value: string, ttlSec: number): Promise<string> {
    const ok = await this.redis.set(key, value, 'EX', ttlSec, 'NX');
    if (ok === 'OK') return value;
    return (await this.redis.get(key)) ?? value;
  }
  async addToSet(key: string, members: string[], ttlSec: number): Promise<number> {
    const res = await this.redis.multi().sadd(key, ...members).expire(key, ttlSec).scard(key).exec();
    const last = res?.[2];
    if (!last || last[0]) throw last?.[0] ?? new Error(`[store redis] ${key}: transaction failed`);
    return Number(last[1]);
  }
  async members(key: string): Promise<string[]> {
    return this.redis.smembers(key);
  }
  async hgetall(key: string): Promise<Record<string, string>> {
    return this.redis.hgetall(key);
  }
  async hset(key: string, fields: Record<string, string | number>): Promise<void> {
    if (Object.keys(fields).length) await this.redis.hset(key, fields);
  }
  async hincr(key: string, field: string, by: number): Promise<number> {
    return this.redis.hincrby(key, field, by);
  }
  async hdel(key: string, ...fields: string[]): Promise<void> {
    if (fields.length) await this.redis.hdel(key, ...fields);
  }
  async del(...keys: string[]): Promise<void> {
    if (keys.length) await this.redis.del(...keys);
  }
  async keys(pattern: string): Promise<string[]> {
    const out: string[] = [];
    let cursor = '0';
    do {
      const [next, batch] = await this.redis.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
      cursor = next;
      out.push(...batch);
    } while (cursor !== '0');
    return out;
  }
  async close(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}

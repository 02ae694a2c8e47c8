/**
 * Feeds on a schedule: one BullMQ job scheduler per feed (id = feed id) on the feed-poll queue,
 * and the feed's state and health in a Redis hash next to it (ETag/Last-Modified, last success,
 * last new item, error streak; written by the pollFeed stage).
 */
import type { IngestConfig } from './config.ts';
import { FeedListError } from './feed-list.ts';
import type { FeedSpec } from './feed-list.ts';
import type { Queues } from './queues.ts';
import { jobOptions } from './queues.ts';
import { feedStateKey } from './store.ts';
import type { IngestStore } from './store.ts';
import type { FeedPollPayload } from './types.ts';

export interface FeedHealth {
  id: string;
  url: string;
  everyMs: number | null;
  nextPollAt: string | null;
  lastSuccessAt: string | null;
  lastNewItemAt: string | null;
  lastStatus: number | null;
  errorStreak: number;
  lastError: string | null;
  lastErrorAt: string | null;
  newItems: number;
  /** Set when the feed has been silent (no new item) longer than expected, or keeps failing. */
  warning: string | null;
}

/** Silence expected at most: the feed's maxSilence, else 20 polls, at least a day. */
export function expectedSilenceMs(everyMs: number, maxSilenceMs?: number): number {
  return maxSilenceMs ?? Math.max(24 * 3600_000, 20 * everyMs);
}

export async function addFeed(cfg: IngestConfig, queues: Queues, store: IngestStore, spec: FeedSpec): Promise<void> {
  // scheduled feeds are polled by any worker: never a local file (checkFeeds refuses them first)
  if (spec.file || !/^https?:\/\//i.test(spec.url)) throw new FeedListError(`[feeds] feed "${spec.id}": a scheduled feed needs an http(s) URL`);
  const { attempts, backoff, removeOnComplete, removeOnFail } = jobOptions(cfg);
  await queues.feed.upsertJobScheduler(
    spec.id,
    { every: spec.every },
    { name: 'poll', data: { feedId: spec.id, url: spec.url } satisfies FeedPollPayload, opts: { attempts, backoff, removeOnComplete, removeOnFail } },
  );
  const fields: Record<string, string | number> = { url: spec.url, everyMs: spec.every, addedAt: new Date().toISOString() };
  if (spec.maxSilence !== undefined) fields['maxSilenceMs'] = spec.maxSilence;
  const key = feedStateKey(cfg.prefix, spec.id);
  const prev = await store.hgetall(key);
  if (prev['addedAt']) delete fields['addedAt'];
  // a new URL: the validators of the old one do not apply (polls read the URL from this hash)
  if (prev['url'] !== undefined && prev['url'] !== spec.url) await store.hdel(key, 'etag', 'lastModified');
  await store.hset(key, fields);
  if (spec.maxSilence === undefined) await store.hdel(key, 'maxSilenceMs');
}

/** Remove a feed's scheduler and state; false when there was no such feed. */
export async function removeFeed(cfg: IngestConfig, queues: Queues, store: IngestStore, id: string): Promise<boolean> {
  const removed = await queues.feed.removeJobScheduler(id);
  const key = feedStateKey(cfg.prefix, id);
  const had = Object.keys(await store.hgetall(key)).length > 0;
  await store.del(key);
  return removed || had;
}

export async function listFeeds(cfg: IngestConfig, queues: Queues, store: IngestStore, now = Date.now()): Promise<FeedHealth[]> {
  const schedulers = await queues.feed.getJobSchedulers(0, -1, true);
  const out: FeedHealth[] = [];
  for (const s of schedulers) {
    const id = s.id ?? s.key;
    const st = await store.hgetall(feedStateKey(cfg.prefix, id));
    const data = s.template?.data as FeedPollPayload | undefined;
    const everyMs = s.every ?? (st['everyMs'] ? Number(st['everyMs']) : null);
    const errorStreak = Number(st['errorStreak'] ?? 0);
    const h: FeedHealth = {
      id,
      url: data?.url ?? st['url'] ?? '',
      everyMs,
      nextPollAt: s.next ? new Date(s.next).toISOString() : null,
      lastSuccessAt: st['lastSuccessAt'] ?? null,
      lastNewItemAt: st['lastNewItemAt'] ?? null,
      lastStatus: st['lastStatus'] ? Number(st['lastStatus']) : null,
      errorStreak,
      lastError: st['lastError'] ?? null,
      lastErrorAt: st['lastErrorAt'] ?? null,
      newItems: Number(st['newItems'] ?? 0),
      warning: null,
    };
    const warnings: string[] = [];
    if (errorStreak >= 3) warnings.push(`failing: ${errorStreak} polls in a row`);
    if (everyMs) {
      const limit = expectedSilenceMs(everyMs, st['maxSilenceMs'] ? Number(st['maxSilenceMs']) : undefined);
      const since = Date.parse(h.lastNewItemAt ?? st['addedAt'] ?? '');
      if (Number.isFinite(since) && now - since > limit) {
        warnings.push(`silent for ${formatDuration(now - since)} (expected at most ${formatDuration(limit)})`);
      }
    }
    h.warning = warnings.length ? warnings.join('; ') : null;
    out.push(h);
  }
  return out.sort((a, b) => (a.id < b.id ? -1 : 1));
}

export interface SyncResult {
  added: string[];
  updated: string[];
  removed: string[];
  unchanged: string[];
}

/** One change a sync makes (or, with dryRun, would make). */
export interface SyncChange {
  action: 'add' | 'update' | 'remove';
  id: string;
  url: string;
  everyMs: number | null;
  /** An update: the schedule before it. */
  from?: { url: string; everyMs: number | null; maxSilenceMs: number | null };
  maxSilenceMs?: number | null;
}

export interface SyncOptions {
  /** Compute the changes, apply none. */
  dryRun?: boolean;
  /** Leave scheduled feeds that the list does not name (feeds added with `feeds add`). */
  keep?: boolean;
}

/**
 * Make the schedulers match the list: add new feeds, update changed ones, remove the others
 * (unless `keep`). Idempotent. With `dryRun` nothing is written; the result says what would be.
 */
export async function syncFeeds(
  cfg: IngestConfig,
  queues: Queues,
  store: IngestStore,
  specs: FeedSpec[],
  opts: SyncOptions = {},
): Promise<SyncResult & { dryRun: boolean; changes: SyncChange[] }> {
  const res: SyncResult & { dryRun: boolean; changes: SyncChange[] } = { added: [], updated: [], removed: [], unchanged: [], dryRun: !!opts.dryRun, changes: [] };
  const existing = new Map((await queues.feed.getJobSchedulers(0, -1, true)).map((s) => [s.id ?? s.key, s]));
  for (const spec of specs) {
    const cur = existing.get(spec.id);
    const st = cur ? await store.hgetall(feedStateKey(cfg.prefix, spec.id)) : {};
    const curUrl = (cur?.template?.data as FeedPollPayload | undefined)?.url;
    const curSilence = st['maxSilenceMs'] ? Number(st['maxSilenceMs']) : undefined;
    if (cur && cur.every === spec.every && curUrl === spec.url && curSilence === spec.maxSilence) {
      res.unchanged.push(spec.id);
      continue;
    }
    if (!opts.dryRun) await addFeed(cfg, queues, store, spec);
    (cur ? res.updated : res.added).push(spec.id);
    res.changes.push({
      action: cur ? 'update' : 'add',
      id: spec.id,
      url: spec.url,
      everyMs: spec.every,
      maxSilenceMs: spec.maxSilence ?? null,
      ...(cur ? { from: { url: curUrl ?? st['url'] ?? '', everyMs: cur.every ?? null, maxSilenceMs: curSilence ?? null } } : {}),
    });
  }
  if (!opts.keep) {
    const wanted = new Set(specs.map((s) => s.id));
    for (const [id, cur] of existing) {
      if (wanted.has(id)) continue;
      if (!opts.dryRun) await removeFeed(cfg, queues, store, id);
      res.removed.push(id);
      res.changes.push({ action: 'remove', id, url: (cur.template?.data as FeedPollPayload | undefined)?.url ?? '', everyMs: cur.every ?? null });
    }
  }
  return res;
}

/** A sync's changes as lines: "+ id  url  every 15m", "~ id  url: old -> new", "- id  url". */
export function formatSyncChanges(changes: readonly SyncChange[]): string[] {
  const every = (ms: number | null | undefined) => (ms ? formatDuration(ms) : '?');
  return changes.map((c) => {
    if (c.action === 'add') return `+ ${c.id}  ${c.url}  every ${every(c.everyMs)}`;
    if (c.action === 'remove') return `- ${c.id}  ${c.url}`;
    const diffs: string[] = [];
    if (c.from && c.from.url !== c.url) diffs.push(`url ${c.from.url} -> ${c.url}`);
    if (c.from && c.from.everyMs !== c.everyMs) diffs.push(`every ${every(c.from.everyMs)} -> ${every(c.everyMs)}`);
    if (c.from && c.from.maxSilenceMs !== (c.maxSilenceMs ?? null)) diffs.push(`max silence ${c.from.maxSilenceMs ? every(c.from.maxSilenceMs) : 'default'} -> ${c.maxSilenceMs ? every(c.maxSilenceMs) : 'default'}`);
    return `~ ${c.id}  ${diffs.join(', ')}`;
  });
}

/**
 * Poll a scheduled feed now, outside its schedule: one poll job with the feed's current URL.
 * Returns the job id, or null when there is no such feed.
 */
export async function pollFeedNow(cfg: IngestConfig, queues: Queues, store: IngestStore, id: string, now = Date.now()): Promise<string | null> {
  const scheduler = await queues.feed.getJobScheduler(id);
  const st = await store.hgetall(feedStateKey(cfg.prefix, id));
  const url = st['url'] || (scheduler?.template?.data as FeedPollPayload | undefined)?.url;
  if (!scheduler || !url) return null;
  const { attempts, backoff, removeOnComplete, removeOnFail } = jobOptions(cfg);
  const job = await queues.feed.add('poll', { feedId: id, url } satisfies FeedPollPayload, {
    jobId: `poll-now-${id}-${now}`,
    attempts,
    backoff,
    removeOnComplete,
    removeOnFail,
  });
  return job.id ?? null;
}

export function formatDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 120) return `${s}s`;
  const m = Math.round(s / 60);
  if (m < 120) return `${m}m`;
  const h = Math.round(m / 60);
  if (h < 48) return `${h}h`;
  return `${Math.round(h / 24)}d`;
}

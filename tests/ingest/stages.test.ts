/** The stage functions on their own (no transport, no network). */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { httpClientFor } from '../../src/ingest/resources.ts';
import { loadConfig } from '../../src/ingest/config.ts';
import { classify } from '../../src/ingest/errors.ts';
import { silentLogger } from '../../src/ingest/log.ts';
import { decodeHtml, extractMany, park, pollFeed, sinkMany } from '../../src/ingest/stages/index.ts';
import type { StageContext } from '../../src/ingest/stages/index.ts';
import { MemoryStore, feedStateKey, storeKey } from '../../src/ingest/store.ts';
import { ParkedArticleSchema } from '../../src/contracts.ts';
import type { SinkDriver } from '../../src/sinks/types.ts';

/** Real-world feed files (vendored from ../shared/corpus/feeds; tests/fixtures/feeds/SOURCES.md says where each comes from). */
const FEEDS = fileURLToPath(new URL('../fixtures/feeds/', import.meta.url));
const ctxOf = (): StageContext => ({ cfg: loadConfig({}, {}), store: new MemoryStore(), log: silentLogger() });

describe('pollFeed over real-world feed files', () => {
  it('every file yields items or a classified permanent error', async () => {
    const files = readdirSync(FEEDS).filter((f) => !f.endsWith('.md'));
    expect(files.length).toBeGreaterThan(50);
    let ok = 0;
    let failed = 0;
    for (const f of files) {
      const ctx = ctxOf();
      try {
        const r = await pollFeed(ctx, { feedId: 'f', url: join(FEEDS, f), file: true }, { jobId: 'j1', final: true });
        expect(r.status).toBe(200);
        for (const p of r.fresh) expect(p.url).toMatch(/^https?:\/\//);
        ok++;
      } catch (err) {
        expect(classify(err).permanent, `${f}: ${(err as Error).message}`).toBe(true);
        expect((err as Error).message).toMatch(/^\[(feeds|ingest)\]/);
        failed++;
      }
    }
    expect(ok).toBeGreaterThan(files.length * 0.7);
    expect(ok + failed).toBe(files.length);
    console.info(`corpus feeds: ${ok} polled, ${failed} failed with a classified error`);
  });

  it('a second poll of the same feed by another job finds nothing new; a retry of the same job finds it all again', async () => {
    const ctx = ctxOf();
    const file = join(FEEDS, 'rss-parser__guardian.rss');
    const first = await pollFeed(ctx, { feedId: 'guardian', url: file, file: true }, { jobId: 'poll-1', final: false });
    expect(first.fresh.length).toBeGreaterThan(0);
    const retry = await pollFeed(ctx, { feedId: 'guardian', url: file, file: true }, { jobId: 'poll-1', final: false });
    expect(retry.fresh.map((p) => p.articleId)).toEqual(first.fresh.map((p) => p.articleId));
    const later = await pollFeed(ctx, { feedId: 'guardian', url: file, file: true }, { jobId: 'poll-2', final: false });
    expect(later.fresh).toEqual([]);
  });

  it("a poll job made before the feed's URL changed polls the current URL (the feed's state), not the job's", async () => {
    const ctx = ctxOf();
    const now = join(FEEDS, 'rss-parser__guardian.rss');
    await ctx.store.hset(feedStateKey(ctx.cfg.prefix, 'moved'), { url: now });
    const r = await pollFeed(ctx, { feedId: 'moved', url: join(FEEDS, 'no-longer-here.rss'), file: true }, { jobId: 'old-job', final: true });
    expect(r.fresh.length).toBeGreaterThan(0);
    expect((await ctx.store.hgetall(feedStateKey(ctx.cfg.prefix, 'moved')))['url']).toBe(now);
  });
});

describe('pollFeed over HTTP with validators (a real server on loopback)', () => {
  /** A feed that answers If-None-Match with 304 while it is unchanged; counts the 200s and 304s. */
  async function etagFeed() {
    const items = Array.from({ length: 5 }, (_, i) => `<item><title>Story ${i}</title><link>http://news.test/story-${i}</link></item>`).join('');
    const body = `<?xml version="1.0"?><rss version="2.0"><channel><title>Loopback news</title>${items}</channel></rss>`;
    const seen = { full: 0, notModified: 0 };
    const server = createServer((req, res) => {
      if (req.headers['if-none-match'] === '"v1"') {
        seen.notModified++;
        res.writeHead(304, { etag: '"v1"' }).end();
        return;
      }
      seen.full++;
      res.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"v1"' }).end(body);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/feed.xml`;
    return { url, seen, close: () => new Promise<void>((r) => server.close(() => r())) };
  }

  it('a poll that dies after claiming its items, before queueing them, finds them again when re-run (no 304 shortcut)', async () => {
    const feed = await etagFeed();
    try {
      const cfg = loadConfig({}, { NEWSNLP_ALLOW_PRIVATE: '1' });
      const ctx: StageContext = { cfg, store: new MemoryStore(), log: silentLogger(), http: httpClientFor(cfg) };
      const p = { feedId: 'etag', url: feed.url };
      // the first run claims five items, then queueing them fails (Redis went away, the worker was killed)
      const died = pollFeed(ctx, p, { jobId: 'poll-1', final: false }, async () => {
        throw new Error('connection lost');
      });
      await expect(died).rejects.toThrow('connection lost');
      // the validators are not stored for a poll whose items were never queued
      expect((await ctx.store.hgetall(feedStateKey(cfg.prefix, 'etag')))['etag']).toBeUndefined();
      // another poll job meanwhile: everything is claimed by poll-1; it stores the ETag
      const other = await pollFeed(ctx, p, { jobId: 'poll-2', final: false });
      expect(other).toMatchObject({ status: 200, items: 5, fresh: [] });
      expect((await ctx.store.hgetall(feedStateKey(cfg.prefix, 'etag')))['etag']).toBe('"v1"');
      // poll-1 re-run: asks unconditionally, gets its five items back and queues them
      const queued: string[] = [];
      const rerun = await pollFeed(ctx, p, { jobId: 'poll-1', final: false, rerun: true }, async (fresh) => {
        queued.push(...fresh.map((f) => f.url));
      });
      expect(rerun.status).toBe(200);
      expect(queued).toEqual([0, 1, 2, 3, 4].map((i) => `http://news.test/story-${i}`));
      // a first run of a new job still uses the validator
      const later = await pollFeed(ctx, p, { jobId: 'poll-3', final: false });
      expect(later).toMatchObject({ status: 304, fresh: [] });
      expect(feed.seen).toEqual({ full: 3, notModified: 1 });
    } finally {
      await feed.close();
    }
  });
});

describe('park: exact and near duplicates', () => {
  const base = { url: null, canonicalUrl: null, feedId: null, via: 'file' as const, discoveredAt: '2025-01-01T00:00:00Z', updatedAt: null, fallbackReason: null };
  const text = Array.from({ length: 60 }, (_, i) => `Sentence number ${i} talks about item ${i * 7} in the quarterly report.`).join(' ');
  const article = (t: string) => ({ url: null, title: 'T', publishedAt: null, source: null, text: t });

  it('same text under another id is a content duplicate; parking the original again is not', async () => {
    const ctx = ctxOf();
    const a = await park(ctx, 'a', article(text), { ...base, source: 's1' });
    expect(a.ingest.duplicateOf).toBeNull();
    const b = await park(ctx, 'b', article(text.toUpperCase()), { ...base, source: 's2' });
    expect(b.ingest).toMatchObject({ duplicateOf: 'a', duplicateKind: 'content', sources: 2 });
    const again = await park(ctx, 'a', article(text), { ...base, source: 's1' });
    expect(again.ingest.duplicateOf).toBeNull();
  });

  it('a lightly edited copy is a near duplicate of the first one parked', async () => {
    const ctx = ctxOf();
    await park(ctx, 'orig', article(text), { ...base, source: 's1' });
    const copy = await park(ctx, 'copy', article(text.replace('item 7 ', 'item seven ') + ' Reporting by a news agency.'), { ...base, source: 's2' });
    expect(copy.ingest).toMatchObject({ duplicateOf: 'orig', duplicateKind: 'near' });
    const other = await park(ctx, 'other', article(Array.from({ length: 60 }, (_, i) => `Rainfall ${i} fell on town ${i * 3} overnight.`).join(' ')), { ...base, source: 's3' });
    expect(other.ingest.duplicateOf).toBeNull();
  });
});

describe('decodeHtml', () => {
  it('uses the Content-Type charset, else a meta charset, else UTF-8', () => {
    const latin1 = Buffer.from('<p>caf\u00e9</p>', 'latin1');
    expect(decodeHtml(latin1, 'text/html; charset=ISO-8859-1')).toBe('<p>café</p>');
    expect(decodeHtml(Buffer.concat([Buffer.from('<meta charset="windows-1252">'), latin1]), undefined)).toContain('café');
    expect(decodeHtml(Buffer.from('<p>café</p>'), 'text/html')).toBe('<p>café</p>');
  });
});

describe('extractMany on the worker thread', () => {
  it('hands the event loop back during a batch: a timer due mid-batch runs before the batch ends', async () => {
    const ctx = ctxOf();
    const base = { url: null, canonicalUrl: null, feedId: null, via: 'file' as const, discoveredAt: '2025-01-01T00:00:00Z', updatedAt: null, fallbackReason: null, source: 's' };
    const ids = Array.from({ length: 12 }, (_, i) => `b${i}`);
    for (const [i, id] of ids.entries()) {
      // Distinct texts (not duplicates of one another), long enough to take a few ms each.
      const text = Array.from({ length: 150 }, (_, k) => `Company ${i} Holdings said unit ${k} sold ${k * (i + 3)} widgets in ${1990 + (k % 30)}.`).join(' ');
      await park(ctx, id, { url: null, title: `T${i}`, publishedAt: null, source: null, text }, base);
    }
    await extractMany(ctx, [{ articleId: 'warm', articleKey: storeKey(ctx.cfg.prefix, 'article', ids[0]!) }]);
    let timerAt: number | null = null;
    const t0 = performance.now();
    setTimeout(() => (timerAt = performance.now() - t0), 1);
    const out = await extractMany(ctx, ids.map((id) => ({ articleId: id, articleKey: storeKey(ctx.cfg.prefix, 'article', id) })));
    const batchMs = performance.now() - t0;
    expect(out.every((o) => o.ok)).toBe(true);
    expect(batchMs).toBeGreaterThan(30); // a batch long enough for the check to mean something
    expect(timerAt).not.toBeNull();
    expect(timerAt!).toBeLessThan(batchMs);
  });
});

describe('values read back from the store are parsed with their contracts', () => {
  it('a parked article or an envelope that does not match is a permanent error naming its key; nothing is written', async () => {
    const writes: unknown[] = [];
    const sink: SinkDriver = { name: 'spy', write: async (e) => (writes.push(...e), e.length), flush: async () => undefined, dispose: async () => undefined };
    const ctx: StageContext = { ...ctxOf(), sink };
    const localOpts = { url: null, canonicalUrl: null, feedId: null, via: 'file' as const, discoveredAt: '2025-01-01T00:00:00Z', updatedAt: null, fallbackReason: null };
    const articleKey = storeKey(ctx.cfg.prefix, 'article', 'odd');
    await ctx.store.setJson(articleKey, { articleId: 'odd', article: { title: 'T' }, ingest: {} }, 60);

    await expect(ctx.store.getJson(articleKey, ParkedArticleSchema)).rejects.toThrow(articleKey);
    const [x] = await extractMany(ctx, [{ articleId: 'odd', articleKey }]);
    expect(x!.ok).toBe(false);
    const xerr = (x as { error: Error }).error;
    expect(classify(xerr).permanent).toBe(true);
    expect(xerr.message).toMatch(new RegExp(`^\\[ingest\\] ${articleKey}: stored value does not match its contract: article\\.url: .*; and 14 more$`));

    const recordKey = storeKey(ctx.cfg.prefix, 'record', 'odd');
    const parked = await park(ctx, 'fine', { url: null, title: 'T', publishedAt: null, source: null, text: 'Some text.' }, { ...localOpts, source: 's' });
    const odd = JSON.stringify({ id: 'odd', record: null, ingest: { ...parked.ingest, via: 'carrier-pigeon' } });
    await ctx.store.setJsonMany([{ key: recordKey, json: odd }], 60);
    const brokenKey = storeKey(ctx.cfg.prefix, 'record', 'cut');
    await ctx.store.setJsonMany([{ key: brokenKey, json: '{"id":"cut","record":' }], 60);
    const outcomes = await sinkMany(ctx, [
      { articleId: 'odd', recordKey },
      { articleId: 'cut', recordKey: brokenKey },
    ]);
    expect(outcomes.map((o) => o.ok)).toEqual([false, false]);
    const [viaErr, cutErr] = outcomes.map((o) => (o as { error: Error }).error);
    expect(classify(viaErr).permanent && classify(cutErr).permanent).toBe(true);
    expect(viaErr!.message).toBe(`[ingest] ${recordKey}: stored value does not match its contract: ingest.via: Invalid option: expected one of "page"|"feed-item"|"file"`);
    expect(cutErr!.message).toMatch(new RegExp(`^\\[ingest\\] ${brokenKey}: stored value is not JSON`));
    expect(writes).toEqual([]);
  });
});

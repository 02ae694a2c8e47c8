/**
 * One article, one id. A feed lists an article under one link (a feed proxy's), while the page
 * names another canonical URL (the publisher's): the article keeps the id it was first known by,
 * from the feed item's link. The JSONL envelope, its record, the flat lines and the PostgreSQL
 * rows all carry that id, through the in-process runner and through the queue workers.
 * A loopback server, a private PostgreSQL schema and (queue path) a fresh Redis prefix per test.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Envelope } from '../../src/contracts.ts';
import { migrate } from '../../src/db/migrate.ts';
import type { IngestConfig } from '../../src/ingest/config.ts';
import { runIngest } from '../../src/ingest/local.ts';
import { silentLogger } from '../../src/ingest/log.ts';
import { FanoutSink, JsonlSink, PostgresSink } from '../../src/sinks/index.ts';
import { articleIdOf } from '../../src/util/ids.ts';
import { freshSchema } from '../db/pg.ts';
import type { TestSchema } from '../db/pg.ts';
import { startServer } from '../helpers/http-server.ts';
import type { TestServer } from '../helpers/http-server.ts';
import { cleanupPrefix, newPrefix, testConfig } from '../workers/redis-helpers.ts';

/** The publisher's URL, named by the page (canonical link and og:url); the feed links elsewhere. */
const CANONICAL = 'https://news.example.com/2025/03/04/globex-initech';

// An invented story.
const PAGE = `<!doctype html><html><head><meta charset="utf-8">
<title>Globex to buy Initech</title>
<link rel="canonical" href="${CANONICAL}">
<meta property="og:url" content="${CANONICAL}">
</head><body><article><h1>Globex to buy Initech</h1>
<p>Globex Corp agreed to buy Initech Inc for $2 billion in cash on Monday, the companies said in a joint statement.</p>
<p>Acme Corp holds a 34% share of the European widget market, according to research firm Foo Analytics, ahead of Globex with 21%.</p>
<p>The deal is expected to close in the second half of the year, subject to approval by regulators in Europe and the United States.</p>
</article></body></html>`;

async function startFeedServer(): Promise<TestServer & { itemLink: string }> {
  let origin = '';
  const server = await startServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/robots.txt') return res.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nAllow: /\n');
    if (path === '/feed.xml') {
      return res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(
        `<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><link>${origin}/</link>` +
          `<item><title>Globex to buy Initech</title><link>${origin}/r/7f3a?from=rss</link>` +
          '<description>Globex Corp agreed to buy Initech Inc.</description><pubDate>Tue, 04 Mar 2025 08:30:00 GMT</pubDate></item>' +
          '</channel></rss>',
      );
    }
    if (path === '/r/7f3a') return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE);
    res.writeHead(404).end();
  });
  origin = server.origin;
  return Object.assign(server, { itemLink: `${origin}/r/7f3a?from=rss` });
}

describe('one article id from the feed item to the record, the flat lines and PostgreSQL', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const f of cleanups.splice(0).reverse()) await f();
  });

  async function setup(cfg: IngestConfig) {
    const srv = await startFeedServer();
    cleanups.push(() => srv.close());
    const db: TestSchema = await freshSchema();
    cleanups.push(() => db.drop());
    await migrate(db.pool);
    const dir = mkdtempSync(join(tmpdir(), 'newsnlp-id-'));
    const paths = { jsonl: join(dir, 'records.ndjson'), flat: join(dir, 'flat.ndjson') };
    const sink = new FanoutSink([new JsonlSink(paths.jsonl), new JsonlSink(paths.flat, { format: 'flat' }), new PostgresSink(db.url, { pool: db.newPool() })]);
    cleanups.push(() => sink.dispose());
    const lines = <T>(p: string): T[] => (existsSync(p) ? readFileSync(p, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as T) : []);
    const run = () => runIngest({ cfg, feeds: [{ id: 'wire', url: `${srv.origin}/feed.xml`, every: 900_000 }], sink, log: silentLogger() });

    /** Run once; every id the article has anywhere. */
    const check = async () => {
      const s = await run();
      expect(s).toMatchObject({ feedsPolled: 1, articles: 1, written: 1, failures: [] });
      const [envelope, ...more] = lines<Envelope>(paths.jsonl);
      expect(more).toEqual([]);
      const flat = lines<{ type: string; articleId: string; id: string }>(paths.flat);
      const articles = await db.pool.query<{ id: string }>('SELECT id FROM articles');
      const children = await db.pool.query<{ article_id: string }>(
        'SELECT article_id FROM article_companies UNION ALL SELECT article_id FROM deals UNION ALL SELECT article_id FROM market_share_claims',
      );
      return { envelope: envelope!, flat, articleRows: articles.rows.map((r) => r.id), childIds: [...new Set(children.rows.map((r) => r.article_id))] };
    };
    return { srv, check };
  }

  const expectOneId = (srv: { itemLink: string }, got: Awaited<ReturnType<Awaited<ReturnType<typeof setup>>['check']>>) => {
    const id = articleIdOf(srv.itemLink);
    const { envelope, flat, articleRows, childIds } = got;
    // The page did name another URL: the record keeps it as its url, not as its id.
    expect(envelope.record!.url).toBe(CANONICAL);
    expect(articleIdOf(CANONICAL)).not.toBe(id);
    expect(envelope.id).toBe(id);
    expect(envelope.record!.id).toBe(id);
    expect(envelope.record!.companies.length).toBeGreaterThan(0);
    expect(flat.find((l) => l.type === 'article')?.id).toBe(id);
    expect([...new Set(flat.map((l) => l.articleId))]).toEqual([id]);
    expect(articleRows).toEqual([id]);
    expect(childIds).toEqual([id]);
  };

  it('in process (no Redis)', async () => {
    const cfg = testConfig(newPrefix(), { redisUrl: null, backoffMs: 50 });
    const { srv, check } = await setup(cfg);
    expectOneId(srv, await check());
  });

  it('through the BullMQ workers', async () => {
    const cfg = testConfig(newPrefix());
    cleanups.push(() => cleanupPrefix(cfg));
    const { srv, check } = await setup(cfg);
    expectOneId(srv, await check());
  });
});

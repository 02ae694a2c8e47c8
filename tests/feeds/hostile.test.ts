/**
 * Hostile feeds: entity bombs and external entities are never expanded or fetched (the DOCTYPE is
 * not parsed: the parser starts at the root element), in bounded time and memory, and an
 * entity-bombed document fails as a classified FeedError at worst, never with a file's content.
 */
import { describe, expect, it } from 'vitest';
import { FeedError } from '../../src/feeds/errors.ts';
import { parseFeed } from '../../src/feeds/parse.ts';
import { fetchFeed } from '../../src/feeds/fetch-feed.ts';
import { createHttpClient } from '../../src/fetch/http.ts';
import { startServer } from '../helpers/http-server.ts';

const rss = (doctype: string, title: string) =>
  `<?xml version="1.0"?>\n${doctype}\n<rss version="2.0"><channel><title>Wire</title>` +
  `<item><title>${title}</title><link>https://news.example/a</link></item></channel></rss>`;

/** parseFeed's result, or the FeedError it throws (anything else fails the test). */
async function outcome(text: string) {
  const t0 = performance.now();
  const heap0 = process.memoryUsage().heapUsed;
  const r = await parseFeed(text, 'https://news.example/feed').then(
    (feed) => ({ feed, err: null }),
    (err: unknown) => {
      expect(err).toBeInstanceOf(FeedError);
      return { feed: null, err: err as FeedError };
    },
  );
  return { ...r, ms: performance.now() - t0, heapGrowth: process.memoryUsage().heapUsed - heap0 };
}

describe('XML entity bombs and external entities', () => {
  it('billion laughs: nothing is expanded; the parse is quick and small', async () => {
    const lol = ['<!ENTITY lol "lol">'];
    for (let i = 1; i <= 9; i++) lol.push(`<!ENTITY lol${i} "${`&lol${i === 1 ? '' : i - 1};`.repeat(10)}">`);
    const r = await outcome(rss(`<!DOCTYPE rss [\n${lol.join('\n')}\n]>`, 'Story &lol9;'));
    expect(r.ms).toBeLessThan(2000);
    expect(r.heapGrowth).toBeLessThan(50 * 1024 * 1024);
    if (r.feed) for (const it of r.feed.items) expect((it.title ?? '').length).toBeLessThan(100);
  });

  it('quadratic blowup (one big entity used many times) is not expanded either', async () => {
    const big = 'x'.repeat(100_000);
    const r = await outcome(rss(`<!DOCTYPE rss [<!ENTITY big "${big}">]>`, '&big;'.repeat(10_000)));
    expect(r.ms).toBeLessThan(2000);
    if (r.feed) for (const it of r.feed.items) expect((it.title ?? '').length).toBeLessThan(100_000);
  });

  it('an external entity (file: and http:) is neither read nor fetched', async () => {
    const srv = await startServer((_req, res) => res.end('<!ENTITY leak "SECRET-FROM-THE-NETWORK">'));
    try {
      const doctype =
        `<!DOCTYPE rss [\n<!ENTITY xxe SYSTEM "file:///etc/passwd">\n<!ENTITY net SYSTEM "${srv.origin}/x.dtd">\n` +
        `<!ENTITY % remote SYSTEM "${srv.origin}/evil.dtd"> %remote;\n]>`;
      const r = await outcome(rss(doctype, 'A &xxe; B &net; C'));
      const all = JSON.stringify(r.feed ?? r.err?.message ?? '');
      expect(all).not.toMatch(/root:|SECRET-FROM-THE-NETWORK/);
      // and an external DTD by URL
      const r2 = await outcome(rss(`<!DOCTYPE rss SYSTEM "${srv.origin}/rss.dtd">`, 'Plain'));
      expect(r2.feed?.items.map((i) => i.title)).toEqual(['Plain']);
      expect(srv.requests).toEqual([]);
    } finally {
      await srv.close();
    }
  });

  it('served over HTTP, an entity bomb costs a bounded read and a classified outcome', async () => {
    const lol = ['<!ENTITY a "aaaaaaaaaa">'];
    for (let i = 1; i <= 12; i++) lol.push(`<!ENTITY a${i} "${`&a${i === 1 ? '' : i - 1};`.repeat(10)}">`);
    const body = rss(`<!DOCTYPE rss [${lol.join('')}]>`, '&a12;');
    const srv = await startServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(body);
    });
    const http = createHttpClient({ allowPrivate: true, perHostIntervalMs: 0 });
    try {
      const t0 = performance.now();
      const r = await fetchFeed(http, `${srv.origin}/feed.xml`).then(
        (f) => (f.status === 200 ? f.feed.items.map((i) => (i.title ?? '').length) : []),
        (e: unknown) => (e as Error).name,
      );
      expect(performance.now() - t0).toBeLessThan(3000);
      expect(Array.isArray(r) ? Math.max(0, ...r) < 1000 : r === 'FeedError').toBe(true);
    } finally {
      http.close();
      await srv.close();
    }
  });
});

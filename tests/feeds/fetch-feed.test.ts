import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FetchError } from '../../src/fetch/errors.ts';
import { createHttpClient } from '../../src/fetch/http.ts';
import type { HttpClient } from '../../src/fetch/http.ts';
import { FeedError } from '../../src/feeds/errors.ts';
import { fetchFeed } from '../../src/feeds/fetch-feed.ts';
import { startServer } from '../helpers/http-server.ts';
import type { TestServer } from '../helpers/http-server.ts';

const DIR = new URL('../fixtures/feeds/', import.meta.url);
const FILES = readdirSync(DIR).filter((f) => f !== 'SOURCES.md');

/** Content-Type a server would send; where SOURCES.md notes a header, that one. */
function contentType(name: string): string {
  if (name === 'feedparser__http_text_xml_charset_2.xml') return 'text/xml; charset=windows-1252';
  if (name.endsWith('.json')) return 'application/feed+json';
  if (name.endsWith('.atom')) return 'application/atom+xml';
  return 'application/rss+xml';
}

/** What each fixture must give: items (a count) or a classified error. */
const EXPECTED_ERRORS: Record<string, string> = {
  'RSParser__allthis-partial.json': 'malformed',
  'gofeed__invalid.json': 'malformed',
  'feedparser__aaa_illformed.xml': 'malformed',
  'gofeed__empty_feed.xml': 'empty',
  'feedparser__rss_empty_document.xml': 'empty',
  'rss-parser__unrecognized.rss': 'not_a_feed',
};

let server: TestServer;
let http: HttpClient;
beforeAll(async () => {
  server = await startServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const name = decodeURIComponent(url.pathname.slice('/feeds/'.length));
    if (!FILES.includes(name)) {
      res.writeHead(404);
      return void res.end();
    }
    const body = readFileSync(new URL(name, DIR));
    // A mislabelled header, as many servers send: UTF-8 claimed over Latin-1 bytes.
    if (url.searchParams.has('lie')) {
      res.writeHead(200, { 'content-type': 'text/xml; charset=utf-8' });
      return void res.end(body);
    }
    if (url.searchParams.has('gzip')) {
      res.writeHead(200, { 'content-type': contentType(name), 'content-encoding': 'gzip' });
      return void res.end(gzipSync(body));
    }
    res.writeHead(200, { 'content-type': contentType(name) });
    res.end(body);
  });
  http = createHttpClient({ allowPrivate: true, perHostConcurrency: 4, perHostIntervalMs: 0 });
});
afterAll(async () => {
  http.close();
  await server.close();
});

describe('fetchFeed over HTTP: every fixture yields items or a classified error', () => {
  it.each(FILES)('%s', async (name) => {
    const url = `${server.origin}/feeds/${encodeURIComponent(name)}`;
    const outcome = await fetchFeed(http, url).then(
      (r) => ({ ok: true as const, r }),
      (e: unknown) => ({ ok: false as const, e }),
    );
    const expected = EXPECTED_ERRORS[name];
    if (expected) {
      expect(outcome.ok).toBe(false);
      if (outcome.ok) return;
      expect(outcome.e).toBeInstanceOf(FeedError);
      expect((outcome.e as FeedError).kind).toBe(expected);
      expect((outcome.e as FeedError).message).toContain(url);
      return;
    }
    if (!outcome.ok) throw outcome.e; // shows the unexpected error
    const r = outcome.r;
    expect(r.status).toBe(200);
    if (r.status !== 200) return;
    expect(['rss', 'rdf', 'atom', 'json']).toContain(r.feed.format);
    for (const item of r.feed.items) {
      if (item.link) expect(item.link).toMatch(/^https?:\/\//);
      expect(item.title ?? '').not.toContain('\ufffd');
    }
  });

  it('no fixture throws anything but FeedError/FetchError', async () => {
    const results = await Promise.allSettled(FILES.map((f) => fetchFeed(http, `${server.origin}/feeds/${encodeURIComponent(f)}`)));
    const other = results.filter((r) => r.status === 'rejected' && !(r.reason instanceof FeedError) && !(r.reason instanceof FetchError));
    expect(other).toEqual([]);
    const ok = results.filter((r) => r.status === 'fulfilled').length;
    expect(ok).toBe(FILES.length - Object.keys(EXPECTED_ERRORS).length);
  });
});

describe('fetchFeed over HTTP: specific files', () => {
  const get = (name: string, query = '') => fetchFeed(http, `${server.origin}/feeds/${name}${query}`);

  it('the HTTP charset decodes a feed that declares none (£ and curly quotes)', async () => {
    const r = await get('feedparser__http_text_xml_charset_2.xml');
    if (r.status !== 200) throw new Error('expected 200');
    expect(r.encoding).toBe('windows-1252');
    expect(r.feed.items[0]!.summary).toBe('This is a £“test.”');
  });

  it('a UTF-8 header over Latin-1 bytes is overruled by the bytes', async () => {
    const r = await get('rss-parser__encoding.rss', '?lie');
    if (r.status !== 200) throw new Error('expected 200');
    expect(r.encoding).toBe('windows-1252');
    expect(r.feed.title).toBe('Jornal de Notícias - Últimas Notícias');
    expect(r.feed.items).toHaveLength(40);
  });

  it('gzip transfer encoding and a UTF-16 body', async () => {
    const r = await get('node-feedparser__iconv.xml', '?gzip');
    if (r.status !== 200) throw new Error('expected 200');
    expect(r.feed.items).toHaveLength(10);
    expect(r.feed.items[0]!.title).toMatch(/^В Бузулуке главные стройплощадки – детсад/);
    const u16 = await get('feedparser__utf-16le-bom.xml');
    if (u16.status !== 200) throw new Error('expected 200');
    expect(u16.encoding).toBe('utf-16le');
  });

  it('JSON Feed items over HTTP', async () => {
    const r = await get('feed-rs__jsonfeed_elastic_1.1.json');
    if (r.status !== 200) throw new Error('expected 200');
    expect(r.feed.format).toBe('json');
    expect(r.feed.items).toHaveLength(3);
    expect(r.feed.items[0]!.title).toBe('InfluxDB vs. Graphite for Time Series Data & Metrics Benchmark');
    expect(r.feed.items[0]!.link).toMatch(/^https:\/\/www\.influxdata\.com\/blog\/influxdb-outperforms-graphite/);
  });

  it('a 404 feed URL is a permanent FetchError', async () => {
    const err = await get('nope.xml').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FetchError);
    expect((err as FetchError).kind).toBe('permanent');
  });
});

import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DEFAULT_USER_AGENT, createHttpClient } from '../../src/fetch/http.ts';
import { fetchHarness } from '../helpers/fetch-harness.ts';

// Every test talks to its own server on 127.0.0.1 and closes server and client afterwards.
const { serve, client, track, fetchError } = fetchHarness({ allowPrivate: true });

describe('createHttpClient: basics', () => {
  it('GETs a body with our User-Agent and reports the final URL', async () => {
    const s = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end('<rss/>');
    });
    const res = await client().get(`${s.origin}/feed.xml`, { accept: 'application/rss+xml' });
    expect(res.status).toBe(200);
    expect(res.body.toString()).toBe('<rss/>');
    expect(res.url).toBe(`${s.origin}/feed.xml`);
    expect(s.requests[0]!.headers['user-agent']).toBe(DEFAULT_USER_AGENT);
    expect(DEFAULT_USER_AGENT).toMatch(/^newsnlp\/\d+\.\d+\.\d+ \(\+https:\/\/github\.com\/newsnlp\/newsnlp\)$/);
    expect(s.requests[0]!.headers.accept).toBe('application/rss+xml');
  });

  it('rejects invalid options through zod', () => {
    expect(() => createHttpClient({ maxBodyBytes: -1 })).toThrow();
  });

  it('close() is idempotent and later calls fail permanently', async () => {
    const s = await serve((_req, res) => res.end('x'));
    const c = client();
    c.close();
    c.close();
    const err = await fetchError(c.get(`${s.origin}/`));
    expect(err.kind).toBe('permanent');
    expect(err.reason).toBe('closed');
  });
});

describe('createHttpClient: faults', () => {
  it('a server that never answers -> transient timeout, named in the message', async () => {
    const s = await serve(() => {
      /* never respond */
    });
    const t0 = Date.now();
    const err = await fetchError(client({ readTimeoutMs: 300 }).get(`${s.origin}/slow`));
    expect(Date.now() - t0).toBeLessThan(3000);
    expect(err.kind).toBe('transient');
    expect(err.reason).toBe('timeout');
    expect(err.message).toBe(`[fetch] ${s.origin}/slow: read timeout after 300 ms`);
  });

  it('a body that stalls midway -> transient timeout', async () => {
    const s = await serve((_req, res) => {
      res.writeHead(200, { 'content-length': '1000' });
      res.write('partial');
    });
    const err = await fetchError(client({ readTimeoutMs: 300 }).get(`${s.origin}/stall`));
    expect(err.kind).toBe('transient');
  });

  it('500 then 200: first a transient error with the status, then the body', async () => {
    let n = 0;
    const s = await serve((_req, res) => {
      n++;
      if (n === 1) {
        res.writeHead(500, 'Internal Server Error');
        res.end('boom');
      } else res.end('ok');
    });
    const c = client();
    const err = await fetchError(c.get(`${s.origin}/flaky`));
    expect(err).toMatchObject({ kind: 'transient', status: 500, reason: 'server_error' });
    expect(err.message).toBe(`[fetch] ${s.origin}/flaky: 500 Internal Server Error`);
    const res = await c.get(`${s.origin}/flaky`);
    expect(res.body.toString()).toBe('ok');
  });

  it('429 with Retry-After -> transient with retryAfterMs', async () => {
    const s = await serve((_req, res) => {
      res.writeHead(429, { 'retry-after': '7' });
      res.end();
    });
    const err = await fetchError(client().get(`${s.origin}/`));
    expect(err).toMatchObject({ kind: 'transient', status: 429, reason: 'rate_limited', retryAfterMs: 7000 });
  });

  it('404 and 410 -> permanent', async () => {
    const s = await serve((req, res) => {
      res.writeHead(req.url === '/gone' ? 410 : 404);
      res.end();
    });
    const c = client();
    expect(await fetchError(c.get(`${s.origin}/missing`))).toMatchObject({ kind: 'permanent', status: 404, reason: 'not_found' });
    expect(await fetchError(c.get(`${s.origin}/gone`))).toMatchObject({ kind: 'permanent', status: 410, reason: 'gone' });
  });

  it('a refused connection -> transient', async () => {
    const s = await serve((_req, res) => res.end());
    const port = s.port;
    await s.close();
    const err = await fetchError(client().get(`http://127.0.0.1:${port}/`));
    expect(err).toMatchObject({ kind: 'transient', reason: 'connect_failed' });
  });

  it('follows redirects to the final URL', async () => {
    const s = await serve((req, res) => {
      if (req.url === '/old') {
        res.writeHead(301, { location: '/new' });
        res.end();
      } else res.end(`at ${req.url}`);
    });
    const res = await client().get(`${s.origin}/old`);
    expect(res.url).toBe(`${s.origin}/new`);
    expect(res.body.toString()).toBe('at /new');
  });

  it('a redirect loop -> permanent redirect_loop', async () => {
    const s = await serve((req, res) => {
      res.writeHead(302, { location: req.url === '/a' ? '/b' : '/a' });
      res.end();
    });
    const err = await fetchError(client().get(`${s.origin}/a`));
    expect(err).toMatchObject({ kind: 'permanent', reason: 'redirect_loop' });
    expect(s.requests.length).toBe(2);
  });

  it('a redirect chain longer than the cap -> permanent too_many_redirects', async () => {
    const s = await serve((req, res) => {
      const n = Number(req.url!.slice(1));
      res.writeHead(302, { location: `/${n + 1}` });
      res.end();
    });
    const err = await fetchError(client({ maxRedirects: 3 }).get(`${s.origin}/0`));
    expect(err).toMatchObject({ kind: 'permanent', reason: 'too_many_redirects' });
    expect(s.requests.length).toBe(4);
  });

  it('a 50 MB streamed body against a 10 MB cap -> permanent, fast, without reading it all', async () => {
    let sent = 0;
    const chunk = Buffer.alloc(64 * 1024, 'a');
    const s = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/xml' }); // chunked: no Content-Length
      const pump = () => {
        while (sent < 50 * 1024 * 1024 && !res.destroyed) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      pump();
    });
    const t0 = Date.now();
    const rssBefore = process.memoryUsage().rss;
    const err = await fetchError(client({ maxBodyBytes: 10 * 1024 * 1024 }).get(`${s.origin}/huge`));
    expect(err).toMatchObject({ kind: 'permanent', reason: 'too_large' });
    expect(err.message).toContain('body too large');
    expect(Date.now() - t0).toBeLessThan(5000);
    // The server was cut off well before 50 MB (socket buffers allow some slack past the cap).
    expect(sent).toBeLessThan(30 * 1024 * 1024);
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(64 * 1024 * 1024);
  });

  it('a Content-Length over the cap -> permanent before reading the body', async () => {
    const s = await serve((_req, res) => {
      res.writeHead(200, { 'content-length': String(50 * 1024 * 1024) });
      res.write('x');
    });
    const err = await fetchError(client({ maxBodyBytes: 10 * 1024 * 1024 }).get(`${s.origin}/huge`));
    expect(err).toMatchObject({ kind: 'permanent', reason: 'too_large' });
    expect(err.message).toContain('Content-Length 52428800');
  });

  it('a gzip bomb is capped on decoded bytes', async () => {
    const bomb = gzipSync(Buffer.alloc(20 * 1024 * 1024, 0));
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const s = await serve((_req, res) => {
      res.writeHead(200, { 'content-encoding': 'gzip' });
      res.end(bomb);
    });
    const err = await fetchError(client({ maxBodyBytes: 1024 * 1024 }).get(`${s.origin}/bomb`));
    expect(err).toMatchObject({ kind: 'permanent', reason: 'too_large' });
  });
});

describe('createHttpClient: content encodings', () => {
  const xml = '<rss version="2.0"><channel><title>Zürich €</title></channel></rss>'.repeat(20);
  const encoders: Record<string, (b: Buffer) => Buffer> = {
    gzip: gzipSync,
    br: brotliCompressSync,
    deflate: deflateSync,
  };
  for (const [name, enc] of Object.entries(encoders)) {
    it(`decodes ${name}`, async () => {
      const s = await serve((req, res) => {
        expect(req.headers['accept-encoding']).toBe('gzip, deflate, br');
        res.writeHead(200, { 'content-encoding': name });
        res.end(enc(Buffer.from(xml)));
      });
      const res = await client().get(`${s.origin}/`);
      expect(res.body.toString('utf8')).toBe(xml);
    });
  }

  it('decodes raw deflate sent as "deflate"', async () => {
    const s = await serve((_req, res) => {
      res.writeHead(200, { 'content-encoding': 'deflate' });
      res.end(deflateRawSync(Buffer.from(xml)));
    });
    expect((await client().get(`${s.origin}/`)).body.toString('utf8')).toBe(xml);
  });

  it('an unknown Content-Encoding -> permanent', async () => {
    const s = await serve((_req, res) => {
      res.writeHead(200, { 'content-encoding': 'zstd-ish' });
      res.end('x');
    });
    expect(await fetchError(client().get(`${s.origin}/`))).toMatchObject({ kind: 'permanent', reason: 'bad_encoding' });
  });

  it('corrupt gzip -> permanent bad_encoding', async () => {
    const s = await serve((_req, res) => {
      res.writeHead(200, { 'content-encoding': 'gzip' });
      res.end(Buffer.from('this is not gzip at all'));
    });
    expect(await fetchError(client().get(`${s.origin}/`))).toMatchObject({ kind: 'permanent', reason: 'bad_encoding' });
  });
});

describe('createHttpClient: conditional GET', () => {
  it('ETag and Last-Modified round trip -> 304', async () => {
    const etag = '"v1-abc"';
    const lastModified = 'Wed, 21 Oct 2015 07:28:00 GMT';
    const s = await serve((req, res) => {
      if (req.headers['if-none-match'] === etag || req.headers['if-modified-since'] === lastModified) {
        res.writeHead(304, { etag });
        return void res.end();
      }
      res.writeHead(200, { etag, 'last-modified': lastModified });
      res.end('<rss/>');
    });
    const c = client();
    const first = await c.get(`${s.origin}/feed`);
    expect(first).toMatchObject({ status: 200, etag, lastModified });
    const byEtag = await c.get(`${s.origin}/feed`, { etag: first.etag });
    expect(byEtag.status).toBe(304);
    expect(byEtag.body.length).toBe(0);
    expect(byEtag.etag).toBe(etag);
    const byDate = await c.get(`${s.origin}/feed`, { lastModified: first.lastModified });
    expect(byDate.status).toBe(304);
    expect(byDate.lastModified).toBe(lastModified); // kept from the request when the 304 omits it
    expect(s.requests[1]!.headers['if-none-match']).toBe(etag);
    expect(s.requests[2]!.headers['if-modified-since']).toBe(lastModified);
  });
});

describe('createHttpClient: robots.txt', () => {
  it('honours Disallow for our product token, caches robots.txt per origin', async () => {
    const s = await serve((req, res) => {
      if (req.url === '/robots.txt') {
        res.writeHead(200, { 'content-type': 'text/plain' });
        return void res.end('User-agent: *\nDisallow: /\n\nUser-agent: newsnlp\nDisallow: /private/\nAllow: /\n');
      }
      res.end(`page ${req.url}`);
    });
    const c = client();
    const err = await fetchError(c.get(`${s.origin}/private/a.html`, { respectRobots: true }));
    expect(err).toMatchObject({ kind: 'permanent', reason: 'robots_disallowed' });
    expect(err.message).toBe(`[fetch] ${s.origin}/private/a.html: disallowed by robots.txt`);
    expect((await c.get(`${s.origin}/news/b.html`, { respectRobots: true })).body.toString()).toBe('page /news/b.html');
    await c.get(`${s.origin}/news/c.html`, { respectRobots: true });
    // Feeds are fetched without the check.
    expect((await c.get(`${s.origin}/private/feed.xml`)).status).toBe(200);
    expect(s.requests.filter((r) => r.url === '/robots.txt').length).toBe(1);
    expect(s.requests.some((r) => r.url === '/private/a.html')).toBe(false);
  });

  it('a missing robots.txt allows everything; a 5xx one is a transient error', async () => {
    let robotsStatus = 404;
    const s = await serve((req, res) => {
      if (req.url === '/robots.txt') {
        res.writeHead(robotsStatus);
        return void res.end();
      }
      res.end('ok');
    });
    expect((await client().get(`${s.origin}/a`, { respectRobots: true })).status).toBe(200);
    robotsStatus = 503;
    const err = await fetchError(client().get(`${s.origin}/a`, { respectRobots: true }));
    expect(err).toMatchObject({ kind: 'transient', reason: 'robots_unavailable' });
  });
});

describe('createHttpClient: SSRF guard', () => {
  it('refuses 127.0.0.1 unless allowPrivate, without sending a request', async () => {
    const s = await serve((_req, res) => res.end('secret'));
    const err = await fetchError(createHttpClient().get(`${s.origin}/admin`));
    expect(err).toMatchObject({ kind: 'permanent', reason: 'refused_address' });
    expect(err.message).toContain('127.0.0.1 (loopback address)');
    expect(s.requests.length).toBe(0);
  });

  it('checks every redirect hop: a redirect to a name resolving to a private address is refused', async () => {
    const s = await serve((req, res) => {
      res.writeHead(302, { location: `http://intranet.test:${s.port}/metadata` });
      res.end(req.url);
    });
    const resolved: string[] = [];
    const c = createHttpClient({
      allowedAddresses: ['127.0.0.1'], // the test server itself stands in for a public host
      resolve: async (host) => {
        resolved.push(host);
        return host === 'intranet.test' ? [{ address: '10.0.0.7', family: 4 }] : [];
      },
    });
    track(c);
    const err = await fetchError(c.get(`${s.origin}/start`));
    expect(err).toMatchObject({ kind: 'permanent', reason: 'refused_address' });
    expect(err.message).toContain('intranet.test -> 10.0.0.7 (private address)');
    expect(resolved).toEqual(['intranet.test']);
    expect(s.requests.map((r) => r.url)).toEqual(['/start']);
  });

  it('refuses a name if any of its addresses is private', async () => {
    const c = createHttpClient({
      resolve: async () => [
        { address: '93.184.216.34', family: 4 },
        { address: '169.254.169.254', family: 4 },
      ],
    });
    track(c);
    const err = await fetchError(c.get('http://mixed.test/'));
    expect(err.message).toContain('169.254.169.254 (linkLocal address)');
  });

  it('connects to the address it checked (pinned lookup), not to a fresh DNS answer', async () => {
    const s = await serve((req, res) => res.end(`host=${req.headers.host}`));
    // "feeds.test" does not exist in DNS: the request can only reach the server through the
    // addresses returned by the resolver the guard checked.
    const c = client({ resolve: async () => [{ address: '127.0.0.1', family: 4 }] });
    const res = await c.get(`http://feeds.test:${s.port}/x`);
    expect(res.body.toString()).toBe(`host=feeds.test:${s.port}`);
  });
});

describe('createHttpClient: politeness', () => {
  it('never has more than perHostConcurrency requests in flight to one host', async () => {
    const s = await serve((_req, res) => {
      setTimeout(() => res.end('ok'), 80);
    });
    const c = client({ perHostConcurrency: 2 });
    const results = await Promise.all(Array.from({ length: 7 }, (_, i) => c.get(`${s.origin}/p${i}`)));
    expect(results.every((r) => r.status === 200)).toBe(true);
    expect(s.requests.length).toBe(7);
    expect(s.maxInFlight).toBe(2);
  });

  it('spaces request starts to one host by perHostIntervalMs', async () => {
    const s = await serve((_req, res) => res.end('ok'));
    const c = client({ perHostConcurrency: 4, perHostIntervalMs: 120 });
    await Promise.all([0, 1, 2].map((i) => c.get(`${s.origin}/q${i}`)));
    const at = s.requests.map((r) => r.at);
    expect(at[1]! - at[0]!).toBeGreaterThanOrEqual(100);
    expect(at[2]! - at[1]!).toBeGreaterThanOrEqual(100);
  });
});

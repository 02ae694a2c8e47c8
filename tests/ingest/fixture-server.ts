/**
 * A loopback server for the example feeds in fixtures/feeds (see its README), plus fault routes:
 *   /faults/timeout.xml   never answers (the client's read timeout fires)
 *   /faults/flaky.xml     500 on the first request, then the bbc-business feed
 *   /faults/missing.xml   404
 *   /faults/loop.xml      302 -> /faults/loop2.xml -> 302 -> /faults/loop.xml
 *   /faults/huge.xml      50 MB of XML, streamed without Content-Length
 *   /faults/slow.xml      a feed whose only article page (/slow/<n>.html) answers after `slowMs`
 * Feeds honour If-None-Match (ETag is a hash of the body): a second poll gets 304.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startServer } from '../helpers/http-server.ts';
import type { TestServer } from '../helpers/http-server.ts';

export const FIXTURES = fileURLToPath(new URL('../../fixtures/feeds/', import.meta.url));
export const FEED_IDS = ['bbc-business', 'guardian-technology', 'techcrunch'] as const;

export interface FixtureServer extends TestServer {
  feedUrl(id: string): string;
  hits(path: string): number;
  /** Delay of the /slow/ pages. */
  slowMs: number;
}

export async function startFixtureServer(): Promise<FixtureServer> {
  const hits = new Map<string, number>();
  let origin = '';
  const read = (rel: string) => readFileSync(FIXTURES + rel, 'utf8').replaceAll('{{ORIGIN}}', origin);
  const state = { slowMs: 3000 };
  const server = await startServer(async (req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    const n = (hits.get(path) ?? 0) + 1;
    hits.set(path, n);
    const send = (status: number, body: string, type: string, extra: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': type, ...extra });
      res.end(body);
    };
    const feed = (body: string) => {
      const etag = `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"`;
      if (req.headers['if-none-match'] === etag) {
        res.writeHead(304, { etag });
        return res.end();
      }
      send(200, body, 'application/rss+xml; charset=utf-8', { etag });
    };
    let m: RegExpExecArray | null;
    if (path === '/robots.txt') return send(200, read('robots.txt'), 'text/plain');
    if ((m = /^\/feeds\/([a-z-]+)\.xml$/.exec(path))) return feed(read(`${m[1]}.xml`));
    if (path === '/articles/gone-story.html') return send(404, 'not found', 'text/html');
    if ((m = /^\/articles\/([a-z-]+)\.html$/.exec(path))) return send(200, read(`pages/${m[1]}.html`), 'text/html; charset=utf-8');
    if (path === '/faults/timeout.xml') return; // never answers
    if (path === '/faults/flaky.xml') return n === 1 ? send(500, 'oops', 'text/plain') : feed(read('bbc-business.xml'));
    if (path === '/faults/missing.xml') return send(404, 'no such feed', 'text/plain');
    if (path === '/faults/loop.xml') return send(302, '', 'text/plain', { location: '/faults/loop2.xml' });
    if (path === '/faults/loop2.xml') return send(302, '', 'text/plain', { location: '/faults/loop.xml' });
    if (path === '/faults/huge.xml') {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      const chunk = Buffer.alloc(1 << 20, 'a');
      res.write('<?xml version="1.0"?><rss version="2.0"><channel><title>');
      for (let i = 0; i < 50 && !res.destroyed; i++) {
        if (!res.write(chunk)) await new Promise((r) => res.once('drain', r).once('close', r));
      }
      return res.end('</title></channel></rss>');
    }
    if (path === '/faults/slow.xml') {
      return feed(
        `<?xml version="1.0"?><rss version="2.0"><channel><title>Slow</title><link>${origin}/</link>` +
          `<item><title>Slow page</title><link>${origin}/slow/1.html</link></item></channel></rss>`,
      );
    }
    if (path.startsWith('/slow/')) {
      await new Promise((r) => setTimeout(r, state.slowMs));
      return send(200, read('pages/nvidia-oracle.html').replace('<h1>', '<h1>Slow: '), 'text/html; charset=utf-8');
    }
    send(404, 'not found', 'text/plain');
  });
  origin = server.origin;
  const out = Object.assign(server, {
    feedUrl: (id: string) => `${origin}/feeds/${id}.xml`,
    hits: (p: string) => hits.get(p) ?? 0,
  });
  // A live accessor (Object.assign would copy the value once).
  Object.defineProperty(out, 'slowMs', {
    get: () => state.slowMs,
    set: (v: number) => {
      state.slowMs = v;
    },
    enumerable: true,
  });
  return out as FixtureServer;
}

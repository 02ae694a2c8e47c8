/**
 * A news site on 127.0.0.1 for the fault suite, made of real articles (corpus/reuters-21578 and
 * corpus/bbc-news): one HTML page per article and a few RSS feeds that list them. The site
 * publishes as a live one does: the feeds list the articles published so far, which grow at an
 * even pace over `publishMs` from start(), so ingestion is busy for the whole time faults are
 * injected. Feeds answer 304 to an unchanged ETag; there is no robots.txt (404: all allowed).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../helpers/http-server.ts';
import type { TestServer } from '../helpers/http-server.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface SiteArticle {
  /** Path on the site: /reuters/123.html, /bbc/business/001.html */
  path: string;
  title: string;
  text: string;
  publishedAt: string | null;
}

/** Up to `reuters` Reuters stories and `bbc` BBC stories, in a fixed interleaved order. */
export function corpusArticles(reuters: number, bbc: number): SiteArticle[] {
  const r: SiteArticle[] = readFileSync(join(ROOT, 'corpus/reuters-21578/articles.ndjson'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .slice(0, reuters)
    .map((l) => {
      const a = JSON.parse(l) as { url: string; title: string; text: string; publishedAt: string | null };
      return { path: `/reuters/${a.url.replace(/^reuters21578:/, '')}.html`, title: a.title, text: a.text, publishedAt: a.publishedAt };
    });
  const b: SiteArticle[] = [];
  for (const section of ['business', 'tech']) {
    const dir = join(ROOT, 'corpus/bbc-news', section);
    for (const f of readdirSync(dir).filter((x) => /^\d+\.txt$/.test(x)).sort()) {
      if (b.length >= bbc) break;
      const [title, ...rest] = readFileSync(join(dir, f), 'utf8').split('\n');
      b.push({ path: `/bbc/${section}/${f.replace(/\.txt$/, '.html')}`, title: title!.trim(), text: rest.join('\n').trim(), publishedAt: '2005-01-01' });
    }
  }
  const out: SiteArticle[] = [];
  for (let i = 0; i < Math.max(r.length, b.length); i++) {
    if (r[i]) out.push(r[i]!);
    if (b[i]) out.push(b[i]!);
  }
  return out;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function page(a: SiteArticle): string {
  const paras = a.text
    .split(/\n\s*\n/)
    .map((p) => `<p>${esc(p.trim())}</p>`)
    .join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(a.title)}</title></head>
<body><header><nav><a href="/">Home</a></nav></header><main><article><h1>${esc(a.title)}</h1>
${a.publishedAt ? `<time datetime="${a.publishedAt}">${a.publishedAt}</time>` : ''}
${paras}</article></main><footer>Fault suite news site</footer></body></html>`;
}

export interface NewsSite extends TestServer {
  readonly articles: readonly SiteArticle[];
  /** Absolute URLs of every article, in publishing order. */
  readonly urls: readonly string[];
  readonly feedUrls: readonly string[];
  /** Begin publishing (the feeds list nothing before). */
  start(): void;
  /** How many articles are published now. */
  published(): number;
  /** Requests per kind so far. */
  stats(): { feeds: number; notModified: number; pages: number };
  /** Whether the page of this URL was ever requested (a lost article: never fetched, or lost after). */
  fetched(url: string): boolean;
}

export async function startNewsSite(articles: readonly SiteArticle[], o: { feeds: number; publishMs: number }): Promise<NewsSite> {
  let t0 = 0;
  const stats = { feeds: 0, notModified: 0, pages: 0 };
  const fetchedPaths = new Set<string>();
  const byPath = new Map(articles.map((a) => [a.path, a]));
  const published = () => (t0 === 0 ? 0 : Math.min(articles.length, Math.floor((articles.length * (Date.now() - t0)) / o.publishMs)));
  let origin = '';
  const feed = (k: number, count: number) => {
    const items: string[] = [];
    for (let i = count - 1; i >= 0; i--) {
      if (i % o.feeds !== k) continue;
      const a = articles[i]!;
      items.push(
        `<item><title>${esc(a.title)}</title><link>${origin}${a.path}</link><guid>${origin}${a.path}</guid>` +
          `${a.publishedAt ? `<pubDate>${new Date(a.publishedAt).toUTCString()}</pubDate>` : ''}<description>${esc(a.text.slice(0, 2000))}</description></item>`,
      );
    }
    return `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>Fault suite wire ${k}</title><link>${origin}/</link>\n${items.join('\n')}\n</channel></rss>`;
  };
  const server = await startServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    const m = /^\/feeds\/(\d+)\.xml$/.exec(path);
    if (m) {
      stats.feeds++;
      const k = Number(m[1]);
      const count = published();
      const etag = `"${k}-${count}"`;
      if (req.headers['if-none-match'] === etag) {
        stats.notModified++;
        res.writeHead(304, { etag });
        return res.end();
      }
      res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag });
      return res.end(feed(k, count));
    }
    const a = byPath.get(path);
    if (a) {
      stats.pages++;
      fetchedPaths.add(path);
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return res.end(page(a));
    }
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
  });
  origin = server.origin;
  return Object.assign(server, {
    articles,
    urls: articles.map((a) => `${origin}${a.path}`),
    feedUrls: Array.from({ length: o.feeds }, (_v, k) => `${origin}/feeds/${k}.xml`),
    start() {
      t0 ||= Date.now();
    },
    published,
    stats: () => ({ ...stats }),
    fetched: (url: string) => fetchedPaths.has(url.slice(origin.length)),
  });
}

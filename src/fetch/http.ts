/**
 * A polite HTTP GET for feeds and article pages, on node:http/https (no dependency).
 *
 *   const http = createHttpClient({ perHostConcurrency: 2 });
 *   const res = await http.get('https://example.com/feed.xml', { etag: prev.etag });
 *   if (res.status === 304) return prev;            // unchanged
 *   decodeFeedBytes(res.body, res.headers['content-type']);
 *
 * What it guarantees:
 *  - a connect timeout (DNS + TCP) and a read timeout (headers + whole body);
 *  - a body cap checked while streaming (Content-Length first, then decoded bytes), so a huge or
 *    endless body is cut off without being buffered;
 *  - redirects followed by hand up to a cap, a loop detected as such;
 *  - gzip / deflate (zlib or raw) / br decoded;
 *  - conditional GET (If-None-Match / If-Modified-Since) and a 304 result;
 *  - per-host politeness: a concurrency cap and a minimum interval between request starts;
 *  - robots.txt honoured when asked (`respectRobots: true`), cached per origin;
 *  - SSRF guard: every hop's host is resolved, every address checked (see address.ts), and the
 *    socket connects to the checked addresses only (a pinned lookup: no DNS rebinding).
 * Failures are FetchErrors, 'transient' or 'permanent' (errors.ts); `get` never returns null.
 */
import { readFileSync } from 'node:fs';
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import type { IncomingHttpHeaders } from 'node:http';
import type { LookupFunction } from 'node:net';
import { Transform, Writable, pipeline } from 'node:stream';
import type { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { z } from 'zod';
import { addressRange, ipLiteral, isPublicAddress } from './address.ts';
import { FetchError, networkError, statusError } from './errors.ts';
import { HostLimiter } from './host-limiter.ts';
import { RobotsCache } from './robots.ts';
import { packagePath } from '../util/package-root.ts';

const PKG_VERSION: string = (
  JSON.parse(readFileSync(packagePath('package.json'), 'utf8')) as { version: string }
).version;

/** The product token robots.txt groups are matched against. */
export const PRODUCT_TOKEN = 'newsnlp';
export const DEFAULT_USER_AGENT = `${PRODUCT_TOKEN}/${PKG_VERSION} (+https://github.com/newsnlp/newsnlp)`;

/** What feed readers usually send; pass as `accept` when fetching a feed. */
export const FEED_ACCEPT =
  'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5';
export const HTML_ACCEPT = 'text/html, application/xhtml+xml;q=0.9, */*;q=0.5';

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}
/** Host name -> addresses. Defaults to dns.lookup(all). Tests may map names to addresses. */
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

export const HttpClientOptionsSchema = z.object({
  connectTimeoutMs: z.number().int().positive().default(10_000),
  readTimeoutMs: z.number().int().positive().default(30_000),
  maxBodyBytes: z
    .number()
    .int()
    .positive()
    .default(10 * 1024 * 1024),
  maxRedirects: z.number().int().min(0).default(5),
  userAgent: z.string().min(1).default(DEFAULT_USER_AGENT),
  perHostConcurrency: z.number().int().positive().default(2),
  perHostIntervalMs: z.number().int().min(0).default(1000),
  robotsTtlMs: z.number().int().positive().default(6 * 60 * 60 * 1000),
  /** RFC 9309 asks crawlers to read at least 500 KiB of robots.txt; the rest is ignored. */
  robotsMaxBytes: z
    .number()
    .int()
    .positive()
    .default(500 * 1024),
  /** Allow private/loopback/link-local targets (tests against a loopback server, internal mirrors). */
  allowPrivate: z.boolean().default(false),
  /** Exact IP literals exempt from the SSRF guard while `allowPrivate` is false. */
  allowedAddresses: z.array(z.string()).default([]),
  resolve: z.custom<Resolver>((v) => typeof v === 'function', 'resolve must be a function').optional(),
});
export type HttpClientOptions = z.input<typeof HttpClientOptionsSchema>;
type Config = z.output<typeof HttpClientOptionsSchema>;

export const GetOptionsSchema = z.object({
  etag: z.string().nullish(),
  lastModified: z.string().nullish(),
  accept: z.string().optional(),
  /** Check robots.txt before each hop (use for article pages; feeds are meant to be polled). */
  respectRobots: z.boolean().default(false),
});
export type GetOptions = z.input<typeof GetOptionsSchema>;

export interface HttpResponse {
  status: 200 | 304;
  /** Final URL after redirects. */
  url: string;
  headers: IncomingHttpHeaders;
  /** Decoded (decompressed) body; empty for 304. */
  body: Buffer;
  etag: string | null;
  lastModified: string | null;
}

export interface HttpClient {
  get(url: string, opts?: GetOptions): Promise<HttpResponse>;
  /** Idempotent: drops pooled sockets, pending timers and caches; later calls fail permanently. */
  close(): void;
}

/** One hop's outcome before classification. */
type Hop =
  | { kind: 'ok'; status: number; headers: IncomingHttpHeaders; body: Buffer }
  | { kind: 'not_modified'; headers: IncomingHttpHeaders }
  | { kind: 'redirect'; status: number; location: string }
  | { kind: 'status'; status: number; statusText: string; headers: IncomingHttpHeaders };

interface HopOptions {
  headers: Record<string, string>;
  maxBytes: number;
  /** Keep the first maxBytes instead of failing (robots.txt). */
  truncate: boolean;
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

export function createHttpClient(options: HttpClientOptions = {}): HttpClient {
  return new Client(HttpClientOptionsSchema.parse(options));
}

class Client implements HttpClient {
  private readonly limiter: HostLimiter;
  private readonly robots: RobotsCache;
  private readonly httpAgent: http.Agent;
  private readonly httpsAgent: https.Agent;
  private readonly allowed: ReadonlySet<string>;
  private closed = false;

  constructor(private readonly cfg: Config) {
    this.limiter = new HostLimiter(cfg.perHostConcurrency, cfg.perHostIntervalMs);
    this.robots = new RobotsCache((u) => this.loadRobots(u), cfg.robotsTtlMs, PRODUCT_TOKEN);
    const agentOpts = { keepAlive: true, maxSockets: cfg.perHostConcurrency, scheduling: 'lifo' as const };
    this.httpAgent = new http.Agent(agentOpts);
    this.httpsAgent = new https.Agent(agentOpts);
    this.allowed = new Set(cfg.allowedAddresses);
  }

  async get(url: string, opts: GetOptions = {}): Promise<HttpResponse> {
    const o = GetOptionsSchema.parse(opts);
    const headers: Record<string, string> = {
      'user-agent': this.cfg.userAgent,
      accept: o.accept ?? '*/*',
      'accept-encoding': 'gzip, deflate, br',
    };
    if (o.etag) headers['if-none-match'] = o.etag;
    if (o.lastModified) headers['if-modified-since'] = o.lastModified;
    const { finalUrl, hop } = await this.follow(url, {
      headers,
      maxBytes: this.cfg.maxBodyBytes,
      truncate: false,
      respectRobots: o.respectRobots,
    });
    if (hop.kind === 'status') throw statusError(finalUrl, hop.status, hop.statusText, header(hop.headers, 'retry-after'));
    if (hop.kind === 'redirect') throw new FetchError(finalUrl, 'redirect without target', { reason: 'bad_redirect' });
    const etag = header(hop.headers, 'etag') ?? o.etag ?? null;
    const lastModified = header(hop.headers, 'last-modified') ?? o.lastModified ?? null;
    if (hop.kind === 'not_modified') {
      return { status: 304, url: finalUrl, headers: hop.headers, body: Buffer.alloc(0), etag, lastModified };
    }
    return { status: 200, url: finalUrl, headers: hop.headers, body: hop.body, etag, lastModified };
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.limiter.close();
    this.robots.clear();
    this.httpAgent.destroy();
    this.httpsAgent.destroy();
  }

  /** Follow redirects by hand: each hop is checked (scheme, robots, SSRF) and rate limited. */
  private async follow(
    url: string,
    o: HopOptions & { respectRobots: boolean },
  ): Promise<{ finalUrl: string; hop: Hop }> {
    let current = parseHttpUrl(url, url);
    const seen = new Set<string>([current.href]);
    for (let redirects = 0; ; redirects++) {
      if (o.respectRobots) await this.robots.check(current);
      const hop = await this.hop(current, o);
      if (hop.kind !== 'redirect') return { finalUrl: current.href, hop };
      const next = parseHttpUrl(hop.location, current.href, current);
      if (seen.has(next.href)) {
        throw new FetchError(url, `redirect loop (${hop.status} to ${next.href}, already visited)`, {
          reason: 'redirect_loop',
          status: hop.status,
        });
      }
      if (redirects + 1 > this.cfg.maxRedirects) {
        throw new FetchError(url, `too many redirects (more than ${this.cfg.maxRedirects})`, {
          reason: 'too_many_redirects',
          status: hop.status,
        });
      }
      seen.add(next.href);
      current = next;
    }
  }

  private async hop(url: URL, o: HopOptions): Promise<Hop> {
    if (this.closed) throw new FetchError(url.href, 'client is closed', { reason: 'closed' });
    const release = await this.limiter.acquire(url.host);
    try {
      const addresses = await this.checkedAddresses(url);
      return await this.request(url, addresses, o);
    } finally {
      release();
    }
  }

  /** Resolve the host (with the connect timeout) and refuse non-public targets. */
  private async checkedAddresses(url: URL): Promise<ResolvedAddress[]> {
    const literal = ipLiteral(url.hostname);
    let addresses: ResolvedAddress[];
    if (literal) {
      addresses = [{ address: literal, family: literal.includes(':') ? 6 : 4 }];
    } else {
      const resolve = this.cfg.resolve ?? defaultResolve;
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new FetchError(url.href, `DNS timeout after ${this.cfg.connectTimeoutMs} ms`, { reason: 'timeout' })),
          this.cfg.connectTimeoutMs,
        );
      });
      try {
        addresses = await Promise.race([resolve(url.hostname), timeout]);
      } catch (err) {
        throw networkError(url.href, err);
      } finally {
        clearTimeout(timer);
      }
      if (addresses.length === 0) throw new FetchError(url.href, 'host has no address', { reason: 'host_not_found' });
    }
    if (!this.cfg.allowPrivate) {
      for (const a of addresses) {
        if (!isPublicAddress(a.address) && !this.allowed.has(a.address)) {
          throw new FetchError(
            url.href,
            `refused target ${url.hostname} -> ${a.address} (${addressRange(a.address)} address)`,
            { reason: 'refused_address' },
          );
        }
      }
    }
    return addresses;
  }

  private request(url: URL, addresses: ResolvedAddress[], o: HopOptions): Promise<Hop> {
    const { connectTimeoutMs, readTimeoutMs } = this.cfg;
    const isHttps = url.protocol === 'https:';
    return new Promise<Hop>((resolve, reject) => {
      let settled = false;
      let connectTimer: NodeJS.Timeout | undefined;
      let readTimer: NodeJS.Timeout | undefined;
      const clearTimers = () => {
        clearTimeout(connectTimer);
        clearTimeout(readTimer);
      };
      const done = (hop: Hop) => {
        if (settled) return;
        settled = true;
        clearTimers();
        resolve(hop);
      };
      const fail = (err: unknown) => {
        if (settled) return;
        settled = true;
        clearTimers();
        req.destroy();
        reject(networkError(url.href, err));
      };

      const req = (isHttps ? https : http).request({
        protocol: url.protocol,
        hostname: url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname,
        port: url.port || (isHttps ? 443 : 80),
        path: `${url.pathname}${url.search}`,
        method: 'GET',
        headers: o.headers,
        agent: isHttps ? this.httpsAgent : this.httpAgent,
        lookup: pinnedLookup(addresses),
        ...(isHttps ? { servername: ipLiteral(url.hostname) ? undefined : url.hostname } : {}),
      });

      connectTimer = setTimeout(
        () => fail(new FetchError(url.href, `connect timeout after ${connectTimeoutMs} ms`, { reason: 'timeout' })),
        connectTimeoutMs,
      );
      const onConnected = () => {
        clearTimeout(connectTimer);
        if (settled || readTimer) return;
        readTimer = setTimeout(
          () => fail(new FetchError(url.href, `read timeout after ${readTimeoutMs} ms`, { reason: 'timeout' })),
          readTimeoutMs,
        );
      };
      req.on('socket', (socket) => {
        if (socket.connecting) socket.once('connect', onConnected);
        else onConnected();
      });
      req.on('error', fail);
      req.on('response', (res) => {
        const status = res.statusCode ?? 0;
        if (REDIRECT_STATUSES.has(status) && res.headers.location) {
          res.destroy();
          return done({ kind: 'redirect', status, location: res.headers.location });
        }
        if (status === 304) {
          res.resume();
          return done({ kind: 'not_modified', headers: res.headers });
        }
        if (status < 200 || status >= 300) {
          res.destroy();
          return done({ kind: 'status', status, statusText: res.statusMessage ?? '', headers: res.headers });
        }
        const length = Number(res.headers['content-length']);
        if (!o.truncate && Number.isFinite(length) && length > o.maxBytes) {
          return fail(
            new FetchError(url.href, `body too large (Content-Length ${length} > ${o.maxBytes} bytes)`, {
              reason: 'too_large',
              status,
            }),
          );
        }
        let decoders: Transform[];
        try {
          decoders = contentDecoders(header(res.headers, 'content-encoding'));
        } catch (err) {
          return fail(new FetchError(url.href, (err as Error).message, { reason: 'bad_encoding', status }));
        }
        readBody(res, decoders, o.maxBytes, o.truncate, url.href, (err, body) => {
          if (err) return fail(err);
          done({ kind: 'ok', status, headers: res.headers, body: body! });
        });
      });
      req.end();
    });
  }

  /** robots.txt: follow up to 5 redirects (RFC 9309), keep the first robotsMaxBytes. */
  private async loadRobots(robotsUrl: string): Promise<{ status: number; body: string }> {
    const { hop } = await this.follow(robotsUrl, {
      headers: { 'user-agent': this.cfg.userAgent, accept: 'text/plain, */*;q=0.5', 'accept-encoding': 'gzip, deflate, br' },
      maxBytes: this.cfg.robotsMaxBytes,
      truncate: true,
      respectRobots: false,
    });
    if (hop.kind === 'ok') return { status: hop.status, body: hop.body.toString('utf8') };
    if (hop.kind === 'status') return { status: hop.status, body: '' };
    return { status: 404, body: '' };
  }
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/** Absolute http(s) URL or a permanent FetchError naming `context`. */
function parseHttpUrl(raw: string, context: string, base?: URL): URL {
  let u: URL;
  try {
    u = new URL(raw, base);
  } catch (err) {
    throw new FetchError(context, `invalid URL ${JSON.stringify(raw)}`, { reason: base ? 'bad_redirect' : 'bad_url', cause: err });
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') {
    throw new FetchError(context, `unsupported scheme ${u.protocol} in ${JSON.stringify(raw)}`, {
      reason: base ? 'bad_redirect' : 'bad_url',
    });
  }
  u.hash = '';
  return u;
}

const defaultResolve: Resolver = async (hostname) => {
  const found = await dns.promises.lookup(hostname, { all: true, verbatim: true });
  return found.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
};

/** A lookup that answers with the addresses already checked: the socket cannot be re-pointed. */
function pinnedLookup(addresses: ResolvedAddress[]): LookupFunction {
  return (_hostname, options, callback) => {
    if (options.all) {
      callback(
        null,
        addresses.map((a) => ({ address: a.address, family: a.family })),
      );
      return;
    }
    const want = options.family === 4 || options.family === 6 ? options.family : undefined;
    const a = addresses.find((x) => !want || x.family === want) ?? addresses[0]!;
    callback(null, a.address, a.family);
  };
}

/** Content-Encoding "gzip", "br", "deflate", "gzip, br" (applied in order, so decoded in reverse). */
function contentDecoders(contentEncoding: string | undefined): Transform[] {
  if (!contentEncoding) return [];
  const codings = contentEncoding
    .toLowerCase()
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s && s !== 'identity');
  return codings.reverse().map((c) => {
    if (c === 'gzip' || c === 'x-gzip') return zlib.createGunzip();
    if (c === 'br') return zlib.createBrotliDecompress();
    if (c === 'deflate') return inflateAuto();
    throw new Error(`unsupported Content-Encoding ${JSON.stringify(c)}`);
  });
}

/**
 * "deflate" means zlib-wrapped data (RFC 9110), but some servers send raw deflate. The first
 * two bytes tell: a zlib header has CM=8 and (CMF*256+FLG) divisible by 31.
 */
function inflateAuto(): Transform {
  let inner: zlib.Inflate | zlib.InflateRaw | null = null;
  const out: Transform = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      if (!inner) {
        const zlibHeader = chunk.length >= 2 && (chunk[0]! & 0x0f) === 8 && ((chunk[0]! << 8) | chunk[1]!) % 31 === 0;
        inner = zlibHeader ? zlib.createInflate() : zlib.createInflateRaw();
        inner.on('data', (d: Buffer) => out.push(d));
        inner.on('error', (e) => out.destroy(e));
      }
      inner.write(chunk, () => cb());
    },
    flush(cb) {
      if (!inner) return cb();
      inner.once('end', () => cb());
      inner.end();
    },
  });
  return out;
}

/** Stream the (decoded) body into memory, failing (or truncating) once it passes maxBytes. */
function readBody(
  res: Readable,
  decoders: Transform[],
  maxBytes: number,
  truncate: boolean,
  url: string,
  cb: (err: unknown, body?: Buffer) => void,
): void {
  const chunks: Buffer[] = [];
  let size = 0;
  let finished = false;
  const finish = (err: unknown, body?: Buffer) => {
    if (finished) return;
    finished = true;
    cb(err, body);
  };
  const sink = new Writable({
    write(chunk: Buffer, _enc, next) {
      if (size + chunk.length > maxBytes) {
        if (!truncate) {
          return next(new FetchError(url, `body too large (more than ${maxBytes} bytes)`, { reason: 'too_large', status: 200 }));
        }
        // Keep the head, stop reading: the rest is never downloaded.
        chunks.push(chunk.subarray(0, maxBytes - size));
        size = maxBytes;
        finish(null, Buffer.concat(chunks, size));
        res.destroy();
        return next();
      }
      chunks.push(chunk);
      size += chunk.length;
      next();
    },
  });
  const streams = [res, ...decoders, sink] as [Readable, ...Transform[], Writable];
  pipeline(streams, (err) => {
    if (err) return finish(err);
    finish(null, Buffer.concat(chunks, size));
  });
}

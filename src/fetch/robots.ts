/**
 * robots.txt, per origin, cached with a TTL (RFC 9309 semantics):
 *   2xx         -> the rules apply (matched against our product token, e.g. "newsnlp");
 *   4xx         -> "unavailable": everything is allowed;
 *   5xx/network -> "unreachable": a transient error, so the job retries later (not cached).
 * Concurrent checks for one origin share a single robots.txt request.
 */
import { createRequire } from 'node:module';
import { FetchError } from './errors.ts';

interface Robot {
  isAllowed(url: string, ua?: string): boolean | undefined;
}
// robots-parser is CommonJS (`module.exports = function (url, contents)`) and its typings do not
// describe that shape under NodeNext, so it is loaded with require and typed here.
const robotsParser = createRequire(import.meta.url)('robots-parser') as (url: string, contents: string) => Robot;

/** Loads `<origin>/robots.txt`; returns the final status and body text, throws FetchError on network failure. */
export type RobotsLoader = (robotsUrl: string) => Promise<{ status: number; body: string }>;

interface Entry {
  expires: number;
  robot: Robot | null; // null: allow everything
}

export class RobotsCache {
  private readonly cache = new Map<string, Entry>();
  private readonly pending = new Map<string, Promise<Entry>>();

  constructor(
    private readonly load: RobotsLoader,
    private readonly ttlMs: number,
    private readonly productToken: string,
  ) {}

  /** Throws a permanent FetchError when `url` is disallowed for our product token. */
  async check(url: URL): Promise<void> {
    const entry = await this.entry(url.origin);
    if (entry.robot && entry.robot.isAllowed(url.href, this.productToken) === false) {
      throw new FetchError(url.href, 'disallowed by robots.txt', { reason: 'robots_disallowed' });
    }
  }

  clear(): void {
    this.cache.clear();
  }

  private async entry(origin: string): Promise<Entry> {
    const hit = this.cache.get(origin);
    if (hit && hit.expires > Date.now()) return hit;
    let p = this.pending.get(origin);
    if (!p) {
      p = this.fetchEntry(origin).finally(() => this.pending.delete(origin));
      this.pending.set(origin, p);
    }
    return p;
  }

  private async fetchEntry(origin: string): Promise<Entry> {
    const robotsUrl = `${origin}/robots.txt`;
    let res: { status: number; body: string };
    try {
      res = await this.load(robotsUrl);
    } catch (err) {
      if (err instanceof FetchError && err.permanent) {
        // A robots.txt we cannot use for a permanent reason (refused, bad redirect): no rules.
        return this.store(origin, null);
      }
      throw new FetchError(robotsUrl, `robots.txt unreachable (${err instanceof Error ? err.message : String(err)})`, {
        reason: 'robots_unavailable',
        cause: err,
      });
    }
    if (res.status >= 500) {
      throw new FetchError(robotsUrl, `robots.txt unreachable (${res.status})`, {
        reason: 'robots_unavailable',
        status: res.status,
      });
    }
    if (res.status >= 400) return this.store(origin, null);
    return this.store(origin, robotsParser(robotsUrl, res.body));
  }

  private store(origin: string, robot: Robot | null): Entry {
    if (this.cache.size >= 10_000) this.cache.clear();
    const entry = { expires: Date.now() + this.ttlMs, robot };
    this.cache.set(origin, entry);
    return entry;
  }
}

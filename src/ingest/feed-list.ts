/**
 * The feed list (seeds/feeds.yaml or .json):
 *
 *   feeds:
 *     - id: example-business          # letters, digits, "-", "_", "."
 *       url: https://example.com/business/rss.xml
 *       every: 15m                    # poll interval (default 30m)
 *       maxSilence: 2d                # optional: warn when no new item for this long
 *     - id: offline-copy              # a local run only (newsnlp run --feeds): a file, by the
 *       file: fixtures/feeds/x.xml    # `file` key (relative to the list) or a path as `url`
 *
 * Feed URLs are http:// or https:// only; a file: URL is refused everywhere. checkFeeds() says so
 * for every feed of a list before anything is scheduled or polled, and refuses a private,
 * loopback or link-local target (an IP literal, or a name that resolves to one) unless private
 * targets are allowed (NEWSNLP_ALLOW_PRIVATE=1, --allow-private). Its messages name the feed and
 * its URL, never what a file holds.
 */
import { lookup } from 'node:dns/promises';
import { readFile } from 'node:fs/promises';
import { dirname, isAbsolute, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { addressRange, ipLiteral, isPublicAddress } from '../fetch/address.ts';
import { hashId } from '../util/ids.ts';
import { parseDuration } from './config.ts';

const Duration = z.union([z.string(), z.number()]).transform((v, ctx) => {
  try {
    return parseDuration(v);
  } catch (err) {
    ctx.addIssue({ code: 'custom', message: (err as Error).message });
    return z.NEVER;
  }
});

export const FeedSpecSchema = z
  .object({
    id: z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/, 'feed ids are letters, digits, "_", "." and "-" (at most 64)'),
    url: z.string().min(1).optional(),
    /** A local feed file (local runs only): the path, relative to the feed list. */
    file: z.string().min(1).optional(),
    every: Duration.default(30 * 60_000),
    maxSilence: Duration.optional(),
  })
  .superRefine((v, ctx) => {
    if ((v.url === undefined) === (v.file === undefined)) ctx.addIssue({ code: 'custom', path: ['url'], message: `feed "${v.id}" needs a url or a file (one of them)` });
  })
  .transform(({ url, file, ...rest }) => ({ ...rest, url: (file ?? url)!, ...(file !== undefined ? { file: true as const } : {}) }));
/** A feed: its URL, or with `file` a local path (a local run's offline copy). */
export type FeedSpec = z.output<typeof FeedSpecSchema>;

/** A feed list that names a feed it may not poll: one line per bad feed; a usage error (exit 2). */
export class FeedListError extends Error {
  override name = 'FeedListError';
  readonly exitCode = 2;
}

export interface FeedCheckOptions {
  /** A local run (`newsnlp run --feeds`): local files allowed, by the `file` key or a path as `url`. */
  local: boolean;
  /** Private, loopback and link-local targets allowed (NEWSNLP_ALLOW_PRIVATE=1, --allow-private). */
  allowPrivate: boolean;
  /** Folder relative file paths resolve against (the feed list's). Default: the working directory. */
  base?: string;
  /** The addresses a host name resolves to (default: the system resolver). */
  resolveHost?: (host: string) => Promise<string[]>;
  /** Where the feeds come from, for messages ("seeds/feeds.yaml", "feeds add"). */
  source?: string;
}

/** A path written as a feed URL: "/srv/feeds/x.xml", "./x.xml", "../x.xml", "C:\\feeds\\x.xml". */
const PATH_SYNTAX = /^(?:\.{0,2}\/|[A-Za-z]:[\\/])/;

const systemResolve = async (host: string) => (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);

/** What is wrong with `url` as a feed URL (http(s) only), or null. Names the URL, never any content. */
export function feedUrlProblem(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return `not a URL: ${JSON.stringify(url.slice(0, 200))}`;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') {
    return `${u.protocol} URLs are not feeds, only http:// and https:// ones (a local file is "file: PATH" in the feed list of a local run, newsnlp run --feeds)`;
  }
  if (!u.hostname) return `${url}: no host`;
  return null;
}

/**
 * Check every feed of a list before it is scheduled or polled: http(s) URLs only (files in local
 * runs only), no private target unless allowed. Returns the specs, file paths resolved; throws one
 * FeedListError naming every bad feed.
 */
export async function checkFeeds(specs: readonly FeedSpec[], o: FeedCheckOptions): Promise<FeedSpec[]> {
  const problems: string[] = [];
  const out: FeedSpec[] = [];
  for (const spec of specs) {
    const fileLike = spec.file === true || (o.local && PATH_SYNTAX.test(spec.url));
    if (fileLike) {
      if (!o.local) problems.push(`feed "${spec.id}": a file feed is read only by a local run (newsnlp run --feeds); a scheduled feed needs an http(s) URL`);
      else out.push({ ...spec, url: isAbsolute(spec.url) ? spec.url : resolve(o.base ?? process.cwd(), spec.url), file: true });
      continue;
    }
    const problem = feedUrlProblem(spec.url) ?? (o.allowPrivate ? null : await privateTarget(spec.url, o.resolveHost ?? systemResolve));
    if (problem) problems.push(`feed "${spec.id}": ${problem}`);
    else out.push(spec);
  }
  if (problems.length) throw new FeedListError(`[feeds] ${o.source ? `${o.source}: ` : ''}${problems.join('; ')}`);
  return out;
}

/**
 * "resolves to 10.0.0.5, a private address ..." when the URL's host is, or resolves to, an address
 * a fetch may not reach; null otherwise. A name that does not resolve now passes: every fetch
 * checks the addresses again when it connects.
 */
async function privateTarget(url: string, resolveHost: (host: string) => Promise<string[]>): Promise<string | null> {
  const host = new URL(url).hostname;
  const literal = ipLiteral(host) ?? (/^(?:.+\.)?localhost\.?$/i.test(host) ? '127.0.0.1' : null);
  let addresses: string[];
  if (literal) addresses = [literal];
  else {
    try {
      addresses = await resolveHost(host);
    } catch {
      return null;
    }
  }
  const bad = addresses.find((a) => !isPublicAddress(a));
  if (bad === undefined) return null;
  const how = literal ? `is ${bad}` : `resolves to ${bad}`;
  return `${url} ${how}, a ${addressRange(bad)} address (set NEWSNLP_ALLOW_PRIVATE=1 or --allow-private to poll private, loopback and link-local targets)`;
}

export const FeedListSchema = z
  .object({ feeds: z.array(FeedSpecSchema) })
  .superRefine((v, ctx) => {
    const seen = new Set<string>();
    for (const f of v.feeds) {
      if (seen.has(f.id)) ctx.addIssue({ code: 'custom', message: `duplicate feed id "${f.id}"` });
      seen.add(f.id);
    }
  });

/** A feed id for a URL added without --id: host plus a short hash ("example.com-1a2b3c4d"). */
export function feedIdFor(url: string): string {
  let host = 'feed';
  try {
    host = new URL(url).hostname.replace(/^www\./, '');
  } catch {
    // a local path: keep the generic name
  }
  return `${host.replace(/[^A-Za-z0-9_.-]/g, '-').slice(0, 40)}-${hashId(url).slice(0, 8)}`;
}

/**
 * Read a feed list (and check its feeds with checkFeeds when `check` is given: file paths then
 * resolve against the list's folder).
 */
export async function loadFeedList(path: string, check?: Omit<FeedCheckOptions, 'base' | 'source'>): Promise<FeedSpec[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new Error(`[feeds] ${path}: unreadable (${(err as Error).message})`, { cause: err });
  }
  let raw: unknown;
  try {
    raw = path.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
  } catch (err) {
    throw new Error(`[feeds] ${path}: not valid ${path.endsWith('.json') ? 'JSON' : 'YAML'} (${(err as Error).message})`, { cause: err });
  }
  const r = FeedListSchema.safeParse(raw);
  if (!r.success) {
    throw new FeedListError(`[feeds] ${path}: ${r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  return check ? checkFeeds(r.data.feeds, { ...check, base: dirname(path), source: path }) : r.data.feeds;
}

/**
 * The feed list (seeds/feeds.yaml or .json):
 *
 *   feeds:
 *     - id: example-business          # letters, digits, "-", "_", "."
 *       url: https://example.com/business/rss.xml
 *       every: 15m                    # poll interval (default 30m)
 *       maxSilence: 2d                # optional: warn when no new item for this long
 */
import { readFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
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

export const FeedSpecSchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/, 'feed ids are letters, digits, "_", "." and "-" (at most 64)'),
  url: z.string().min(1),
  every: Duration.default(30 * 60_000),
  maxSilence: Duration.optional(),
});
export type FeedSpec = z.output<typeof FeedSpecSchema>;

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

export async function loadFeedList(path: string): Promise<FeedSpec[]> {
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
    throw new Error(`[feeds] ${path}: ${r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  return r.data.feeds;
}

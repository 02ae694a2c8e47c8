/**
 * park: an article (from a page, a feed item or a local file) -> the store, under its id, with its
 * ingestion metadata; exact duplicates (content hash) and near ones (SimHash) are marked here.
 */
import type { IngestMeta, ParkedArticle } from '../../contracts.ts';
import { normaliseDate } from '../../input/date.ts';
import { contentHash, hamming, simhash64, simhashBands } from '../dedupe.ts';
import { key } from './context.ts';
import type { StageContext } from './context.ts';

/** Near-duplicate matching needs enough words for SimHash to be stable. */
const MIN_NEAR_DUP_WORDS = 40;

export interface ParkOptions {
  url: string | null;
  canonicalUrl: string | null;
  feedId: string | null;
  via: IngestMeta['via'];
  discoveredAt: string;
  updatedAt: string | null;
  fallbackReason: string | null;
  /** Who carried the story (feed id or host), for the sources count. */
  source: string;
}

/**
 * Dedupe an article's text (exact, then near) and park it for extraction. Idempotent: parking the
 * same article id again finds its own claims and signatures.
 */
export async function park(
  ctx: StageContext,
  articleId: string,
  article: ParkedArticle['article'],
  o: ParkOptions,
): Promise<ParkedArticle> {
  const hash = contentHash(article.text);
  const sig = simhash64(article.text);
  let duplicateOf: string | null = null;
  let duplicateKind: IngestMeta['duplicateKind'] = null;
  // Round trips that do not depend on each other go out together (one pipeline on Redis): the
  // producer parks many articles a second, and each sequential round trip costs it a wait.
  const [owner, feeds] = await Promise.all([
    ctx.store.claim(key(ctx, 'content', hash), articleId, ctx.cfg.dedupeTtlSec),
    ctx.store.members(key(ctx, 'sources', 'url', articleId)),
  ]);
  if (owner !== articleId) {
    duplicateOf = owner;
    duplicateKind = 'content';
  } else if (sig && (article.text.match(/\S+/g)?.length ?? 0) >= MIN_NEAR_DUP_WORDS) {
    // Register first, then look: of two copies parked at the same time, the later look sees
    // both, and the lower sequence number (registered first) is the original.
    const seqKey = key(ctx, 'simseq', articleId);
    const seq = Number(await ctx.store.claim(seqKey, String(await ctx.store.hincr(key(ctx, 'counters'), 'simseq', 1)), ctx.cfg.dedupeTtlSec));
    const bands = simhashBands(sig, ctx.cfg.nearDuplicateBits);
    // Signatures go into time buckets one dedupe window long: register in the current bucket,
    // look in it and the one before, so every signature of the last window is seen and old
    // buckets expire whole (a set of members cannot expire one by one).
    const windowMs = ctx.cfg.dedupeTtlSec * 1000;
    const bucket = Math.floor((ctx.now?.() ?? new Date()).getTime() / windowMs);
    const current = bands.map((band) => key(ctx, 'sim', String(bucket), band));
    const previous = bands.map((band) => key(ctx, 'sim', String(bucket - 1), band));
    // Every band registered before any is looked at (the order the rule above needs).
    const member = `${seq}@${articleId}@${sig}`;
    await Promise.all(current.map((k) => ctx.store.addToSet(k, [member], ctx.cfg.dedupeTtlSec * 2)));
    const lists = await Promise.all([...current, ...previous].map((k) => ctx.store.members(k)));
    let best: { seq: number; id: string } | null = null;
    for (const members of lists) {
      for (const m of members) {
        const [otherSeq, otherId, otherSig] = m.split('@') as [string, string, string];
        if (otherId === articleId || Number(otherSeq) >= seq || !otherSig) continue;
        if (hamming(sig, otherSig) <= ctx.cfg.nearDuplicateBits && (!best || Number(otherSeq) < best.seq)) {
          best = { seq: Number(otherSeq), id: otherId };
        }
      }
    }
    if (best) {
      duplicateOf = best.id;
      duplicateKind = 'near';
    }
  }
  // Every feed that listed this URL counts as a source of the story (and of its original).
  const story = duplicateOf ?? articleId;
  const sources = await ctx.store.addToSet(key(ctx, 'sources', 'story', story), [o.source, ...feeds], ctx.cfg.dedupeTtlSec);
  const parked: ParkedArticle = {
    articleId,
    article,
    ingest: {
      url: o.url,
      canonicalUrl: o.canonicalUrl,
      feedId: o.feedId,
      via: o.via,
      discoveredAt: o.discoveredAt,
      publishedAt: normaliseDate(article.publishedAt),
      updatedAt: normaliseDate(o.updatedAt),
      contentHash: hash,
      simhash: sig,
      duplicateOf,
      duplicateKind,
      sources,
      fallbackReason: o.fallbackReason,
    },
  };
  await ctx.store.setJson(key(ctx, 'article', articleId), parked, ctx.cfg.storeTtlSec);
  return parked;
}

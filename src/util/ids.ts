/**
 * Deterministic ids, at the bottom of the house: the pipeline (record ids), ingestion (job ids,
 * dedupe keys) and the sinks (index, primary keys) all derive theirs here, so one article has one
 * id wherever it is first known.
 *
 *   canonicalUrl("HTTPS://Example.com:443/a/b?utm_source=x&b=2&a=1#top") -> "https://example.com/a/b?a=1&b=2"
 *   articleIdOf(url)        hash of the canonical URL: cosmetic variants of a link get one id
 *   articleId(article)      the id of an article: from its url, else from its title and text
 */
import { createHash } from 'node:crypto';

/** Short deterministic id: the first 16 hex digits of sha256 over the parts joined by U+001F. */
export function hashId(...parts: (string | number | null | undefined)[]): string {
  return createHash('sha256')
    .update(parts.map((p) => (p == null ? '' : String(p))).join('\u001f'))
    .digest('hex')
    .slice(0, 16);
}

/** URL-safe slug: "Amazon Web Services" -> "amazon-web-services". */
export function slug(name: string): string {
  return (
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/&/g, ' and ')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'x'
  );
}

/** Query parameters that only track the click, never select the content. */
const TRACKING_PARAMS = new Set([
  'fbclid', 'gclid', 'dclid', 'gbraid', 'wbraid', 'msclkid', 'yclid', 'twclid', 'igshid', 'mc_cid', 'mc_eid',
  'mkt_tok', '_hsenc', '_hsmi', 'hsctatracking', 'oly_enc_id', 'oly_anon_id', 'vero_id', 'wt.mc_id', 'cmpid',
  'ncid', 'ocid', 'sr_share', 'spm', 'ref_src', 'ito', 'icid',
  'cmp', 'smid', 's_cid',
]);
/** Prefixes of tracking parameter families: utm_source, utm_medium, ..., pk_campaign, ga_... */
const TRACKING_PREFIXES = ['utm_', 'pk_', 'mtm_', 'ga_', 'hmb_', 'at_', 'ns_', 'share_'];

function isTracking(name: string): boolean {
  const n = name.toLowerCase();
  return TRACKING_PARAMS.has(n) || TRACKING_PREFIXES.some((p) => n.startsWith(p));
}

/**
 * Canonical form of an http(s) URL: scheme and host lower-cased, default port and fragment
 * dropped, tracking parameters removed, remaining parameters sorted (stable for equal names),
 * an empty path written "/". Returns the input trimmed when it is not an absolute http(s) URL.
 */
export function canonicalUrl(raw: string): string {
  let u: URL;
  try {
    u = new URL(raw.trim());
  } catch {
    return raw.trim();
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return raw.trim();
  u.hash = '';
  u.hostname = u.hostname.toLowerCase().replace(/\.$/, '');
  if ((u.protocol === 'http:' && u.port === '80') || (u.protocol === 'https:' && u.port === '443')) u.port = '';
  const params = [...u.searchParams].filter(([k]) => !isTracking(k));
  params.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  u.search = params.length ? new URLSearchParams(params).toString() : '';
  return u.href;
}

/** Deterministic article id: hash of the canonical URL (BullMQ job ids and record ids derive from it). */
export function articleIdOf(url: string): string {
  return hashId(canonicalUrl(url));
}

/**
 * The id of an article known by its content alone: from its url when it has one, else from title
 * and text. Ingestion computes an article's id once, where the article is first known (articleIdOf
 * of a feed item's link; articleId of a local file's article), and hands it to the pipeline
 * (`run(article, { id })`), so a page whose canonical URL differs keeps the id it was queued under.
 */
export function articleId(a: { url: string | null; title: string; text: string }): string {
  return a.url ? articleIdOf(a.url) : hashId(a.title, a.text);
}

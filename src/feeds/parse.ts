/**
 * Decoded feed text -> ParsedFeed (zod-validated). RSS 0.9x / 1.0 (RDF) / 2.0 and Atom go
 * through rss-parser; JSON Feed 1.0/1.1 is read here. Links come out absolute: resolved against
 * the nearest xml:base, else the feed's own (site) link, else the feed URL.
 *
 *   const { text } = decodeFeedBytes(res.body, res.headers['content-type']);
 *   const feed = await parseFeed(text, res.url);   // or throws FeedError
 *
 * Failures are FeedErrors with a kind: 'empty' (no bytes, or only comments), 'not_a_feed' (an
 * HTML page or other XML/JSON), 'malformed' (XML or JSON that does not parse even after the
 * lenient repair pass in repair.ts).
 */
import Parser from 'rss-parser';
import { z } from 'zod';
import { cleanText } from './decode.ts';
import { FeedError } from './errors.ts';
import { htmlToText } from './html-text.ts';
import { repairXml } from './repair.ts';

const IsoDateTime = z.iso.datetime({ offset: true });

export const FeedItemSchema = z.object({
  title: z.string().nullable(),
  /** Absolute URL of the item's page (http/https), or null (then `guid` identifies the item). */
  link: z.url({ protocol: /^https?$/ }).nullable(),
  guid: z.string().nullable(),
  /** published, else updated (Atom), pubDate or dc:date (RSS), date_published (JSON). */
  publishedAt: IsoDateTime.nullable(),
  updatedAt: IsoDateTime.nullable(),
  /** Plain text of the description / summary. */
  summary: z.string().nullable(),
  /** Plain text of the full content (content:encoded, Atom content, JSON content_*). */
  content: z.string().nullable(),
  author: z.string().nullable(),
});
export type FeedItem = z.infer<typeof FeedItemSchema>;

export const ParsedFeedSchema = z.object({
  format: z.enum(['rss', 'rdf', 'atom', 'json']),
  version: z.string().nullable(),
  title: z.string().nullable(),
  /** The site the feed belongs to (absolute), when the feed says. */
  link: z.string().nullable(),
  feedUrl: z.string(),
  items: z.array(FeedItemSchema),
  /** True when the XML only parsed after the lenient repair pass. */
  repaired: z.boolean(),
});
export type ParsedFeed = z.infer<typeof ParsedFeedSchema>;

/** Extra raw fields asked of rss-parser (it drops attributes and alternate links otherwise). */
const ITEM_FIELDS = [
  ['$', 'nnAttrs', { keepArray: true }],
  ['link', 'nnLinks', { keepArray: true }],
  ['title', 'nnTitle'],
  ['published', 'nnPublished'],
  ['updated', 'nnUpdated'],
  ['atom:updated', 'nnAtomUpdated'],
  ['dcterms:modified', 'nnModified'],
  ['description', 'nnDescription'],
];
const FEED_FIELDS = [
  ['$', 'nnAttrs', { keepArray: true }],
  ['link', 'nnLinks', { keepArray: true }],
];
const DATE_ELEMENTS = new Set(['published', 'updated', 'pubDate', 'dc:date', 'atom:updated', 'dcterms:modified']);

function newParser(): Parser {
  return new Parser({
    defaultRSS: 2,
    // rss-parser turns Atom <published>/<updated> into Dates and throws on a bad one; dates
    // are normalised here first (unreadable -> empty), which also makes them ISO for us.
    xml2js: {
      valueProcessors: [(value: string, name: string) => (DATE_ELEMENTS.has(name) ? (normalizeDate(value) ?? '') : value)],
    },
    customFields: { item: ITEM_FIELDS as never, feed: FEED_FIELDS as never },
  });
}

export async function parseFeed(text: string, feedUrl: string): Promise<ParsedFeed> {
  const start = firstNonSpace(text);
  if (start < 0) throw new FeedError(feedUrl, 'empty', 'the document is empty');
  const c = text[start];
  if (c === '{' || c === '[') return parseJsonFeed(text, feedUrl);
  // (what it starts with is not quoted: a document that is no feed may be anything, a local file's secrets too)
  if (c !== '<') throw new FeedError(feedUrl, 'not_a_feed', 'neither XML nor JSON: it does not start with "<", "{" or "["');

  const root = findRoot(text, start);
  if (!root) throw new FeedError(feedUrl, 'empty', 'no root element (only a prolog or comments)');
  const local = root.name.replace(/^.*:/, '').toLowerCase();
  const format = local === 'feed' ? 'atom' : local === 'rdf' ? 'rdf' : local === 'rss' ? 'rss' : null;
  if (!format) throw new FeedError(feedUrl, 'not_a_feed', `root element is <${root.name}>, not rss, rdf:RDF or feed`);

  // Parse from the root element on: the prolog (declaration, comments, DOCTYPE) carries nothing
  // we need once the text is decoded, and a declaration after whitespace or a comment trips
  // strict parsers.
  const xml = cleanText(text.slice(root.index));
  let out: RawFeed;
  let repaired = false;
  try {
    out = (await newParser().parseString(xml)) as unknown as RawFeed;
  } catch (first) {
    // Well-formed XML that rss-parser cannot walk (an <rss> or <rdf:RDF> without <channel>,
    // e.g. "<rss></rss>") is a feed with nothing in it, not a broken one.
    if (first instanceof TypeError) return ParsedFeedSchema.parse(emptyFeed(format, root, feedUrl));
    repaired = true;
    try {
      out = (await newParser().parseString(repairXml(xml))) as unknown as RawFeed;
    } catch {
      throw new FeedError(feedUrl, 'malformed', errorLine(first), { cause: first });
    }
  }
  return ParsedFeedSchema.parse(mapXmlFeed(out, format, root, feedUrl, repaired));
}

// ---------------------------------------------------------------------------------------------
// XML (via rss-parser)

type XmlNode = string | { _?: string; $?: Record<string, string>; [k: string]: unknown };
interface RawItem {
  [k: string]: unknown;
  nnAttrs?: Record<string, string>;
  nnLinks?: XmlNode[];
}
interface RawFeed {
  [k: string]: unknown;
  items: RawItem[];
  nnAttrs?: Record<string, string>;
  nnLinks?: XmlNode[];
}

interface Root {
  name: string;
  index: number;
  startTag: string;
}

function mapXmlFeed(out: RawFeed, format: 'rss' | 'rdf' | 'atom', root: Root, feedUrl: string, repaired: boolean): ParsedFeed {
  // Base chain: root element (for RSS/RDF; for Atom the root *is* the feed element) -> channel/feed.
  let base = feedUrl;
  let hasXmlBase = false;
  const rootBase = format === 'atom' ? undefined : attr(root.startTag, 'xml:base');
  for (const b of [rootBase, out.nnAttrs?.['xml:base']]) {
    // xml:base="" means "the document's own base": nothing to record.
    if (b === undefined || b.trim() === '') continue;
    base = resolveUrl(b, base) ?? base;
    hasXmlBase = true;
  }
  const siteLink = format === 'atom' ? pickAtomLink(out.nnLinks, base) : resolveUrl(nodeText(out.link as XmlNode), base);
  const itemBase = hasXmlBase ? base : (siteLink ?? base);

  const items: FeedItem[] = [];
  for (const it of out.items ?? []) items.push(mapXmlItem(it, format, itemBase));
  return {
    format,
    version: format === 'rss' ? (attr(root.startTag, 'version') ?? null) : '1.0',
    title: textOrNull(nodeText(out.title as XmlNode)),
    link: siteLink,
    feedUrl,
    items,
    repaired,
  };
}

function emptyFeed(format: 'rss' | 'rdf' | 'atom', root: Root, feedUrl: string): ParsedFeed {
  const version = format === 'rss' ? (attr(root.startTag, 'version') ?? null) : '1.0';
  return { format, version, title: null, link: null, feedUrl, items: [], repaired: false };
}

function mapXmlItem(it: RawItem, format: 'rss' | 'rdf' | 'atom', feedBase: string): FeedItem {
  const ownBase = it.nnAttrs?.['xml:base'];
  const base = ownBase !== undefined ? (resolveUrl(ownBase, feedBase) ?? feedBase) : feedBase;

  let link: string | null;
  let guid: string | null;
  let summary: string | null;
  let content: string | null;
  if (format === 'atom') {
    link = pickAtomLink(it.nnLinks, base);
    guid = textOrNull(nodeText(it.id as XmlNode));
    summary = htmlTextOrNull(it.summary);
    content = htmlTextOrNull(it.content);
  } else {
    const rawLink = Array.isArray(it.nnLinks) ? it.nnLinks.map((l) => nodeText(l).trim()).find((l) => l) : undefined;
    link = rawLink ? resolveUrl(rawLink, base) : null;
    guid = textOrNull(nodeText((it.guid ?? it['rdf:about']) as XmlNode));
    summary = htmlTextOrNull(it.nnDescription);
    content = htmlTextOrNull(it['content:encoded']);
  }
  if (!link && guid && /^https?:\/\//i.test(guid)) link = resolveUrl(guid, base);

  const published = firstDate(it.nnPublished, it.pubDate, it.date);
  const updated = firstDate(it.nnUpdated, it.nnAtomUpdated, it.nnModified);
  return {
    title: titleText(it.nnTitle ?? it.title),
    link,
    guid,
    publishedAt: published ?? updated,
    updatedAt: updated,
    summary,
    content,
    author: textOrNull(nodeText((it.author ?? it.creator) as XmlNode)),
  };
}

/** Atom <link>s: rel="alternate" (or no rel) first, then any href; each may carry its own xml:base. */
function pickAtomLink(links: XmlNode[] | undefined, base: string): string | null {
  if (!Array.isArray(links)) return null;
  const withHref = links.filter((l): l is Exclude<XmlNode, string> => typeof l === 'object' && !!l.$?.href);
  const best = withHref.find((l) => !l.$!.rel || l.$!.rel === 'alternate') ?? withHref[0];
  if (!best) return null;
  const own = best.$!['xml:base'];
  const b = own !== undefined ? (resolveUrl(own, base) ?? base) : base;
  return resolveUrl(best.$!.href!, b);
}

/** Text of an xml2js node: a string, {_: text}, or (Atom type="xhtml") nested elements. */
function nodeText(node: unknown): string {
  if (node == null) return '';
  if (typeof node === 'string') return node;
  if (Array.isArray(node)) return node.map(nodeText).join(' ');
  if (typeof node === 'object') {
    const o = node as Record<string, unknown>;
    let s = typeof o._ === 'string' ? o._ : '';
    for (const [k, v] of Object.entries(o)) if (k !== '$' && k !== '_') s += ' ' + nodeText(v);
    return s;
  }
  return String(node);
}

function titleText(node: unknown): string | null {
  const raw = nodeText(node);
  // Titles are often HTML-escaped twice ("AT&amp;amp;T") or carry markup; plain ones pass through.
  return textOrNull(/[<&]/.test(raw) ? htmlToText(raw) : raw);
}

function htmlTextOrNull(v: unknown): string | null {
  const raw = nodeText(v);
  return raw.trim() ? textOrNull(htmlToText(raw)) : null;
}

function textOrNull(s: string): string | null {
  const t = s.replace(/\s+/g, ' ').trim();
  return t ? t : null;
}

function firstDate(...values: unknown[]): string | null {
  for (const v of values) {
    const s = nodeText(v);
    if (!s) continue;
    const d = normalizeDate(s);
    if (d) return d;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// JSON Feed 1.0 / 1.1 (https://www.jsonfeed.org/version/1.1/)

const JsonAuthor = z.looseObject({ name: z.string().optional() });
const JsonItem = z.looseObject({
  id: z.union([z.string(), z.number()]).optional(),
  url: z.string().optional(),
  external_url: z.string().optional(),
  title: z.string().optional(),
  content_html: z.string().optional(),
  content_text: z.string().optional(),
  summary: z.string().optional(),
  date_published: z.string().optional(),
  date_modified: z.string().optional(),
  author: JsonAuthor.optional().catch(undefined),
  authors: z.array(JsonAuthor).optional().catch(undefined),
});
const JsonFeed = z.looseObject({
  version: z.string(),
  title: z.string().optional(),
  home_page_url: z.string().optional(),
  feed_url: z.string().optional(),
  author: JsonAuthor.optional().catch(undefined),
  authors: z.array(JsonAuthor).optional().catch(undefined),
  items: z.array(z.unknown()),
});

function parseJsonFeed(text: string, feedUrl: string): ParsedFeed {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    // V8 quotes the start of the text in its message ("... \"root:x:0:0:root\"... is not valid JSON"): not repeated
    throw new FeedError(feedUrl, 'malformed', `invalid JSON (${(err as Error).message.replace(/,\s*".*$/s, '')})`, { cause: err });
  }
  const parsed = JsonFeed.safeParse(data);
  if (!parsed.success || !/jsonfeed\.org\/version\/1|^1(?:\.\d+)?$/.test(parsed.data.version)) {
    throw new FeedError(feedUrl, 'not_a_feed', 'JSON without a JSON Feed "version" and "items"');
  }
  const f = parsed.data;
  const siteLink = f.home_page_url ? resolveUrl(f.home_page_url, feedUrl) : null;
  const base = siteLink ?? feedUrl;
  const feedAuthor = f.authors?.[0]?.name ?? f.author?.name ?? null;
  const items: FeedItem[] = [];
  for (const raw of f.items) {
    const r = JsonItem.safeParse(raw);
    if (!r.success) continue; // one bad item does not sink the feed
    const it = r.data;
    const guid = it.id === undefined ? null : String(it.id);
    let link = it.url ? resolveUrl(it.url, base) : it.external_url ? resolveUrl(it.external_url, base) : null;
    if (!link && guid && /^https?:\/\//i.test(guid)) link = resolveUrl(guid, base);
    const updated = it.date_modified ? normalizeDate(it.date_modified) : null;
    items.push({
      title: it.title ? titleText(it.title) : null,
      link,
      guid,
      publishedAt: (it.date_published ? normalizeDate(it.date_published) : null) ?? updated,
      updatedAt: updated,
      summary: it.summary ? textOrNull(it.summary) : null,
      content: it.content_text ? textOrNull(it.content_text) : it.content_html ? htmlTextOrNull(it.content_html) : null,
      author: it.authors?.[0]?.name ?? it.author?.name ?? feedAuthor,
    });
  }
  return ParsedFeedSchema.parse({
    format: 'json',
    version: f.version.replace(/^.*\/version\//, ''),
    title: f.title ? textOrNull(f.title) : null,
    link: siteLink,
    feedUrl,
    items,
    repaired: false,
  });
}

// ---------------------------------------------------------------------------------------------
// helpers

function firstNonSpace(s: string): number {
  const m = /[^\s\ufeff]/.exec(s);
  return m ? m.index : -1;
}

/** The first element after the prolog (declaration, PIs, comments, DOCTYPE), or null. */
function findRoot(s: string, from: number): Root | null {
  let i = from;
  const n = s.length;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 0xfeff) {
      i++;
      continue;
    }
    if (c !== 60 /* < */) return null;
    if (s.startsWith('<?', i)) {
      const e = s.indexOf('?>', i + 2);
      if (e < 0) return null;
      i = e + 2;
    } else if (s.startsWith('<!--', i)) {
      const e = s.indexOf('-->', i + 4);
      if (e < 0) return null;
      i = e + 3;
    } else if (s.startsWith('<!', i)) {
      const gt = s.indexOf('>', i);
      const br = s.indexOf('[', i);
      const e = br >= 0 && (gt < 0 || br < gt) ? s.indexOf(']', br) : i;
      const end = e < 0 ? -1 : s.indexOf('>', e);
      if (end < 0) return null;
      i = end + 1;
    } else {
      const m = /^<([A-Za-z_][\w.:-]*)/.exec(s.slice(i, i + 100));
      if (!m) return null;
      const gt = s.indexOf('>', i);
      return { name: m[1]!, index: i, startTag: s.slice(i, gt < 0 ? i + 2000 : gt + 1) };
    }
  }
  return null;
}

function attr(startTag: string, name: string): string | undefined {
  const re = new RegExp(`\\s${name.replace(/[.:]/g, '\\$&')}\\s*=\\s*(["'])([^"']*)\\1`);
  const m = re.exec(startTag);
  return m ? m[2] : undefined;
}

/** Absolute http(s) URL of `ref` against `base`, or null. */
export function resolveUrl(ref: string | undefined | null, base: string): string | null {
  if (ref == null) return null;
  const r = ref.trim();
  if (!r) return null;
  try {
    const u = new URL(r, base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

const MONTHS: Readonly<Record<string, number>> = {
  jan: 0, feb: 1, mar: 2, apr: 3, may: 4, jun: 5, jul: 6, aug: 7, sep: 8, oct: 9, nov: 10, dec: 11,
};
const HAS_ZONE = /(?:Z|[+-]\d{2}:?\d{2}|\b(?:GMT|UTC?|[ECMP][SD]T)(?:[+-]\d{1,4})?)\s*$/i;

/**
 * Feed date -> ISO 8601 UTC, or null. Handles RFC 822/1123 (with 2-digit years), ISO 8601 and
 * W3CDTF; a date without a zone is taken as UTC (not the machine's local time), and
 * "03 Apr 02 1500 GMT" (time without colon) is read as 15:00. A day the month does not have
 * ("Thu, 30 Feb 2023", "2023-02-29", "April 31, 2024") is null like any unreadable date (the
 * item's next date is tried), where Date.parse would roll it over into the next month.
 */
export function normalizeDate(value: string): string | null {
  const v = value.trim();
  if (!v) return null;
  const m = /^(?:[A-Za-z]{3,9},?\s+)?(\d{1,2})\s+([A-Za-z]{3})[a-z]*\.?\s+(\d{2,4})\s+(\d{2})(\d{2})\s*(.*)$/.exec(v);
  let t: number;
  if (m && MONTHS[m[2]!.toLowerCase()] !== undefined) {
    // "03 Apr 02 1500 GMT": hhmm without a colon.
    t = Date.parse(`${m[1]} ${m[2]} ${m[3]} ${m[4]}:${m[5]} ${m[6] || 'GMT'}`);
  } else if (HAS_ZONE.test(v) || /^\d{4}-\d{2}-\d{2}$/.test(v)) {
    t = Date.parse(v);
  } else {
    t = Date.parse(/^\d{4}-\d{2}-\d{2}T/.test(v) ? `${v}Z` : `${v} GMT`);
    if (Number.isNaN(t)) t = Date.parse(v);
  }
  if (Number.isNaN(t)) return null;
  const d = new Date(t);
  const y = d.getUTCFullYear();
  if (y < 1900 || y > 2200) return null;
  if (dayPastMonthEnd(v, y)) return null;
  return d.toISOString();
}

// The calendar date as written, in the forms Date.parse reads: "2023-02-30...", "2023/02/30",
// "Thu, 30 Feb 2023", "30 Feb 23", "February 30, 2023", "Thursday, Feb. 30 2023", "2/30/2023" (M/D/Y).
const WRITTEN_YMD = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?!\d)/;
const WRITTEN_DMY = /^(?:[A-Za-z]{3,9}\.?,?\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3})[a-z]*\.?,?\s+(\d{2}|\d{4})(?!\d)/;
const WRITTEN_MDY = /^(?:[A-Za-z]{3,9}\.?,?\s+)?([A-Za-z]{3})[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?!\d)/;
const WRITTEN_US = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})(?!\d)/;

/**
 * True when the text writes a day its month does not have: "Thu, 30 Feb 2023", "2023-02-29".
 * `parsedYear` stands in for a two-digit year (February 29 depends on it).
 */
function dayPastMonthEnd(v: string, parsedYear: number): boolean {
  let y: number;
  let mo: number | undefined; // 0-11
  let d: number;
  let m: RegExpExecArray | null;
  if ((m = WRITTEN_YMD.exec(v))) [y, mo, d] = [Number(m[1]), Number(m[2]) - 1, Number(m[3])];
  else if ((m = WRITTEN_DMY.exec(v))) [y, mo, d] = [Number(m[3]), MONTHS[m[2]!.toLowerCase()], Number(m[1])];
  else if ((m = WRITTEN_MDY.exec(v))) [y, mo, d] = [Number(m[3]), MONTHS[m[1]!.toLowerCase()], Number(m[2])];
  else if ((m = WRITTEN_US.exec(v))) [y, mo, d] = [Number(m[3]), Number(m[1]) - 1, Number(m[2])];
  else return false;
  if (mo === undefined || mo < 0 || mo > 11) return false; // not a month: left to Date.parse, as before
  if (y < 100) y = parsedYear;
  return d > new Date(Date.UTC(y, mo + 1, 0)).getUTCDate();
}

function errorLine(err: unknown): string {
  const msg = err instanceof Error ? err.message : String(err);
  return msg.split('\n').slice(0, 2).join(' ').slice(0, 200);
}

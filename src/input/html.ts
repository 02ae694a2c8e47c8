/**
 * HTML pages -> Article. Metadata comes from the page head (Open Graph, JSON-LD, microdata, plain
 * metas) before Readability runs (it mutates the DOM); the text is Readability's main content,
 * walked block by block: one paragraph per block element, whitespace inside a paragraph collapsed,
 * paragraphs separated by a blank line. Navigation, ads, comments and footers are whatever
 * Readability leaves out; captions and embedded media are dropped here.
 *
 * linkedom is fast but does not build <head>/<body> for a page that omits them, so we add them.
 * The DOM is typed structurally below (tsconfig has no DOM lib).
 */
import { createRequire } from 'node:module';
import type { Readability as ReadabilityClass } from '@mozilla/readability';
import type { parseHTML as ParseHtml } from 'linkedom';
import type { Article } from '../schema.ts';
import { normaliseDate } from './date.ts';
import { InputError } from './errors.ts';

/**
 * linkedom (with htmlparser2 and its CSS code) and Readability are loaded on the first HTML page,
 * not when the readers are imported: `newsnlp extract story.txt` never needs them (about 50 ms
 * of start-up). Both packages ship CommonJS, which require() loads synchronously, so the readers
 * stay synchronous.
 */
const requireCjs = createRequire(import.meta.url);
let libs: { Readability: typeof ReadabilityClass; parseHTML: typeof ParseHtml } | null = null;
const htmlLibs = () =>
  (libs ??= {
    Readability: (requireCjs('@mozilla/readability') as { Readability: typeof ReadabilityClass }).Readability,
    parseHTML: (requireCjs('linkedom') as { parseHTML: typeof ParseHtml }).parseHTML,
  });

interface DNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DNode>;
  firstChild: DNode | null;
  previousElementSibling?: DEl | null;
  appendChild(n: DNode): DNode;
  insertBefore(n: DNode, ref: DNode | null): DNode;
}
interface DEl extends DNode {
  getAttribute(name: string): string | null;
  querySelectorAll(sel: string): ArrayLike<DEl>;
  querySelector(sel: string): DEl | null;
  remove(): void;
}
interface DDoc {
  documentElement: DEl;
  body: DEl | null;
  title: string;
  createElement(tag: string): DEl;
  querySelectorAll(sel: string): ArrayLike<DEl>;
  querySelector(sel: string): DEl | null;
}

export interface HtmlOptions {
  /** Where the page came from; used as the url when the page names no canonical url, and as the base for relative ones. */
  url?: string;
  /** Name for error messages (defaults to url, else "-"). */
  name?: string;
}

const HEAD_TAGS = new Set(['TITLE', 'META', 'LINK', 'BASE', 'STYLE', 'SCRIPT', 'NOSCRIPT', 'TEMPLATE']);

function toDocument(html: string): DDoc {
  let h = html;
  if (!/<html[\s>]/i.test(h)) h = `<!DOCTYPE html><html>${h.replace(/<!doctype[^>]*>/i, '')}</html>`;
  const doc = htmlLibs().parseHTML(h).document as unknown as DDoc;
  const root = doc.documentElement;
  const kids = Array.from(root.childNodes);
  if (!kids.some((k) => k.nodeName === 'BODY')) {
    // "<title>T</title><p>a</p>" -> <html><head><title>T</title></head><body><p>a</p></body></html>
    let head = kids.find((k) => k.nodeName === 'HEAD');
    if (!head) {
      head = doc.createElement('head');
      root.insertBefore(head, root.firstChild);
    }
    const body = doc.createElement('body');
    let inBody = false;
    for (const k of kids) {
      if (k === head) continue;
      if (!inBody && k.nodeType === 1 && HEAD_TAGS.has(k.nodeName)) head.appendChild(k);
      else if (!inBody && k.nodeType !== 1 && !(k.textContent ?? '').trim()) continue;
      else {
        inBody = true;
        body.appendChild(k);
      }
    }
    root.appendChild(body);
  }
  return doc;
}

const collapse = (s: string) => s.replace(/[\u00AD\u200B\uFEFF]/g, '').replace(/\s+/g, ' ').trim();

// ---------------------------------------------------------------- metadata

/** All <meta> key -> first non-empty content; key is property, name or itemprop, lower-cased. */
function metaMap(doc: DDoc): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of Array.from(doc.querySelectorAll('meta'))) {
    const content = m.getAttribute('content');
    if (!content || !content.trim()) continue;
    for (const attr of ['property', 'name', 'itemprop']) {
      const key = m.getAttribute(attr)?.trim().toLowerCase();
      if (key && !out.has(key)) out.set(key, content.trim());
    }
  }
  return out;
}

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const ARTICLE_TYPE_RE = /(Article|BlogPosting|Report|LiveBlogPosting)$/;

/** The first JSON-LD object whose @type is an article type (searching arrays and @graph). */
function jsonLdArticle(doc: DDoc): Json | null {
  const objs: Json[] = [];
  const push = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(push);
    else if (isObj(v)) {
      objs.push(v);
      if (v['@graph'] !== undefined) push(v['@graph']);
    }
  };
  for (const s of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      push(JSON.parse(s.textContent ?? ''));
    } catch {
      // a broken JSON-LD block is common; ignore it
    }
  }
  const typed = (o: Json) => {
    const t = o['@type'];
    const ts = Array.isArray(t) ? t : [t];
    return ts.some((x) => typeof x === 'string' && ARTICLE_TYPE_RE.test(x));
  };
  return objs.find(typed) ?? objs.find((o) => typeof o['headline'] === 'string') ?? null;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? collapse(v) : null);

/**
 * JSON-LD sits in a <script>, so the parser does not decode entities, yet many CMSs write
 * "Smith &amp; Sons" or "Acme&#8217;s" there: decode the common ones.
 */
const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
const decodeEntities = (s: string) =>
  s.replace(/&(#[xX][0-9a-fA-F]+|#\d+|[a-z]+);/g, (m, e: string) => {
    if (e[0] !== '#') return NAMED_ENTITIES[e] ?? m;
    const cp = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
  });
const ldStr = (v: unknown): string | null => (typeof v === 'string' ? str(decodeEntities(v)) : null);

function ldName(v: unknown): string | null {
  if (Array.isArray(v)) return ldName(v[0]);
  if (isObj(v)) return ldStr(v['name']);
  return ldStr(v);
}

/** "Acme buys Widget | Example News" -> "Acme buys Widget" when "Example News" is the site name. */
function stripSiteName(title: string, sites: (string | null)[]): string {
  const lower = title.toLowerCase();
  for (const site of sites) {
    if (!site) continue;
    const s = site.toLowerCase();
    for (const sep of [' | ', ' - ', ' \u2013 ', ' \u2014 ', ' :: ', ' \u00B7 ', ': ']) {
      if (lower.endsWith(sep + s) && title.length > sep.length + s.length) {
        return title.slice(0, title.length - sep.length - s.length).trim();
      }
      if (sep !== ': ' && lower.startsWith(s + sep) && title.length > sep.length + s.length) {
        return title.slice(s.length + sep.length).trim();
      }
    }
  }
  return title;
}

function resolveUrl(href: string | null | undefined, base: string | undefined): string | null {
  if (!href || !href.trim()) return null;
  try {
    const u = new URL(href.trim(), base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

const first = <T>(...xs: (T | null | undefined)[]): T | null => {
  for (const x of xs) if (x !== null && x !== undefined) return x;
  return null;
};

/** Candidate date strings in order of trust: explicit article metas, JSON-LD, microdata, <time>, generic date metas. */
const DATE_METAS = [
  'date', 'pubdate', 'publishdate', 'publish-date', 'publish_date', 'publication_date', 'dc.date.issued',
  'dcterms.issued', 'dc.date', 'dcterms.created', 'dcterms.date', 'sailthru.date', 'parsely-pub-date', 'og:published_time',
];

function publishedAt(doc: DDoc, meta: Map<string, string>, ld: Json | null): string | null {
  const cands: (string | null | undefined)[] = [meta.get('article:published_time'), ldStr(ld?.['datePublished'])];
  const micro = doc.querySelector('[itemprop="datePublished"]');
  if (micro) cands.push(micro.getAttribute('datetime') ?? micro.getAttribute('content') ?? micro.textContent);
  const time = doc.querySelector('article time[datetime]') ?? doc.querySelector('time[datetime]');
  if (time) cands.push(time.getAttribute('datetime'));
  for (const k of DATE_METAS) cands.push(meta.get(k));
  for (const c of cands) {
    const d = normaliseDate(c);
    if (d) return d;
  }
  return null;
}

// ---------------------------------------------------------------- text

const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'CAPTION', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGURE',
  'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HGROUP', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE',
  'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TFOOT', 'THEAD', 'TR', 'UL',
]);
const SKIP = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'BUTTON', 'FIGCAPTION', 'IFRAME', 'OBJECT', 'EMBED', 'CANVAS',
  'VIDEO', 'AUDIO', 'SELECT', 'TEXTAREA', 'INPUT', 'MATH',
]);
/**
 * Page chrome Readability sometimes leaves in its content (it returns the whole body when it finds
 * no better candidate): menus, forms, related-links boxes, footers. A <header> is kept there (it
 * often holds the standfirst) but dropped in the whole-body fallback.
 */
const CONTENT_SKIP = new Set([...SKIP, 'NAV', 'FORM', 'ASIDE', 'FOOTER']);
const BODY_SKIP = new Set([...CONTENT_SKIP, 'HEADER']);

/** Paragraphs of an element: one per block element or <br>, cells of a table row joined by " | ". */
export function blockParagraphs(root: DNode, skip: ReadonlySet<string> = SKIP): string[] {
  const paras: string[] = [];
  let buf: string[] = [];
  const flush = () => {
    if (buf.length === 0) return;
    const p = collapse(buf.join(''));
    if (p) paras.push(p);
    buf = [];
  };
  const visit = (n: DNode) => {
    if (n.nodeType === 3) {
      buf.push(n.textContent ?? '');
      return;
    }
    if (n.nodeType !== 1) return;
    const tag = n.nodeName.toUpperCase();
    if (skip.has(tag)) return;
    if (tag === 'BR' || tag === 'HR') {
      flush();
      return;
    }
    const block = BLOCK.has(tag);
    if (block) flush();
    else if ((tag === 'TD' || tag === 'TH') && n.previousElementSibling) buf.push(' | ');
    else if (tag === 'IMG') return;
    const kids = n.childNodes;
    for (let i = 0; i < kids.length; i++) visit(kids[i]!);
    if (block) flush();
  };
  visit(root);
  flush();
  return paras;
}

// ---------------------------------------------------------------- page furniture

/**
 * Ad slots Readability keeps when they sit inside the story: class or id tokens such as
 * "ad", "ad-inline", "advert", "dfp-slot", "sponsored"; only small elements (a class such as
 * "has-ads" on the article itself must not remove the story).
 */
const AD_TOKEN_RE = /(?:^|[\s_-])(?:ad|ads|adslot|adunit|advert|adverts|advertisement|advertising|dfp|gpt|sponsored|promo|outbrain|taboola)(?:[\s_-]|$)/i;
const AD_MAX_TEXT = 200;

function removeAdSlots(doc: DDoc): void {
  for (const el of Array.from(doc.querySelectorAll('[class], [id]'))) {
    const tag = el.nodeName.toUpperCase();
    if (tag === 'HTML' || tag === 'BODY' || tag === 'MAIN' || tag === 'ARTICLE') continue;
    const key = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
    if (!AD_TOKEN_RE.test(key)) continue;
    if ((el.textContent ?? '').length <= AD_MAX_TEXT) el.remove();
  }
}

/** Whole paragraphs that are page furniture, not story: "Advertisement", "Story continues below". */
const FURNITURE_PARA_RE =
  /^(?:advertisement|advertisements|ad|sponsored(?: content)?|skip advertisement|(?:the )?story continues below(?: (?:this )?advertisement)?|continue reading(?: the main story)?|scroll to continue(?: with content)?|read more|related(?: stories| articles)?|share this (?:article|story)|listen to this article)$/i;

// ---------------------------------------------------------------- entry point

export function articleFromHtml(html: string, opts: HtmlOptions = {}): Article {
  const name = opts.name ?? opts.url ?? '-';
  const doc = toDocument(html);
  const meta = metaMap(doc);
  const ld = jsonLdArticle(doc);

  const source = first(
    str(meta.get('og:site_name')),
    ldName(ld?.['publisher']),
    str(meta.get('application-name')),
  );
  const sites = [source, str(meta.get('og:site_name')), ldName(ld?.['publisher']), str(meta.get('application-name'))];
  const rawTitle = first(
    str(meta.get('og:title')),
    ldStr(ld?.['headline']),
    str(doc.title),
    str(meta.get('twitter:title')),
  );
  const canonical = doc.querySelector('link[rel~="canonical"]')?.getAttribute('href');
  const url = first(resolveUrl(canonical, opts.url), resolveUrl(meta.get('og:url'), opts.url), opts.url ?? null);
  let date = publishedAt(doc, meta, ld);
  const h1 = doc.querySelector('h1'); // read before Readability rewrites the DOM
  const h1Title = h1 ? collapse(h1.textContent ?? '') : '';

  removeAdSlots(doc);
  const parsed = new (htmlLibs().Readability)(doc as never, { serializer: (n: unknown) => n }).parse();
  let title = rawTitle ? stripSiteName(rawTitle, sites) : str(parsed?.title) ?? '';
  // "Acme buys Widget | Some Site" with <h1>Acme buys Widget</h1> and no site name to strip: the h1.
  if (h1Title && title.length > h1Title.length && title.startsWith(h1Title) && /^\s*[|\-\u2013\u2014:\u00B7]/.test(title.slice(h1Title.length))) {
    title = h1Title;
  }
  date ??= normaliseDate(parsed?.publishedTime);

  let paras = parsed?.content ? blockParagraphs(parsed.content as DNode, CONTENT_SKIP) : [];
  if (paras.length === 0 && doc.body) paras = blockParagraphs(doc.body, BODY_SKIP);
  if (!title) title = h1Title;
  paras = paras.filter((p) => !FURNITURE_PARA_RE.test(p));
  // Readability keeps the headline (as h1/h2) at the top of the content; the title already has it.
  if (paras.length > 1 && title && paras[0]!.toLowerCase() === title.toLowerCase()) paras = paras.slice(1);
  const text = paras.join('\n\n');
  if (!text) throw new InputError(name, 'no article text found in the HTML');
  return { url, title, publishedAt: date, source: first(source, str(parsed?.siteName)), text };
}

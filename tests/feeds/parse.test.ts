import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeFeedBytes } from '../../src/feeds/decode.ts';
import { FeedError } from '../../src/feeds/errors.ts';
import { normalizeDate, parseFeed } from '../../src/feeds/parse.ts';
import type { ParsedFeed } from '../../src/feeds/parse.ts';
import { repairXml } from '../../src/feeds/repair.ts';
import { rejection } from '../helpers/rejection.ts';

const BASE = 'https://feeds.example.org/path/feed.xml';
const load = (name: string) => decodeFeedBytes(readFileSync(new URL(`../fixtures/feeds/${name}`, import.meta.url))).text;
const parse = (name: string, url = BASE): Promise<ParsedFeed> => parseFeed(load(name), url);
const feedError = (p: Promise<unknown>): Promise<FeedError> => rejection(p, FeedError);

describe('parseFeed: formats', () => {
  it('RSS 2.0 (a news site): 55 items with titles, absolute links, ISO dates', async () => {
    const f = await parse('rss-parser__guardian.rss');
    expect(f).toMatchObject({ format: 'rss', version: '2.0', title: 'The Guardian', repaired: false });
    expect(f.items).toHaveLength(55);
    const first = f.items[0]!;
    expect(first.title).toMatch(/^Trump State of the Union address promised unity/);
    expect(first.link).toMatch(/^https:\/\/www\.theguardian\.com\/us-news\/2018\/jan\/31\//);
    expect(first.publishedAt).toBe('2018-01-31T07:26:05.000Z');
    expect(first.summary).not.toMatch(/<|&lt;/);
  });

  it('RSS 1.0 (RDF): 69 items dated by dc:date', async () => {
    const f = await parse('rss-parser__rss-1.rss');
    expect(f.format).toBe('rdf');
    expect(f.items).toHaveLength(69);
    expect(f.items[0]!.publishedAt).toBe('2017-06-15T17:29:47.000Z');
  });

  it('RSS 0.90 (my.netscape.com namespace) and RSS 0.92', async () => {
    const heise = await parse('miniflux__rdf_UTF8.xml');
    expect(heise.items).toHaveLength(60);
    expect(heise.items[0]!.title).toBe('OLED-TVs: Vorsichtsmaßnahmen gegen Einbrennen');
    const f = await parse('rss-parser__heraldsun.rss');
    expect(f.version).toBe('0.92');
    expect(f.items.map((i) => i.link)).toEqual(['http://www.oreilly.com/example/001.html', 'http://www.oreilly.com/example/002.html']);
  });

  it('Atom 1.0: alternate links, published dates, authors, HTML content as text', async () => {
    const f = await parse('rss-parser__heise.atom');
    expect(f).toMatchObject({ format: 'atom', title: 'heise developer neueste Meldungen' });
    expect(f.items).toHaveLength(15);
    expect(f.items[0]!.title).toBe('Java-Anwendungsserver: Red Hat gibt WildFly 10 frei');
    expect(f.items[0]!.link).toMatch(/^http:\/\/www\.heise\.de\/developer\/meldung\//);
  });

  it('JSON Feed 1.1: items, authors (authors[] over legacy author), content_text', async () => {
    const f = await parse('gofeed__json11_feed.json');
    expect(f).toMatchObject({ format: 'json', version: '1.1', title: 'title', link: 'https://sample-json-feed.com/' });
    expect(f.items).toEqual([
      {
        title: 'title',
        link: 'https://sample-json-feed.com/id',
        guid: 'id',
        publishedAt: '2019-10-12T07:20:50.520Z',
        updatedAt: '2019-10-12T07:20:50.520Z',
        summary: 'summary',
        content: 'content_text',
        author: 'author_name',
      },
    ]);
    const authors = await parse('RSParser__authors.json');
    expect(authors.items.map((i) => i.author)).toEqual(['Root Author 1', 'Legacy Item Author', 'Item Author 1', 'Item Author 1']);
    expect(authors.items.map((i) => i.guid)[0]).toBe('Item without authors');
  });

  it('JSON Feed 1.0 of a blog: 48 items with curly quotes intact', async () => {
    const f = await parse('RSParser__DaringFireball.json');
    expect(f.items).toHaveLength(48);
    expect(f.items[0]!.title).toBe('The Talk Show: ‘I Do Like Throwing a Baby’');
  });
});

describe('parseFeed: links are absolute', () => {
  it('xml:base on <rss>', async () => {
    const f = await parse('gofeed__rss_channel_item_xml_base.xml');
    expect(f.items[0]!.link).toBe('http://example.org/feeds/post/1');
  });

  it('xml:base on one <item>; the other item falls back to the channel link', async () => {
    const f = await parse('node-feedparser__rss-with-item-scoped-html-base.xml');
    expect(f.items.map((i) => i.link)).toEqual(['https://example.com/first/first', 'https://example.com/second']);
  });

  it('relative RSS links with a relative channel link resolve against the feed URL', async () => {
    const f = await parse('node-feedparser__rss-with-relative-urls.xml', 'https://www.arcgames.com/en/games/neverwinter/news/rss');
    expect(f.link).toBe('https://www.arcgames.com/en/games/neverwinter/news');
    expect(f.items).toHaveLength(2);
    expect(f.items[0]!.title).toBe('Neverwinter & Jingle Jam Humble Bundle!');
    expect(f.items[0]!.link).toMatch(/^https:\/\/www\.arcgames\.com\/en\/games\/neverwinter\/news\/detail\/10743874-/);
    expect(f.items[0]!.publishedAt).toBe('2017-12-07T18:00:29.000Z');
  });

  it('Atom without xml:base: relative hrefs against the feed URL (Jekyll, Sam Ruby)', async () => {
    const jekyll = await parse('prof18-RSS-Parser__atom-relative-url.xml', 'https://aurimas.dev/feed.xml');
    expect(jekyll.link).toBe('https://aurimas.dev/');
    expect(jekyll.items[0]!.link).toBe('https://aurimas.dev/2024/12/18/What-The-Distribution.html');
    expect(jekyll.items[0]!.title).toBe('What The Distribution - What Is Inside Gradle Distribution Zips?');
    const ruby = await parse('node-feedparser__intertwingly.atom', 'http://intertwingly.net/blog/index.atom');
    expect(ruby.items[0]!.link).toBe('http://intertwingly.net/blog/2012/07/16/Inhibiting-Suspend');
  });

  it('Atom with xml:base="" and root-relative entry links: against the site link', async () => {
    const f = await parse('node-feedparser__tpm-with-empty-base.atom');
    expect(f.items).toHaveLength(20);
    expect(f.items[0]!.link).toMatch(/^http:\/\/talkingpointsmemo\.com\/livewire\/hannity-announces-fox-hired/);
  });

  it('every link in every parsed fixture is absolute http(s)', async () => {
    for (const name of ['RSParser__OneFootTsunami.atom', 'RSParser__expertopinionent.atom', 'RSParser__DaringFireball.rss', 'feed-rs__rss_2.0_relurl_1.xml']) {
      const f = await parse(name);
      expect(f.items.length).toBeGreaterThan(0);
      for (const i of f.items) if (i.link) expect(i.link).toMatch(/^https?:\/\/[^/]/);
    }
  });
});

describe('parseFeed: encodings end to end', () => {
  it.each([
    ['miniflux__windows-1252.xml', 'Euro €'],
    ['miniflux__windows-1252-incorrect-prolog.xml', 'Euro €'],
    ['rss-parser__encoding.rss', 'Jornal de Notícias - Últimas Notícias'],
    ['prof18-RSS-Parser__feed-test-greek.xml', 'Liberal - ΕΠΙΚΑΙΡΟΤΗΤΑ'],
    ['miniflux__invalid-prolog.xml', '테스트 피드'],
  ])('%s -> %s', async (name, title) => {
    expect((await parse(name)).title).toBe(title);
  });

  it('ISO-8859-1 item titles (Portuguese, German)', async () => {
    expect((await parse('rss-parser__encoding.rss')).items[0]!.title).toBe('Mãe de utente é a nova presidente da Raríssimas');
    const fr = await parse('miniflux__no_encoding_ISO-8859-1.xml');
    expect(fr.items[0]!.title).toMatch(/^Perturbateurs endocriniens : quels effets sur le/);
  });

  it('UTF-16LE with BOM parses (an empty <rss>)', async () => {
    const f = await parse('feedparser__utf-16le-bom.xml');
    expect(f).toMatchObject({ format: 'rss', items: [] });
  });
});

describe('parseFeed: lenient repair', () => {
  it('bare ampersand before real entities', async () => {
    const f = await parse('gofeed__issue_305_bare_ampersand.xml');
    expect(f.repaired).toBe(true);
    expect(f.title).toBe('Fish & Chips & more <3');
  });

  it('a legacy entity prefix in a URL-like title stays literal', async () => {
    expect((await parse('gofeed__issue_320_legacy_entity_prefix.xml')).title).toBe('?page=1&copy=2;mode=x & done');
  });

  it('bare & in an item link keeps the good items', async () => {
    const f = await parse('node-feedparser__saxerror.xml');
    expect(f.repaired).toBe(true);
    expect(f.items).toHaveLength(3);
    expect(f.items[0]).toMatchObject({ title: 'Good Item', link: 'http://example.com/good' });
  });

  it('an HTML entity (&nbsp;) undefined in XML', async () => {
    const f = await parse('feed-rs__rss_2.0_dbengines.xml');
    expect(f.items[0]!.title).toMatch(/^Snowflake is the DBMS of the Year 2022/);
  });

  it('a truncated feed keeps its channel; a document cut inside CDATA keeps its title', async () => {
    const reuters = await parse('feed-rs__rss_2.0_invalid_1.xml');
    expect(reuters).toMatchObject({ title: 'Reuters: Most Read Articles', repaired: true, items: [] });
    expect((await parse('feedparser__rss_incomplete_cdata.xml')).title).toBe('can feedparser read this xml');
  });

  it('repairXml closes mis-nested and unclosed elements and drops junk after the root', () => {
    expect(repairXml('<rss><channel><title>a <b>bold</title><item>x & y')).toBe(
      '<rss><channel><title>a <b>bold</b></title><item>x &amp; y</item></channel></rss>',
    );
    expect(repairXml('<r>&eacute;&foo;&#8;&#233;</r> trailing <junk/>')).toBe('<r>&#233;&amp;foo;&#233;</r>');
    expect(repairXml('<r><![CDATA[a & b]]></r>')).toBe('<r><![CDATA[a & b]]></r>');
  });

  it('leading blank lines before the XML declaration are fine', async () => {
    expect((await parse('prof18-RSS-Parser__feed-test-malformed.xml')).items).toHaveLength(1);
    expect((await parse('rss-parser__itunes-missing-image.rss')).items).toHaveLength(131);
  });

  it('a control character inside a title is dropped', async () => {
    expect((await parse('gofeed__rss_channel_item_illegal_char.xml')).items[0]!.title).toBe('abcd');
  });
});

describe('parseFeed: classified errors', () => {
  it('empty: 0 bytes, whitespace, a comment-only document', async () => {
    for (const name of ['gofeed__empty_feed.xml', 'feedparser__rss_empty_document.xml']) {
      const err = await feedError(parse(name));
      expect(err.kind).toBe('empty');
      expect(err.message).toContain(BASE);
    }
    expect((await feedError(parseFeed(' \n\t', BASE))).kind).toBe('empty');
  });

  it('not_a_feed: an HTML page, plain text, JSON that is not a JSON Feed', async () => {
    const html = await feedError(parse('rss-parser__unrecognized.rss'));
    expect(html.kind).toBe('not_a_feed');
    expect(html.message).toBe(`[feeds] ${BASE}: not a feed: root element is <head>, not rss, rdf:RDF or feed`);
    expect((await feedError(parseFeed('<!DOCTYPE html><html><body>hi</body></html>', BASE))).kind).toBe('not_a_feed');
    expect((await feedError(parseFeed('Service Unavailable', BASE))).kind).toBe('not_a_feed');
    expect((await feedError(parseFeed('{"data": []}', BASE))).kind).toBe('not_a_feed');
  });

  it('malformed: truncated JSON, an unclosed </rss', async () => {
    expect((await feedError(parse('RSParser__allthis-partial.json'))).kind).toBe('malformed');
    expect((await feedError(parse('gofeed__invalid.json'))).kind).toBe('malformed');
    expect((await feedError(parse('feedparser__aaa_illformed.xml'))).kind).toBe('malformed');
  });

  it('errors are permanent', async () => {
    expect((await feedError(parseFeed('', BASE))).permanent).toBe(true);
  });
});

describe('normalizeDate', () => {
  it.each([
    ['Tue, 10 Jun 2003 04:00:00 GMT', '2003-06-10T04:00:00.000Z'],
    ['Mon, 12 Sep 2011 14:33:00 EDT', '2011-09-12T18:33:00.000Z'],
    ['Sun, 10 Dec 17 00:00:00 +0000', '2017-12-10T00:00:00.000Z'],
    ['03 Apr 02 1500 GMT', '2002-04-03T15:00:00.000Z'],
    ['2012-07-16T11:48:01-04:00', '2012-07-16T15:48:01.000Z'],
    ['2020-05-01T10:00:00', '2020-05-01T10:00:00.000Z'],
    ['Fri, 01 May 2020 10:00:00', '2020-05-01T10:00:00.000Z'],
    ['2019-08-27', '2019-08-27T00:00:00.000Z'],
  ])('%s -> %s', (input, iso) => expect(normalizeDate(input)).toBe(iso));
  it('returns null for garbage', () => {
    expect(normalizeDate('yesterday-ish')).toBeNull();
    expect(normalizeDate('')).toBeNull();
  });
});

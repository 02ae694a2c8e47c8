import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { charsetFromContentType, cleanText, decodeFeedBytes } from '../../src/feeds/decode.ts';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/feeds/${name}`, import.meta.url));
const title = (text: string) => /<title>([^<]*)<\/title>/.exec(text)?.[1];

describe('decodeFeedBytes: labels weighed against bytes', () => {
  it('declared windows-1252 with a raw 0x80 byte -> the euro sign', () => {
    const { text, encoding } = decodeFeedBytes(fixture('miniflux__windows-1252.xml'));
    expect(encoding).toBe('windows-1252');
    expect(title(text)).toBe('Euro €');
  });

  it('prolog says windows-1252 but the bytes are UTF-8 -> UTF-8 wins', () => {
    const { text, encoding } = decodeFeedBytes(fixture('miniflux__windows-1252-incorrect-prolog.xml'));
    expect(encoding).toBe('utf-8');
    expect(title(text)).toBe('Euro €');
  });

  it('a bogus encoding label is ignored', () => {
    const { text, encoding } = decodeFeedBytes(fixture('miniflux__invalid-prolog.xml'));
    expect(encoding).toBe('utf-8');
    expect(text).toContain('Café');
    expect(text).toContain('테스트 피드');
  });

  it('undeclared Latin-1 bytes (invalid UTF-8) -> windows-1252', () => {
    const { text, encoding } = decodeFeedBytes(fixture('miniflux__no_encoding_ISO-8859-1.xml'));
    expect(encoding).toBe('windows-1252');
    expect(text).not.toContain('\ufffd');
    expect(decodeFeedBytes(fixture('rss-parser__uolNoticias.rss')).text).toContain('Notícias');
  });

  it('declared ISO-8859-1 -> Portuguese accents', () => {
    const { text } = decodeFeedBytes(fixture('rss-parser__encoding.rss'));
    expect(title(text)).toBe('Jornal de Notícias - Últimas Notícias');
  });

  it('declared ISO-8859-1 over UTF-8 bytes (a copyright sign) -> UTF-8', () => {
    const { text, encoding } = decodeFeedBytes(fixture('node-feedparser__mediacontent-dupes.xml'));
    expect(encoding).toBe('utf-8');
    expect(text).toContain('© Bett');
  });

  it('iso-8859-7 (Greek), windows-1251 (Russian), gb2312 (Chinese)', () => {
    expect(title(decodeFeedBytes(fixture('prof18-RSS-Parser__feed-test-greek.xml')).text)).toBe('Liberal - ΕΠΙΚΑΙΡΟΤΗΤΑ');
    expect(title(decodeFeedBytes(fixture('node-feedparser__iconv.xml')).text)).toBe('Новости Оренбурга и области / Раздел Новости');
    const zh = decodeFeedBytes(fixture('RSParser__kc0011.rss'));
    expect(zh.encoding).toBe('gbk');
    expect(zh.text).toContain('投资资讯网');
  });

  it('UTF-16LE with a BOM', () => {
    const { text, encoding } = decodeFeedBytes(fixture('feedparser__utf-16le-bom.xml'));
    expect(encoding).toBe('utf-16le');
    expect(text.startsWith('<?xml version="1.0"?>')).toBe(true); // encoding="utf-16" dropped
    expect(text).toContain('<rss>');
  });

  it('UTF-16BE without a BOM is recognised from "<?" as 16-bit units', () => {
    const src = '<?xml version="1.0" encoding="UTF-16"?><rss><channel><title>Ærø</title></channel></rss>';
    const le = Buffer.from(src, 'utf16le');
    const be = Buffer.alloc(le.length);
    for (let i = 0; i < le.length; i += 2) {
      be[i] = le[i + 1]!;
      be[i + 1] = le[i]!;
    }
    const { text, encoding } = decodeFeedBytes(be);
    expect(encoding).toBe('utf-16be');
    expect(title(text)).toBe('Ærø');
  });

  it('the HTTP charset applies when the document declares nothing', () => {
    const bytes = fixture('feedparser__http_text_xml_charset_2.xml');
    const { text, encoding } = decodeFeedBytes(bytes, 'text/xml; charset=windows-1252');
    expect(encoding).toBe('windows-1252');
    expect(text).toContain('This is a £“test.”');
  });

  it('a UTF-8 BOM is stripped; the text starts with markup', () => {
    const { text } = decodeFeedBytes(fixture('RSParser__donthitsave.xml'));
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
    expect(text.startsWith('<?xml')).toBe(true);
  });

  it('gzip bytes saved as .xml are gunzipped first', () => {
    const { text, encoding } = decodeFeedBytes(fixture('node-feedparser__compressed.xml'));
    expect(encoding).toBe('windows-1251');
    expect(title(text)).toBe('Новости Оренбурга и области / Раздел Новости');
    expect(decodeFeedBytes(gzipSync(Buffer.from('<rss/>'))).text).toBe('<rss/>');
  });

  it('windows-1252 code points that arrived as C1 controls are repaired ("demoronize")', () => {
    const { text } = decodeFeedBytes(fixture('feedparser__demoronize-1.xml'));
    expect(text).toContain('<description>don’t</description>');
  });
});

describe('cleanText / charsetFromContentType', () => {
  it('removes characters XML forbids and keeps the rest', () => {
    expect(cleanText('a\u0008b\u0000c\td\ufffee\ud800f😀')).toBe('abc\tdef😀');
  });
  it('reads charset parameters', () => {
    expect(charsetFromContentType('text/xml; charset="ISO-8859-1"')).toBe('ISO-8859-1');
    expect(charsetFromContentType('application/rss+xml;charset=utf-8')).toBe('utf-8');
    expect(charsetFromContentType('text/xml')).toBeNull();
  });
});

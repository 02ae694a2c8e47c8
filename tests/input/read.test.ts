import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { InputError, formatOf, parseInput, readArticles, readInputs } from '../../src/input/read.ts';
import { ArticleSchema } from '../../src/schema.ts';

const FX = 'tests/fixtures/input';
const fx = (name: string) => `${FX}/${name}`;

async function errorOf(p: Promise<unknown>): Promise<InputError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error('expected an InputError');
}

describe('readArticles: JSON', () => {
  it('reads one article and drops unknown fields (id, topics)', async () => {
    const [a, ...rest] = await readArticles(fx('article.json'));
    expect(rest).toEqual([]);
    expect(a).toEqual({
      url: 'https://news.example/korvo-prices',
      title: 'Widget maker Korvo lifts prices',
      publishedAt: '2023-06-12',
      source: 'Example Wire',
      text: 'Korvo Industries said on Monday it would raise prices by 6%.\n\nThe company blamed higher steel costs.',
    });
  });

  it('reports invalid JSON with line and column', async () => {
    const e = await errorOf(readArticles(fx('invalid.json')));
    expect(e.message).toBe(`[input] ${fx('invalid.json')}: invalid JSON at line 3 column 10`);
    expect(e.input).toBe(fx('invalid.json'));
    expect(e.reason).toBe('invalid JSON at line 3 column 10');
  });

  it('reports a wrong shape with the zod path', async () => {
    const e = await errorOf(readArticles(fx('wrong-shape.json')));
    expect(e.message).toBe(`[input] ${fx('wrong-shape.json')}: wrong shape: text: text is empty`);
  });

  it('keeps the good elements of an array and names the bad one by index', async () => {
    const items = await readInputs(fx('articles.json'));
    expect(items).toHaveLength(3);
    expect(items[0]).toMatchObject({ title: 'Tandem Air orders 12 jets', url: null, publishedAt: null });
    expect((items[1] as InputError).message).toBe(`[input] ${fx('articles.json')}[1]: wrong shape: text: required`);
    expect(items[2]).toMatchObject({ title: 'Lumen Grid wins contract', publishedAt: '2022-11-03T14:05:00+01:00' });
    await expect(readArticles(fx('articles.json'))).rejects.toThrow(`${fx('articles.json')}[1]: wrong shape`);
  });

  it('names every bad field, and explains a bad date', () => {
    const bytes = Buffer.from(JSON.stringify({ title: 7, publishedAt: 'yesterday', text: 'Some text.' }));
    const [e] = parseInput('x.json', bytes);
    expect((e as InputError).message).toBe(
      '[input] x.json: wrong shape: title: expected string, received number; ' +
        'publishedAt: expected an ISO date (YYYY-MM-DD) or ISO datetime with offset, or null',
    );
  });

  it('normalises a readable non-ISO publishedAt instead of rejecting it', () => {
    const bytes = Buffer.from(JSON.stringify({ title: 'T', publishedAt: '2024-03-05 09:30:00 +0100', text: 'Body.' }));
    expect(parseInput('x.json', bytes)).toEqual([
      { url: null, title: 'T', publishedAt: '2024-03-05T09:30:00+01:00', source: null, text: 'Body.' },
    ]);
  });

  it('rejects JSON that is not an article', () => {
    const [e] = parseInput('x.json', Buffer.from('"just a string"'));
    expect((e as InputError).message).toBe('[input] x.json: wrong shape: expected an article object or an array of them');
  });

  it('reads a .json file that is really NDJSON line by line', () => {
    const body = '{"title": "A", "text": "One."}\n{"title": "B", "text": "Two."}\n';
    const items = parseInput('mislabelled.json', Buffer.from(body));
    expect(items.map((x) => (x instanceof InputError ? x.message : x.title))).toEqual(['A', 'B']);
  });
});

describe('readInputs: NDJSON', () => {
  it('one bad line does not lose the others; errors name path:line', async () => {
    const items = await readInputs(fx('articles.ndjson'));
    const shown = items.map((x) => (x instanceof InputError ? x.message : x.url));
    expect(shown).toEqual([
      'wire:1',
      `[input] ${fx('articles.ndjson')}:3: invalid JSON at column 66`,
      `[input] ${fx('articles.ndjson')}:4: wrong shape: text: text is empty`,
      'wire:4',
    ]);
    expect(items[0]).toEqual({
      url: 'wire:1',
      title: 'TANDEM AIR <TDA> ORDERS JETS',
      publishedAt: '1988-04-05',
      source: 'Example Wire',
      text: 'Tandem Air Corp said it ordered 12 jets.\n\nThe order is worth 300 mln dlrs.',
    });
    const e = await errorOf(readArticles(fx('articles.ndjson')));
    expect(e.input).toBe(`${fx('articles.ndjson')}:3`);
  });

  it('reads the whole Reuters-21578 file without an error', async () => {
    const path = fileURLToPath(new URL('../../corpus/reuters-21578/articles.ndjson', import.meta.url));
    const lines = readFileSync(path, 'utf8').split('\n').filter((l) => l.trim() !== '');
    const items = await readArticles(path);
    expect(items).toHaveLength(lines.length);
    expect(items.length).toBeGreaterThan(2000);
    const first = JSON.parse(lines[0]!) as { url: string; title: string; text: string };
    expect(items[0]).toMatchObject({ url: first.url, title: first.title, text: first.text, source: 'Reuters' });
    for (const a of items) expect(ArticleSchema.parse(a)).toEqual(a);
  });
});

describe('readArticles: text files and bytes', () => {
  it('drops a BOM and normalises CRLF', async () => {
    expect(await readArticles(fx('bom.txt'))).toEqual([
      {
        url: null,
        title: 'Widget maker Korvo lifts prices',
        publishedAt: null,
        source: null,
        text: 'Korvo Industries said on Monday it would raise prices by 6%.\n\nThe company blamed higher steel costs.',
      },
    ]);
  });

  it('rejects windows-1252 text, naming the offset of the first bad byte', async () => {
    const e = await errorOf(readArticles(fx('windows-1252.txt')));
    expect(e.message).toBe(`[input] ${fx('windows-1252.txt')}: not UTF-8 (invalid byte sequence at offset 3)`);
  });

  it('rejects empty and whitespace-only files', async () => {
    expect((await errorOf(readArticles(fx('empty.txt')))).message).toBe(`[input] ${fx('empty.txt')}: empty file`);
    expect((await errorOf(readArticles(fx('blank.txt')))).message).toBe(`[input] ${fx('blank.txt')}: empty file`);
    expect((parseInput('a.json', Buffer.from('\uFEFF \n')) [0] as InputError).message).toBe('[input] a.json: empty file');
  });

  it('reports an unreadable path with the system error, without the path twice', async () => {
    const e = await errorOf(readArticles(fx('no-such-file.txt')));
    expect(e.message).toBe(`[input] ${fx('no-such-file.txt')}: unreadable: ENOENT: no such file or directory`);
    expect(e.cause).toBeInstanceOf(Error);
  });

  it('decodes an HTML page in its declared legacy charset', async () => {
    const [a] = await readArticles(fx('windows-1252.html'));
    expect(a!.title).toBe('Café chain Brioche Nord expands');
    expect(a!.text).toBe(
      'Brioche Nord, the café operator, said it would open 40 outlets in Belgium next year \u2013 its first outside France.',
    );
  });
});

describe('stdin and sniffing', () => {
  it('reads "-" from the given stream and sniffs the format', async () => {
    const ndjson = '{"title": "A", "text": "One."}\n{"title": "B", "text": "Two."}\n';
    const items = await readArticles('-', { stdin: Readable.from([Buffer.from(ndjson)]) });
    expect(items.map((a) => a.title)).toEqual(['A', 'B']);
    const e = await errorOf(readArticles('-', { stdin: Readable.from([Buffer.from('{"title": ')]) }));
    expect(e.message).toBe('[input] -: invalid JSON at line 1 column 11');
  });

  it('sniffs by the first non-blank byte when the extension says nothing', () => {
    const f = (s: string) => formatOf('input', Buffer.from(s));
    expect([f('\uFEFF  {"a":1}'), f('\n[ ]'), f('  <!doctype html>'), f('Headline\n\nBody')]).toEqual([
      'json',
      'json',
      'html',
      'text',
    ]);
    expect(formatOf('a.JSONL', Buffer.from('x'))).toBe('ndjson');
    expect(formatOf('page.htm', Buffer.from('x'))).toBe('html');
  });
});

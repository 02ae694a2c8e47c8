import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_MAX_ARTICLE_BYTES, InputError, parseInput, readInputs } from '../../src/input/read.ts';
import type { InputItem } from '../../src/input/read.ts';
import { MaxArticleBytesSchema } from '../../src/input/limits.ts';

const CAP = 1024; // the smallest the setting allows; raw units (HTML page, JSON document, NDJSON line) get 5x
const words = (bytes: number) => 'Acme Corp sold widgets. '.repeat(Math.ceil(bytes / 24)).slice(0, bytes);
const messages = (items: InputItem[]) => items.map((x) => (x instanceof InputError ? x.message : `article: ${x.title}`));

let dir: string;
const at = (name: string) => join(dir, name);
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'newsnlp-limits-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('per-article size limit', () => {
  it('defaults to 2 MiB and names the setting', async () => {
    expect(DEFAULT_MAX_ARTICLE_BYTES).toBe(2_097_152);
    await writeFile(at('big.txt'), `Headline\n\n${words(DEFAULT_MAX_ARTICLE_BYTES)}`);
    await writeFile(at('edge.txt'), `Headline\n\n${words(DEFAULT_MAX_ARTICLE_BYTES - 10)}`);
    expect(messages(await readInputs(at('big.txt')))).toEqual([
      `[input] ${at('big.txt')}: article text is 2,097,162 bytes, over the 2,097,152-byte limit (NEWSNLP_MAX_ARTICLE_BYTES)`,
    ]);
    expect(messages(await readInputs(at('edge.txt')))).toEqual(['article: Headline']);
  });

  it('refuses a text file by its size, before reading it', async () => {
    // Not UTF-8 either: had it been read, the error would say so.
    await writeFile(at('latin1.txt'), Buffer.alloc(CAP + 1, 0xe9));
    expect(messages(await readInputs(at('latin1.txt'), { maxArticleBytes: CAP }))).toEqual([
      `[input] ${at('latin1.txt')}: article text is 1,025 bytes, over the 1,024-byte limit (NEWSNLP_MAX_ARTICLE_BYTES)`,
    ]);
  });

  it('checks each article of a JSON array and keeps the others', async () => {
    const arr = [
      { title: 'small', text: 'Acme Corp sold widgets.' },
      { title: 'big', text: words(CAP + 1) },
      { title: 'multibyte', text: '\u00e9'.repeat(CAP / 2 + 1) }, // 513 characters, 1,026 bytes
    ];
    await writeFile(at('arr.json'), JSON.stringify(arr));
    expect(messages(await readInputs(at('arr.json'), { maxArticleBytes: CAP }))).toEqual([
      'article: small',
      `[input] ${at('arr.json')}[1]: article text is 1,025 bytes, over the 1,024-byte limit (NEWSNLP_MAX_ARTICLE_BYTES)`,
      `[input] ${at('arr.json')}[2]: article text is 1,026 bytes, over the 1,024-byte limit (NEWSNLP_MAX_ARTICLE_BYTES)`,
    ]);
  });

  it('refuses a JSON document or an HTML page over 5x the limit unread, and checks the text of one under it', async () => {
    await writeFile(at('doc.json'), JSON.stringify({ title: 't', text: words(5 * CAP) }));
    const big = `<html><head><title>T</title></head><body><article><p>${words(5 * CAP)}</p></article></body></html>`;
    const mid = `<html><head><title>T</title></head><body><article><p>${words(2 * CAP)}</p></article></body></html>`;
    await writeFile(at('page.html'), big);
    await writeFile(at('mid.html'), mid);
    const docSize = (await readFile(at('doc.json'))).length;
    expect(messages(await readInputs(at('doc.json'), { maxArticleBytes: CAP }))).toEqual([
      `[input] ${at('doc.json')}: JSON document is ${docSize.toLocaleString('en-US')} bytes, over the 5,120-byte limit (5 x NEWSNLP_MAX_ARTICLE_BYTES)`,
    ]);
    expect(messages(await readInputs(at('page.html'), { maxArticleBytes: CAP }))).toEqual([
      `[input] ${at('page.html')}: HTML page is ${big.length.toLocaleString('en-US')} bytes, over the 5,120-byte limit (5 x NEWSNLP_MAX_ARTICLE_BYTES)`,
    ]);
    expect(messages(await readInputs(at('mid.html'), { maxArticleBytes: CAP }))).toEqual([
      `[input] ${at('mid.html')}: article text is 2,048 bytes, over the 1,024-byte limit (NEWSNLP_MAX_ARTICLE_BYTES)`,
    ]);
  });

  it('reads NDJSON line by line: a big article or an overlong line is an error in its place', async () => {
    const line = (title: string, text: string) => JSON.stringify({ title, text });
    await writeFile(
      at('mixed.ndjson'),
      [line('one', 'Acme Corp sold widgets.'), line('big', words(CAP + 1)), line('three', 'Beta rose.'), line('huge', words(6 * CAP)), line('five', 'Gamma fell.')].join('\n') + '\n',
    );
    const items = await readInputs(at('mixed.ndjson'), { maxArticleBytes: CAP });
    expect(messages(items)).toEqual([
      'article: one',
      `[input] ${at('mixed.ndjson')}:2: article text is 1,025 bytes, over the 1,024-byte limit (NEWSNLP_MAX_ARTICLE_BYTES)`,
      'article: three',
      `[input] ${at('mixed.ndjson')}:4: NDJSON line is ${line('huge', words(6 * CAP)).length.toLocaleString('en-US')} bytes, over the 5,120-byte limit (5 x NEWSNLP_MAX_ARTICLE_BYTES)`,
      'article: five',
    ]);
  });

  it('NDJSON read line by line gives what the whole file gives: BOM, CRLF, blank lines, bad lines, bad bytes', async () => {
    const a = JSON.stringify({ title: 'a', text: 'Acme Corp sold widgets.' });
    const b = JSON.stringify({ title: 'b', text: 'Caf\u00e9 Holdings rose 5%.' });
    const cases: Record<string, Buffer> = {
      'bom-crlf.ndjson': Buffer.from(`\uFEFF${a}\r\n\r\n${b}\r\n`),
      'bom-later.ndjson': Buffer.from(`${a}\n\uFEFF${b}\n`),
      'bad-lines.ndjson': Buffer.from(`${a}\n{"title": 1}\n[1]\nnot json\n${b}`),
      'blank.ndjson': Buffer.from('\n  \r\n\t\n'),
      'empty.ndjson': Buffer.alloc(0),
      'latin1.ndjson': Buffer.concat([Buffer.from(`${a}\n{"title":"b","text":"caf`), Buffer.from([0xe9]), Buffer.from('"}\n')]),
      'long.ndjson': Buffer.from(Array.from({ length: 3000 }, (_, i) => JSON.stringify({ title: `t${i}`, text: words(200) })).join('\n')),
    };
    for (const [name, bytes] of Object.entries(cases)) {
      await writeFile(at(name), bytes);
      const streamed = messages(await readInputs(at(name)));
      expect(streamed, name).toEqual(messages(parseInput(at(name), bytes)));
    }
    const badAt = a.length + 1 + '{"title":"b","text":"caf'.length;
    expect(messages(await readInputs(at('latin1.ndjson')))).toEqual([`[input] ${at('latin1.ndjson')}: not UTF-8 (invalid byte sequence at offset ${badAt})`]);
  });

  it('stdin: text over the limit is counted to the end and refused; JSON over 5x likewise', async () => {
    const chunks = Array.from({ length: 4 }, () => Buffer.from(words(400)));
    let read = 0;
    const stdin = Readable.from(chunks).on('data', (c: Buffer) => void (read += c.length));
    expect(messages(await readInputs('-', { stdin, maxArticleBytes: CAP }))).toEqual([
      '[input] -: article text is 1,600 bytes, over the 1,024-byte limit (NEWSNLP_MAX_ARTICLE_BYTES)',
    ]);
    expect(read).toBe(1600);
    const json = JSON.stringify({ title: 't', text: words(6 * CAP) });
    expect(messages(await readInputs('-', { stdin: Readable.from([json.slice(0, 100), json.slice(100)]), maxArticleBytes: CAP }))).toEqual([
      `[input] -: JSON document is ${json.length.toLocaleString('en-US')} bytes, over the 5,120-byte limit (5 x NEWSNLP_MAX_ARTICLE_BYTES)`,
    ]);
    const ok = JSON.stringify({ title: 'fits', text: words(CAP) });
    expect(messages(await readInputs('-', { stdin: Readable.from([ok]), maxArticleBytes: CAP }))).toEqual(['article: fits']);
  });

  it('the setting: whole bytes, at least 1 KiB', () => {
    expect(MaxArticleBytesSchema.parse('4194304')).toBe(4_194_304);
    for (const bad of ['abc', '1.5', '100', '']) expect(MaxArticleBytesSchema.safeParse(bad).success, bad).toBe(false);
  });
});

/**
 * Reading the files `newsnlp extract` takes into Articles.
 *
 *   readInputs(path)   -> Array<Article | InputError>   never throws; one bad NDJSON line or one bad
 *                                                        element of a JSON array is one InputError in
 *                                                        place, the other articles are kept (the CLI
 *                                                        reports the errors and goes on)
 *   readArticles(path) -> Article[]                     throws the first InputError
 *   parseInput(name, bytes)                             the same without I/O (workers, tests)
 *
 * Formats, by extension, else sniffed from the first non-blank byte ("{"/"[" JSON, "<" HTML, else text):
 *   .json            one Article object or an array of them (ArticleSchema; unknown fields dropped);
 *                    a file that is really NDJSON (one object per line) is read as NDJSON
 *   .ndjson .jsonl   one Article object per line; blank lines skipped; errors named "path:line"
 *   .txt .text       see text.ts (seed layout with date/Source lines, or headline + body)
 *   .html .htm       see html.ts (Readability main text + page metadata)
 * All bytes must be UTF-8 (a BOM is dropped); an HTML page that is not UTF-8 but declares its
 * charset in a <meta> is decoded with that charset. "-" reads stdin.
 */
import { readFile } from 'node:fs/promises';
import { ArticleSchema } from '../schema.ts';
import type { Article } from '../schema.ts';
import { normaliseDate } from './date.ts';
import { InputError } from './errors.ts';
import { articleFromHtml } from './html.ts';
import { lineColumn, parseJson } from './json.ts';
import { articleFromText } from './text.ts';
import { decodeUtf8 } from './utf8.ts';

export { InputError } from './errors.ts';
export { articleFromHtml } from './html.ts';
export type { HtmlOptions } from './html.ts';
export { articleFromText } from './text.ts';
export { normaliseDate } from './date.ts';

export type InputFormat = 'json' | 'ndjson' | 'text' | 'html';
export type InputItem = Article | InputError;

const BY_EXTENSION: Record<string, InputFormat> = {
  json: 'json',
  ndjson: 'ndjson',
  jsonl: 'ndjson',
  txt: 'text',
  text: 'text',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
};

export function formatOf(name: string, bytes: Uint8Array): InputFormat {
  const ext = /\.([A-Za-z0-9]+)$/.exec(name)?.[1]?.toLowerCase();
  const byExt = ext ? BY_EXTENSION[ext] : undefined;
  if (byExt) return byExt;
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d)) i++;
  const c = bytes[i];
  if (c === 0x7b || c === 0x5b) return 'json'; // { [
  if (c === 0x3c) return 'html'; // <
  return 'text';
}

export interface ReadOptions {
  /** Stream read for path "-" (default process.stdin). */
  stdin?: AsyncIterable<Uint8Array | string>;
}

/** Read one input file (or "-" for stdin); every problem comes back as an InputError in the list. */
export async function readInputs(path: string, opts: ReadOptions = {}): Promise<InputItem[]> {
  let bytes: Uint8Array;
  try {
    bytes = path === '-' ? await readAll(opts.stdin ?? process.stdin) : await readFile(path);
  } catch (err) {
    return [new InputError(path, `unreadable: ${systemReason(err)}`, { cause: err })];
  }
  return parseInput(path, bytes);
}

/** Read one input file and return its articles; throws the first InputError. */
export async function readArticles(path: string, opts: ReadOptions = {}): Promise<Article[]> {
  const items = await readInputs(path, opts);
  const err = items.find((x) => x instanceof InputError);
  if (err) throw err;
  return items as Article[];
}

/** Bytes -> articles and errors, without I/O. `name` picks the format by extension and names errors. */
export function parseInput(name: string, bytes: Uint8Array, format: InputFormat = formatOf(name, bytes)): InputItem[] {
  const decoded = decode(name, bytes, format);
  if (decoded instanceof InputError) return [decoded];
  const text = decoded;
  if (text.trim() === '') return [new InputError(name, 'empty file')];
  try {
    switch (format) {
      case 'json':
        return fromJson(name, text);
      case 'ndjson':
        return fromNdjson(name, text);
      case 'html':
        return [articleFromHtml(text, { name })];
      case 'text':
        return [articleFromText(text, name)];
    }
  } catch (err) {
    if (err instanceof InputError) return [err];
    return [new InputError(name, `cannot read ${format}: ${(err as Error).message}`, { cause: err })];
  }
}

// ---------------------------------------------------------------- bytes

// <meta charset="windows-1252"> or <meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">
const META_CHARSET_RE = /<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)/i;

function decode(name: string, bytes: Uint8Array, format: InputFormat): string | InputError {
  const r = decodeUtf8(bytes);
  if (r.ok) return r.text;
  if (format === 'html') {
    // Valid UTF-8 wins over a declared charset (pages often mislabel); otherwise honour the declaration.
    const head = Buffer.from(bytes.subarray(0, 2048)).toString('latin1');
    const label = META_CHARSET_RE.exec(head)?.[1];
    if (label && !/^utf-?8$/i.test(label)) {
      try {
        const dec = new TextDecoder(label);
        const text = dec.decode(bytes);
        return dec.encoding === 'windows-1252' ? fixCp1252(text) : text;
      } catch {
        // unknown label: fall through to the UTF-8 error
      }
    }
  }
  return new InputError(name, `not UTF-8 (invalid byte sequence at offset ${r.offset})`);
}

/**
 * Node 20's TextDecoder decodes "windows-1252" (also the WHATWG target of "iso-8859-1" and
 * "us-ascii") as Latin-1, leaving 0x80-0x9F as C1 controls; map them to their cp1252 characters
 * (0x96 -> en dash, 0x92 -> right single quote, 0x80 -> euro sign). Undefined slots stay as they are.
 */
const CP1252_C1 =
  '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F' +
  '\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';
const fixCp1252 = (s: string) => s.replace(/[\u0080-\u009F]/g, (c) => CP1252_C1[c.charCodeAt(0) - 0x80]!);

async function readAll(stream: AsyncIterable<Uint8Array | string>): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(typeof c === 'string' ? Buffer.from(c, 'utf8') : Buffer.from(c));
  return Buffer.concat(chunks);
}

/** "ENOENT: no such file or directory, open 'x.txt'" -> "ENOENT: no such file or directory". */
function systemReason(err: unknown): string {
  const msg = err instanceof Error ? err.message : String(err);
  return msg.replace(/, \w+ '.*'$/s, '');
}

// ---------------------------------------------------------------- JSON

function fromJson(name: string, text: string): InputItem[] {
  const r = parseJson(text);
  if (!r.ok) {
    if (looksLikeNdjson(text)) return fromNdjson(name, text);
    if (r.offset < 0) return [new InputError(name, 'invalid JSON')];
    const { line, column } = lineColumn(text, r.offset);
    return [new InputError(name, `invalid JSON at line ${line} column ${column}`)];
  }
  const v = r.value;
  if (Array.isArray(v)) return v.map((el, i) => toArticle(`${name}[${i}]`, el));
  if (isObject(v)) return [toArticle(name, v)];
  return [new InputError(name, 'wrong shape: expected an article object or an array of them')];
}

/** Several lines, the first of which is a complete JSON object by itself. */
function looksLikeNdjson(text: string): boolean {
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  if (lines.length < 2) return false;
  const r = parseJson(lines[0]!);
  return r.ok && isObject(r.value);
}

function fromNdjson(name: string, text: string): InputItem[] {
  const out: InputItem[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.replace(/\r$/, '');
    if (line.trim() === '') continue;
    const where = `${name}:${i + 1}`;
    const r = parseJson(line);
    if (!r.ok) {
      out.push(new InputError(where, r.offset < 0 ? 'invalid JSON' : `invalid JSON at column ${r.offset + 1}`));
    } else if (!isObject(r.value)) {
      out.push(new InputError(where, 'wrong shape: expected an article object'));
    } else out.push(toArticle(where, r.value));
  }
  return out;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function toArticle(where: string, v: unknown): InputItem {
  if (!isObject(v)) return new InputError(where, 'wrong shape: expected an article object');
  // Lenient on dates only: "2025-01-22 10:30:00+01:00" or "Jan 22, 2025" become ISO; anything
  // unreadable is left as is for the schema to reject.
  let input = v;
  const pa = v['publishedAt'];
  if (typeof pa === 'string' && !ArticleSchema.shape.publishedAt.safeParse(pa).success) {
    const iso = normaliseDate(pa);
    if (iso) input = { ...v, publishedAt: iso };
  }
  const r = ArticleSchema.safeParse(input);
  // The schema accepts any non-empty text; a text of only whitespace has nothing to extract either.
  if (r.success && r.data.text.trim() === '') return new InputError(where, 'wrong shape: text: text is empty');
  if (r.success) return r.data;
  return new InputError(where, `wrong shape: ${r.error.issues.map(describeIssue).join('; ')}`);
}

interface Issue {
  code: string;
  path: PropertyKey[];
  message: string;
  input?: unknown;
}

/** zod issue -> "title: required", "text: text is empty", "publishedAt: expected an ISO date ...". */
function describeIssue(issue: Issue): string {
  const path = issue.path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`)).join('');
  let msg = issue.message.replace(/^Invalid input: /, '');
  if (issue.code === 'invalid_type' && /received undefined$/.test(issue.message)) msg = 'required';
  else if (path === 'publishedAt') msg = 'expected an ISO date (YYYY-MM-DD) or ISO datetime with offset, or null';
  return path ? `${path}: ${msg}` : msg;
}

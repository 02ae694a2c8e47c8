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
 *
 * Size limits (limits.ts): an article whose text is over maxArticleBytes (default 2 MiB) is an
 * InputError. Inputs are sized before they are buffered: a text file or text on stdin over the
 * limit is refused unread; an HTML page or JSON document over 5x the limit likewise; NDJSON files
 * are read line by line, each line up to 5x the limit.
 */
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { ArticleSchema } from '../schema.ts';
import type { Article } from '../schema.ts';
import { calendarProblem, normaliseDate } from './date.ts';
import { InputError } from './errors.ts';
import { articleFromHtml } from './html.ts';
import { lineColumn, parseJson } from './json.ts';
import { checkText, inputLimits, rawTooBig, textTooBig } from './limits.ts';
import type { InputLimits } from './limits.ts';
import { articleFromText } from './text.ts';
import { decodeUtf8, firstInvalidUtf8 } from './utf8.ts';

export { InputError } from './errors.ts';
export { articleFromHtml } from './html.ts';
export type { HtmlOptions } from './html.ts';
export { articleFromText } from './text.ts';
export { calendarProblem, normaliseDate } from './date.ts';
export { DEFAULT_MAX_ARTICLE_BYTES, MaxArticleBytesSchema } from './limits.ts';

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

/** The format a file name's extension says, or undefined. */
function formatByExtension(name: string): InputFormat | undefined {
  const ext = /\.([A-Za-z0-9]+)$/.exec(name)?.[1]?.toLowerCase();
  return ext ? BY_EXTENSION[ext] : undefined;
}

export function formatOf(name: string, bytes: Uint8Array): InputFormat {
  const byExt = formatByExtension(name);
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
  /** Largest article text in UTF-8 bytes (default DEFAULT_MAX_ARTICLE_BYTES, 2 MiB); see limits.ts. */
  maxArticleBytes?: number;
}

/** Options of parseInput. */
export interface ParseOptions {
  /** As in ReadOptions. */
  maxArticleBytes?: number;
}

/** Read one input file (or "-" for stdin); every problem comes back as an InputError in the list. */
export async function readInputs(path: string, opts: ReadOptions = {}): Promise<InputItem[]> {
  const limits = inputLimits(opts.maxArticleBytes);
  let got: Capped;
  try {
    if (path === '-') got = await readCapped(opts.stdin ?? process.stdin, limits.rawBytes);
    else {
      // Sync: a local file is read at once (fs/promises' readFile makes several trips through the
      // thread pool per file, which costs a `newsnlp extract` over a folder of short stories more
      // than reading them; the event loop is blocked for one small read at a time).
      const st = statSync(path);
      const byExt = formatByExtension(path);
      if (!st.isFile()) got = await readCapped(createReadStream(path), limits.rawBytes); // a FIFO, /dev/stdin
      else if (byExt === 'ndjson') return await readNdjsonFile(path, limits);
      else if (byExt === 'text' && st.size > limits.articleBytes) return [textTooBig(path, st.size, limits)];
      else if (st.size > limits.rawBytes) return [rawTooBig(path, unitName(byExt), st.size, limits)];
      else got = { bytes: readFileSync(path), size: st.size, over: false };
    }
  } catch (err) {
    return [new InputError(path, `unreadable: ${systemReason(err)}`, { cause: err })];
  }
  const format = formatOf(path, got.bytes);
  // Text is the article: its bytes are checked before anything is decoded (the same rule as a
  // text file's size above); other formats hold markup or several articles, checked once parsed.
  if (format === 'text' && got.size > limits.articleBytes) return [textTooBig(path, got.size, limits)];
  if (got.over) return [rawTooBig(path, unitName(format), got.size, limits)];
  return parseInput(path, got.bytes, format, { maxArticleBytes: limits.articleBytes });
}

/** What one raw-limited unit of a format is called in errors. */
function unitName(format: InputFormat | undefined): string {
  return format === 'html' ? 'HTML page' : format === 'json' ? 'JSON document' : format === 'ndjson' ? 'NDJSON line' : 'input';
}

/** Read one input file and return its articles; throws the first InputError. */
export async function readArticles(path: string, opts: ReadOptions = {}): Promise<Article[]> {
  const items = await readInputs(path, opts);
  const err = items.find((x) => x instanceof InputError);
  if (err) throw err;
  return items as Article[];
}

/**
 * Bytes -> articles and errors, without I/O. `name` picks the format by extension and names errors.
 * An article whose text is over the limit is an InputError in its place (see limits.ts).
 */
export function parseInput(
  name: string,
  bytes: Uint8Array,
  format: InputFormat = formatOf(name, bytes),
  opts: ParseOptions = {},
): InputItem[] {
  const limits = inputLimits(opts.maxArticleBytes);
  const decoded = decode(name, bytes, format);
  if (decoded instanceof InputError) return [decoded];
  const text = decoded;
  if (text.trim() === '') return [new InputError(name, 'empty file')];
  try {
    switch (format) {
      case 'json':
        return fromJson(name, text, limits);
      case 'ndjson':
        return fromNdjson(name, text, limits);
      case 'html':
        return [checked(name, articleFromHtml(text, { name }), limits)];
      case 'text':
        return [checked(name, articleFromText(text, name), limits)];
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

const checked = (where: string, a: Article, limits: InputLimits): InputItem => checkText(where, a.text, limits) ?? a;

/** A stream read up to a limit: `bytes` is all of it, or (over the limit) its first KiB, for sniffing. */
interface Capped {
  bytes: Uint8Array;
  size: number;
  over: boolean;
}

/**
 * Read a stream, keeping at most `limit` bytes. Past the limit the rest is read and counted but not
 * kept (so a writer into a pipe is not cut off, and the error can give the size).
 */
async function readCapped(stream: AsyncIterable<Uint8Array | string>, limit: number): Promise<Capped> {
  let chunks: Buffer[] = [];
  let head: Uint8Array | null = null;
  let size = 0;
  for await (const c of stream) {
    const b = typeof c === 'string' ? Buffer.from(c, 'utf8') : Buffer.from(c.buffer, c.byteOffset, c.byteLength);
    size += b.length;
    if (head) continue;
    chunks.push(b);
    if (size > limit) {
      head = Buffer.concat(chunks).subarray(0, 1024);
      chunks = [];
    }
  }
  return head ? { bytes: head, size, over: true } : { bytes: Buffer.concat(chunks), size, over: false };
}

/** "ENOENT: no such file or directory, open 'x.txt'" -> "ENOENT: no such file or directory". */
function systemReason(err: unknown): string {
  const msg = err instanceof Error ? err.message : String(err);
  return msg.replace(/, \w+ '.*'$/s, '');
}

// ---------------------------------------------------------------- JSON

function fromJson(name: string, text: string, limits: InputLimits): InputItem[] {
  const r = parseJson(text);
  if (!r.ok) {
    if (looksLikeNdjson(text)) return fromNdjson(name, text, limits);
    if (r.offset < 0) return [new InputError(name, 'invalid JSON')];
    const { line, column } = lineColumn(text, r.offset);
    return [new InputError(name, `invalid JSON at line ${line} column ${column}`)];
  }
  const v = r.value;
  if (Array.isArray(v)) return v.map((el, i) => toArticle(`${name}[${i}]`, el, limits));
  if (isObject(v)) return [toArticle(name, v, limits)];
  return [new InputError(name, 'wrong shape: expected an article object or an array of them')];
}

/** Several lines, the first of which is a complete JSON object by itself. */
function looksLikeNdjson(text: string): boolean {
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  if (lines.length < 2) return false;
  const r = parseJson(lines[0]!);
  return r.ok && isObject(r.value);
}

function fromNdjson(name: string, text: string, limits: InputLimits): InputItem[] {
  const out: InputItem[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const item = ndjsonLine(`${name}:${i + 1}`, lines[i]!, limits);
    if (item) out.push(item);
  }
  return out;
}

/** One NDJSON line (without its "\n") -> an article, an error, or null for a blank line. */
function ndjsonLine(where: string, raw: string, limits: InputLimits): InputItem | null {
  const line = raw.replace(/\r$/, '');
  if (line.trim() === '') return null;
  const r = parseJson(line);
  if (!r.ok) return new InputError(where, r.offset < 0 ? 'invalid JSON' : `invalid JSON at column ${r.offset + 1}`);
  if (!isObject(r.value)) return new InputError(where, 'wrong shape: expected an article object');
  return toArticle(where, r.value, limits);
}

// Lines after the first keep a leading U+FEFF (as the whole-file decode does); the first drops it.
const UTF8_KEEP_BOM = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * An NDJSON file, line by line: the same items as parseInput gives for the whole file, but no more
 * than one line (at most limits.rawBytes; a longer one is an error in its place) is held as bytes.
 * As for the whole file, bytes that are not UTF-8 make the file one error, naming the first bad offset.
 */
async function readNdjsonFile(path: string, limits: InputLimits): Promise<InputItem[]> {
  const out: InputItem[] = [];
  let blank = true;
  let lineNo = 0;
  let offset = 0; // file offset of the current line's first byte
  let parts: Buffer[] = [];
  let kept = 0; // bytes of the current line in `parts`
  let size = 0; // bytes of the current line so far
  let bad: InputError | null = null;
  const endLine = (): void => {
    lineNo++;
    const where = `${path}:${lineNo}`;
    if (size > limits.rawBytes) {
      out.push(rawTooBig(where, 'NDJSON line', size, limits));
      blank = false;
    } else {
      const bytes = parts.length === 1 ? parts[0]! : Buffer.concat(parts, kept);
      let text: string;
      try {
        text = lineNo === 1 ? decodeUtf8Line(bytes) : UTF8_KEEP_BOM.decode(bytes);
      } catch {
        bad = new InputError(path, `not UTF-8 (invalid byte sequence at offset ${offset + firstInvalidUtf8(bytes)})`);
        return;
      }
      const item = ndjsonLine(where, text, limits);
      if (item) out.push(item);
      if (text.trim() !== '') blank = false;
    }
    offset += size + 1;
    parts = [];
    kept = 0;
    size = 0;
  };
  for await (const chunk of createReadStream(path)) {
    const b = chunk as Buffer;
    let from = 0;
    while (!bad) {
      const nl = b.indexOf(0x0a, from);
      const piece = b.subarray(from, nl < 0 ? b.length : nl);
      size += piece.length;
      if (size <= limits.rawBytes) {
        parts.push(piece);
        kept += piece.length;
      } else if (parts.length) {
        parts = []; // over the limit: count the rest of the line, keep none of it
        kept = 0;
      }
      if (nl < 0) break;
      endLine();
      from = nl + 1;
    }
    if (bad) return [bad];
  }
  endLine(); // the last line (empty after a final "\n")
  if (bad) return [bad];
  if (blank) return [new InputError(path, 'empty file')];
  return out;
}

/** The first line: a BOM is dropped, as decodeUtf8 does for a whole file. */
function decodeUtf8Line(bytes: Uint8Array): string {
  const r = decodeUtf8(bytes);
  if (!r.ok) throw new Error('not UTF-8');
  return r.text;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function toArticle(where: string, v: unknown, limits: InputLimits): InputItem {
  if (!isObject(v)) return new InputError(where, 'wrong shape: expected an article object');
  // Lenient on dates only: "2025-01-22 10:30:00+01:00" or "Jan 22, 2025" become ISO; anything
  // unreadable is left as is for the schema to reject, and an impossible day ("2023-02-30") is
  // rejected saying so (date.ts: a date written as the article's field is never rolled over or dropped).
  let input = v;
  let dateMessage: string | undefined;
  const pa = v['publishedAt'];
  if (typeof pa === 'string' && !ArticleSchema.shape.publishedAt.safeParse(pa).success) {
    const iso = normaliseDate(pa);
    if (iso) input = { ...v, publishedAt: iso };
    const why = iso ? null : calendarProblem(pa);
    if (why) dateMessage = `${JSON.stringify(pa)} is not a calendar date (${why})`;
  }
  const r = ArticleSchema.safeParse(input);
  // The schema accepts any non-empty text; a text of only whitespace has nothing to extract either.
  if (r.success && r.data.text.trim() === '') return new InputError(where, 'wrong shape: text: text is empty');
  if (r.success) return checked(where, r.data, limits);
  return new InputError(where, `wrong shape: ${r.error.issues.map((i) => describeIssue(i, dateMessage)).join('; ')}`);
}

interface Issue {
  code: string;
  path: PropertyKey[];
  message: string;
  input?: unknown;
}

/** zod issue -> "title: required", "text: text is empty", "publishedAt: expected an ISO date ...". */
function describeIssue(issue: Issue, dateMessage?: string): string {
  const path = issue.path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`)).join('');
  let msg = issue.message.replace(/^Invalid input: /, '');
  if (issue.code === 'invalid_type' && /received undefined$/.test(issue.message)) msg = 'required';
  else if (path === 'publishedAt') msg = dateMessage ?? 'expected an ISO date (YYYY-MM-DD) or ISO datetime with offset, or null';
  return path ? `${path}: ${msg}` : msg;
}

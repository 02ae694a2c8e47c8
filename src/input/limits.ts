/**
 * How much text one article may have, and how many bytes a reader takes in for it.
 *
 *   maxArticleBytes   the UTF-8 bytes of one article's text (default 2 MiB; the CLI reads it from
 *                     NEWSNLP_MAX_ARTICLE_BYTES or --max-article-bytes). A plain-text file or stdin
 *                     is the article's text, so its size is checked before it is read.
 *   rawBytes          RAW_FACTOR x maxArticleBytes (10 MiB at the default, the same as the fetch
 *                     body cap): the most a reader buffers for one HTML page, one JSON document or
 *                     one NDJSON line, whose markup, escapes and other fields come on top of the
 *                     text. Bigger inputs are refused unread (files: by their size; stdin: counted
 *                     and discarded), so a 50 MB file is never held in memory.
 *
 * Either way the input gets one InputError and the rest of the batch goes on:
 *   [input] big.txt: article text is 52,428,800 bytes, over the 2,097,152-byte limit (NEWSNLP_MAX_ARTICLE_BYTES)
 */
import { z } from 'zod';
import { InputError } from './errors.ts';

/** 2 MiB of text: about 300,000 words, 100 times a long feature story. */
export const DEFAULT_MAX_ARTICLE_BYTES = 2 * 1024 * 1024;
/** Raw bytes allowed per article-holding unit (HTML page, JSON document, NDJSON line), per byte of text. */
export const RAW_FACTOR = 5;
/** Where the limit is set, as error messages name it. */
export const MAX_ARTICLE_BYTES_ENV = 'NEWSNLP_MAX_ARTICLE_BYTES';

/** The setting as the CLI accepts it (environment or flag): whole bytes, at least 1 KiB. */
export const MaxArticleBytesSchema = z.coerce
  .number({ error: 'must be a whole number of bytes' })
  .int('must be a whole number of bytes')
  .min(1024, 'must be at least 1024 bytes');

export interface InputLimits {
  /** Largest article text, UTF-8 bytes. */
  readonly articleBytes: number;
  /** Largest HTML page, JSON document or NDJSON line read for one article. */
  readonly rawBytes: number;
}

export function inputLimits(maxArticleBytes: number = DEFAULT_MAX_ARTICLE_BYTES): InputLimits {
  return { articleBytes: maxArticleBytes, rawBytes: RAW_FACTOR * maxArticleBytes };
}

const n = (x: number) => x.toLocaleString('en-US');

/** "article text is 52,428,800 bytes, over the 2,097,152-byte limit (NEWSNLP_MAX_ARTICLE_BYTES)" */
export function textTooBig(where: string, bytes: number, limits: InputLimits): InputError {
  return new InputError(where, `article text is ${n(bytes)} bytes, over the ${n(limits.articleBytes)}-byte limit (${MAX_ARTICLE_BYTES_ENV})`);
}

/** "HTML page is 31,457,280 bytes, over the 10,485,760-byte limit (5 x NEWSNLP_MAX_ARTICLE_BYTES)" */
export function rawTooBig(where: string, what: string, bytes: number, limits: InputLimits): InputError {
  return new InputError(
    where,
    `${what} is ${n(bytes)} bytes, over the ${n(limits.rawBytes)}-byte limit (${RAW_FACTOR} x ${MAX_ARTICLE_BYTES_ENV})`,
  );
}

/** The article-text check every reader applies to what it made: null when within the limit. */
export function checkText(where: string, text: string, limits: InputLimits): InputError | null {
  // Cheap first test: a UTF-16 string of length L has between L and 3L UTF-8 bytes.
  if (text.length * 3 <= limits.articleBytes) return null;
  const bytes = Buffer.byteLength(text, 'utf8');
  return bytes > limits.articleBytes ? textTooBig(where, bytes, limits) : null;
}

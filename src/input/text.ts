/**
 * Plain-text articles. Two layouts:
 *
 * (a) seed layout: a first line "date YYYY-MM-DD <title>" (leading whitespace allowed), the body,
 *     and a last non-empty line "Source: <name>":
 *
 *         date 2024-03-05 Acme agrees to buy Widget Co
 *
 *         Acme said on Tuesday ...
 *
 *         Source: Example Wire
 *
 * (b) headline layout (BBC dataset and most copy-pasted text): the first non-empty line is the
 *     title, the rest is the text. When the first line does not look like a headline (a long
 *     sentence, or the first line of a hard-wrapped paragraph) the title is "" and all of it is text.
 *
 * Line ends are normalised to "\n"; the text is trimmed; nothing else is changed, so the text is
 * the file's body as written. url is left null (a local path would make record ids machine-specific).
 */
import type { Article } from '../schema.ts';
import { InputError } from './errors.ts';
import { normaliseDate } from './date.ts';

// " date 2025-01-22 Some headline" (seed files)
const SEED_HEAD_RE = /^[ \t]*date[ \t]+(\d{4}-\d{2}-\d{2})[ \t]+(\S.*)$/;
// "Source: Example Wire" as the last non-empty line of a seed file
const SEED_SOURCE_RE = /^[ \t]*Source:[ \t]*(\S.*?)[ \t]*$/;

/** Longest first line we take as a headline. */
const MAX_TITLE_CHARS = 200;
/** A first line that ends like a sentence is a headline only when it is this short. */
const MAX_SENTENCE_TITLE_WORDS = 14;

/**
 * Is this line a headline rather than the start of the body?
 *   "Acme to buy Widget for $2bn"                    yes
 *   "Can Acme survive the downturn?"                  yes (short question)
 *   "Acme said it agreed to buy Widget Co."           no  (a sentence: ends in a period)
 *   "Acme buys Widget Corp."                          yes (the period belongs to an abbreviation)
 *   "Shares in Acme rose 5% on Tuesday after the company said it would cut ... jobs?"  no (long)
 */
function headlineLike(line: string): boolean {
  if (line.length > MAX_TITLE_CHARS) return false;
  if (/(\.\.\.|\u2026)["'\u201D\u2019)]?$/.test(line)) return true; // "Rivals of the cheap phone..."
  const words = line.split(/\s+/);
  if (/\.["'\u201D\u2019)>]?$/.test(line)) {
    const lastWord = words[words.length - 1]!.replace(/["'\u201D\u2019)>]+$/, '');
    return ABBREVIATION_END_RE.test(lastWord) && !/\bsaid\b/i.test(line) && words.length <= MAX_SENTENCE_TITLE_WORDS;
  }
  if (/[!?]["'\u201D\u2019)]?$/.test(line)) return words.length <= MAX_SENTENCE_TITLE_WORDS;
  return true;
}

// Final words whose period is part of the word: "Inc.", "Corp.", "U.S.", "Ltd."
const ABBREVIATION_END_RE = /^(Inc|Corp|Co|Cos|Ltd|Plc|Bros|Jr|Sr|Mfg|Intl|Hldgs|[A-Z](\.[A-Z])+)\.$/;

const isUpperHeadline = (line: string) => /[A-Z]/.test(line) && !/[a-z]/.test(line);

export function articleFromText(raw: string, name = '-'): Article {
  const src = raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (src.trim() === '') throw new InputError(name, 'empty file');
  const lines = src.split('\n');

  let first = 0;
  while (first < lines.length && lines[first]!.trim() === '') first++;
  const head = lines[first]!;

  const seed = SEED_HEAD_RE.exec(head);
  if (seed) {
    let last = lines.length - 1;
    while (last > first && lines[last]!.trim() === '') last--;
    const src2 = last > first ? SEED_SOURCE_RE.exec(lines[last]!) : null;
    const bodyEnd = src2 ? last : last + 1;
    return finish(name, {
      title: seed[2]!.trim(),
      publishedAt: normaliseDate(seed[1]),
      source: src2 ? src2[1]! : null,
      text: lines.slice(first + 1, bodyEnd).join('\n').trim(),
    });
  }

  const title = head.trim();
  const next = lines[first + 1];
  const blankAfter = next === undefined || next.trim() === '';
  let isTitle = headlineLike(title);
  if (isTitle && !blankAfter) {
    // Headline directly followed by the body, e.g. "ACME TO BUY WIDGET\nNEW YORK, March 3 - ...",
    // versus the first line of a hard-wrapped paragraph ("... completed the sale of\n200,000 shares").
    const nextTrim = next.trim();
    isTitle = isUpperHeadline(title) || (title.length < 0.6 * nextTrim.length && !/^[a-z]/.test(nextTrim));
  }
  const rest = lines.slice(first + 1).join('\n').trim();
  if (!isTitle || rest === '') {
    return finish(name, { title: '', publishedAt: null, source: null, text: src.trim() });
  }
  return finish(name, { title, publishedAt: null, source: null, text: rest });
}

function finish(name: string, a: Omit<Article, 'url'>): Article {
  if (a.text === '') throw new InputError(name, 'no text after the title');
  return { url: null, title: a.title, publishedAt: a.publishedAt, source: a.source, text: a.text };
}

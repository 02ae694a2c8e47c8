import { describe, expect, it } from 'vitest';
import { MAX_SENTENCE_CHARS, splitSentences } from '../../pipelines/news/components/sentences.ts';
import { foldText } from '../../pipelines/news/components/normalize.ts';

const texts = (t: string) => splitSentences(t).map((s) => s.text);

describe('splitSentences', () => {
  it('cuts text without full stops into sentences of at most MAX_SENTENCE_CHARS, after a comma where it can', () => {
    const unit = 'Acme Corp has a 34 pct share of the widget market according to Foo Analytics, ';
    const text = unit.repeat(200); // 16,000 characters, no full stop
    const ss = splitSentences(text);
    expect(ss.length).toBeGreaterThan(text.length / MAX_SENTENCE_CHARS);
    for (const s of ss) {
      expect(s.end - s.start).toBeLessThanOrEqual(MAX_SENTENCE_CHARS);
      expect(text.slice(s.start, s.end)).toBe(s.text);
    }
    // every piece but the last ends at a comma, and together they cover the text
    expect(ss.slice(0, -1).every((s) => s.text.endsWith(','))).toBe(true);
    expect(ss.map((s) => s.text).join(' ')).toBe(text.trim());
    // no space or comma to cut at: a hard cut, never inside a surrogate pair
    const emoji = '\u{1F600}'.repeat(MAX_SENTENCE_CHARS);
    const hard = splitSentences(emoji);
    expect(hard.map((s) => s.text).join('')).toBe(emoji);
    expect(hard.every((s) => !/^[\udc00-\udfff]/.test(s.text))).toBe(true);
  });

  it('keeps corporate abbreviations and initials inside a sentence', () => {
    expect(texts('Acme Corp. said it would buy J. P. Widgets Inc. for $5m. The deal closes in May.')).toEqual([
      'Acme Corp. said it would buy J. P. Widgets Inc. for $5m.',
      'The deal closes in May.',
    ]);
  });

  it('ends a sentence after an abbreviation when a sentence opener follows', () => {
    expect(texts('Sales rose in the U.S. The company said margins fell.')).toEqual([
      'Sales rose in the U.S.',
      'The company said margins fell.',
    ]);
  });

  it('never splits after a title', () => {
    expect(texts('Mr. Smith and Dr. Jones met. They agreed.')).toEqual(['Mr. Smith and Dr. Jones met.', 'They agreed.']);
  });

  it('treats a line break as a boundary and handles quotes and decimals', () => {
    expect(texts('The Cloud Wars\n\nShares rose 3.5 pct. "It is good," he said. Done!')).toEqual([
      'The Cloud Wars',
      'Shares rose 3.5 pct.',
      '"It is good," he said.',
      'Done!',
    ]);
  });

  it('offsets slice back to the sentence text', () => {
    const t = '  First one.  Second: 5.5% more.\n\n Third ends here ';
    for (const s of splitSentences(t)) expect(t.slice(s.start, s.end)).toBe(s.text);
    expect(splitSentences(t).map((s) => s.index)).toEqual([0, 1, 2]);
  });
});

describe('foldText', () => {
  it('folds typographic characters one for one', () => {
    const t = 'Microsoft\u2019s \u201cright\u201d \u2014 a\u00a0deal';
    const f = foldText(t);
    expect(f).toBe('Microsoft\'s "right" - a deal');
    expect(f.length).toBe(t.length);
  });
});

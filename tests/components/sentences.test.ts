import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../pipelines/news/components/sentences.ts';
import { foldText } from '../../pipelines/news/components/normalize.ts';

const texts = (t: string) => splitSentences(t).map((s) => s.text);

describe('splitSentences', () => {
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

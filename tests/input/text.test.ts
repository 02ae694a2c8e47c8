import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/input/errors.ts';
import { readArticles } from '../../src/input/read.ts';
import { articleFromText } from '../../src/input/text.ts';

describe('articleFromText: seed layout', () => {
  it('takes date and title from the first line, source from the last, the body between', async () => {
    expect(await readArticles('tests/fixtures/input/seed-layout.txt')).toEqual([
      {
        url: null,
        title: 'Quarry Analytics: warehouse robots market grows 18%',
        publishedAt: '2024-03-05',
        source: 'Example Tech Daily',
        text:
          'Sales of warehouse robots rose 18% last year, according to Quarry Analytics.\n\n' +
          'Northwind Robotics kept the largest share of the market, at about 27%.',
      },
    ]);
  });

  it('works without a Source line, and an impossible date gives null', () => {
    const a = articleFromText('date 2024-02-30 Acme to cut jobs\n\nAcme said it would cut 200 jobs.\n');
    expect(a).toEqual({ url: null, title: 'Acme to cut jobs', publishedAt: null, source: null, text: 'Acme said it would cut 200 jobs.' });
  });

  it('an empty body is an error naming the input', () => {
    expect(() => articleFromText(' date 2024-03-05 Title only\n\nSource: Wire\n', 'x.txt')).toThrow(
      new InputError('x.txt', 'no text after the title'),
    );
    expect(() => articleFromText(' \n\t\n', 'y.txt')).toThrow('[input] y.txt: empty file');
  });
});

describe('articleFromText: headline layout', () => {
  it('first non-empty line is the title, the rest is the text', async () => {
    const [a] = await readArticles('tests/fixtures/input/headline.txt');
    expect(a).toEqual({
      url: null,
      title: 'Korvo profits jump on steel demand',
      publishedAt: null,
      source: null,
      text:
        'Korvo Industries said annual profit rose 24% to $310m, helped by strong demand from carmakers.\n\n' +
        'The firm, which makes industrial widgets, said sales in Asia grew fastest.',
    });
  });

  it('a wire headline directly followed by the body is still the title', () => {
    const a = articleFromText('ACME <ACM> TO BUY WIDGET CO\nAcme Corp said it agreed to buy Widget Co for 12 mln dlrs.\n');
    expect([a.title, a.text]).toEqual(['ACME <ACM> TO BUY WIDGET CO', 'Acme Corp said it agreed to buy Widget Co for 12 mln dlrs.']);
  });

  it('a body without a headline keeps all its text and gets an empty title', () => {
    const sentence = 'Acme Corp said it agreed to buy Widget Co for 12 mln dlrs.\n\nThe deal needs approval.';
    expect(articleFromText(sentence)).toMatchObject({ title: '', text: sentence });
    const wrapped = 'Acme Corp said on Tuesday it had agreed to buy the\nwidget maker for 12 mln dlrs in cash and stock.';
    expect(articleFromText(wrapped)).toMatchObject({ title: '', text: wrapped });
    expect(articleFromText('One line only')).toMatchObject({ title: '', text: 'One line only' });
  });

  it('short questions and abbreviation endings are headlines; a sentence is not', () => {
    expect(articleFromText('Can Acme survive?\n\nBody.').title).toBe('Can Acme survive?');
    expect(articleFromText('Acme buys Widget Corp.\n\nBody.').title).toBe('Acme buys Widget Corp.');
    expect(articleFromText('Rivals of the cheap phone...\n\nBody.').title).toBe('Rivals of the cheap phone...');
    expect(articleFromText('Acme said it bought Widget Corp.\n\nBody.').title).toBe('');
  });

  it('reproduces every BBC file: title + "\\n\\n" + text + "\\n" is the file', async () => {
    const root = fileURLToPath(new URL('../../corpus/bbc-news', import.meta.url));
    let n = 0;
    for (const cat of ['business', 'tech']) {
      for (const f of readdirSync(`${root}/${cat}`).filter((x) => x.endsWith('.txt'))) {
        const raw = readFileSync(`${root}/${cat}/${f}`, 'utf8');
        const a = articleFromText(raw, f);
        expect(`${a.title}\n\n${a.text}\n`, `${cat}/${f}`).toBe(raw);
        n++;
      }
    }
    expect(n).toBeGreaterThan(800);
  });
});

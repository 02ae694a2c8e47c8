import { describe, expect, it } from 'vitest';
import { findMoney } from '../../pipelines/news/quantities/money.ts';
import { MAX_QUANTITY, findNumbers, parseDigits, parseNumber, parseScaled, parseSpelled } from '../../pipelines/news/quantities/numbers.ts';
import { findPercentages } from '../../pipelines/news/quantities/percent.ts';
import { getPipeline } from '../../pipelines/news/index.ts';
import { ArticleRecordSchema } from '../../src/schema.ts';

const HUGE = '1' + '0'.repeat(399); // 400 digits: Infinity as a double

describe('absurd numbers are dropped, not kept as Infinity', () => {
  it('parsing: not finite or not below MAX_QUANTITY (1e21) is NaN', () => {
    expect(MAX_QUANTITY).toBe(1e21);
    expect(parseDigits(HUGE)).toBeNaN();
    expect(parseNumber('1,000,000,000,000,000,000,000')).toBeNaN(); // 1e21
    expect(parseNumber('100,000,000,000,000,000,000')).toBe(1e20); // the largest banknote ever issued, in pengő
    expect(parseScaled('900,000,000,000 trillion')).toBeNaN(); // 9e23
    expect(parseScaled('2.5 trillion')).toBe(2.5e12);
    expect(parseSpelled('a million billion trillion')).toBeNaN();
    expect(findNumbers(`sold ${HUGE} cars and 12 trucks`).map((n) => n.value)).toEqual([12]);
  });

  it('percentages and money: the absurd figure goes, the others stay', () => {
    const pct = `a ${HUGE}% share, then 5-${HUGE} percent, and a 12% share`;
    expect(findPercentages(pct).map((p) => [pct.slice(p.start, p.end), p.value])).toEqual([['12%', 12]]);
    const money = `bought for $${HUGE}, or MSEK 9,000 trillion, after $5 million and $100,000,000,000,000,000,000`;
    expect(findMoney(money).map((m) => [money.slice(m.start, m.end), m.amount])).toEqual([
      ['$5 million', 5e6],
      ['$100,000,000,000,000,000,000', 1e20],
    ]);
  });

  it('an article with a 400-digit share and amount extracts; the 12% is kept; no Infinity anywhere', () => {
    const text =
      `Acme Corp said on Monday it holds a ${HUGE}% share of the widget market. ` +
      `Acme Corp also agreed to buy Widget Inc for $${HUGE}. ` +
      'Rival Beta Ltd has a 12% share of the widget market.';
    const record = getPipeline().run({ url: null, title: 'Widget market', publishedAt: null, source: null, text });
    expect(ArticleRecordSchema.parse(record)).toBeTruthy();
    expect(record.percentages.map((p) => p.value)).toEqual([12]);
    expect(record.money).toEqual([]);
    expect(record.marketShareClaims.map((c) => [c.company, c.share])).toEqual([['Rival Beta', 12]]);
    const numbers: number[] = [];
    JSON.stringify(record, (_k, v: unknown) => (typeof v === 'number' && numbers.push(v), v));
    expect(numbers.every(Number.isFinite)).toBe(true);
    expect(JSON.stringify(record)).not.toMatch(/Infinity|e\+/);
  });
});

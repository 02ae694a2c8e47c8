import { describe, expect, it } from 'vitest';
import { findPercentages } from '../../pipelines/news/quantities/percent.ts';

const found = (s: string) =>
  findPercentages(s).map((p) => ({ text: s.slice(p.start, p.end), value: p.value, high: p.high, unit: p.unit }));
const one = (s: string) => {
  const all = found(s);
  expect(all, s).toHaveLength(1);
  return all[0]!;
};

describe('findPercentages: house styles', () => {
  it.each([
    // modern / BBC
    ['Profits jumped 76% to $1.13bn.', '76%', 76],
    ['a 34 % share', '34 %', 34],
    ['Sales fell 4.5 per cent last year.', '4.5 per cent', 4.5],
    ['Eighty per cent of those asked agreed.', 'Eighty per cent', 80],
    ['the 34-percent stake', '34-percent', 34],
    ['prices rose 3pc in March', '3pc', 3],
    ['up 34 percent from a year ago', '34 percent', 34],
    // Reuters
    ['said it holds eight pct of the shares', 'eight pct', 8],
    ['OFFER MORTGAGES AT 10.2 PCT', '10.2 PCT', 10.2],
    ['a coupon of 7-1/2 pct', '7-1/2 pct', 7.5],
    ['a 1/4 pct rise', '1/4 pct', 0.25],
    ['a 15.4 pct-owned unit', '15.4 pct', 15.4],
    // signs
    ['growth of -5% in the quarter', '-5%', -5],
    ['inflation was minus five percent', 'minus five percent', -5],
  ])('%j -> %j = %d percent', (s, text, value) => {
    expect(one(s)).toEqual({ text, value, high: null, unit: 'percent' });
  });

  it('tells percentage points, basis points and percent apart', () => {
    const s = 'The rate rose 3 percentage points to 35%, a move of 25 basis points on top of 25 bps last week and 0.5 pct points in May.';
    expect(found(s)).toEqual([
      { text: '3 percentage points', value: 3, high: null, unit: 'percentage_point' },
      { text: '35%', value: 35, high: null, unit: 'percent' },
      { text: '25 basis points', value: 25, high: null, unit: 'basis_point' },
      { text: '25 bps', value: 25, high: null, unit: 'basis_point' },
      { text: '0.5 pct points', value: 0.5, high: null, unit: 'percentage_point' },
    ]);
  });

  it('reads fractions of a point in words', () => {
    expect(one('rates rose by a quarter of a percentage point')).toEqual({
      text: 'a quarter of a percentage point', value: 0.25, high: null, unit: 'percentage_point',
    });
    expect(one('a cut of half a percentage point')).toMatchObject({ value: 0.5, unit: 'percentage_point' });
    expect(one('a rise of half a per cent')).toMatchObject({ value: 0.5, unit: 'percent' });
  });

  it('reads ranges: value is the low end, high the high end', () => {
    expect(one('growth of 30-35% a year')).toEqual({ text: '30-35%', value: 30, high: 35, unit: 'percent' });
    expect(one('between 30 and 35 per cent')).toEqual({ text: '30 and 35 per cent', value: 30, high: 35, unit: 'percent' });
    expect(one('a stake of 30 to 35 percent')).toEqual({ text: '30 to 35 percent', value: 30, high: 35, unit: 'percent' });
    expect(one('an 8%-10% rise')).toMatchObject({ value: 8, high: 10 });
  });

  it('reads a change as two values, not a range', () => {
    expect(found('its share rose from 30 to 35 pct').map((p) => [p.text, p.value, p.high])).toEqual([
      ['30', 30, null],
      ['35 pct', 35, null],
    ]);
    expect(found('raised its stake 4 pct to 10 pct').map((p) => [p.text, p.value, p.high])).toEqual([
      ['4 pct', 4, null],
      ['10 pct', 10, null],
    ]);
    // a year before "to" is no range low
    expect(found('growth will fall from 5% in 2004 to 4.25%').map((p) => p.text)).toEqual(['5%', '4.25%']);
  });

  it('does not take bare words, index points, BP, computers or URL escapes', () => {
    for (const s of [
      'Only a small percent attain it.',
      'The index rose 3 points to 1,200.',
      'He sold 5 BP shares.',
      'The office bought 5 PCs.',
      'see https://example.com/a%28b%29 and q=30%25%2020%',
      'the percentage of adults',
    ]) {
      expect(found(s), s).toEqual([]);
    }
  });
});

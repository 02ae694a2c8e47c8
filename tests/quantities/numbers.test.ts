import { describe, expect, it } from 'vitest';
import { findNumbers, parseNumber, parseScaled, parseSpelled } from '../../pipelines/news/quantities/numbers.ts';

describe('numbers as news writes them', () => {
  it.each([
    ['34', 34],
    ['34.5', 34.5],
    ['1,234.5', 1234.5],
    ['.125', 0.125],
    ['7-1/2', 7.5],
    ['7 1/2', 7.5],
    ['3/4', 0.75],
    ['66-2/3', 66.6666666667],
    ['eight', 8],
    ['thirty-four', 34],
    ['Thirty four', 34],
    ['one hundred and twenty', 120],
    ['a hundred', 100],
    ['two thousand five hundred', 2500],
  ])('parseNumber(%j) = %d', (s, v) => {
    expect(parseNumber(s)).toBe(v);
  });

  it.each([
    ['2.5 billion', 2.5e9],
    ['25 mln', 25e6],
    ['3m', 3e6],
    ['10bn', 1e10],
    ['1.5 tn', 1.5e12],
    ['40 crore', 4e8],
    ['35 lakh', 3.5e6],
    ['five million', 5e6],
    ['2.38 billion', 2380000000],
  ])('parseScaled(%j) = %d (no float noise)', (s, v) => {
    expect(parseScaled(s)).toBe(v);
  });

  it('rejects what is not a number', () => {
    expect(parseSpelled('seven dwarves')).toBeNaN();
    expect(parseNumber('1.2.3')).toBeNaN();
  });

  it('finds numbers with offsets, not parts of codes or dates', () => {
    const s = 'It sold 1,200 cars for 2.5 billion and eight vans; code A34, date 3/11.';
    const found = findNumbers(s).map((n) => [s.slice(n.start, n.end), n.value]);
    expect(found).toEqual([
      ['1,200', 1200],
      ['2.5 billion', 2.5e9],
      ['eight', 8],
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { findPeriods } from '../../pipelines/news/quantities/periods.ts';

const found = (s: string) => findPeriods(s).map((p) => [s.slice(p.start, p.end), p.value]);

describe('findPeriods', () => {
  it.each([
    ['Sales rose in 2023.', '2023', '2023'],
    ['compared with fiscal 1987 results', 'fiscal 1987', 'FY1987'],
    ['guidance for FY2004 was cut', 'FY2004', 'FY2004'],
    ['profit in the third quarter of 2004 rose', 'third quarter of 2004', 'Q3 2004'],
    ['results for Q3 2004 were weak', 'Q3 2004', 'Q3 2004'],
    ["Q3'04 results", "Q3'04", 'Q3 2004'],
    ['the 1986 fourth quarter', '1986 fourth quarter', 'Q4 1986'],
    ['in the first half of 2005', 'first half of 2005', 'H1 2005'],
    ['H1 2005 sales', 'H1 2005', 'H1 2005'],
    ['the plan, adopted in December 2004, permits', 'December 2004', 'December 2004'],
    ['to be completed by March 31, 1987.', 'March 31, 1987', '1987-03-31'],
    ['went on sale on 2 December 2004.', '2 December 2004', '2004-12-02'],
    ['after Dec. 15, 2004 it fell', 'Dec. 15, 2004', '2004-12-15'],
    ['by mid-2004', '2004', '2004'],
    ['the 1986/87 season', '1986/87', '1986/1987'],
  ])('%j -> %j = %j', (s, text, value) => {
    expect(found(s)).toEqual([[text, value]]);
  });

  it('gives a quarter, half or month without a year the nearest year in its sentence', () => {
    expect(found('First-quarter profit rose 5 pct compared with 1986. The fourth quarter was weak.')).toEqual([
      ['First-quarter', 'Q1 1986'],
      ['1986', '1986'],
      ['fourth quarter', 'fourth quarter'],
    ]);
    expect(found('Sales in January were up on 2004 levels')).toEqual([
      ['January', 'January 2004'],
      ['2004', '2004'],
    ]);
  });

  it('uses the given sentences for the nearest-year rule', () => {
    const s = 'In the second half profits rose; 2004 was good';
    expect(findPeriods(s, [{ start: 0, end: s.length }]).map((p) => p.value)).toEqual(['H2 2004', '2004']);
    expect(findPeriods(s, [{ start: 0, end: 31 }, { start: 32, end: s.length }]).map((p) => p.value)).toEqual(['second half', '2004']);
  });

  it('keeps relative periods as written', () => {
    expect(found('Profit beat last year and this year, up from the year-earlier level and a year ago.')).toEqual([
      ['last year', 'last year'],
      ['this year', 'this year'],
      ['year-earlier', 'year-earlier'],
      ['a year ago', 'a year ago'],
    ]);
    expect(found('Last year was hard')).toEqual([['Last year', 'Last year']]);
  });

  it('does not take counts, amounts, times, names, decades or verbs as periods', () => {
    for (const s of [
      'It bought 2,000 shares.',
      'It bought 2000 shares.',
      'It paid $2004 for it.',
      'Trading ended at 2000 GMT.',
      'It runs Windows 2000 and Office 2003.',
      'Growth in the 1990s was fast.',
      'Sales may rise.',
      'Call 555-2004 now.',
      'The index rose 1999 pct.',
      'about 1500 workers',
    ]) {
      expect(found(s), s).toEqual([]);
    }
    expect(found('He will march on.')).toEqual([]);
    expect(found('The vote is in May.')).toEqual([['May', 'May']]);
  });
});

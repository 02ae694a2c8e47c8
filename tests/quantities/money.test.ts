import { describe, expect, it } from 'vitest';
import { findMoney, isPerShare } from '../../pipelines/news/quantities/money.ts';

const found = (s: string) =>
  findMoney(s).map((m) => ({ text: s.slice(m.start, m.end), amount: m.amount, currency: m.currency }));
const one = (s: string) => {
  const all = findMoney(s);
  expect(all.map((m) => s.slice(m.start, m.end)), s).toHaveLength(1);
  const m = all[0]!;
  return { ...m, text: s.slice(m.start, m.end) };
};

describe('findMoney: house styles', () => {
  it.each([
    // modern
    ['The deal is worth $10 billion.', '$10 billion', 1e10, 'USD'],
    ['a US$500 million loan', 'US$500 million', 5e8, 'USD'],
    ['a €2.5 billion bid', '€2.5 billion', 2.5e9, 'EUR'],
    ['sales of 2.5 billion euros', '2.5 billion euros', 2.5e9, 'EUR'],
    ['paid 10 billion dollars', '10 billion dollars', 1e10, 'USD'],
    ['It costs USD 200.', 'USD 200', 200, 'USD'],
    ['revenue of 200 EUR', '200 EUR', 200, 'EUR'],
    ['revenues of 120 MEUR', '120 MEUR', 1.2e8, 'EUR'],
    ['a Rs 40 crore plant', 'Rs 40 crore', 4e8, 'INR'],
    ['a ¥500bn package', '¥500bn', 5e11, 'JPY'],
    ['a deal worth half a million dollars', 'half a million dollars', 5e5, 'USD'],
    // BBC
    ['Macy owner buys rival for $11bn', '$11bn', 1.1e10, 'USD'],
    ['a fee of £3m', '£3m', 3e6, 'GBP'],
    ['profits of £600m', '£600m', 6e8, 'GBP'],
    ['a stake worth 6.8bn rand', '6.8bn rand', 6.8e9, 'ZAR'],
    ['BP shares rose 4p on Monday', '4p', 0.04, 'GBP'],
    ['fell to a low of A$4.50', 'A$4.50', 4.5, 'AUD'],
    ['sales of 30.1bn rupees', '30.1bn rupees', 3.01e10, 'INR'],
    // Reuters
    ['for 25 mln dlrs in cash', '25 mln dlrs', 2.5e7, 'USD'],
    ['1.5 billion Canadian dlrs', '1.5 billion Canadian dlrs', 1.5e9, 'CAD'],
    ['a profit of 15 mln N.Z. Dlrs', '15 mln N.Z. Dlrs', 1.5e7, 'NZD'],
    ['bidding 542.2 mln stg for the shares', '542.2 mln stg', 542.2e6, 'GBP'],
    ['worth 500 mln French francs', '500 mln French francs', 5e8, 'FRF'],
    ['for 528 million francs', '528 million francs', 5.28e8, 'FRF'],
    ['fined 10,000 Swiss francs', '10,000 Swiss francs', 1e4, 'CHF'],
    ['profit of 20 mln marks', '20 mln marks', 2e7, 'DEM'],
    ['assets of 23.9 trillion yen', '23.9 trillion yen', 2.39e13, 'JPY'],
    ['sales of 181 billion lire', '181 billion lire', 1.81e11, 'ITL'],
    ['a 300 billion won loan', '300 billion won', 3e11, 'KRW'],
    ['a profit of 205,000 Irish pounds', '205,000 Irish pounds', 205000, 'IEP'],
    ['raised to 50 cts from 45', '50 cts', 0.5, 'USD'],
    ['a two billion dlr bid', 'two billion dlr', 2e9, 'USD'],
    ['profit of 700 mln pesos', '700 mln pesos', 7e8, 'XXX'],
  ])('%j -> %j = %d %s', (s, text, amount, currency) => {
    expect(one(s)).toMatchObject({ text, amount, currency });
  });

  it('flags prices per share, in every style', () => {
    for (const s of ['offered 65 dlrs per share', 'at $1.50 a share', 'a 27 dlr-per-share offer', 'a 12-cent-a-share dividend', 'at 470 pence a share']) {
      const m = one(s);
      expect(m.perShare, s).toBe(true);
      expect(isPerShare(s, m), s).toBe(true);
    }
    expect(one('paid 65 mln dlrs for the shares').perShare).toBe(false);
  });

  it('keeps the number as written next to the amount in major units', () => {
    expect(one('bid 470 pence')).toMatchObject({ quantity: 470, amount: 4.7, currency: 'GBP', minor: true });
    expect(one('rose 1.20 cents')).toMatchObject({ quantity: 1.2, amount: 0.012, currency: 'USD' });
    expect(one('it cost 3 dollars 50 cents')).toMatchObject({ text: '3 dollars 50 cents', amount: 3.5 });
  });

  it('reads ranges and changes', () => {
    expect(one('a $10-12bn deal')).toMatchObject({ amount: 1e10, high: 1.2e10 });
    expect(one('the potential $2-$3.8 trillion cost')).toMatchObject({ amount: 2e12, high: 3.8e12 });
    expect(one('worth 14 to 15 dlrs')).toMatchObject({ amount: 14, high: 15 });
    expect(found('rose from $5 to $10 billion')).toEqual([
      { text: '$5', amount: 5e9, currency: 'USD' },
      { text: '$10 billion', amount: 1e10, currency: 'USD' },
    ]);
  });

  it('tells dollar prefixes from articles and letters', () => {
    expect(one('a $5 fee')).toMatchObject({ text: '$5', currency: 'USD' });
    expect(one('C$ 16.4 million')).toMatchObject({ currency: 'CAD', amount: 16.4e6 });
    expect(one('HK$10.05 billion')).toMatchObject({ currency: 'HKD' });
    expect(found('($1.13bn; £600m)').map((m) => m.currency)).toEqual(['USD', 'GBP']);
  });

  it('does not take weights, thresholds, verbs, counts or dates', () => {
    for (const s of [
      'output of 2.5 billion pounds of copper',
      'a 10-pound bag',
      'the index passed the 1,000 mark',
      'Of the five, three won awards.',
      'All 70 of us.',
      'I tried to call Bob 3 times already.',
      'in 2004 it sold 5 million cars',
      'He was 5 p.m. late',
      'Boston Five Cents Savings Bank said',
    ]) {
      expect(found(s), s).toEqual([]);
    }
  });
});

/**
 * quantities: percentages, money amounts and time periods, found on `norm` by the finders in
 * src/quantities/ and sliced from `text` (same offsets). Records get only the fields the schema
 * has; richer facts (a money range's upper end, per-share prices) stay with the finders:
 * `isPerShare(doc.norm, money)` from src/quantities/money.ts tells a price per share from a total.
 */
import type { Component } from '../doc.ts';
import type { Doc, MoneyQ, PercentageQ, PeriodQ } from '../doc.ts';
import { sentenceAt } from '../doc.ts';
import { findPercentages } from '../quantities/percent.ts';
import { findMoney } from '../quantities/money.ts';
import { findPeriods, referenceDateOf } from '../quantities/periods.ts';

export function findQuantities(doc: Doc): Pick<Doc, 'percentages' | 'money' | 'periods'> {
  const { norm, text } = doc;
  const percentages: PercentageQ[] = findPercentages(norm).map((p) => ({
    text: text.slice(p.start, p.end),
    start: p.start,
    end: p.end,
    value: p.value,
    high: p.high,
    unit: p.unit,
    sentence: sentenceAt(doc, p.start),
  }));
  const money: MoneyQ[] = findMoney(norm).map((m) => ({
    text: text.slice(m.start, m.end),
    start: m.start,
    end: m.end,
    value: m.amount,
    amount: m.amount,
    currency: m.currency,
    high: m.high,
    perShare: m.perShare,
    sentence: sentenceAt(doc, m.start),
  }));
  const periods: PeriodQ[] = findPeriods(norm, doc.sentences, referenceDateOf(doc.article.publishedAt)).map((p) => ({
    start: p.start,
    end: p.end,
    text: text.slice(p.start, p.end),
    value: p.value,
    ...(p.kind ? { kind: p.kind } : {}),
    sentence: sentenceAt(doc, p.start),
  }));
  return { percentages, money, periods };
}

// "Profit rose 34% to $10bn in the third quarter of 2004" ->
//   percentages [34 percent], money [1e10 USD], periods ["Q3 2004"]
export const quantities: Component = {
  name: 'quantities',
  requires: ['norm', 'sentences'],
  assigns: ['percentages', 'money', 'periods'],
  run(doc) {
    Object.assign(doc, findQuantities(doc));
  },
};

/**
 * Property: for random text with quantities inserted at random places, in every house style, each
 * inserted quantity is found with offsets that slice back to exactly what was inserted and with its
 * value; and whatever the finders return on any text has in-bounds, ordered, non-overlapping spans.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findMoney } from '../../pipelines/news/quantities/money.ts';
import { findPercentages } from '../../pipelines/news/quantities/percent.ts';
import { findPeriods } from '../../pipelines/news/quantities/periods.ts';
import { COMPONENTS, createPipeline } from '../../pipelines/news/index.ts';
import type { Component } from '../../pipelines/news/index.ts';

type Kind = 'percent' | 'money' | 'period';
interface Planted {
  kind: Kind;
  text: string;
  value: number | string;
  /** For money: the ISO code. */
  currency?: string;
}

const PLANTS: Planted[] = [
  { kind: 'percent', text: '34%', value: 34 },
  { kind: 'percent', text: '4.5 per cent', value: 4.5 },
  { kind: 'percent', text: 'eight pct', value: 8 },
  { kind: 'percent', text: '7-1/2 pct', value: 7.5 },
  { kind: 'percent', text: '25 basis points', value: 25 },
  { kind: 'percent', text: '3 percentage points', value: 3 },
  { kind: 'money', text: '$10 billion', value: 1e10, currency: 'USD' },
  { kind: 'money', text: '£3m', value: 3e6, currency: 'GBP' },
  { kind: 'money', text: '$11bn', value: 1.1e10, currency: 'USD' },
  { kind: 'money', text: '25 mln dlrs', value: 2.5e7, currency: 'USD' },
  { kind: 'money', text: '1.5 billion Canadian dlrs', value: 1.5e9, currency: 'CAD' },
  { kind: 'money', text: 'US$500 million', value: 5e8, currency: 'USD' },
  { kind: 'money', text: '€2.5 billion', value: 2.5e9, currency: 'EUR' },
  { kind: 'period', text: 'Q3 2004', value: 'Q3 2004' },
  { kind: 'period', text: 'December 2004', value: 'December 2004' },
  { kind: 'period', text: 'fiscal 1987', value: 'FY1987' },
];

/** Filler that cannot itself read as a quantity: plain words, commas, full stops. */
const WORDS = ['the', 'company', 'said', 'sales', 'rose', 'and', 'Acme', 'shares', 'market', 'in', 'of', 'its', 'a'];
const filler = fc.array(fc.constantFrom(...WORDS), { minLength: 0, maxLength: 8 }).map((w) => w.join(' '));
const sep = fc.constantFrom(' ', ', ', '. ', ' (', ') ', '\n\n', ' - ', ' \u2014 ', '\u00a0');

/** A dash right after a figure reads as a range ("34% - 40%"), so dashes follow words only. */
const part = fc
  .tuple(filler, sep, fc.constantFrom(...PLANTS), sep)
  .map(([f, s1, p, s2]): [string, string, Planted, string] => [f, f ? s1 : ' ', p, /-|\u2014/.test(s2) ? ' ' : s2]);
const doc = fc
  .array(part, { minLength: 1, maxLength: 6 })
  .chain((parts) => filler.map((tail) => ({ parts, tail })));

function assemble({ parts, tail }: { parts: Array<[string, string, Planted, string]>; tail: string }) {
  let text = '';
  const planted: Array<Planted & { start: number }> = [];
  for (const [f, s1, p, s2] of parts) {
    text += `${f}${s1}`;
    planted.push({ ...p, start: text.length });
    text += `${p.text}${s2}`;
  }
  return { text: text + tail, planted };
}

function checkSpans(text: string, spans: ReadonlyArray<{ start: number; end: number }>) {
  let prevEnd = 0;
  for (const s of spans) {
    expect(s.start).toBeGreaterThanOrEqual(prevEnd);
    expect(s.end).toBeGreaterThan(s.start);
    expect(s.end).toBeLessThanOrEqual(text.length);
    prevEnd = s.end;
  }
}

// The quantities component on its own, after normalize and sentences, with a stub record.
const stubRecord: Component = { name: 'record', requires: [], assigns: ['record'], run() {} };
const pipeline = createPipeline(
  { name: 'q-test', version: '1.0.0', components: ['normalize', 'sentences', 'quantities', 'record'] },
  { ...COMPONENTS, record: stubRecord },
);

describe('quantity offsets (property)', () => {
  it('every planted quantity is found exactly, with its value, and all spans slice back', () => {
    fc.assert(
      fc.property(doc, (d) => {
        const { text, planted } = assemble(d);
        const norm = text.replace(/\u2014/g, '-').replace(/\u00a0/g, ' ');
        const pcts = findPercentages(norm);
        const money = findMoney(norm);
        const periods = findPeriods(norm);
        for (const list of [pcts, money, periods]) checkSpans(text, list);
        for (const p of planted) {
          const end = p.start + p.text.length;
          if (p.kind === 'percent') {
            const hit = pcts.find((x) => x.start === p.start && x.end === end);
            expect(hit, `${p.text} in ${JSON.stringify(text)}`).toBeDefined();
            expect(hit!.value).toBe(p.value);
          } else if (p.kind === 'money') {
            const hit = money.find((x) => x.start === p.start && x.end === end);
            expect(hit, `${p.text} in ${JSON.stringify(text)}`).toBeDefined();
            expect([hit!.amount, hit!.currency]).toEqual([p.value, p.currency]);
          } else {
            const hit = periods.find((x) => x.start === p.start && x.end === end);
            expect(hit, `${p.text} in ${JSON.stringify(text)}`).toBeDefined();
            expect(hit!.value).toBe(p.value);
          }
          expect(text.slice(p.start, end)).toBe(p.text);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('through the pipeline, each item text equals doc.text at its offsets and names its sentence', () => {
    fc.assert(
      fc.property(doc, (d) => {
        const { text } = assemble(d);
        if (!text.trim()) return;
        const out = pipeline.runDoc({ title: 't', text });
        const items = [...out.percentages, ...out.money, ...out.periods];
        expect(items.length).toBeGreaterThan(0);
        for (const q of items) {
          expect(out.text.slice(q.start, q.end)).toBe(q.text);
          const s = out.sentences[q.sentence];
          expect(s, q.text).toBeDefined();
          expect(q.start).toBeGreaterThanOrEqual(s!.start);
        }
        for (const m of out.money) expect(m.value).toBe(m.amount);
      }),
      { numRuns: 150 },
    );
  });

  it('never throws and keeps spans in bounds on arbitrary text', () => {
    const arbitrary = fc.string({ unit: 'grapheme', maxLength: 200 });
    const numeric = fc
      .array(fc.constantFrom('1', '9', '0', ',', '.', ' ', '$', '£', '%', '-', '/', 'm', 'bn', 'pct', 'Q', 'H', '19', '20', 'to', 'and', 'dlrs', 'per cent', 'May'), { maxLength: 40 })
      .map((a) => a.join(''));
    fc.assert(
      fc.property(fc.oneof(arbitrary, numeric), (s) => {
        for (const list of [findPercentages(s), findMoney(s), findPeriods(s)]) {
          checkSpans(s, list);
          for (const x of list) expect(Number.isNaN('value' in x ? x.value : 0)).toBe(false);
        }
      }),
      { numRuns: 500 },
    );
  });
});

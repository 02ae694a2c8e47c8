/**
 * Conformance against Microsoft Recognizers-Text English specs (MIT; copies and licence in
 * tests/fixtures/recognizers-text/, originals in ../shared/corpus/recognizers-text).
 *
 * What counts as a pass, per case:
 *   - cases whose NotSupported or NotSupportedByDesign names `javascript` are skipped for the gate
 *     (the upstream JavaScript runner skips them too); they are still run and their rate printed;
 *   - expected results whose value is JSON null or "null" (a currency or percent WORD with no
 *     amount, "50 dollar rmb" -> rmb) are not required: our finders only report amounts;
 *   - every other expected result must be found: same span text (case-insensitive, as upstream
 *     lower-cases `Text`), same value (relative tolerance 1e-9), and for currency the same ISO
 *     code when the spec gives `isoCurrency`;
 *   - nothing else may be found: the number of predictions equals the number of required results.
 * The value compared for money is the amount in the unit as written (`quantity`: 470 for
 * "470 pence"), as the spec resolves it; the record's `amount` is in major units (4.70 GBP).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findMoney } from '../../pipelines/news/quantities/money.ts';
import { findPercentages } from '../../pipelines/news/quantities/percent.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const FIXTURES = path.join(repoRoot, 'tests/fixtures/recognizers-text');
const SHARED = path.resolve(repoRoot, '../shared/corpus/recognizers-text');
const SPEC_FILES = ['PercentModel.json', 'PercentModelPercentMode.json', 'CurrencyModel.json'] as const;

interface SpecResult {
  Text: string;
  Resolution: { value: string | null; unit?: string; isoCurrency?: string };
  Start: number;
  End: number;
}
interface SpecCase {
  Input: string;
  NotSupported?: string;
  NotSupportedByDesign?: string;
  Results: SpecResult[];
}
interface Prediction {
  text: string;
  value: number;
  iso?: string;
}

function load(file: string): SpecCase[] {
  return JSON.parse(readFileSync(path.join(FIXTURES, file), 'utf8')) as SpecCase[];
}

function jsSupported(c: SpecCase): boolean {
  const names = `${c.NotSupported ?? ''},${c.NotSupportedByDesign ?? ''}`.split(',').map((s) => s.trim().toLowerCase());
  return !names.includes('javascript');
}

function close(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

function expectedValue(r: SpecResult): number | null {
  const v = r.Resolution.value;
  if (v === null || v === 'null') return null;
  return Number(v.replace(/%$/, ''));
}

/** Why a case fails, or null when it passes (see the header for the rule). */
function judge(c: SpecCase, predicted: Prediction[], checkIso: boolean): string | null {
  const required = c.Results.filter((r) => expectedValue(r) !== null);
  const left = [...predicted];
  for (const r of required) {
    const want = expectedValue(r)!;
    const i = left.findIndex(
      (p) =>
        p.text.trim().toLowerCase() === r.Text.trim().toLowerCase() &&
        close(p.value, want) &&
        (!checkIso || !r.Resolution.isoCurrency || p.iso === r.Resolution.isoCurrency),
    );
    if (i < 0) return `missing ${JSON.stringify(r.Text)}=${want}${r.Resolution.isoCurrency ? ` ${r.Resolution.isoCurrency}` : ''}`;
    left.splice(i, 1);
  }
  if (left.length) return `extra ${left.map((p) => `${JSON.stringify(p.text)}=${p.value}${p.iso ? ` ${p.iso}` : ''}`).join(', ')}`;
  return null;
}

const percentPredictions = (input: string): Prediction[] =>
  findPercentages(input).map((p) => ({ text: input.slice(p.start, p.end), value: p.value }));
const moneyPredictions = (input: string): Prediction[] =>
  findMoney(input).map((m) => ({ text: input.slice(m.start, m.end), value: m.quantity, iso: m.currency }));

function score(file: string, predict: (s: string) => Prediction[], checkIso: boolean) {
  const cases = load(file);
  const run = (subset: SpecCase[]) => {
    const failures: string[] = [];
    for (const c of subset) {
      const why = judge(c, predict(c.Input), checkIso);
      if (why) failures.push(`${JSON.stringify(c.Input.slice(0, 90))}: ${why}`);
    }
    return { n: subset.length, passed: subset.length - failures.length, failures };
  };
  const js = run(cases.filter(jsSupported));
  const all = run(cases);
  const rate = (r: { n: number; passed: number }) => (r.n ? r.passed / r.n : NaN);
  console.log(
    `[recognizers] ${file}: JS-supported ${js.passed}/${js.n} = ${rate(js).toFixed(3)}; ` +
      `all cases ${all.passed}/${all.n} = ${rate(all).toFixed(3)}`,
  );
  if (js.failures.length) console.log(`[recognizers] ${file} failures:\n  ${js.failures.join('\n  ')}`);
  return { js, all, rate: rate(js) };
}

describe('Recognizers-Text conformance', () => {
  it('the fixture copies equal the shared corpus files (when ../shared is present)', () => {
    for (const f of [...SPEC_FILES, 'LICENSE']) {
      expect(existsSync(path.join(FIXTURES, f)), f).toBe(true);
      if (existsSync(SHARED)) {
        expect(readFileSync(path.join(FIXTURES, f), 'utf8'), f).toBe(readFileSync(path.join(SHARED, f), 'utf8'));
      }
    }
    expect(readFileSync(path.join(FIXTURES, 'LICENSE'), 'utf8')).toMatch(/MIT License/);
  });

  it('PercentModel.json: pass rate >= 0.95', () => {
    const r = score('PercentModel.json', percentPredictions, false);
    expect(r.js.n).toBe(15);
    expect(r.rate).toBeGreaterThanOrEqual(0.95);
  });

  it('PercentModelPercentMode.json: every case is .NET-only (fractions read as percents); reported, not gated', () => {
    const r = score('PercentModelPercentMode.json', percentPredictions, false);
    expect(r.js.n).toBe(0);
    expect(r.all.n).toBe(11);
  });

  it('CurrencyModel.json: pass rate >= 0.90', () => {
    const r = score('CurrencyModel.json', moneyPredictions, true);
    expect(r.js.n).toBe(127);
    expect(r.rate).toBeGreaterThanOrEqual(0.9);
  });

  it('negative cases in the percent spec (URL escapes) give nothing, though upstream JS skips them', () => {
    const negatives = load('PercentModel.json').filter((c) => c.Results.length === 0);
    expect(negatives.length).toBe(2);
    for (const c of negatives) expect(findPercentages(c.Input), c.Input).toEqual([]);
  });
});

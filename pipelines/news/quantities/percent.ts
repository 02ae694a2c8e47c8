/**
 * Percentages, percentage points and basis points, as news of every house style writes them:
 * "34%", "34 %", "34 per cent", "eight pct", "34-percent", "30-35%", "between 30 and 35 per cent",
 * "-5%", "minus five percent", "3 percentage points", "half a percentage point", "25 bps".
 * Bare "points" ("the index rose 3 points") is not taken: it is usually index points, not percent.
 */
import { NUMBER_SOURCE, parseNumber, roundFloat } from './numbers.ts';

export type PercentUnit = 'percent' | 'percentage_point' | 'basis_point';

export interface PercentMatch {
  start: number;
  end: number;
  /** The number as written: 34 for "34%", 25 for "25 bps", -5 for "minus five percent". */
  value: number;
  /** Upper end of a range ("30-35%": 35), else null. */
  high: number | null;
  unit: PercentUnit;
}

/**
 * Unit words, most specific first (the first that matches wins). `unit` says what the words mean;
 * the checks after the regex drop "BP" (the oil company) and spaced "pc" (personal computers).
 */
const UNIT_TABLE: ReadonlyArray<{ source: string; unit: PercentUnit }> = [
  // "3 percentage points", "2.5 pct points", "1% point", "0.5 percentage-point", "3 ppts", "3pp"
  { source: String.raw`(?:percentage|percent|per[- ]?cent|pct|%)[- ]?(?:points?|pts?)\b`, unit: 'percentage_point' },
  { source: String.raw`pp(?:ts?)?\b`, unit: 'percentage_point' },
  // "25 basis points", "25 basis-point", "25 bps", "25bp", "25 bp"
  { source: String.raw`basis[- ]points?\b|bps\b|bp\b`, unit: 'basis_point' },
  // "34%", "34 percent", "34 per cent", "34 pct", "34-percent", "100 percentage", "5pc" (attached only)
  { source: String.raw`%|percents?\b|per[- ]cents?\b|pct\b|percentage\b|pc\b`, unit: 'percent' },
];
const UNIT_SOURCE = UNIT_TABLE.map((u) => `(?:${u.source})`).join('|');
const UNIT_RES = UNIT_TABLE.map((u) => ({ re: new RegExp(`^(?:${u.source})$`, 'i'), unit: u.unit }));

function unitOf(u: string): PercentUnit | null {
  for (const { re, unit } of UNIT_RES) if (re.test(u)) return unit;
  return null;
}

/** Not inside a word, a longer number, a URL escape ("%28") or a money amount ("$5"). */
const LEFT = String.raw`(?<![\w.,/%$£€¥=])(?<!\d \. )`;
const SIGN = String.raw`(?:(?<signword>minus|negative)\s+|(?<sign>[-+])(?=\.?\d))?`;

/**
 * One quantity, or a range of two:
 *   "34%"  "34 per cent"  "34-percent"  "-5%"  "minus five percent"
 *   "30-35%"  "30 to 35 percent"  "between 30 and 35 per cent"  "30% to 35%"
 */
const PERCENT_RE = new RegExp(
  LEFT +
    SIGN +
    `(?<low>${NUMBER_SOURCE})` +
    `(?:(?: ?-? ?)(?<lowunit>${UNIT_SOURCE}))?` +
    `(?:\\s*(?<conn>-|to|and|through)\\s*(?<high>${NUMBER_SOURCE}))?` +
    `(?: ?- ?| ?)(?<unit>${UNIT_SOURCE})(?![\\w%])`,
  'gid',
);

/** "half a percentage point", "a quarter of a percentage point", "a basis point" (value 0.5, 0.25, 1). */
const FRACTION_WORDS: Readonly<Record<string, number>> = {
  half: 0.5, 'a half': 0.5, 'a quarter': 0.25, 'one quarter': 0.25, 'one-quarter': 0.25,
  'three quarters': 0.75, 'three-quarters': 0.75, a: 1,
};
const FRACTION_RE = new RegExp(
  String.raw`\b(?<frac>half|a half|a quarter|one[- ]quarter|three[- ]quarters|a)\s+(?:(?:of\s+)?an?\s+)?` +
    String.raw`(?<unit>(?:percentage|percent|per[- ]?cent|pct)[- ](?:points?|pts?)|basis[- ]points?|percent|per[- ]cent|pct)\b`,
  'gid',
);

/**
 * A percent word before its number, a construction of spoken or legal English:
 * "a rise of percent of 10." Kept narrow: no number before the word and the number ends the clause.
 */
const REVERSED_RE = new RegExp(
  String.raw`(?<![\w.%][ \t]*)\b(?:percents?|per[- ]cents?)\s+of\s+(?<num>${NUMBER_SOURCE})(?=\s*(?:[.,;:!?)]|$))`,
  'gid',
);

type Span = [number, number];

/** Find every percentage in `norm` (ASCII-folded text), in order of position; spans never overlap. */
export function findPercentages(norm: string): PercentMatch[] {
  const out: PercentMatch[] = [];
  PERCENT_RE.lastIndex = 0;
  for (let m = PERCENT_RE.exec(norm); m; m = PERCENT_RE.exec(norm)) {
    const g = m.groups!;
    const idx = m.indices!.groups!;
    const unitText = g.unit!;
    const unit = unitOf(unitText);
    if (!unit || !acceptUnit(norm, unitText, idx.unit!)) {
      // "5 BP shares": retry after the first number so "5" itself does not hide a later match.
      PERCENT_RE.lastIndex = idx.low![1];
      continue;
    }
    const sign = g.signword || g.sign === '-' ? -1 : 1;
    const low = sign * parseNumber(g.low!);
    const end = idx.unit![1];
    if (Number.isNaN(low)) continue;
    if (g.high === undefined) {
      out.push({ start: m.index, end, value: roundFloat(low), high: null, unit });
      continue;
    }
    const high = parseNumber(g.high);
    if (Number.isNaN(high)) continue;
    const before = norm.slice(Math.max(0, m.index - 9), m.index);
    const lowUnit = g.lowunit ? unitOf(g.lowunit) : null;
    const highStart = idx.high![0];
    const conn = g.conn!.toLowerCase();
    const isBetween = /\bbetween\s+$/i.test(before);
    if (!(low < high)) {
      // "from 5% in 2004 to 4.25%", "up 34% - and 34% more": a first number not below the second is no range.
      if (lowUnit) out.push(single(m.index, idx.lowunit![1], low, lowUnit));
      out.push(single(highStart, end, high, unit));
      continue;
    }
    if (conn === 'and' && !isBetween) {
      // "rose 30 and 35 pct": "and" joins a range only after "between"; keep the second alone.
      if (lowUnit) out.push(single(m.index, idx.lowunit![1], low, lowUnit));
      out.push(single(highStart, end, high, unit));
      continue;
    }
    if (/\bfrom\s+$/i.test(before) || (lowUnit && conn === 'to' && !isBetween)) {
      // "from 30 to 35 pct", "rose 4 pct to 10 pct": a change, two values, not a range.
      const lowEnd = lowUnit ? idx.lowunit![1] : idx.low![1];
      out.push(single(m.index, lowEnd, low, lowUnit ?? unit));
      out.push(single(highStart, end, high, unit));
      continue;
    }
    if (lowUnit && (lowUnit !== unit || g.lowunit!.toLowerCase() !== unitText.toLowerCase())) {
      // "4.5 per cent - 34%": two figures in different styles are two figures, not one range.
      out.push(single(m.index, idx.lowunit![1], low, lowUnit));
      out.push(single(highStart, end, high, unit));
      continue;
    }
    out.push({ start: m.index, end, value: roundFloat(low), high: roundFloat(high), unit });
  }
  const taken: Span[] = out.map((p) => [p.start, p.end]);
  const extra: PercentMatch[] = [];
  FRACTION_RE.lastIndex = 0;
  for (let m = FRACTION_RE.exec(norm); m; m = FRACTION_RE.exec(norm)) {
    const unit = unitOf(m.groups!.unit!);
    const value = FRACTION_WORDS[m.groups!.frac!.toLowerCase().replace(/\s+/g, ' ')];
    if (!unit || value === undefined || overlaps(taken, m.index, m.index + m[0].length)) continue;
    extra.push({ start: m.index, end: m.index + m[0].length, value, high: null, unit });
  }
  REVERSED_RE.lastIndex = 0;
  for (let m = REVERSED_RE.exec(norm); m; m = REVERSED_RE.exec(norm)) {
    const value = parseNumber(m.groups!.num!);
    if (Number.isNaN(value) || overlaps(taken, m.index, m.index + m[0].length)) continue;
    extra.push({ start: m.index, end: m.index + m[0].length, value, high: null, unit: 'percent' });
  }
  if (!extra.length) return out;
  return [...out, ...extra].sort((a, b) => a.start - b.start);
}

function single(start: number, end: number, value: number, unit: PercentUnit): PercentMatch {
  return { start, end, value: roundFloat(value), high: null, unit };
}

/** Checks a regex cannot express cheaply: case and attachment of the short unit words. */
function acceptUnit(norm: string, unitText: string, [uStart]: [number, number]): boolean {
  const lower = unitText.toLowerCase();
  const attached = /\d/.test(norm[uStart - 1] ?? '');
  // "5 BP shares" is the oil company; basis points are written "bp"/"bps" in lower case.
  if ((lower === 'bp' || lower === 'bps') && unitText !== lower && unitText !== 'BPS') return false;
  // "5pc" (some UK papers) only against the digits and in lower case; "5 PCs" are computers.
  if (lower === 'pc') return attached && unitText === 'pc';
  if (lower.startsWith('pp')) return attached && unitText === lower;
  return true;
}

/** Spans are sorted by start; linear enough for the few fraction phrases an article has. */
function overlaps(spans: Span[], start: number, end: number): boolean {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [s, e] = spans[mid]!;
    if (e <= start) lo = mid + 1;
    else if (s >= end) hi = mid - 1;
    else return true;
  }
  return false;
}

/**
 * Time periods named in news text, normalised:
 *   "2023", "in 1986"                        -> "2023", "1986"
 *   "fiscal 1987", "FY2004"                   -> "FY1987", "FY2004"
 *   "the third quarter of 2004", "Q3 2004"    -> "Q3 2004"   ("3Q04", "1986 fourth quarter" too)
 *   "first half of 2005", "H1 2005"           -> "H1 2005"
 *   "December 2004", "Dec. 15, 2004"          -> "December 2004", "2004-12-15"
 *   "last year", "a year earlier", "year-ago" -> the text itself (relative)
 * A quarter, half or month without its year takes the nearest year named in the same sentence
 * ("first-quarter profit rose ... compared with 1986" -> "Q1 1986"), else its own text.
 * Years are 1900-2099, as four digits standing alone: "2,000 shares", "$2004", "2000 GMT",
 * "Windows 2000" and "the 1990s" are not years.
 */
import { spanIndexAt } from '../doc.ts';

export type PeriodKind = 'year' | 'fiscal_year' | 'year_range' | 'quarter' | 'half' | 'month' | 'date' | 'relative';

export interface PeriodMatch {
  start: number;
  end: number;
  /** "2023", "FY1987", "Q3 2004", "H1 2005", "2004-12", "2004-12-15", or the text itself. */
  value: string;
  kind: PeriodKind;
}

const MONTHS: Readonly<Record<string, number>> = {
  january: 1, february: 2, march: 3, april: 4, may: 5, june: 6, july: 7, august: 8, september: 9,
  october: 10, november: 11, december: 12,
  jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};
const ORDINALS: Readonly<Record<string, number>> = {
  first: 1, second: 2, third: 3, fourth: 4, final: 4, '1st': 1, '2nd': 2, '3rd': 3, '4th': 4,
};

const alt = (words: Iterable<string>) => [...words].sort((a, b) => b.length - a.length).join('|');

const YEAR = String.raw`(?:19|20)\d\d`;
/** Capitalised month names; abbreviations need a day or a year after them (checked in code). */
const cap = (w: string) => w[0]!.toUpperCase() + w.slice(1);
/** "December", or "Dec"/"Dec." (the dot only after an abbreviation, so "in October." keeps its full stop out). */
const MONTH = `(?:${alt(Object.keys(MONTHS).filter((m) => m.length > 4 || m === 'may' || m === 'june' || m === 'july').map(cap))}|(?:${alt(
  Object.keys(MONTHS).filter((m) => m.length <= 4 && m !== 'may' && m !== 'june' && m !== 'july').map(cap),
)})\\b\\.?)`;
const ORD = `(?:${alt(Object.keys(ORDINALS))})`;

/** Count nouns and units after a four-digit number: "2000 shares", "1990 GMT", "1999 pct". */
const NOT_YEAR_AFTER = new RegExp(
  String.raw`^(?:\s*(?:%|-?(?:pct|percent|per cent)\b)|\s+(?:shares|stock|tonnes|tons|barrels|bpd|units|people|employees|workers|` +
    String.raw`jobs|staff|acres|hectares|cars|vehicles|homes|houses|dlrs|dollars|euros|pounds|yen|francs|marks|mln|million|` +
    String.raw`billion|bln|feet|ft|metres|meters|miles|km|kilometres|points|ounces|ozs|yards|lbs|customers|subscribers|` +
    String.raw`members|students|copies|sq|square|troops|pages|seats|words|visitors|stores|outlets|branches|times|votes|` +
    String.raw`patients|children|users|machines|computers|pcs|lines|gmt|est|edt|bst|cet|hrs|hours|local|mhz|cc|rpm|flights|` +
    String.raw`passengers|aircraft|planes|engines|locations|sites|firms|companies|banks|products|items|series)\b)`,
  'i',
);
/** A count, not a date: "about 2000", "some 1500", "more than 1900". */
const NOT_YEAR_BEFORE = /(?:\b(?:about|around|some|nearly|almost|approximately|roughly|than|only|just|over|under|total of|up to)\s+|\d\s|[$£€¥#]\s?)$/i;
/** Capitalised words a year may follow; any other ("Windows 2000", "Expo 2005") makes it a name. */
const YEAR_AFTER_CAPITAL = new Set(
  ('in since by until till through from to for of during before after between fiscal fy year end early late mid ' +
    'spring summer autumn fall winter christmas easter and or the at on about around circa') .split(/\s+/),
);

/**
 * One alternation, most specific first (the regex engine takes the first that fits at a position).
 * Named groups say which form matched.
 */
const PERIOD_RE = new RegExp(
  // Every form below starts with a digit or one of these letters (the text is case-folded first):
  // a cheap first-character test lets the engine skip the other positions without trying each form.
  '(?=[0-9fstlnpcaoyQHFJMASOND])(?:' +
  [
    // "the 1986 fourth quarter", "fiscal third-quarter", "the third quarter of fiscal 2004", "Q3 of 2004"
    String.raw`(?<q>(?:(?<qy1>${YEAR})\s+)?(?:(?<qfisc>fiscal)\s+)?(?<qo>${ORD})[- ](?:quarter|qtr)\b(?:\s+(?:of|in)\s+(?:(?<qfisc2>fiscal)\s+(?:year\s+)?)?(?<qy2>${YEAR})\b)?)`,
    // "first half of 2005", "the 2004 second half", "first-half"
    String.raw`(?<h>(?:(?<hy1>${YEAR})\s+)?(?:(?<hfisc>fiscal)\s+)?(?<ho>first|second|1st|2nd)[- ]half\b(?:\s+(?:of|in)\s+(?:(?<hfisc2>fiscal)\s+(?:year\s+)?)?(?<hy2>${YEAR})\b)?)`,
    // "Q3 2004", "Q3", "Q3'04", "Q4 FY2004", "3Q04", "3Q 2004"
    String.raw`(?<qc>\bQ(?<qcn>[1-4])(?:(?:\s+|\s?')(?<qcy>${YEAR}|\d\d)\b|\s+FY\s?(?<qcfy>${YEAR}|\d\d)\b)?(?![\w-])|\b(?<qcn2>[1-4])Q\s?(?<qcy2>${YEAR}|\d\d)?(?![\w-]))`,
    // "H1 2005", "H2", "1H05"
    String.raw`(?<hc>\bH(?<hcn>[12])(?:(?:\s+|\s?')(?<hcy>${YEAR}|\d\d)\b)?(?![\w-])|\b(?<hcn2>[12])H\s?(?<hcy2>${YEAR}|\d\d)?(?![\w-]))`,
    // "fiscal 1987", "fiscal year 1987", "FY2004", "FY 2004", "FY04"
    String.raw`(?<fy>\b(?:fiscal(?:\s+year)?\s+(?<fyy>${YEAR})|FY\s?(?<fyy2>${YEAR}|\d\d))\b(?![-/]\d))`,
    // "15 December 2004", "15th Dec 2004"
    String.raw`(?<dm>\b(?<dmd>[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?\s+(?<dmm>${MONTH})(?:,?\s+(?<dmy>${YEAR})\b)?)`,
    // "December 2004", "Dec. 15, 2004", "December 15", "in January", "mid-March"
    String.raw`(?<mo>\b(?<mom>${MONTH})(?:\s+(?<mod>[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?\b(?!\s?(?:%|pct|percent|per cent|mln|million|billion|bln))(?![.,]\d))?(?:,?\s+(?:of\s+)?(?<moy>${YEAR})\b(?![-/]\d))?)`,
    // "1986-87", "1986/87", "2004-2005"
    String.raw`(?<yr>(?<![\w$£€¥#.,/:-])(?<!\d-)(?<yr1>${YEAR})[-/](?<yr2>${YEAR}|\d\d)(?![\w%/-]|[.,]\d))`,
    // "2023", "mid-2004"
    String.raw`(?<y>(?<![\w$£€¥#.,/:'])(?<!\d-)(?<!\d[.,])(?<yy>${YEAR})(?![\w%/-]|[.,:]\d))`,
    // "last year", "this quarter", "the previous year", "a year earlier", "year-ago", "year-earlier"
    String.raw`(?<rel>\b(?:(?:last|this|next|previous|prior|past|current|coming)\s+(?:fiscal\s+)?(?:year|quarter|month)|(?:a|one)\s+year\s+(?:earlier|ago|before)|year[- ](?:earlier|ago))\b)`,
  ].join('|') +
  ')',
  'g',
);

interface Raw extends PeriodMatch {
  /** Year to name the value with, when the text gives it; null to borrow the nearest year. */
  year: number | null;
  /**
   * The value once the year is known is `${pre}${year}${post}` ("Q3 " + 2004, 2004 + "-12");
   * pre is null when the value needs no year.
   */
  pre: string | null;
  post: string;
}

function raw(start: number, end: number, kind: PeriodKind, value: string, year: number | null, pre: string | null, post: string): Raw {
  return { start, end, value, kind, year, pre, post };
}

/** Sentences as spans; without them a simple split at ". " + capital and at newlines is used. */
export interface SpanLike {
  start: number;
  end: number;
}

/** Find every period in `norm` (ASCII-folded text), in order of position; spans never overlap. */
/** The date the text was written (the article's date): relative periods are resolved against it. */
export interface ReferenceDate {
  year: number;
  /** 1-12, or null when only the year is known. */
  month: number | null;
}

/** "2016-03-04", "2016-03-04T10:00:00Z", "2016" -> {year, month}; anything else null. */
export function referenceDateOf(iso: string | null | undefined): ReferenceDate | null {
  const m = iso ? /^(\d{4})(?:-(\d{2}))?/.exec(iso) : null;
  if (!m) return null;
  const month = m[2] ? Number(m[2]) : null;
  return { year: Number(m[1]), month: month && month >= 1 && month <= 12 ? month : null };
}

/**
 * A relative period resolved against the date of writing, or null when the words name no fixed
 * period (or the date is unknown):
 *   "last year", "a year earlier", "the previous year", "year-ago" -> the year before ("2015")
 *   "this year", "the current year" -> the year itself; "next year" -> the year after
 *   "last quarter" / "this quarter" -> "Q4 2015" / "Q1 2016" (needs the month)
 */
export function resolveRelative(surface: string, ref: ReferenceDate | null): string | null {
  if (!ref) return null;
  const t = surface.toLowerCase().replace(/\s+/g, ' ');
  const { year, month } = ref;
  if (/\b(?:last|previous|prior|past) year\b|\byear(?: |-)(?:earlier|ago|before)\b|\ba year (?:earlier|ago|before)\b/.test(t)) return String(year - 1);
  if (/\b(?:this|current|the current) year\b/.test(t)) return String(year);
  if (/\b(?:next|coming) year\b/.test(t)) return String(year + 1);
  if (month === null) return null;
  const q = Math.ceil(month / 3);
  if (/\b(?:last|previous|prior|past) quarter\b/.test(t)) return q === 1 ? `Q4 ${year - 1}` : `Q${q - 1} ${year}`;
  if (/\b(?:this|current|the current) quarter\b/.test(t)) return `Q${q} ${year}`;
  return null;
}

/**
 * The year of a quarter, half or month named without one, from the date of writing: the latest
 * such period that has begun ("the fourth quarter" written in February 2016 -> Q4 2015).
 */
function yearFromReference(kind: PeriodKind, pre: string | null, post: string, ref: ReferenceDate): number {
  if (ref.month === null) return ref.year;
  let firstMonth = 1;
  if (kind === 'quarter') firstMonth = (Number(/Q(\d)/.exec(pre ?? '')?.[1] ?? 1) - 1) * 3 + 1;
  else if (kind === 'half') firstMonth = /H2/.test(pre ?? '') ? 7 : 1;
  else if (kind === 'month' || kind === 'date') firstMonth = Number(/^-(\d{2})/.exec(post)?.[1] ?? 1);
  return firstMonth > ref.month ? ref.year - 1 : ref.year;
}

/**
 * Find every period in `norm` (ASCII-folded text), in order of position; spans never overlap.
 * With `ref` (the article's date), relative periods and periods without a year that no year in
 * their sentence completes are resolved against it.
 */
export function findPeriods(norm: string, sentences?: readonly SpanLike[], ref: ReferenceDate | null = null): PeriodMatch[] {
  const raws: Raw[] = [];
  /** Every year the text names (also inside quarters, months...), for the nearest-year rule. */
  const years: Array<{ pos: number; year: number }> = [];
  PERIOD_RE.lastIndex = 0;
  // The regex is case-sensitive; word forms are matched on a copy with those words lower-cased.
  const text = caseFold(norm);
  for (let m = PERIOD_RE.exec(text); m; m = PERIOD_RE.exec(text)) {
    const g = m.groups!;
    const start = m.index;
    const end = start + m[0].length;
    const surface = norm.slice(start, end);
    const r = classify(norm, g, start, end, surface);
    if (!r) continue;
    if (r.year !== null) years.push({ pos: start, year: r.year });
    // "2004 fourth quarter", "2004 first half": the year opens the match (groups qy1, hy1)
    if (r.kind !== 'year') {
      if (g.qy1 !== undefined) years.push({ pos: start, year: Number(g.qy1) });
      if (g.hy1 !== undefined) years.push({ pos: start, year: Number(g.hy1) });
    }
    raws.push(r);
  }
  years.sort((a, b) => a.pos - b.pos);
  const sents = sentences && sentences.length ? sentences : splitRough(norm);
  return raws.map((r) => monthNamed(resolve(r)));
  function resolve(r: Raw): PeriodMatch {
    if (r.kind === 'relative') {
      const resolved = resolveRelative(r.value, ref);
      return { start: r.start, end: r.end, value: resolved ?? r.value, kind: r.kind };
    }
    if (r.pre === null) return { start: r.start, end: r.end, value: r.value, kind: r.kind };
    const y = r.year ?? nearestYear(years, sents, r.start) ?? (ref ? yearFromReference(r.kind, r.pre, r.post, ref) : null);
    return { start: r.start, end: r.end, value: y === null ? r.value : `${r.pre}${y}${r.post}`, kind: r.kind };
  }
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A month is written as people write it, "December 2004" (a date stays ISO, "2004-12-15"). */
function monthNamed(p: PeriodMatch): PeriodMatch {
  const m = p.kind === 'month' ? /^(\d{4})-(\d{2})$/.exec(p.value) : null;
  return m ? { ...p, value: `${MONTH_NAMES[Number(m[2]) - 1]} ${m[1]}` } : p;
}

/**
 * The regex is case-sensitive (so "May" the month is not "may" the verb, and "Q3" not "q3"); word
 * forms that may start a sentence ("Fiscal 1987", "Last year", "First-half") are folded to lower
 * case here. One pass, same length, so offsets hold.
 */
const CASE_FOLD_WORDS: ReadonlySet<string> = new Set([
  ...('fiscal last this next previous prior past current coming first second third fourth final ' +
    'half quarter qtr year of in ago earlier before a one').split(' '),
  // "1st" ... "4th" (any suffix after 1-4, as the regex had it)
  ...['1', '2', '3', '4'].flatMap((d) => ['st', 'nd', 'rd', 'th'].map((x) => d + x)),
]);
const CASE_FOLD_MAX = Math.max(...[...CASE_FOLD_WORDS].map((w) => w.length));

/** [A-Za-z0-9_]: a regexp's \w without the u flag. */
function isWordCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}

/**
 * Lower-case every whole word (a maximal run of \w, as `\bword\b` would match) that is one of
 * CASE_FOLD_WORDS in any case; a word with no capital is left as it is. A plain scan of the
 * character codes: no regexp, no string built unless a word changes.
 */
function caseFold(s: string): string {
  let out = '';
  let last = 0;
  const n = s.length;
  let i = 0;
  while (i < n) {
    if (!isWordCode(s.charCodeAt(i))) {
      i++;
      continue;
    }
    let j = i;
    let upper = false;
    for (; j < n; j++) {
      const c = s.charCodeAt(j);
      if (!isWordCode(c)) break;
      if (c >= 65 && c <= 90) upper = true;
    }
    if (upper && j - i <= CASE_FOLD_MAX) {
      const w = s.slice(i, j).toLowerCase();
      if (CASE_FOLD_WORDS.has(w)) {
        out += s.slice(last, i) + w;
        last = j;
      }
    }
    i = j;
  }
  return last === 0 ? s : out + s.slice(last);
}

function classify(norm: string, g: Record<string, string | undefined>, start: number, end: number, surface: string): Raw | null {
  if (g.q !== undefined) {
    const n = ORDINALS[g.qo!.toLowerCase()]!;
    const fiscal = g.qfisc !== undefined || g.qfisc2 !== undefined;
    const yv = g.qy2 ?? g.qy1;
    const pre = `Q${n} ${fiscal && g.qy2 ? 'FY' : ''}`;
    return raw(start, end, 'quarter', yv ? `${pre}${Number(yv)}` : surface, yv ? Number(yv) : null, pre, '');
  }
  if (g.h !== undefined) {
    const n = ORDINALS[g.ho!.toLowerCase()]!;
    const yv = g.hy2 ?? g.hy1;
    const pre = `H${n} `;
    return raw(start, end, 'half', yv ? `${pre}${Number(yv)}` : surface, yv ? Number(yv) : null, pre, '');
  }
  if (g.qc !== undefined) {
    const n = g.qcn ?? g.qcn2!;
    const yv = g.qcy ?? g.qcy2 ?? g.qcfy;
    const pre = `Q${n} ${g.qcfy ? 'FY' : ''}`;
    const y = yv ? fullYear(yv) : null;
    return raw(start, end, 'quarter', y ? `${pre}${y}` : surface, y, pre, '');
  }
  if (g.hc !== undefined) {
    const n = g.hcn ?? g.hcn2!;
    const yv = g.hcy ?? g.hcy2;
    const pre = `H${n} `;
    const y = yv ? fullYear(yv) : null;
    return raw(start, end, 'half', y ? `${pre}${y}` : surface, y, pre, '');
  }
  if (g.fy !== undefined) {
    const y = fullYear(g.fyy ?? g.fyy2!);
    return raw(start, end, 'fiscal_year', `FY${y}`, y, null, '');
  }
  if (g.dm !== undefined || g.mo !== undefined) {
    const monthWord = (g.dmm ?? g.mom)!.replace(/\.$/, "");
    const month = MONTHS[monthWord.toLowerCase()]!;
    const dayStr = g.dmd ?? g.mod;
    const yv = g.dmy ?? g.moy;
    if (!monthOk(norm, start, monthWord, dayStr !== undefined || yv !== undefined)) return null;
    const mm = String(month).padStart(2, '0');
    const day = dayStr ? `-${dayStr.padStart(2, '0')}` : '';
    const post = `-${mm}${day}`;
    return raw(start, end, dayStr ? 'date' : 'month', yv ? `${Number(yv)}${post}` : surface, yv ? Number(yv) : null, '', post);
  }
  if (g.yr !== undefined) {
    if (!yearContextOk(norm, start, end)) return null;
    const y1 = Number(g.yr1);
    const y2raw = g.yr2!;
    const y2 = y2raw.length === 2 ? Math.floor(y1 / 100) * 100 + Number(y2raw) : Number(y2raw);
    // "1986-87" is a span of two years; "1986-12" or "1987-86" are not.
    if (y2 !== y1 + 1 && !(y2 > y1 && y2 - y1 <= 10 && y2raw.length === 4)) return null;
    return raw(start, end, 'year_range', `${y1}/${y2}`, y1, null, '');
  }
  if (g.y !== undefined) {
    if (!yearContextOk(norm, start, end)) return null;
    return raw(start, end, 'year', g.yy!, Number(g.yy), null, '');
  }
  if (g.rel !== undefined) {
    return raw(start, end, 'relative', surface, null, null, '');
  }
  return null;
}

function fullYear(s: string): number {
  if (s.length === 4) return Number(s);
  const n = Number(s);
  return n < 50 ? 2000 + n : 1900 + n;
}

/** Words before a bare month that make "May" and "March" months, not a verb or a walk. */
const MONTH_CUE = /\b(?:in|since|by|until|till|through|from|to|of|last|next|this|early|late|mid|end|during|before|after|between|and|or|each|every|on|for)[\s-]+$/i;

function monthOk(norm: string, start: number, word: string, hasDayOrYear: boolean): boolean {
  if (hasDayOrYear) return true;
  // Abbreviations ("Jan", "Dec.") only with a day or year: "Dec" alone is too often a name.
  if (word.length <= 4 && word !== 'June' && word !== 'July' && word !== 'May') return false;
  if (word === 'May' || word === 'March' || word === 'August') return MONTH_CUE.test(norm.slice(Math.max(0, start - 12), start));
  return true;
}

function yearContextOk(norm: string, start: number, end: number): boolean {
  if (NOT_YEAR_AFTER.test(norm.slice(end, end + 16))) return false;
  const before = norm.slice(Math.max(0, start - 16), start);
  if (NOT_YEAR_BEFORE.test(before)) return false;
  // "Windows 2000", "Euro 2004": a capitalised name before the number makes it part of a name.
  const cap = /(?:^|[^\w'])([A-Z][A-Za-z]*)\s$/.exec(before);
  if (cap && !YEAR_AFTER_CAPITAL.has(cap[1]!.toLowerCase()) && !(cap[1]!.toLowerCase() in MONTHS)) {
    // ...unless the capital starts the sentence: "Sales in 1986" vs "Sales 1986" is rare enough.
    // the last character before the capital and its white space (a backward scan: no copy of the text before)
    let k = start - cap[1]!.length - 1;
    while (k > 0 && /\s/.test(norm[k - 1]!)) k--;
    const sentenceStart = k === 0 || /[.!?:\n"]/.test(norm[k - 1]!);
    if (!sentenceStart) return false;
  }
  return true;
}

/** Nearest year in the same sentence as `pos`, or null. Binary search: O(log n) per lookup. */
function nearestYear(years: ReadonlyArray<{ pos: number; year: number }>, sents: readonly SpanLike[], pos: number): number | null {
  const s = spanAt(sents, pos);
  if (!s) return null;
  let lo = 0;
  let hi = years.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (years[mid]!.pos < pos) lo = mid + 1;
    else hi = mid;
  }
  let best: { pos: number; year: number } | null = null;
  for (const c of [years[lo - 1], years[lo]]) {
    if (!c || c.pos < s.start || c.pos >= s.end) continue;
    if (!best || Math.abs(c.pos - pos) < Math.abs(best.pos - pos)) best = c;
  }
  return best ? best.year : null;
}

function spanAt(sents: readonly SpanLike[], pos: number): SpanLike | null {
  return sents[spanIndexAt(sents, pos)] ?? null;
}

/** Rough sentences for callers without a sentence splitter: cut at newlines and ". " + capital. */
function splitRough(norm: string): SpanLike[] {
  const out: SpanLike[] = [];
  const re = /[.!?]+["')]*\s+(?=[A-Z"'(])|\n+/g;
  let start = 0;
  for (let m = re.exec(norm); m; m = re.exec(norm)) {
    const end = m.index + m[0].length;
    out.push({ start, end });
    start = end;
  }
  out.push({ start, end: norm.length + 1 });
  return out;
}

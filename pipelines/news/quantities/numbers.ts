/**
 * Numbers as news writes them, for the quantity finders (percent.ts, money.ts, periods.ts).
 *
 * The finders build their regular expressions from the sources exported here, so a number means the
 * same thing everywhere: digits ("34", "34.5", "1,234.5", ".125"), wire-service fractions ("7-1/2",
 * "7 1/2", "3/4"), spelled-out numbers ("eight", "thirty-four", "one hundred and twenty",
 * "two thousand five hundred"), and a scale word after it ("million", "mln", "bn", "m", "k", "lakh").
 * Everything is tables loaded once at module load; parsing is a single pass over the matched text.
 *
 * Every parse gives a finite number below MAX_QUANTITY, or NaN, which the finders treat as "not a
 * quantity": "a 1000...0% share" with 400 digits drops that figure, not the article.
 */

/**
 * The largest magnitude a quantity may have: 1e21. News amounts stay far below it (world GDP is
 * about 1e14 dollars; the largest hyperinflation banknote was 1e20 pengő; Hungary's 1946 monthly
 * inflation, 4.19e16 percent); 1e21 is also where JavaScript starts writing numbers in exponent
 * form ("1e+21"). A figure at or past it (or past the float range: Infinity) is noise or a
 * string of digits that is not an amount, and is dropped.
 */
export const MAX_QUANTITY = 1e21;

/** `x` when it is a usable quantity (finite, |x| < MAX_QUANTITY), else NaN. */
export function saneQuantity(x: number): number {
  return Math.abs(x) < MAX_QUANTITY ? x : NaN; // false for NaN and +-Infinity too
}

/** One to nineteen, and zero. */
export const UNITS: Readonly<Record<string, number>> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19,
};

export const TENS: Readonly<Record<string, number>> = {
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};

/**
 * Scale words after a number: "$10 billion", "25 mln dlrs", "£3m", "$10bn", "Rs 40 crore".
 * `attachedOnly` words count only when written against the digits ("£3m", "$5k", "$2b"), because
 * "3 m" or "5 k" apart are usually something else (metres, a list item).
 */
export const MULTIPLIERS: Readonly<Record<string, { factor: number; attachedOnly?: boolean }>> = {
  thousand: { factor: 1e3 },
  k: { factor: 1e3, attachedOnly: true },
  million: { factor: 1e6 },
  mln: { factor: 1e6 },
  mn: { factor: 1e6 },
  mio: { factor: 1e6 },
  m: { factor: 1e6, attachedOnly: true },
  billion: { factor: 1e9 },
  bln: { factor: 1e9 },
  bn: { factor: 1e9 },
  b: { factor: 1e9, attachedOnly: true },
  trillion: { factor: 1e12 },
  trln: { factor: 1e12 },
  trn: { factor: 1e12 },
  tn: { factor: 1e12 },
  lakh: { factor: 1e5 },
  lakhs: { factor: 1e5 },
  crore: { factor: 1e7 },
  crores: { factor: 1e7 },
};

/** Fractions before a scale word: "half a million", "a quarter of a billion", "three quarters". */
const FRACTIONS: Readonly<Record<string, number>> = { half: 0.5, quarter: 0.25, quarters: 0.25 };

/**
 * A fraction word standing for the number before a scale ("half a million dollars",
 * "a quarter of a billion", "three-quarters of a million"); the caller requires the scale after it.
 */
export const FRACTION_BEFORE_SCALE_SOURCE =
  String.raw`\b(?:half(?: an?)?|(?:a |one |three[- ])?quarters?(?: of an?)?)(?= (?:thousand|million|billion|trillion)\b)`;

const alt = (words: Iterable<string>) => [...words].sort((a, b) => b.length - a.length).join('|');

const UNIT_WORDS = alt(Object.keys(UNITS));
const TEN_WORDS = alt(Object.keys(TENS));
/** "thirty-four", "thirty four", "eight", "twelve" (1-99). */
const SMALL = `(?:(?:${TEN_WORDS})(?:[- ](?:${alt(Object.keys(UNITS).filter((w) => UNITS[w]! < 10 && UNITS[w]! > 0))}))?|${UNIT_WORDS})`;
/** "one hundred and twenty", "a hundred", "three hundred". */
const HUNDREDS = `(?:(?:${SMALL}|a)[- ]hundred(?:(?: and | |-)${SMALL})?|${SMALL})`;

/**
 * A spelled-out number, case-insensitive, up to the thousands: "eight", "Thirty-four",
 * "one hundred and twenty", "two thousand five hundred". Larger scales are multipliers.
 */
export const SPELLED_SOURCE = `(?:${HUNDREDS}(?:[- ]thousand(?:(?: and | )${HUNDREDS})?)?)`;

/**
 * Digits as written in news: "34", "34.5", "1,234.5", ".125", and wire fractions
 * "7-1/2", "7 1/2", "1/4", "66-2/3" (denominators 2-64 in powers of two, and thirds after a whole
 * number, so dates like 3/11 stay out).
 */
export const DIGITS_SOURCE =
  String.raw`(?:(?:\d{1,3}(?:,\d{3})+|\d+)(?:[- ](?:[1-9]\d?/(?:2|4|8|16|32|64)|[12]/3)(?!\d)|\.\d+)?|\.\d+|[1-9]\d?/(?:2|4|8|16|32|64)(?!\d))`;

/** Either form; spelled numbers must stand as whole words (the caller adds `\b` where needed). */
export const NUMBER_SOURCE = `(?:${DIGITS_SOURCE}|\\b${SPELLED_SOURCE}\\b)`;

/** Scale words that may follow a number with a space or hyphen ("25 mln", "10-billion"). */
export const MULTIPLIER_SPACED_SOURCE = alt(Object.keys(MULTIPLIERS).filter((w) => !MULTIPLIERS[w]!.attachedOnly));
/** All scale words, for use directly after the digits ("£3m", "$10bn"). */
export const MULTIPLIER_ATTACHED_SOURCE = alt(Object.keys(MULTIPLIERS));

/** A number followed by an optional scale: "2.5 billion", "£3m" (without the £), "five million". */
export const SCALED_NUMBER_SOURCE =
  `(?:${NUMBER_SOURCE}(?:(?:${MULTIPLIER_ATTACHED_SOURCE})(?![A-Za-z])|[ -](?:${MULTIPLIER_SPACED_SOURCE})\\b)?)`;

/** Parse a spelled-out number ("one hundred and twenty" -> 120); NaN if any word is not a number word. */
export function parseSpelled(s: string): number {
  let total = 0;
  let current = 0;
  let seen = false;
  for (const raw of s.toLowerCase().split(/[\s-]+/)) {
    if (!raw || raw === 'and') continue;
    if (raw === 'a' || raw === 'an') {
      // "a hundred", "a quarter"; after a fraction it is filler: "half a million".
      if (!seen) current = 1;
      seen = true;
      continue;
    }
    if (raw === 'of') continue;
    const f = FRACTIONS[raw];
    if (f !== undefined) {
      current = (current || 1) * f;
      seen = true;
      continue;
    }
    const u = UNITS[raw] ?? TENS[raw];
    if (u !== undefined) {
      current += u;
      seen = true;
    } else if (raw === 'hundred') {
      current = (current || 1) * 100;
      seen = true;
    } else if (raw === 'thousand') {
      total += (current || 1) * 1000;
      current = 0;
      seen = true;
    } else {
      const m = MULTIPLIERS[raw];
      if (!m) return NaN;
      total = (total + (current || 1)) * m.factor;
      current = 0;
      seen = true;
    }
  }
  // "a million billion trillion" multiplies past any amount
  return seen ? saneQuantity(total + current) : NaN;
}

/** Parse digits as written: "1,234.5" -> 1234.5; ".125"; "7-1/2" -> 7.5; "3/4" -> 0.75. NaN if not a number. */
export function parseDigits(s: string): number {
  const frac = /^(?:(\d+)[- ])?(\d+)\/(\d+)$/.exec(s);
  if (frac) {
    const whole = frac[1] ? Number(frac[1]) : 0;
    const den = Number(frac[3]);
    return den ? saneQuantity(roundFloat(whole + Number(frac[2]) / den)) : NaN;
  }
  if (!/^(?:\d[\d,]*(?:\.\d+)?|\.\d+)$/.test(s)) return NaN;
  // "1000...0" with 400 digits is Infinity as a double
  return saneQuantity(Number(s.replace(/,/g, '')));
}

/** Parse one number as matched by NUMBER_SOURCE, digits or words. */
export function parseNumber(s: string): number {
  const t = s.trim();
  return /^[\d.]/.test(t) ? parseDigits(t) : parseSpelled(t);
}

const SCALED_SPLIT = new RegExp(`^(${NUMBER_SOURCE})[ -]?(?:(${MULTIPLIER_ATTACHED_SOURCE}))?$`, 'i');

/** Parse a number with an optional scale word: "2.5 billion" -> 2.5e9, "3m" -> 3e6, "five million" -> 5e6. */
export function parseScaled(s: string): number {
  const m = SCALED_SPLIT.exec(s.trim());
  if (!m) return NaN;
  const base = parseNumber(m[1]!);
  const scale = m[2] ? (MULTIPLIERS[m[2].toLowerCase()]?.factor ?? NaN) : 1;
  return saneQuantity(roundFloat(base * scale));
}

/** Remove binary floating-point noise: 2.38 * 1e9 -> 2380000000, 1.2 / 100 -> 0.012. */
export function roundFloat(x: number): number {
  // A whole number of up to 12 digits is its own 12-digit rounding (the common case: no string
  // round trip). Zero goes the long way, so -0 still comes out as 0.
  if (Number.isInteger(x) && x !== 0 && x < 1e12 && x > -1e12) return x;
  return Number.isFinite(x) ? Number(x.toPrecision(12)) : x;
}

/** A number found in text: offsets into the string searched, UTF-16, end exclusive. */
export interface NumberMatch {
  start: number;
  end: number;
  text: string;
  /** The value with any scale applied: "2.5 billion" -> 2500000000. */
  value: number;
}

const FIND_NUMBERS = new RegExp(`(?<![\\w.,/])${SCALED_NUMBER_SOURCE}(?![\\w/]|[.,]\\d)`, 'gi');

/**
 * Every number in `s`, with its scale: "sold 1,200 cars for 2.5 billion" -> 1200, 2500000000.
 * Spelled numbers count too ("eight"), so callers that want quantities should look at what follows.
 */
export function findNumbers(s: string): NumberMatch[] {
  const out: NumberMatch[] = [];
  FIND_NUMBERS.lastIndex = 0;
  for (let m = FIND_NUMBERS.exec(s); m; m = FIND_NUMBERS.exec(s)) {
    if (!m[0]) {
      FIND_NUMBERS.lastIndex++;
      continue;
    }
    const value = parseScaled(m[0]);
    if (Number.isNaN(value)) continue;
    out.push({ start: m.index, end: m.index + m[0].length, text: m[0], value });
  }
  return out;
}

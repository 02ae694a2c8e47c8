/**
 * Publication dates as pages and feeds write them, normalised to what the Article schema accepts:
 * an ISO datetime with an offset ("2025-01-22T10:30:00+01:00", "...Z") when the source gives a time
 * AND a zone, else an ISO date ("2025-01-22"). We never invent a zone: a time without one is
 * dropped and the date kept. Anything we cannot read with confidence gives null.
 *
 * An impossible day ("2023-02-29", "February 30, 2024", "April 31") is never rolled over into the
 * next month: normaliseDate gives null, and calendarProblem says why. What a reader does with that
 * follows its convention for any bad date: a JSON publishedAt is a field the schema checks, so an
 * impossible one is an InputError naming the input and the field; the text and HTML readers take
 * dates leniently (page metadata offers several candidates, and the next is tried), so there it
 * is null, as any unreadable date is.
 */

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10,
  nov: 11, november: 11, dec: 12, december: 12,
};

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const pad = (n: number | string, w = 2) => String(n).padStart(w, '0');

/** Days in month m (1-12) of year y, leap years included. */
const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

function isoDate(y: number, m: number, d: number): string | null {
  if (y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1) return null;
  if (d > daysIn(y, m)) return null;
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

/** "+0100" -> "+01:00", "+01" -> "+01:00", "Z"/"UTC"/"GMT" -> "Z"; null when not a zone. */
function zone(z: string | undefined): string | null {
  if (!z) return null;
  const u = z.toUpperCase();
  if (u === 'Z' || u === 'UTC' || u === 'GMT') return 'Z';
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(z);
  if (!m) return null;
  const hh = Number(m[2]);
  const mm = Number(m[3] ?? '0');
  if (hh > 23 || mm > 59) return null;
  return `${m[1]}${pad(hh)}:${pad(mm)}`;
}

function withTime(date: string, hh: string, mi: string, ss: string | undefined, frac: string | undefined, z: string | null): string {
  if (!z || Number(hh) > 23 || Number(mi) > 59 || Number(ss ?? '0') > 59) return date;
  return `${date}T${hh}:${mi}:${ss ?? '00'}${frac ?? ''}${z}`;
}

// 2025-01-22 | 2025-01-22T10:30:00Z | 2025-01-22T10:30:00.123+0100 | 2025-01-22 10:30 +01:00 | 2025/01/22
const ISO_RE =
  /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T\s]+(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?)?$/i;
// 20250122 (some CMS "date" metas)
const COMPACT_RE = /^(\d{4})(\d{2})(\d{2})$/;
// Wed, 22 Jan 2025 10:30:00 GMT | 22 January 2025 | 22 Jan. 2025 10:30 +0000
const DMY_RE =
  /^(?:[a-z]+\.?,?\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\.?,?\s+(\d{4})(?:,?\s+(?:at\s+)?(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2})?)?$/i;
// January 22, 2025 | Jan. 22 2025 | Wednesday, January 22, 2025 10:30 UTC
const MDY_RE =
  /^(?:[a-z]+\.?,?\s+)?([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?:,?\s+(?:at\s+)?(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2})?)?$/i;

export function normaliseDate(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const s = raw.trim().replace(/\s+/g, ' ');
  let m = ISO_RE.exec(s);
  if (m) {
    const date = isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
    if (!date) return null;
    if (m[4] === undefined || m[5] === undefined) return date;
    return withTime(date, m[4], m[5], m[6], m[7], zone(m[8]));
  }
  m = COMPACT_RE.exec(s);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = DMY_RE.exec(s);
  if (m) return named(m[3]!, m[2]!, m[1]!, m[4], m[5], m[6], m[7]);
  m = MDY_RE.exec(s);
  if (m) return named(m[3]!, m[1]!, m[2]!, m[4], m[5], m[6], m[7]);
  return null;
}

/**
 * Why a date in one of the forms normaliseDate reads is not a day of the calendar, or null (a real
 * day, or not a form we read):
 *   "2023-02-29"       -> "February 2023 has 28 days"
 *   "April 31, 2024"   -> "April has 30 days"
 *   "2024-13-01"       -> "there is no month 13"
 */
export function calendarProblem(raw: string): string | null {
  const s = raw.trim().replace(/\s+/g, ' ');
  let ymd: [number, number | undefined, number];
  let m = ISO_RE.exec(s) ?? COMPACT_RE.exec(s);
  if (m) ymd = [Number(m[1]), Number(m[2]), Number(m[3])];
  else if ((m = DMY_RE.exec(s))) ymd = [Number(m[3]), MONTHS[m[2]!.toLowerCase()], Number(m[1])];
  else if ((m = MDY_RE.exec(s))) ymd = [Number(m[3]), MONTHS[m[1]!.toLowerCase()], Number(m[2])];
  else return null;
  const [y, mo, d] = ymd;
  if (mo === undefined) return null; // "22 Smarch 2025": no month name, no date at all
  if (mo < 1 || mo > 12) return `there is no month ${mo}`;
  if (d < 1) return 'there is no day 0';
  const days = daysIn(y, mo);
  if (d <= days) return null;
  return mo === 2 ? `February ${y} has ${days} days` : `${MONTH_NAMES[mo - 1]} has ${days} days`;
}

function named(y: string, mon: string, d: string, hh?: string, mi?: string, ss?: string, z?: string): string | null {
  const month = MONTHS[mon.toLowerCase()];
  if (!month) return null;
  const date = isoDate(Number(y), month, Number(d));
  if (!date || hh === undefined || mi === undefined) return date;
  return withTime(date, pad(hh), mi, ss, undefined, zone(z));
}

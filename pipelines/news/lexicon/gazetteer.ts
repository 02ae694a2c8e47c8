/**
 * The SEC company list (lexicon/data/sec-company-tickers.json) as a lookup keyed by name key
 * (lexicon/names.ts): one Map, built once at module load; a lookup is one hash probe per
 * candidate span, whatever the size of the list. The compiled build reads the cleaned, keyed list
 * prepared at build time (prepared.ts) instead of cleaning 10,000 filing names at every start.
 *
 * Filing-style names are cleaned for display:
 *   "AMAZON COM INC"              -> "Amazon.com"        (key "amazon com", short form "amazon")
 *   "COSTCO WHOLESALE CORP /NEW"  -> "Costco Wholesale"  (short form "costco")
 *   "WELLS FARGO & COMPANY/MN"    -> "Wells Fargo"
 *   "INTERNATIONAL BUSINESS MACHINES CORP" -> "International Business Machines"
 */
import { readFileSync } from 'node:fs';
import { TITLE_CASE_LEGAL_FORMS } from './legal-forms.ts';
import { displayName, nameKey } from './names.ts';
import { DEMONYMS, FIRST_NAMES, LAST_NAMES, PLACES, isCommonWord } from './words.ts';
import { readPrepared } from './prepared.ts';

export interface GazetteerEntry {
  /** Display name, legal suffix dropped. */
  name: string;
  ticker: string;
  cik: number;
  /** Position in the SEC list (roughly by market value; 0 = largest). */
  rank: number;
  /** True when the key is a short form ("costco" for Costco Wholesale), not the full name. */
  short: boolean;
}

interface SecRow {
  cik_str: number;
  ticker: string;
  title: string;
}

/** Acronyms that stay upper case when an all-caps filing name is title-cased. */
const KEEP_UPPER = /^(?:[A-Z]{1,3}|[A-Z]+&[A-Z]+|[A-Z0-9]*\d[A-Z0-9]*|[BCDFGHJKLMNPQRSTVWXZ]+)$/;

const LOWER_IN_TITLE = new Set(['and', 'of', 'the', 'de', 'for', 'in', 'on']);

function titleCase(word: string): string {
  const lower = word.toLowerCase();
  if (LOWER_IN_TITLE.has(lower)) return lower;
  if (TITLE_CASE_LEGAL_FORMS.has(lower)) return word[0] + lower.slice(1);
  if (word.length <= 2 || (KEEP_UPPER.test(word) && !isCommonWord(lower))) return word;
  return word
    .toLowerCase()
    .replace(/(^|[-'.])([a-z])/g, (_m, p: string, c: string) => p + c.toUpperCase())
    .replace(/^Mc([a-z])/, (_m, c: string) => 'Mc' + c.toUpperCase());
}

/** "COSTCO WHOLESALE CORP /NEW" -> "Costco Wholesale Corp"; "AMAZON COM INC" -> "Amazon.com Inc". */
export function cleanFilingName(title: string): string {
  let t = title;
  // Qualifiers after a slash: "/NEW", "/DE/", "/ADR", "\DE\", "/ MA"
  for (let i = 0; i < 2; i++) t = t.replace(/\s*[/\\]\s*[A-Za-z ]{0,8}[/\\]?\s*$/, '');
  t = t.replace(/,/g, ' ').replace(/\s+/g, ' ').trim();
  const words = t.split(' ');
  const allCaps = !/[a-z]/.test(t);
  const out: string[] = [];
  for (const w of words) {
    if (w === 'COM' && out.length > 0) {
      out[out.length - 1] += '.com';
      continue;
    }
    out.push(allCaps ? titleCase(w) : w);
  }
  return out.join(' ');
}

/**
 * The lookup as data, for the build to write prepared (prepared.ts): the full names in map order
 * as [key, name, ticker, cik, rank], then the short forms as [key, index of their full entry].
 */
export interface GazetteerTable {
  maxTokens: number;
  entries: [key: string, name: string, ticker: string, cik: number, rank: number][];
  shorts: [key: string, entry: number][];
}

/** Clean and key every row of the SEC list, then pick the short forms. */
export function computeGazetteerTable(): GazetteerTable {
  const rows = JSON.parse(readFileSync(new URL('./data/sec-company-tickers.json', import.meta.url), 'utf8')) as Record<
    string,
    SecRow
  >;
  const firstTokenCount = new Map<string, number>();
  const entries: { key: string; e: GazetteerEntry }[] = [];
  let rank = 0;
  for (const row of Object.values(rows)) {
    const cleaned = cleanFilingName(row.title);
    const key = nameKey(cleaned);
    if (!key) continue;
    const e: GazetteerEntry = { name: displayName(cleaned), ticker: row.ticker, cik: row.cik_str, rank: rank++, short: false };
    entries.push({ key, e });
    const first = key.split(' ')[0]!;
    firstTokenCount.set(first, (firstTokenCount.get(first) ?? 0) + 1);
  }
  const table: GazetteerTable = { maxTokens: 1, entries: [], shorts: [] };
  const index = new Map<string, number>();
  for (const { key, e } of entries) {
    if (!index.has(key)) {
      index.set(key, table.entries.length);
      table.entries.push([key, e.name, e.ticker, e.cik, e.rank]);
    }
    table.maxTokens = Math.max(table.maxTokens, key.split(' ').length);
  }
  // Short forms: the first word of a multi-word name, when it is distinctive ("costco",
  // "novartis"), names one listed company only, and that company is not a tiny one.
  for (const { key, e } of entries) {
    const t = key.split(' ');
    if (t.length < 2 || e.rank > 3000) continue;
    const first = t[0]!;
    if (first.length < 4 || firstTokenCount.get(first) !== 1 || index.has(first)) continue;
    if (isCommonWord(first) || FIRST_NAMES.has(first) || LAST_NAMES.has(first) || PLACES.has(first) || DEMONYMS.has(first))
      continue;
    index.set(first, -1);
    table.shorts.push([first, index.get(key)!]);
  }
  return table;
}

const BY_KEY = new Map<string, GazetteerEntry>();
const TABLE: GazetteerTable = readPrepared<GazetteerTable>('gazetteer') ?? computeGazetteerTable();
const full: GazetteerEntry[] = TABLE.entries.map(([key, name, ticker, cik, rank]) => {
  const e: GazetteerEntry = { name, ticker, cik, rank, short: false };
  BY_KEY.set(key, e);
  return e;
});
for (const [key, i] of TABLE.shorts) BY_KEY.set(key, { ...full[i]!, short: true });
const maxTokens = TABLE.maxTokens;

/** The listed company with this name key ("microsoft", "wells fargo"), if any. */
export function gazetteerLookup(key: string): GazetteerEntry | undefined {
  return BY_KEY.get(key);
}

/** Longest name in the list, in key tokens: a bound for span lookups. */
export const GAZETTEER_MAX_TOKENS = maxTokens;
export const GAZETTEER_SIZE = BY_KEY.size;

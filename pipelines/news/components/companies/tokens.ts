/**
 * Tokens of the company recogniser and the small questions asked of them: is this word a
 * designator, a person title, an initial; what is the name key of a run of tokens. One tokenising
 * pass over `norm`, linear in the text.
 */
import type { Doc } from '../../doc.ts';
import { curatedCompany, isGuarded } from '../../lexicon/aliases.ts';
import { gazetteerLookup } from '../../lexicon/gazetteer.ts';
import { DESIGNATORS, nameKey } from '../../lexicon/names.ts';
import { LEGAL_SUFFIXES, UPPER_CASE_DESIGNATORS } from '../../lexicon/legal-forms.ts';
import { DEMONYMS, NATIONALITIES, PLACES, isCommonWord } from '../../lexicon/words.ts';
import { COMBINING_PREFIXES, COMPANY_HEAD_PAIRS, MODIFIER_TAILS, PERSON_TITLES } from '../../lexicon/cues.ts';
import { COMPOUND_CODES, DOTCOM_ENDINGS, HYPHEN_TAILS, INITIALS_SKIP, NUMBER_UNITS } from '../../lexicon/name-words.ts';
import type { CompanyToken as Tok } from './types.ts';

// "U.S.", "W.R." | words with inner ' & . - / ("AT&T", "Amazon.com", "Wal-Mart's") | punctuation
const TOKEN_RE = /(?:[A-Za-z]\.){2,}|[\p{L}\p{N}]+(?:['&.\-/][\p{L}\p{N}]+)*|\S/gu;
// "Acme", "eBay", "iPod", "easyJet", "3Com", "7digital" (not "10am", "5th", "3bn")
const CAP_RE = new RegExp(`^(?:[A-Z]|[a-z]{1,4}[A-Z]|\\d+(?!(?:${NUMBER_UNITS.join('|')})$)[A-Za-z]*[a-z])`);
/** CAP_RE.test(w), with the letter cases answered from the character codes (digits go to the regexp). */
function isCapWord(w: string): boolean {
  const c0 = w.charCodeAt(0);
  if (c0 >= 65 && c0 <= 90) return true; // "Acme"
  if (c0 >= 97 && c0 <= 122) {
    // "eBay", "iPod", "voIP", "airBaltic", "easyJet": up to four lower-case letters, then a capital
    for (let i = 1; i <= 4 && i < w.length; i++) {
      const c = w.charCodeAt(i);
      if (c >= 65 && c <= 90) return true;
      if (c < 97 || c > 122) return false;
    }
    return false;
  }
  return c0 >= 48 && c0 <= 57 && CAP_RE.test(w);
}
/** "Foobar.com" (a name), "foobar com" (its key), "Foobar.com" against "Foobar" (a form). */
const DOTCOM_ALT = DOTCOM_ENDINGS.map((e) => e.replace(/\./g, '\\.')).join('|');
export const DOTCOM_NAME_RE = new RegExp(`^[A-Za-z][A-Za-z0-9-]*\\.(?:${DOTCOM_ALT})$`);
export const DOTCOM_KEY_RE = new RegExp(`^(.+) (?:${DOTCOM_ENDINGS.map((e) => e.replace(/\./g, ' ')).join('|')})$`);
export const DOTCOM_END_RE = new RegExp(`\\.(?:${DOTCOM_ALT})$`, 'i');
/** "NEws": a typing slip, not a name. */
const GARBLED_RE = /^[A-Z]{2}[a-z]+$/;

/** "Macy's" is a name; "GM's" is GM's: a listed or curated name that ends in "'s". */
function isKnownName(x: string): boolean {
  const k = nameKey(x);
  return gazetteerLookup(k) !== undefined || curatedCompany(k) !== undefined;
}

const WORD_START_RE = /[\p{L}\p{N}]/u;
const NAME_PAIR_RE = /^([A-Z][\w.&]*)[-/]([A-Z][\w.&]*)$/;
const NAME_PREFIX_RE = /^(?:ex|pro|anti|non|post|pre|former|then|once|all|un)-(?=[A-Z])/;
const HYPHEN_TAIL_RE = /^(.*[A-Za-z0-9])-([a-z]+)$/;

/** Does a token start with a letter or digit? ASCII answered without the Unicode regexp. */
function startsWord(w: string): boolean {
  const c = w.charCodeAt(0);
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return WORD_START_RE.test(w[0]!);
}

export function tokenize(doc: Doc): Tok[] {
  const norm = doc.norm;
  const sents = doc.sentences;
  const toks: Tok[] = [];
  let si = 0;
  let lastSent = -1;
  let prevWord: Tok | null = null;
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(norm); m !== null; m = TOKEN_RE.exec(norm)) {
    const s = m.index;
    let w = m[0];
    let e = s + w.length;
    while (si < sents.length && s >= sents[si]!.end) si++;
    const sent = si < sents.length && s >= sents[si]!.start ? si : Math.max(0, si - 1);
    const word = startsWord(w);
    // "an ex-Acme employee", "pro-Acme", "non-Acme": the name after a lower-case prefix is a token
    // of its own (the prefix is no part of any name)
    if (word && w.charCodeAt(0) >= 97 && w.includes('-')) {
      const pre = NAME_PREFIX_RE.exec(w);
      if (pre) {
        TOKEN_RE.lastIndex = s + pre[0].length;
        continue;
      }
    }
    // "the Acme-Widget merger", "the Acme/Widget deal": two known names joined are two tokens
    // (not "Coca-Cola" nor "Mercedes-Benz": the whole is no pair of known names, or is one itself)
    if (word && (w.includes('-') || w.includes('/'))) {
      const pair = NAME_PAIR_RE.exec(w.replace(/'s$/i, ''));
      // (a name that goes on is one name: "Acme-Widget Supercomputers", a venture of the two)
      const goesOn = /^ [A-Z][a-z]/.test(norm.slice(e, e + 3));
      if (pair && !goesOn && isKnownName(pair[1]!) && isKnownName(pair[2]!) && !isKnownName(pair[0])) {
        w = pair[1]!;
        e = s + w.length;
        TOKEN_RE.lastIndex = e;
      }
    }
    let poss = false;
    let tail = '';
    if (word) {
      const n = w.length;
      if (n > 2 && w.charCodeAt(n - 2) === 39 /* ' */ && (w[n - 1] === 's' || w[n - 1] === 'S')) {
        // "Acme's shares" -> "Acme" + possessive; but in "Foo's, Bar's and Baz's" (shop names)
        // the "'s" belongs to the name: nothing follows that it could own.
        const after = norm.slice(e, e + 6);
        const listed = /^\s*(?:[,;]|and\b|or\b)/.test(after);
        // "Macy's" is a name; "GM's" is GM's
        const known = !listed && isKnownName(w) && !isKnownName(w.slice(0, -2));
        if (!listed && !known) {
          poss = true;
          w = w.slice(0, -2);
          e -= 2;
        }
      }
      // "Acme-owned", "London-based": split off a lower-case tail after a capitalised head.
      const h = w.includes('-') ? HYPHEN_TAIL_RE.exec(w) : null;
      // "Trouble-hit Acme", "Debt-laden Foo": an irregular participle or adjective tail too
      if (h && CAP_RE.test(h[1]!) && (HYPHEN_TAILS.has(h[2]!) || MODIFIER_TAILS.has(h[2]!) || /(?:ed|ing)$/.test(h[2]!))) {
        tail = h[2]!;
        w = h[1]!;
        e = s + w.length;
      }
    }
    const prev = toks[toks.length - 1];
    const start =
      word &&
      (sent !== lastSent ||
        prevWord === null ||
        (prev !== undefined && !prev.word && (prev.w === '"' || prev.w === ':' || prev.w === '(' || (prev.w === '-' && prev.e < s))));
    const t: Tok = { s, e, w, lower: w.toLowerCase(), word, cap: word && isCapWord(w) && !GARBLED_RE.test(w), poss, tail, sent, start };
    toks.push(t);
    if (word) {
      prevWord = t;
      lastSent = sent;
    }
  }
  return toks;
}

/**
 * "Pan-European", "US-German", "Anglo-Dutch", "Sino-Ruritanian": a hyphenated compound of
 * nationalities, places and combining forms is an adjective, not a name (at least one part is a
 * nationality or place, so "Trans-Acme" is not one). `adjectival`: nationalities and country
 * codes only ("Anglo-Ruritanian", not "Franco-Ruritania").
 */
export function isModifierCompound(w: string, adjectival = false): boolean {
  if (!w.includes('-')) return false;
  const parts = w.toLowerCase().split('-');
  if (parts.length < 2) return false;
  let nation = false;
  for (const p of parts) {
    if (NATIONALITIES.has(p) || COMPOUND_CODES.has(p) || (!adjectival && (DEMONYMS.has(p) || PLACES.has(p)))) nation = true;
    else if (!COMBINING_PREFIXES.has(p)) return false;
  }
  return nation;
}

export function isInitial(toks: Tok[], i: number): boolean {
  const t = toks[i];
  return t !== undefined && t.word && /^[A-Z]$/.test(t.w) && toks[i + 1]?.w === '.';
}

export function isDesignator(t: Tok | undefined): boolean {
  // "Acme Mining NL" (Australian "no liability"; not "N.L.", initials)
  return t !== undefined && (DESIGNATORS.has(t.lower.includes('.') ? t.lower.replace(/\./g, '') : t.lower) || UPPER_CASE_DESIGNATORS.has(t.w));
}

export function spanKey(toks: Tok[], a: number, b: number): string {
  return nameKey(textOf(toks, a, b));
}

export function textOf(toks: Tok[], a: number, b: number): string {
  let out = '';
  for (let i = a; i < b; i++) {
    const t = toks[i]!;
    if (i > a && t.s > toks[i - 1]!.e + (toks[i - 1]!.poss ? 2 : 0)) out += ' ';
    out += t.w + (t.poss && i < b - 1 ? "'s" : '');
  }
  return out;
}

/** The letters of an acronym in brackets at token p ("(S&N)" -> "sn"), or null. */
export function acronymAfter(toks: Tok[], p: number): string | null {
  const ac = toks[p + 1];
  if (toks[p]?.w !== '(' || toks[p + 2]?.w !== ')' || !ac || !/^[A-Z][A-Z&]{1,7}$/.test(ac.w)) return null;
  return ac.lower.replace(/[^a-z]/g, '');
}

export function knownKey(key: string): boolean {
  return curatedCompany(key) !== undefined || (gazetteerLookup(key)?.short === false && !isGuarded(key));
}

export function isTitleTok(t: Tok | undefined): boolean {
  if (t === undefined || !t.word) return false;
  // "Vice-President Jane Doe", "Co-Founder"
  const w = t.lower.replace(/\.$/, '');
  return PERSON_TITLES.has(w) || (w.includes('-') && PERSON_TITLES.has(w.slice(w.lastIndexOf('-') + 1)));
}

/** "EVA", "SAS": an acronym in capitals is no first name or ordinary word. */
export function isAcronymTok(t: Tok): boolean {
  return t.w.length >= 3 && /^[A-Z]+$/.test(t.w);
}

/** Every word token of toks[a..b) passes `test` (punctuation is skipped). */
export function allWords(toks: Tok[], a: number, b: number, test: (t: Tok) => boolean): boolean {
  for (let i = a; i < b; i++) {
    const t = toks[i]!;
    if (t.word && !test(t)) return false;
  }
  return true;
}

export function initialsOf(surface: string): string {
  return surface
    .split(/[\s-]+/)
    // "Acme (Pacific) Ltd" -> "apl"
    .map((w) => w.replace(/^\(|\)$/g, ''))
    .filter((w) => w && !INITIALS_SKIP.has(w) && /^[A-Za-z]/.test(w))
    .map((w) => w[0]!.toLowerCase())
    .join('');
}

const HEAD_PAIR_LAST: ReadonlySet<string> = new Set([...COMPANY_HEAD_PAIRS].map((p) => p.slice(p.lastIndexOf(' ') + 1)));
/** "Acme Savings and Loan Association", "Foo Building Society": a business despite its last word. */
export function companyHeadPair(toks: Tok[], b: number): boolean {
  const x = toks[b - 2];
  return x !== undefined && b >= 2 && HEAD_PAIR_LAST.has(toks[b - 1]!.lower) && COMPANY_HEAD_PAIRS.has(`${x.lower} ${toks[b - 1]!.lower}`);
}

export const isLegalSuffixTok = (t: Tok) => LEGAL_SUFFIXES.has(t.lower.replace(/\./g, ''));
export const isPlaceTok = (t: Tok) => PLACES.has(t.lower.replace(/\.$/, '')) || NATIONALITIES.has(t.lower);
export const isNotPlaceTok = (t: Tok) => !isPlaceTok(t);
export const isGenericTok = (t: Tok) => isPlaceTok(t) || isDesignator(t) || (isCommonWord(t.lower) && t.w.length > 2);
export const isPlaceWord = (w: string) => PLACES.has(w) || DEMONYMS.has(w);

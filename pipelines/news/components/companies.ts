/**
 * Company recognition. Linear in the text: one tokenising pass, one pass that groups capitalised
 * words into candidate names, constant-size lookups per candidate (curated aliases, the SEC
 * gazetteer, word lists: all hash maps built once at module load), then a merge of the surface
 * forms of one company into one entity.
 *
 * A candidate counts as a company on its own evidence (curated name, listed name, a corporate
 * designator such as "Corp" or "Airlines", angle brackets in wire copy, a ticker after it) or on a
 * company cue around one of its mentions ("oil firm X", "X shares", "stake in X", "X's chief
 * executive"). Once a name is a company in an article, its other mentions, short forms
 * ("Acme Corp" ... "Acme"), acronyms ("Acme Widget Systems (AWS)") and possessives count too.
 */
import type { Component } from '../doc.ts';
import type { CompanyEntity, CompanyMention, Doc } from '../doc.ts';
import { slug } from '../../../src/util/ids.ts';
import { curatedCompany, isGuarded, isNotCompany, isProduct } from '../lexicon/aliases.ts';
import type { CuratedCompany } from '../lexicon/aliases.ts';
import { gazetteerLookup } from '../lexicon/gazetteer.ts';
import type { GazetteerEntry } from '../lexicon/gazetteer.ts';
import { DESIGNATORS, WEAK_DESIGNATORS, displayName, nameKey } from '../lexicon/names.ts';
import {
  AFTER_COMMA_LEGAL_FORMS,
  FINAL_LEGAL_FORMS,
  GROUP_LEGAL_FORMS,
  LEGAL_SUFFIXES,
  PARTNER_LEGAL_FORMS,
  PARTNER_WORDS,
  UPPER_CASE_DESIGNATORS,
  isOwnLegalForm,
  withoutFinalDot,
} from '../lexicon/legal-forms.ts';
import {
  DATE_WORDS,
  DEMONYMS,
  FIRST_NAMES,
  LAST_NAMES,
  LEXICON_ORGS,
  NATIONALITIES,
  PLACES,
  isCommonWord,
  isFunctionWord,
  isLexiconWord,
} from '../lexicon/words.ts';
import {
  ANALYST_NOUNS,
  APPOSITIVE_OPENERS,
  APPOSITIVE_TITLES,
  AUXILIARIES,
  AUX_VERBS,
  BASED_TAILS,
  BODY_NOUNS_AFTER,
  BUSINESS_ONLY_HEADS,
  COMBINING_PREFIXES,
  COMPANY_HEAD_PAIRS,
  HEAD_NOUNS,
  INDEFINITE_ARTICLES,
  IT_PRONOUNS,
  KIN_NOUNS,
  LEFT_PHRASES,
  LIST_SEPARATORS,
  MODIFIER_TAILS,
  NON_COMPANY_HEADS,
  NON_COMPANY_PAIRS,
  OWNED_TAILS,
  OWNERSHIP_SUFFIXES,
  PARTNERSHIP_NOUNS,
  PERSON_NOUNS,
  PERSON_TITLES,
  PLURAL_HEADS,
  POLITICAL_NOUNS,
  POSSESSIVE_NOUNS,
  PRODUCT_NOUNS,
  RIGHT_NOUNS,
  RIGHT_VERBS,
  SAY_VERBS,
  SECTOR_WORDS,
  WEAK_HEAD_NOUNS,
} from '../lexicon/cues.ts';
import {
  COMPOUND_CODES,
  COUNTRY_CODES,
  DOTCOM_ENDINGS,
  FOR_JOINING_HEADS,
  HYPHEN_TAILS,
  INITIALS_SKIP,
  LEADING_FUNCTION_WORDS,
  LOCATIVE_TAILS,
  NUMBER_UNITS,
  OF_JOINING_HEADS,
  OPENING_PARTICLES,
  PARTICLES,
  TRAILING_NON_NAME,
} from '../lexicon/name-words.ts';

// ---------------------------------------------------------------------------------------------
// Tokens

interface Tok {
  s: number;
  e: number;
  /** Text from norm, possessive "'s" removed. */
  w: string;
  lower: string;
  word: boolean;
  cap: boolean;
  /** Followed by "'s" (kept out of s..e). */
  poss: boolean;
  /** "Acme-owned": the head "Acme" is w; the lower-case tail is here. */
  tail: string;
  sent: number;
  /** First word of its sentence or of a quotation: capitalisation says nothing there. */
  start: boolean;
}

// "U.S.", "W.R." | words with inner ' & . - / ("AT&T", "Amazon.com", "Wal-Mart's") | punctuation
const TOKEN_RE = /(?:[A-Za-z]\.){2,}|[\p{L}\p{N}]+(?:['&.\-/][\p{L}\p{N}]+)*|\S/gu;
// "Acme", "eBay", "iPod", "3Com", "7digital" (not "10am", "5th", "3bn")
const CAP_RE = new RegExp(`^(?:[A-Z]|[a-z]{1,2}[A-Z]|\\d+(?!(?:${NUMBER_UNITS.join('|')})$)[A-Za-z]*[a-z])`);
/** CAP_RE.test(w), with the letter cases answered from the character codes (digits go to the regexp). */
function isCapWord(w: string): boolean {
  const c0 = w.charCodeAt(0);
  if (c0 >= 65 && c0 <= 90) return true; // "Acme"
  if (c0 >= 97 && c0 <= 122) {
    // "eBay", "iPod", "voIP"
    const c1 = w.charCodeAt(1);
    if (c1 >= 65 && c1 <= 90) return true;
    const c2 = w.charCodeAt(2);
    return c1 >= 97 && c1 <= 122 && c2 >= 65 && c2 <= 90;
  }
  return c0 >= 48 && c0 <= 57 && CAP_RE.test(w);
}
/** "Foobar.com" (a name), "foobar com" (its key), "Foobar.com" against "Foobar" (a form). */
const DOTCOM_ALT = DOTCOM_ENDINGS.map((e) => e.replace(/\./g, '\\.')).join('|');
const DOTCOM_NAME_RE = new RegExp(`^[A-Za-z][A-Za-z0-9-]*\\.(?:${DOTCOM_ALT})$`);
const DOTCOM_KEY_RE = new RegExp(`^(.+) (?:${DOTCOM_ENDINGS.map((e) => e.replace(/\./g, ' ')).join('|')})$`);
const DOTCOM_END_RE = new RegExp(`\\.(?:${DOTCOM_ALT})$`, 'i');
/** "NEws": a typing slip, not a name. */
const GARBLED_RE = /^[A-Z]{2}[a-z]+$/;

/** "Macy's" is a name; "GM's" is GM's: a listed or curated name that ends in "'s". */
function isKnownName(x: string): boolean {
  const k = nameKey(x);
  return gazetteerLookup(k) !== undefined || curatedCompany(k) !== undefined;
}

const WORD_START_RE = /[\p{L}\p{N}]/u;
const HYPHEN_TAIL_RE = /^(.*[A-Za-z0-9])-([a-z]+)$/;

/** Does a token start with a letter or digit? ASCII answered without the Unicode regexp. */
function startsWord(w: string): boolean {
  const c = w.charCodeAt(0);
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return WORD_START_RE.test(w[0]!);
}

function tokenize(doc: Doc): Tok[] {
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
        (prev !== undefined && !prev.word && (prev.w === '"' || prev.w === ':' || prev.w === '(' || prev.w === '-')));
    const t: Tok = { s, e, w, lower: w.toLowerCase(), word, cap: word && isCapWord(w) && !GARBLED_RE.test(w), poss, tail, sent, start };
    toks.push(t);
    if (word) {
      prevWord = t;
      lastSent = sent;
    }
  }
  return toks;
}

// ---------------------------------------------------------------------------------------------
// Candidate spans: runs of capitalised words

/**
 * "Pan-European", "US-German", "Anglo-Dutch", "Sino-Ruritanian": a hyphenated compound of
 * nationalities, places and combining forms is an adjective, not a name (at least one part is a
 * nationality or place, so "Trans-Acme" is not one). `adjectival`: nationalities and country
 * codes only ("Anglo-Ruritanian", not "Franco-Ruritania").
 */
function isModifierCompound(w: string, adjectival = false): boolean {
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

const TICKER_RE = /^[A-Z][A-Z0-9]{0,5}(?:[.-][A-Z0-9]{1,3})?$/;

interface Span {
  a: number; // first token
  b: number; // one past the last token
  /** Set inside "<...>" in wire copy. */
  angle: boolean;
  /** Ticker given right after the name: "Acme Corp <ACME>". */
  ticker: string | null;
  /** Lower-case words stripped from the front ("jeweller" of "Jeweller Acme"). */
  stripped: string[];
  /** Follows a person title ("Mr", "Chief Executive"). */
  afterTitle: boolean;
}

function isInitial(toks: Tok[], i: number): boolean {
  const t = toks[i];
  return t !== undefined && t.word && /^[A-Z]$/.test(t.w) && toks[i + 1]?.w === '.';
}

/** End (exclusive) of the base run of capitalised words starting at i. */
function baseRun(toks: Tok[], i: number): number {
  let j = i;
  const n = toks.length;
  while (j < n) {
    const t = toks[j]!;
    if (t.cap && t.word) {
      if (t.sent !== toks[i]!.sent) break;
      // "W. R. Grace": an initial with its period
      if (isInitial(toks, j) && toks[j + 2]?.cap) {
        j += 2;
        continue;
      }
      j++;
      if (t.poss || t.tail) {
        // "Claire's Stores": a possessive continues only into a designator that ends the name;
        // not "Acme's Media Player", nor after a known company ("Acme's Foods division")
        const nx = toks[j];
        let k = j;
        while (toks[k]?.cap && toks[k]!.word && DESIGNATORS.has(toks[k]!.lower)) k++;
        const allDesignators = k > j && !(toks[k]?.cap && toks[k]!.word);
        if (!(t.poss && nx?.cap && allDesignators && !knownKey(nameKey(t.w)))) break;
      }
      continue;
    }
    const nx = toks[j + 1];
    if (j > i && nx?.cap && nx.word && nx.sent === t.sent) {
      // "Scottish & Newcastle", "de Havilland", "Moet et Chandon", "Acme 1 Imports"
      if (t.w === '&' || (t.word && PARTICLES.has(t.w)) || (/^\d{1,2}$/.test(t.w) && DESIGNATORS.has(nx.lower))) {
        j++;
        continue;
      }
    }
    break;
  }
  return j;
}

function isDesignator(t: Tok | undefined): boolean {
  // "Acme Mining NL" (Australian "no liability"; not "N.L.", initials)
  return t !== undefined && (DESIGNATORS.has(t.lower.includes('.') ? t.lower.replace(/\./g, '') : t.lower) || UPPER_CASE_DESIGNATORS.has(t.w));
}

function spanKey(toks: Tok[], a: number, b: number): string {
  return nameKey(textOf(toks, a, b));
}

function textOf(toks: Tok[], a: number, b: number): string {
  let out = '';
  for (let i = a; i < b; i++) {
    const t = toks[i]!;
    if (i > a && t.s > toks[i - 1]!.e + (toks[i - 1]!.poss ? 2 : 0)) out += ' ';
    out += t.w + (t.poss && i < b - 1 ? "'s" : '');
  }
  return out;
}

/** The letters of an acronym in brackets at token p ("(S&N)" -> "sn"), or null. */
function acronymAfter(toks: Tok[], p: number): string | null {
  const ac = toks[p + 1];
  if (toks[p]?.w !== '(' || toks[p + 2]?.w !== ')' || !ac || !/^[A-Z][A-Z&]{1,7}$/.test(ac.w)) return null;
  return ac.lower.replace(/[^a-z]/g, '');
}

function knownKey(key: string): boolean {
  return curatedCompany(key) !== undefined || (gazetteerLookup(key)?.short === false && !isGuarded(key));
}

/** Collect the candidate spans of the text, in order. */
function candidateSpans(toks: Tok[]): Span[] {
  const spans: Span[] = [];
  const n = toks.length;
  // "Foo and Bar Publishers Inc" once seen, a later "Foo and Bar" is the same name
  const andNames = new Set<string>();
  let i = 0;
  while (i < n) {
    const t = toks[i]!;
    // Wire copy: "<Acme Holdings Corp>" is a company; "<ACME>" after a name is its ticker.
    if (t.w === '<') {
      let j = i + 1;
      while (j < n && j - i < 14 && toks[j]!.w !== '>' && toks[j]!.sent === t.sent) j++;
      if (toks[j]?.w === '>' && j > i + 1) {
        const inner = textOf(toks, i + 1, j);
        if (/[a-z]/.test(inner)) {
          spans.push({ a: i + 1, b: j, angle: true, ticker: null, stripped: [], afterTitle: false });
        } else if (TICKER_RE.test(inner.replace(/\s+/g, ''))) {
          const prev = spans[spans.length - 1];
          if (prev && prev.b >= i - 1 && prev.b <= i) prev.ticker = inner.replace(/\s+/g, '');
          // "... and <ACME> of Ruritania": no name before it, so the brackets hold one
          else if (j === i + 2 && /^[A-Z]{2,6}$/.test(inner) && !(toks[i - 1]?.w === '>'))
            spans.push({ a: i + 1, b: j, angle: true, ticker: null, stripped: [], afterTitle: false });
        }
        i = j + 1;
        continue;
      }
    }
    const startsParticle = t.word && OPENING_PARTICLES.has(t.w) && toks[i + 1]?.cap;
    if (!(t.cap && t.word) && !startsParticle) {
      i++;
      continue;
    }
    let b = baseRun(toks, startsParticle ? i + 1 : i);
    // "Acme Holdings (Pacific) Ltd", "Foo Trading (UK) Ltd": a bracketed word or two, then a designator
    if (toks[b]?.w === '(') {
      let k = b + 1;
      while (k < n && k - b <= 3 && toks[k]!.cap && toks[k]!.word && toks[k]!.sent === t.sent) k++;
      const des = toks[k + 1];
      if (k > b + 1 && toks[k]?.w === ')' && des?.cap && des.sent === t.sent && isDesignator(des) && !des.poss)
        b = baseRun(toks, k + 1);
    }
    // "X and Y": one name when known as one ("Procter & Gamble"), when Y is "Co" ("Goldman Sachs
    // and Co"), when both are initials ("S. and W. Acme"), or "X and Y Publishers".
    // "X of Y": "Bank of Scotland", "Acme Motor Co of Canada", "Acme Aircraft of Canada".
    for (;;) {
      // "S. and W. Acme": step over an initial's period
      const dot = toks[b]?.w === '.' && /^[A-Z]$/.test(toks[b - 1]!.w) ? 1 : 0;
      const c = toks[b + dot];
      const d = toks[b + dot + 1];
      // "Acme Bank for Savings": "for" joins only after "Bank"
      const forBank = c?.w === 'for' && FOR_JOINING_HEADS.has(toks[b - 1]!.lower);
      if (!c || !d || c.sent !== t.sent || !(c.w === 'and' || c.w === 'of' || c.w === '&' || forBank) || !d.cap || !d.word) break;
      if (toks[b - 1]!.poss) break;
      let b2 = baseRun(toks, b + dot + 1);
      // "the Securities and Exchange Commission Jones said" (a comma missing): a public body's name ends it
      let cut = -1;
      for (let k = b2 - 1; k >= b + dot + 2; k--)
        if (isNotCompany(spanKey(toks, i, k))) {
          cut = k;
          break;
        }
      if (cut > 0) b2 = cut;
      const joinedKey = spanKey(toks, i, b2);
      const leftKey = spanKey(toks, i, b);
      let join = knownKey(joinedKey) || isNotCompany(joinedKey) || NON_COMPANY_HEADS.has(toks[b2 - 1]!.lower);
      // "Jane Q. Doe and Acme Capital Inc offered ...": a person's name on the left joins no company
      // named in its own right (a name word and a trade word on the right); "Jane Doe and Co",
      // "Jo Bloggs and Associates Inc", "Doe Roe and Smith Inc" are partnership names
      const rightWords = toks.slice(b + dot + 1, b2).filter((x) => x.word);
      const personLeft =
        rightWords.some((x) => !isDesignator(x)) &&
        rightWords.some((x) => isDesignator(x) && !isLegalSuffixTok(x)) &&
        FIRST_NAMES.has(toks[i]!.lower) &&
        ((n) => n >= 2 && n <= 4)(toks.slice(i, b).filter((x) => x.word).length) &&
        !isDesignator(toks[b - 1]) &&
        !knownKey(leftKey);
      if (!join && (c.w === 'and' || c.w === '&') && !personLeft) {
        const right = toks.slice(b + dot + 1, b2).map((x) => x.lower);
        join =
          // "... and Co", "... and Co Inc", "... & Sons Ltd"
          (PARTNER_WORDS.has(right[0]!) && right.every((w) => w === 'sons' || LEGAL_SUFFIXES.has(w.replace(/\./g, '')))) ||
          (b - i <= 2 && /^[A-Z]$/.test(toks[i]!.w) && /^[A-Z]$/.test(d.w)) ||
          // "Foo and Bar Publishers", "Acme Systems and Services Inc"; not "Foo Imports and Bar
          // Industries" (the left is a name already) nor "Acme Air and Acme Services" (two)
          // nor "Ruritania and Acme Company", nor "its Foo Lumber and Bar Wholesale units" (plural: two)
          (isDesignator(toks[b2 - 1]) && !knownKey(leftKey) && d.lower !== toks[i]!.lower && !PLACES.has(leftKey) &&
            !(toks[b2]?.word && !toks[b2]!.cap && PLURAL_HEADS.has(toks[b2]!.lower)) &&
            ((n) => n === 0 || (n === 1 && !isDesignator(toks[b - 1])))(
              toks.slice(b + dot + 1, b2).filter((x) => x.word && !isDesignator(x)).length,
            )) ||
          andNames.has(joinedKey) ||
          acronymAfter(toks, b2) === initialsOf(textOf(toks, i, b2)).replace(/[^a-z]/g, '');
        if (join) for (let k = b + dot + 2; k <= b2; k++) andNames.add(spanKey(toks, i, k));
      } else if (!join && c.w === 'for') {
        join = b2 - b <= 3 && !PLACES.has(toks[b + 1]!.lower);
      } else if (!join && c.w === 'of') {
        const last = toks[b - 1]!;
        // "Acme Motor Co of Canada" names a company; "Acme Ltd of Ruritania" describes one.
        const endsName = FINAL_LEGAL_FORMS.has(last.lower.replace(/\./g, ''));
        join =
          (OF_JOINING_HEADS.has(last.lower) || (isDesignator(last) && !endsName) || NON_COMPANY_HEADS.has(last.lower)) &&
          b2 - b <= 4;
      }
      if (!join) break;
      b = b2;
      if (cut > 0) break;
    }
    // "Goldman, Sachs and Co", "Foo, Bar, Baz, Inc": comma-separated partners' names end in "and Co"
    // or ", Inc" (a list of companies would not)
    if (toks[b]?.w === ',' && toks[b + 1]?.cap && toks[b + 1]!.sent === t.sent) {
      let k = b;
      let parts = 0;
      while (toks[k]?.w === ',' && toks[k + 1]?.cap && toks[k + 1]!.word && !isDesignator(toks[k + 1]) && parts < 4) {
        const e = baseRun(toks, k + 1);
        if (e - (k + 1) > 2) break;
        k = e;
        parts++;
      }
      let end = -1;
      const c = toks[k];
      if (parts > 0 && (c?.w === 'and' || c?.w === '&') && toks[k + 1]?.cap) {
        const e = baseRun(toks, k + 1);
        if (PARTNER_LEGAL_FORMS.has(withoutFinalDot(toks[e - 1]!.lower))) end = e;
        // "Foo, Bar and Baz, a New York brokerage partnership": one firm, described as one
        else if (toks[e]?.w === ',' && INDEFINITE_ARTICLES.has(toks[e + 1]?.lower ?? '') && !knownKey(spanKey(toks, i, b))) {
          for (let q = e + 2; q < e + 9 && toks[q]?.sent === t.sent; q++) {
            const w = toks[q]!;
            if (w.word && !w.cap && (HEAD_NOUNS.has(w.lower) || PARTNERSHIP_NOUNS.has(w.lower)) && !WEAK_HEAD_NOUNS.has(w.lower)) {
              end = e;
              break;
            }
          }
        }
      } else if (parts > 0 && c?.w === ',' && AFTER_COMMA_LEGAL_FORMS.has(withoutFinalDot(toks[k + 1]?.lower ?? ''))) end = k + 2;
      if (end > 0 && toks[end - 1]!.sent === t.sent) b = end;
    }
    spans.push({ a: i, b, angle: false, ticker: null, stripped: [], afterTitle: false });
    i = b;
  }
  return spans;
}

/**
 * Split a run at words that cannot be inside a company name (months, person titles) and strip
 * leading words that are not part of one: a sentence-initial ordinary word ("Analysts", "The"),
 * a nationality ("Japanese Acme"), a person title ("Chief Executive Jane Doe" -> person).
 */
function refineSpans(toks: Tok[], spans: Span[]): Span[] {
  const out: Span[] = [];
  // Names the article gives with a designator ("American Widget Co"): a later "American Widget"
  // keeps its first word.
  const fullNames = new Set<string>();
  for (const sp of spans) {
    if (!isDesignator(toks[sp.b - 1]) || COUNTRY_CODES.has(toks[sp.a]!.lower)) continue;
    // "Its Acme Widget Co": the leading function word is no part of the name
    let a0 = sp.a;
    while (
      a0 < sp.b - 1 &&
      (LEADING_FUNCTION_WORDS.has(toks[a0]!.lower) || (toks[a0]!.start && /^[A-Z][a-z]+-[a-z]+$/.test(toks[a0]!.w)) || isModifierCompound(toks[a0]!.w, true))
    )
      a0++;
    const k = spanKey(toks, a0, sp.b);
    const words = k.split(' ');
    for (let n = 2; n <= words.length; n++) fullNames.add(words.slice(0, n).join(' '));
  }
  for (const sp of spans) {
    if (sp.angle) {
      out.push(sp);
      continue;
    }
    let a = sp.a;
    let afterTitle = isTitleTok(toks[a - 1]);
    // the key of the rest of the run (toks a..sp.b), computed when first needed after each cut
    let wholeFrom = -1;
    let whole = '';
    const endsInDesignator = isDesignator(toks[sp.b - 1]) || companyHeadPair(toks, sp.b);
    // "Scottish and Newcastle (S&N)": a name its own acronym defines stays whole
    const acr = acronymAfter(toks, sp.b);
    const defines = acr !== null && acr === initialsOf(textOf(toks, sp.a, sp.b)).replace(/[^a-z]/g, '');
    let stripped: string[] = [];
    for (let i = sp.a; i < sp.b; i++) {
      const t = toks[i]!;
      if (!t.word) continue;
      const lower = t.lower;
      // "Chairman Jane Doe" splits; "General Mills Inc" and "U.S. General Electric" do not
      let breaker = DATE_WORDS.has(lower);
      // "New York Investor Jane Doe": a capitalised person noun splits too
      const personWord = isTitleTok(t) || PERSON_NOUNS.has(lower);
      if (!breaker && personWord && i < sp.b - 1 && !endsInDesignator) {
        if (wholeFrom !== a) {
          wholeFrom = a;
          whole = spanKey(toks, a, sp.b);
        }
        breaker = !knownKey(whole) && !knownKey(spanKey(toks, i, sp.b));
      }
      if (breaker) {
        flushSpan(out, sp, a, i, stripped, afterTitle);
        a = i + 1;
        stripped = [];
        afterTitle = personWord;
        continue;
      }
      if (i === a && i < sp.b - 1 && !defines) {
        // strip a leading word that is not part of the name ("Analysts", "Japanese", "The");
        // "North American Widget Corp" keeps its place words
        // ("Magic Widget Corp" keeps "Magic": only function words and head nouns go before a designator)
        const ordinaryStart =
          t.start &&
          (endsInDesignator ? isFunctionWord(lower) || HEAD_NOUNS.has(lower) : isCommonWord(lower) || isLexiconWord(lower) || HEAD_NOUNS.has(lower));
        const strip =
          // "Privately-held Acme Group", "Family-owned Foo Ltd": a hyphenated adjective opening the sentence
          (t.start && /^[A-Z][a-z]+-[a-z]+$/.test(t.w)) ||
          // "Sino-Ruritanian Acme Textiles Ltd": an adjectival compound before a name with a designator
          // (not "Franco-Ruritania Mining Corp": a place noun may be the name; nor when only designators stay)
          (endsInDesignator && isModifierCompound(t.w, true) && !allWords(toks, i + 1, sp.b, isDesignator)) ||
          isFunctionWord(lower) ||
          LEADING_FUNCTION_WORDS.has(lower) ||
          (ordinaryStart && !DESIGNATORS.has(toks[i + 1]!.lower)) ||
          ((NATIONALITIES.has(lower) || PLACES.has(lower.replace(/\.$/, '')) || isModifierCompound(t.w)) &&
            !isDesignator(toks[i + 1]) &&
            // "Scottish & Newcastle": the nationality is half of a joined name
            toks[i + 1]?.w !== '&' &&
            toks[i + 1]?.w !== 'and' &&
            // "Swiss Re", "British Gas": too short a rest to be a name on its own
            !(sp.b - i === 2 && /^[A-Z][a-z]{0,2}$/.test(toks[i + 1]!.w)) &&
            // "U.S. Acme Corp" -> "Acme Corp"; "U.S. Air Group" keeps its country: "Air Group" is no name
            (!endsInDesignator ||
              (COUNTRY_CODES.has(lower) && !isCommonWord(toks[i + 1]!.lower) && !isLexiconWord(toks[i + 1]!.lower)) ||
              knownKey(spanKey(toks, i + 1, sp.b)))) ||
          (lower === 'the' && !t.start);
        if (strip && lower !== 'the' && wholeFrom !== a) {
          wholeFrom = a;
          whole = spanKey(toks, a, sp.b);
        }
        if (strip && (lower === 'the' || (!knownKey(whole) && !isNotCompany(whole) && !fullNames.has(whole)))) {
          stripped.push(lower);
          a = i + 1;
          continue;
        }
      }
    }
    // "Acme Bank for Savings Will create", "analysts Acme More than ...": a capitalised modal or
    // function word (a source typo, a missing full stop) ends no name
    let z = sp.b;
    while (z - a > 1 && TRAILING_NON_NAME.has(toks[z - 1]!.lower) && !knownKey(spanKey(toks, a, z))) z--;
    flushSpan(out, sp, a, z, stripped, afterTitle);
  }
  return out;
}

/** Push toks x..y of the run `sp` as a span of its own (nothing when empty). */
function flushSpan(out: Span[], sp: Span, x: number, y: number, stripped: string[], afterTitle: boolean): void {
  if (y > x) out.push({ a: x, b: y, angle: false, ticker: y === sp.b ? sp.ticker : null, stripped, afterTitle });
}

function isTitleTok(t: Tok | undefined): boolean {
  if (t === undefined || !t.word) return false;
  // "Vice-President Jane Doe", "Co-Founder"
  const w = t.lower.replace(/\.$/, '');
  return PERSON_TITLES.has(w) || (w.includes('-') && PERSON_TITLES.has(w.slice(w.lastIndexOf('-') + 1)));
}

// ---------------------------------------------------------------------------------------------
// Classification

type Kind = 'company' | 'candidate' | 'person' | 'other';

interface Cand {
  sp: Span;
  key: string;
  surface: string;
  kind: Kind;
  conf: number;
  rule: string;
  curated: CuratedCompany | null;
  gaz: GazetteerEntry | null;
  /** A single ordinary word at the start of a sentence: may join a known entity, never founds one. */
  weak: boolean;
}

function nonCompanyShape(toks: Tok[], a: number, b: number, key: string): boolean {
  // "Xboxes", "iPods": plural of a product
  if (isNotCompany(key)) return true;
  // "Acme Cola" is a product, "Acme Cola PLC" the company
  const legal = b - a >= 2 && LEGAL_SUFFIXES.has(toks[b - 1]!.lower.replace(/\./g, '')) && !GROUP_LEGAL_FORMS.has(toks[b - 1]!.lower);
  if (!legal && (isProduct(key) || isProduct(key.replace(/e?s$/, '')))) return true;
  const last = toks[b - 1]!.lower;
  // "Norwich Union": a curated company whatever its last word
  if (companyHeadPair(toks, b) || curatedCompany(key) !== undefined) return false;
  // "the Acme Interactive Entertainment committee": a body named after a company or trade
  const nx = toks[b];
  if (b - a >= 2 && nx?.word && !nx.cap && BODY_NOUNS_AFTER.has(nx.lower)) return true;
  if (NON_COMPANY_HEADS.has(last)) return true;
  if (NON_COMPANY_HEADS.has(toks[a]!.lower) && toks[a + 1]?.w === 'of') return true;
  for (let i = a; i < b - 1; i++) {
    if (!NON_COMPANY_PAIR_FIRST.has(toks[i]!.lower)) continue;
    const pair = `${toks[i]!.lower} ${toks[i + 1]!.lower}`;
    if (NON_COMPANY_PAIRS.has(pair)) return true;
  }
  return false;
}

// Indexes over the pair and phrase tables, built once: a token that starts no pair (ends no
// phrase) is passed over without building the pair's string.
const NON_COMPANY_PAIR_FIRST: ReadonlySet<string> = new Set([...NON_COMPANY_PAIRS].map((p) => p.slice(0, p.indexOf(' '))));
const HEAD_PAIR_LAST: ReadonlySet<string> = new Set([...COMPANY_HEAD_PAIRS].map((p) => p.slice(p.lastIndexOf(' ') + 1)));
/** LEFT_PHRASES by their last word, in table order, each with its cue name. */
const LEFT_PHRASES_BY_LAST = new Map<string, { ph: readonly string[]; cue: string }[]>();
for (const ph of LEFT_PHRASES) {
  const lastWord = ph[ph.length - 1]!;
  const list = LEFT_PHRASES_BY_LAST.get(lastWord) ?? [];
  list.push({ ph, cue: `left:${ph.join(' ')}` });
  LEFT_PHRASES_BY_LAST.set(lastWord, list);
}
const NO_PHRASES: { ph: readonly string[]; cue: string }[] = [];

/** "Acme Savings and Loan Association", "Foo Building Society": a business despite its last word. */
function companyHeadPair(toks: Tok[], b: number): boolean {
  const x = toks[b - 2];
  return x !== undefined && b >= 2 && HEAD_PAIR_LAST.has(toks[b - 1]!.lower) && COMPANY_HEAD_PAIRS.has(`${x.lower} ${toks[b - 1]!.lower}`);
}

/** "EVA", "SAS": an acronym in capitals is no first name or ordinary word. */
function isAcronymTok(t: Tok): boolean {
  return t.w.length >= 3 && /^[A-Z]+$/.test(t.w);
}

/** "Jane Doe, chief executive of Acme", "Jo Bloggs, head of ...": a person before the comma. */
function personAppositive(toks: Tok[], sp: Span): boolean {
  const c = toks[sp.b];
  if (c?.w !== ',' || toks[sp.b - 1]!.poss) return false;
  for (let k = sp.b + 1; k <= sp.b + 3; k++) {
    const t = toks[k];
    if (!t || !t.word || t.sent !== c.sent) return false;
    if (APPOSITIVE_TITLES.has(t.lower)) return true;
    if (!(APPOSITIVE_OPENERS.has(t.lower) || t.poss || t.cap)) return false;
  }
  return false;
}

function looksLikePerson(toks: Tok[], sp: Span, key: string, persons: Set<string>): boolean {
  const len = sp.b - sp.a;
  const first = toks[sp.a]!;
  const last = toks[sp.b - 1]!;
  if (isDesignator(last)) return false;
  if (sp.afterTitle) return !knownKey(key);
  // "New York investor Jane Doe", "tycoon Foo Bar"
  const prev = toks[sp.a - 1];
  if (prev?.word && !prev.cap && PERSON_NOUNS.has(prev.lower) && len <= 3 && !knownKey(key)) return true;
  // "the company's chairman, Tan Wee Lok": a person title, a comma, then the person
  const prev2 = toks[sp.a - 2];
  if (
    prev?.w === ',' &&
    prev2?.word &&
    !prev2.cap &&
    prev2.sent === first.sent &&
    (PERSON_TITLES.has(prev2.lower) || APPOSITIVE_TITLES.has(prev2.lower)) &&
    !ANALYST_NOUNS.has(prev2.lower) &&
    len >= 2 &&
    len <= 4 &&
    !knownKey(key)
  )
    return true;
  // "his brother Jane": a kinship noun before a name
  if (prev?.word && !prev.cap && KIN_NOUNS.has(prev.lower) && len <= 3 && !knownKey(key)) return true;
  if (len >= 2 && len <= 3 && personAppositive(toks, sp) && !knownKey(key)) return true;
  if (len >= 2 && len <= 4 && (FIRST_NAMES.has(first.lower) || /^[A-Z]$/.test(first.w))) {
    // "Jane Doe", "J. Doe"; not "J.P. Morgan" (curated) nor "Acme Doe Corp" (designator above)
    return !knownKey(key);
  }
  if (len === 1 && persons.has(first.lower)) return true;
  return false;
}

/** Is there a company cue around the span? Returns a confidence (0 = none). */
function cueScore(toks: Tok[], sp: Span): { score: number; cue: string } {
  const { a, b } = sp;
  const sent = toks[a]!.sent;
  const first = toks[a]!;
  const last = toks[b - 1]!;
  const prev = toks[a - 1];
  const prev2 = toks[a - 2];
  // "oil firm Acme", "Jeweller Acme"
  const head = sp.stripped[sp.stripped.length - 1];
  if (head !== undefined && HEAD_NOUNS.has(head) && !WEAK_HEAD_NOUNS.has(head)) return { score: 0.7, cue: 'head-noun' };
  // "oil firm Acme"; a weak head needs a modifier: "supermarket group Acme", not "the group Acme"
  if (prev && prev.word && prev.sent === sent && !prev.cap && HEAD_NOUNS.has(prev.lower)) {
    if (!WEAK_HEAD_NOUNS.has(prev.lower) || (prev2?.word && !prev2.cap && !isFunctionWord(prev2.lower) && prev2.sent === sent))
      return { score: 0.7, cue: 'head-noun' };
  }
  // "Ireland's state-owned airline, Acme Air"
  if (prev?.w === ',' && prev2?.word && !prev2.cap && prev2.sent === sent && HEAD_NOUNS.has(prev2.lower) && !WEAK_HEAD_NOUNS.has(prev2.lower))
    return { score: 0.6, cue: 'head-noun' };
  // "Acme-owned Foo", "state-owned Foo"
  const prevTail = prev && prev.sent === sent ? prev.tail || (/-(\w+)$/.exec(prev.w)?.[1] ?? '') : '';
  if (OWNED_TAILS.has(prevTail)) return { score: 0.6, cue: 'owned-by' };
  // "London-based Acme", "Ohio-headquartered Foo"
  if (BASED_TAILS.has(prevTail)) return { score: 0.6, cue: 'based' };
  if (last.tail && OWNERSHIP_SUFFIXES.has(last.tail)) return { score: 0.7, cue: 'owner' };
  // "stake in Acme", "analyst at Acme"
  for (const { ph, cue } of (prev && LEFT_PHRASES_BY_LAST.get(prev.lower)) || NO_PHRASES) {
    let ok = true;
    for (let k = 0; k < ph.length; k++) {
      const t = toks[a - ph.length + k];
      if (!t || t.sent !== sent || t.lower !== ph[k]) {
        ok = false;
        break;
      }
    }
    if (ok) return { score: 0.65, cue };
  }
  const next = toks[b];
  const next2 = toks[b + 1];
  if (last.poss && next?.word && next.sent === sent) {
    // "Acme's shares", "Acme's chief executive", "Acme's market share", "Acme's US affiliate"
    const placeNext = next.cap && (PLACES.has(next.lower.replace(/\.$/, '')) || DEMONYMS.has(next.lower));
    if (POSSESSIVE_NOUNS.has(next.lower) || (next2?.word && POSSESSIVE_NOUNS.has(next2.lower) && (!next.cap || placeNext)))
      return { score: 0.65, cue: 'possessive' };
    // "Acme's Widgetron": the owner of a known product
    if (next.cap && (isProduct(next.lower) || isProduct(nameKey(next.w)))) return { score: 0.65, cue: 'product-owner' };
  }
  if (next && next.word && next.sent === sent && !last.poss && !next.cap) {
    // "Acme shares", "Acme bosses", "Acme investment bank", "the Acme business"
    if (RIGHT_NOUNS.has(next.lower)) return { score: 0.65, cue: `right:${next.lower}` };
    // "Acme Global Markets analyst Jane Doe" (not enough for an ordinary word: "City analyst")
    if (ANALYST_NOUNS.has(next.lower) && next2?.cap) return { score: 0.55, cue: `right:${next.lower}` };
    // "the Acme group"
    if (next.lower === 'group' && prev?.lower === 'the' && prev.sent === sent && next2?.lower !== 'of') return { score: 0.6, cue: 'right-head' };
    // "Acme investment bank", "Acme oil group"; not "Spanish carrier Foo" (sentence-initial modifier)
    const modifier = first.start && b - a === 1;
    // not "Wifi firm Acme": a name after the head noun is the company, this is its trade
    const nameAfter = next2?.cap === true && next2.word && next2.sent === sent;
    if (!modifier && !nameAfter && HEAD_NOUNS.has(next.lower) && !WEAK_HEAD_NOUNS.has(next.lower) && !next.tail)
      return { score: 0.6, cue: 'right-head' };
    if (!modifier && next2?.word && !next2.cap && HEAD_NOUNS.has(next2.lower) && (DESIGNATORS.has(next.lower) || SECTOR_WORDS.has(next.lower)))
      return { score: 0.6, cue: 'right-head' };
  }
  if (next?.w === ',' && next.sent === sent) {
    // "Acme, the world's biggest retailer", "Acme, Japan's second-largest bank"
    for (let k = b + 1; k < b + 11 && k < toks.length; k++) {
      const t = toks[k]!;
      if (t.sent !== sent || (!t.word && t.w !== '-')) break;
      if (!t.cap && HEAD_NOUNS.has(t.lower) && !WEAK_HEAD_NOUNS.has(t.lower) && k > b + 1) {
        const at = toks[b + 1]!;
        const art = at.lower;
        if (APPOSITIVE_OPENERS.has(art) || (at.poss && !at.tail))
          return { score: 0.6, cue: 'appositive' };
      }
      if (RIGHT_VERBS.has(t.lower) || t.tail) break;
    }
  }
  // "said Jane Doe at Acme Capital Partners", "an analyst at Foo Bar"
  if (prev?.lower === 'at' && prev2?.cap && prev2.sent === sent && b - a >= 2) return { score: 0.5, cue: 'person-at' };
  // "economist Jane Doe of Acme Edwards & Sons"
  if (prev?.lower === 'of' && prev2?.cap && prev2.sent === sent && b - a >= 2 && FIRST_NAMES.has(toks[a - 3]?.lower ?? ''))
    return { score: 0.5, cue: 'person-of' };
  // "Acme with 11% of the market"
  if (next?.lower === 'with' && next2 && /^\d/.test(next2.w)) return { score: 0.5, cue: 'share' };
  // "Acme said", "Acme reported" (weak: people say things too)
  // a lone word: "Foo said" fits a person as well; "Foo said it", "Foo reported" do not
  if (
    b - a === 1 &&
    SAY_VERBS.has(next?.lower ?? '') &&
    !IT_PRONOUNS.has(next2?.lower ?? '') &&
    !curatedCompany(first.lower)
  )
    return { score: 0, cue: '' };
  if (next && next.word && next.sent === sent && RIGHT_VERBS.has(next.lower) && !first.start) return { score: 0.45, cue: 'verb' };
  if (next && next.word && next.sent === sent && RIGHT_VERBS.has(next.lower)) return { score: 0.4, cue: 'verb' };
  // "Acme has agreed to buy", "Foo will pay", "Bar is to sell", "Baz has also cut": after auxiliaries
  if (next?.word && next.sent === sent && AUXILIARIES.has(next.lower) && !last.poss) {
    let k = b + 1;
    while (k < b + 4 && toks[k]?.word && (AUXILIARIES.has(toks[k]!.lower) || toks[k]!.lower === 'to')) k++;
    const v = toks[k];
    const said = SAY_VERBS.has(v?.lower ?? '');
    if (v?.word && v.sent === sent && (AUX_VERBS.has(v.lower) || RIGHT_VERBS.has(v.lower)) && !(said && b - a === 1))
      return { score: 0.4, cue: 'verb' };
  }
  // "Ruritania's Acme Foods", "Italy's Foo Bar": a country's unnamed-kind name (people were split off as persons)
  // not "Ruritania's Liberal government", "Ruritania's Foo party"
  const bodyNext = next?.word && !next.cap && (NON_COMPANY_HEADS.has(next.lower) || PERSON_TITLES.has(next.lower) || POLITICAL_NOUNS.has(next.lower));
  if (prev?.poss && prev.cap && prev.sent === sent && PLACES.has(prev.lower) && !first.start && !bodyNext)
    return { score: 0.4, cue: 'country-possessive' };
  return { score: 0, cue: '' };
}

/** A classified span; one object shape for every outcome (no spreads: this runs per candidate). */
function mkCand(
  sp: Span,
  key: string,
  surface: string,
  kind: Kind,
  conf: number,
  rule: string,
  curated: CuratedCompany | null,
  gaz: GazetteerEntry | null,
  weak: boolean,
): Cand {
  return { sp, key, surface, kind, conf, rule, curated, gaz, weak };
}

/** Every word token of toks[a..b) passes `test` (punctuation is skipped). */
function allWords(toks: Tok[], a: number, b: number, test: (t: Tok) => boolean): boolean {
  for (let i = a; i < b; i++) {
    const t = toks[i]!;
    if (t.word && !test(t)) return false;
  }
  return true;
}

const isLegalSuffixTok = (t: Tok) => LEGAL_SUFFIXES.has(t.lower.replace(/\./g, ''));
const isPlaceTok = (t: Tok) => PLACES.has(t.lower.replace(/\.$/, '')) || NATIONALITIES.has(t.lower);
const isNotPlaceTok = (t: Tok) => !isPlaceTok(t);
const isGenericTok = (t: Tok) => isPlaceTok(t) || isDesignator(t) || (isCommonWord(t.lower) && t.w.length > 2);
const isPlaceWord = (w: string) => PLACES.has(w) || DEMONYMS.has(w);

function classify(toks: Tok[], sp: Span, persons: Set<string>): Cand {
  const surface = textOf(toks, sp.a, sp.b);
  const key = nameKey(surface);
  const len = sp.b - sp.a;
  const first = toks[sp.a]!;
  const last = toks[sp.b - 1]!;
  if (!key || !/[a-z]/.test(key)) return mkCand(sp, key, surface, 'other', 0, '', null, null, false);
  if (nonCompanyShape(toks, sp.a, sp.b, key)) return mkCand(sp, key, surface, 'other', 0, 'not-company', null, null, false);
  // "Ltd", "Holdings": a legal form alone names nothing
  if (allWords(toks, sp.a, sp.b, isLegalSuffixTok)) return mkCand(sp, key, surface, 'other', 0, 'designator-only', null, null, false);
  // "the Ruritania-based firm": the place that qualifies a company is not one
  if (last.tail && LOCATIVE_TAILS.has(last.tail)) return mkCand(sp, key, surface, 'other', 0, 'place', null, null, false);
  // "Acme Savings and Loan Association"
  if (len >= 3 && companyHeadPair(toks, sp.b)) return mkCand(sp, key, surface, 'company', 0.85, 'suffix', null, null, false);
  const curated = curatedCompany(key) ?? null;
  // "Foobar.com", "Acme.co.uk": a dot-com name
  if (!curated && len === 1 && DOTCOM_NAME_RE.test(first.w))
    return mkCand(sp, key, surface, 'company', 0.75, 'dotcom', null, null, false);
  if (curated && !isGuarded(key)) return mkCand(sp, key, surface, 'company', 0.95, 'alias', curated, null, false);
  // "Pan-European", "US-German" alone: an adjective ("Pan-European stock market", "the US-German
  // firm"); a noun phrase of its own only with an appositive ("Anglo-Ruritanian, the mining group")
  if (len === 1 && isModifierCompound(first.w) && cueScore(toks, sp).cue !== 'appositive')
    return mkCand(sp, key, surface, 'other', 0, 'modifier', null, null, false);
  // "Orange", "Apple": a curated name that is also a word counts when capitalised mid-sentence
  if (curated && !first.start && first.cap && toks[sp.b]?.w !== 'of')
    return mkCand(sp, key, surface, 'company', 0.85, 'alias', curated, null, false);
  // "Jane Doe" is a person, "Sal Acme investment bank" is not
  // "investment firm Grant Fooson" is no person
  const prevTok = toks[sp.a - 1];
  const businessHead = prevTok?.word === true && !prevTok.cap && prevTok.sent === first.sent && BUSINESS_ONLY_HEADS.has(prevTok.lower);
  if (looksLikePerson(toks, sp, key, persons) && !businessHead && cueScore(toks, sp).cue !== 'right-head')
    return mkCand(sp, key, surface, 'person', 0, 'person', null, null, false);
  const lone = len === 1 ? first.lower : '';
  const ordinary =
    len === 1 &&
    !(isAcronymTok(first) && !PLACES.has(lone) && !DEMONYMS.has(lone) && !isCommonWord(lone)) &&
    (isCommonWord(lone) || PLACES.has(lone) || DEMONYMS.has(lone) || FIRST_NAMES.has(lone) || LAST_NAMES.has(lone) || DATE_WORDS.has(lone));
  // "Ruritania", "North West", "New South Wales"
  const placeLike =
    PLACES.has(key) ||
    DEMONYMS.has(key) ||
    (len > 1 && !isDesignator(last) && key.split(' ').every(isPlaceWord));
  // "Additionally, ...", "Overall, ...": sentence adverbs
  const weak = len === 1 && first.start && (ordinary || !first.cap || /^[A-Z][a-z]+ly$/.test(first.w));
  const gaz = gazetteerLookup(key) ?? null;
  if (sp.angle) return mkCand(sp, key, surface, 'company', 0.9, 'angle-brackets', curated, gaz, false);
  if (sp.ticker && !placeLike) return mkCand(sp, key, surface, 'company', 0.9, 'ticker', curated, gaz, false);
  // "Target Corp.": a guarded name with a designator
  if (curated && len >= 2 && isDesignator(last)) return mkCand(sp, key, surface, 'company', 0.9, 'alias+suffix', curated, null, false);
  if (curated) return mkCand(sp, key, surface, 'candidate', 0.9, 'alias', curated, null, weak);
  if (placeLike) return mkCand(sp, key, surface, 'other', 0, 'place', null, null, false);
  // "Acme Motor Co of Canada": a designator before "of <place>"
  let ofAt = -1;
  for (let i = sp.a; i < sp.b; i++)
    if (toks[i]!.w === 'of') {
      ofAt = i - sp.a;
      break;
    }
  const desigOf = ofAt > 1 && isDesignator(toks[sp.a + ofAt - 1]) && !NON_COMPANY_HEADS.has(toks[sp.a]!.lower);
  if (desigOf) return mkCand(sp, key, surface, 'company', 0.85, 'suffix', null, gaz, false);
  // "U.S. Retail", "European Energy": places and trade words, no name; no context cue makes one
  if (
    len >= 2 &&
    (!gaz || gaz.rank > 1000) &&
    (!isDesignator(last) || WEAK_DESIGNATORS.has(last.lower)) &&
    !allWords(toks, sp.a, sp.b, isNotPlaceTok) &&
    allWords(toks, sp.a, sp.b, isGenericTok)
  )
    return mkCand(sp, key, surface, 'candidate', 0.6, 'generic', null, null, true);
  if (len >= 2 && isDesignator(last)) {
    const strong = !WEAK_DESIGNATORS.has(last.lower);
    // "Acme Corp", "Foo Brewing": the designator alone is no name; "Federal Energy" needs more.
    const allDesignators = allWords(toks, sp.a, sp.b, isDesignator);
    if (!allDesignators) {
      if (strong || gaz)
        return mkCand(sp, key, surface, 'company', gaz ? 0.95 : 0.85, gaz ? 'gazetteer+suffix' : 'suffix', null, gaz, false);
      // "Renaissance Capital", "Acme Energy": a distinctive first word carries a weak designator
      const f = first.lower;
      const plain = !isCommonWord(f) && !DEMONYMS.has(f) && !PLACES.has(f) && !FIRST_NAMES.has(f) && !isLexiconWord(f);
      return mkCand(sp, key, surface, plain ? 'company' : 'candidate', 0.7, 'suffix', null, gaz, false);
    }
    // "Retail Consulting Group": designators only, a name only with a cue
    return mkCand(sp, key, surface, 'candidate', 0.6, 'designators', null, null, first.start);
  }
  // short all-caps listings ("NU", "XP") are acronyms of too many things
  // "Cable firm Acme", "In Nice last week": a listed name that is a dictionary word needs a cue
  const dictionaryWord = len === 1 && ((isLexiconWord(lone) && !isAcronymTok(first)) || (first.start && gaz?.short === true));
  const guarded = isGuarded(key) || ordinary || placeLike || dictionaryWord || (len === 1 && key.length <= 3);
  if (gaz && !guarded) {
    const conf = gaz.short ? 0.8 : 0.85;
    return mkCand(sp, key, surface, 'company', conf, gaz.short ? 'gazetteer-short' : 'gazetteer', null, gaz, weak);
  }
  if (gaz) return mkCand(sp, key, surface, 'candidate', 0.8, 'gazetteer', null, gaz, weak);
  if (len === 1 && LEXICON_ORGS.has(lone) && !ordinary) return mkCand(sp, key, surface, 'candidate', 0.7, 'lexicon-org', null, null, weak);
  return mkCand(sp, key, surface, 'candidate', 0.6, 'context', null, null, weak || (len === 1 && ordinary));
}

// ---------------------------------------------------------------------------------------------
// Entities

interface Ent {
  key: string;
  forms: string[];
  mentions: CompanyMention[];
  curated: CuratedCompany | null;
  gaz: GazetteerEntry | null;
  ticker: string | null;
  conf: number;
  rule: string;
}

function initialsOf(surface: string): string {
  return surface
    .split(/[\s-]+/)
    // "Acme (Pacific) Ltd" -> "apl"
    .map((w) => w.replace(/^\(|\)$/g, ''))
    .filter((w) => w && !INITIALS_SKIP.has(w) && /^[A-Za-z]/.test(w))
    .map((w) => w[0]!.toLowerCase())
    .join('');
}

/** Debug view: every candidate span with its class. */
export function debugCandidates(doc: Doc): string[] {
  const toks = tokenize(doc);
  const persons = new Set<string>();
  return refineSpans(toks, candidateSpans(toks)).map((sp) => {
    const c = classify(toks, sp, persons);
    const cue = cueScore(toks, sp);
    return `${c.surface} | ${c.key} | ${c.kind} ${c.rule} ${c.weak ? 'weak' : ''} cue=${cue.cue}${sp.stripped.length ? ' stripped=' + sp.stripped.join(',') : ''}`;
  });
}

export function recognizeCompanies(doc: Doc): CompanyEntity[] {
  const toks = tokenize(doc);
  const spans = refineSpans(toks, candidateSpans(toks));
  const persons = new Set<string>();
  const cands: Cand[] = [];
  for (const sp of spans) {
    const c = classify(toks, sp, persons);
    if (c.kind === 'person') {
      const lastTok = toks[sp.b - 1]!;
      persons.add(lastTok.lower);
      // "Jane Doe ... Jane said": a given name used alone later is the same person
      const firstTok = toks[sp.a]!;
      if (sp.b - sp.a >= 2 && firstTok.word && firstTok.w.length >= 2 && /[a-z]/.test(firstTok.w)) persons.add(firstTok.lower);
    }
    cands.push(c);
  }
  // "the Acme lager brand", "Acme beer": a bare name used as a brand is the brand in this article,
  // not a short form of a company that shares the word ("Acme Airlines").
  const brandKeys = new Set<string>();
  for (const c of cands) {
    const nx = toks[c.sp.b];
    if (c.kind === 'candidate' && !c.curated && nx?.word && !nx.cap && PRODUCT_NOUNS.has(nx.lower) && !toks[c.sp.b - 1]!.poss)
      brandKeys.add(c.key);
  }
  // Acronyms defined in the text: "Acme Widget Systems (AWS)" makes AWS an alias of the name;
  // "Office of Fair Dealing (OFD)" makes OFD a non-company too.
  const defined = new Map<string, string>();
  for (const c of cands) {
    // "Acme Holdings Ltd <ACME.L> (AHL)", "<Acme (Pacific) Ltd> (APL)": step over a ticker or bracket
    let p = c.sp.b;
    if (toks[p]?.w === '>') p++;
    if (toks[p]?.w === '<') {
      let q = p + 1;
      while (q < p + 6 && toks[q] && toks[q]!.w !== '>') q++;
      if (toks[q]?.w === '>') p = q + 1;
    }
    const o = toks[p];
    const ac = toks[p + 1];
    const cl = toks[p + 2];
    if (o?.w !== '(' || !ac?.word || cl?.w !== ')' || !/^[A-Z][A-Za-z&]{1,7}$/.test(ac.w) || !/[A-Z].*[A-Z]/.test(ac.w)) continue;
    const k = nameKey(ac.w);
    if ((c.kind === 'other' && c.rule === 'not-company') || c.kind === 'person') {
      for (const x of cands) if (x.key === k) x.kind = 'other';
    } else if (ac.w[0]!.toLowerCase() === c.surface[0]!.toLowerCase() && c.sp.b - c.sp.a >= 2) defined.set(k, c.key);
  }
  // "a personal video recorder (PVR)": an acronym of a common noun phrase is no name (nor its plural)
  const commonAcronyms = new Set<string>();
  for (let i = 1; i + 2 < toks.length; i++) {
    const ac = toks[i + 1]!;
    if (toks[i]!.w !== '(' || toks[i + 2]!.w !== ')' || !/^[A-Z]{2,6}$/.test(ac.w)) continue;
    let ini = '';
    for (let k = i - 1; k >= 0 && i - k <= ac.w.length + 1 && toks[k]!.word && !toks[k]!.cap; k--) ini = toks[k]!.w.split('-').map((x) => x[0]).join('') + ini;
    if (ini.length >= ac.w.length && ini.endsWith(ac.lower)) commonAcronyms.add(ac.lower).add(ac.lower + 's');
  }
  for (const c of cands) if (commonAcronyms.has(c.key) && !c.curated) c.kind = 'other';
  // Pass 2: cues decide candidates; a key decided anywhere in the article holds everywhere.
  const companyKeys = new Map<string, { conf: number; rule: string }>();
  const blocked = new Set<string>();
  for (const c of cands) {
    if (c.kind === 'company') {
      const prev = companyKeys.get(c.key);
      if (!prev || prev.conf < c.conf) companyKeys.set(c.key, { conf: c.conf, rule: c.rule });
    } else if (c.kind === 'other' || c.kind === 'person') blocked.add(c.key);
  }
  const decide = (c: Cand, score: number, cue: string) => {
    // weak cues ("X said") do not make an ordinary word a company
    const lone = c.sp.b - c.sp.a === 1 ? toks[c.sp.a]!.lower : '';
    const ordinary =
      lone !== '' &&
      (isCommonWord(lone) || isGuarded(c.key) || ((FIRST_NAMES.has(lone) || LAST_NAMES.has(lone)) && !isAcronymTok(toks[c.sp.a]!)));
    if (ordinary && score < 0.6 && !c.curated) return;
    const conf = Math.min(c.conf, 0.5 + score / 2);
    const prev = companyKeys.get(c.key);
    if (!prev || prev.conf < conf) companyKeys.set(c.key, { conf, rule: `${c.rule === 'context' ? 'cue' : c.rule}:${cue}` });
  };
  const open = (c: Cand) =>
    c.kind === 'candidate' && !c.weak && !companyKeys.has(c.key) && !(c.sp.b - c.sp.a === 1 && persons.has(c.key));
  for (const c of cands) {
    if (!open(c)) continue;
    const cue = cueScore(toks, c.sp);
    if (cue.score > 0) decide(c, cue.score, cue.cue);
  }
  // "Acme, Foo and Bar": a name listed beside companies is one (weak, so not an ordinary word).
  const nameWordOf = (c: Cand) => {
    const lone = c.sp.b - c.sp.a === 1 ? toks[c.sp.a]!.lower : '';
    return lone !== '' && !isCommonWord(lone) && !FIRST_NAMES.has(lone) && !PLACES.has(lone) && !isGuarded(c.key);
  };
  for (let i = 0; i < cands.length; i++) {
    const c = cands[i]!;
    // "Acme, Foo and Thomson": a surname-like word (weak alone) may be listed too
    const weakName = c.kind === 'candidate' && c.weak && !toks[c.sp.a]!.start && nameWordOf(c) && !companyKeys.has(c.key) && !persons.has(c.key);
    if (!open(c) && !weakName) continue;
    // "Foo, Bar and Ruritania's Baz": step over the possessive place before a name
    const pl = cands[i - 1];
    const skip = pl && pl.kind === 'other' && pl.rule === 'place' && toks[pl.sp.b - 1]!.poss && pl.sp.b === c.sp.a ? 1 : 0;
    for (const j of [i - 1 - skip, i + 1]) {
      const o = cands[j];
      if (!o || !companyKeys.has(o.key) || toks[o.sp.a]!.sent !== toks[c.sp.a]!.sent) continue;
      const [x, y] = j < i ? [o, c] : [c, o];
      const gap = toks.slice(x.sp.b, j < i && skip ? pl!.sp.a : y.sp.a).map((t) => t.w).join(' ');
      // a bare comma links list items only inside a list: "A, B, C" or "A, B and C", not "in Foo, Acme said"
      const before = toks[c.sp.a - 1]?.w;
      const after = toks[c.sp.b]?.w;
      const inList = gap !== ',' || (j < i ? after === ',' || after === 'and' || after === 'or' : before === ',');
      if (LIST_SEPARATORS.has(gap) && inList) {
        // "Acme, Foo and Thomson": a surname-like word listed beside a company found on its own evidence
        const own = !companyKeys.get(o.key)!.rule.includes('list');
        decide(c, own && nameWordOf(c) ? 0.6 : 0.5, 'list');
        break;
      }
    }
  }
  // Entities from decided keys; curated forms of one company share one entity.
  const ents = new Map<string, Ent>();
  const entOfKey = new Map<string, Ent>();
  const add = (ent: Ent, c: Cand) => {
    const t0 = toks[c.sp.a]!;
    const t1 = toks[c.sp.b - 1]!;
    if (ent.mentions.some((m) => m.start === t0.s)) return;
    ent.mentions.push({ start: t0.s, end: t1.e, text: doc.text.slice(t0.s, t1.e), sentence: t0.sent });
    if (!ent.forms.includes(c.surface)) ent.forms.push(c.surface);
    if (c.sp.ticker) ent.ticker ??= c.sp.ticker;
  };
  const curatedOfKey = new Map<string, CuratedCompany>();
  for (const c of cands) if (c.curated && c.kind !== 'other') curatedOfKey.set(c.key, c.curated);
  const groupOf = (k: string) => {
    const cur = curatedOfKey.get(k);
    return cur ? `curated:${cur.name}` : k;
  };
  for (const c of cands) {
    const long = defined.get(c.key);
    const dec = long !== undefined && companyKeys.has(long) ? companyKeys.get(long) : companyKeys.get(c.key);
    if (!dec || c.kind === 'other' || c.kind === 'person') continue;
    const group = long !== undefined && companyKeys.has(long) ? groupOf(long) : groupOf(c.key);
    let ent = ents.get(group);
    if (!ent) {
      ent = { key: c.key, forms: [], mentions: [], curated: c.curated, gaz: c.gaz, ticker: null, conf: dec.conf, rule: dec.rule };
      ents.set(group, ent);
    }
    ent.conf = Math.max(ent.conf, dec.conf);
    ent.gaz ??= c.gaz ?? c.curated?.listed ?? null;
    entOfKey.set(c.key, ent);
    add(ent, c);
  }
  const alias = new Map<string, Ent>();
  for (const [acr, long] of defined) {
    const ent = entOfKey.get(long);
    if (ent) alias.set(acr, ent);
  }
  // Short forms and acronyms: "Acme" and "AWC" for "Acme Widget Corp"; "Acme Canada" for
  // "Acme Motor Co of Canada" (same first and last word).
  let prefixOf = new Map<string, Ent | null>();
  let initials = new Map<string, Ent | null>();
  let byFirst = new Map<string, string[]>();
  const firstAt = (e: Ent) => Math.min(...e.mentions.map((m) => m.start));
  const note = (m: Map<string, Ent | null>, k: string, ent: Ent) => {
    const had = m.get(k);
    // "Boston Widget" after "Boston Widget Savings Bank" and "Boston Widget Bancorp": a short form of
    // two or more words is the company the article introduced first; one word ("Acme") stays ambiguous.
    if (had && had !== ent && k.includes(' ')) m.set(k, firstAt(had) <= firstAt(ent) ? had : ent);
    else m.set(k, had === undefined || had === ent ? ent : null);
  };
  const buildMaps = () => {
    prefixOf = new Map();
    initials = new Map();
    byFirst = new Map();
    for (const [k, ent] of entOfKey) {
      const t = k.split(' ');
      for (let n = 1; n < t.length; n++) note(prefixOf, t.slice(0, n).join(' '), ent);
      const list = byFirst.get(t[0]!) ?? [];
      list.push(k);
      byFirst.set(t[0]!, list);
    }
    for (const ent of ents.values()) {
      for (const f of ent.forms) {
        // "J. Walter Widget Inc" -> "walter widget", "walter"
        const lead = /^(?:[A-Z]\.?\s*){1,3}(?=[A-Z][a-z])/.exec(f);
        const rest = lead ? f.slice(lead[0].length) : '';
        if (rest) {
          const t = nameKey(rest).split(' ');
          for (let n = 1; n <= t.length; n++) {
            const own = entOfKey.get(t.slice(0, n).join(' '));
            if (!own || own !== ent) note(prefixOf, t.slice(0, n).join(' '), ent);
          }
        }
        // "Trans World Airlines Inc" -> "twai" and "twa"
        for (const form of [f, displayName(f)]) {
          const ini = initialsOf(form);
          if (ini.length >= 2) note(initials, ini, ent);
        }
      }
    }
  };
  const target = (key: string, lone: string | null): Ent | null => {
    let ent = alias.get(key) ?? null;
    // "Acme.com" for "Acme"
    const dot = DOTCOM_KEY_RE.exec(key);
    if (!ent && dot && lone) ent = entOfKey.get(dot[1]!) ?? null;
    if (!ent && lone && /^[A-Z&]{2,6}$/.test(lone)) ent = initials.get(key) ?? null;
    if (!ent) ent = prefixOf.get(key) ?? null;
    // "Widgets" for "Widget Industries"
    if (!ent && lone && key.length > 4 && key.endsWith('s') && !key.includes(' ')) ent = prefixOf.get(key.slice(0, -1)) ?? null;
    // "Heck" (from "Heck's") for "Heck's Inc"; "Highfield" for "Highfields Capital"
    if (!ent && lone && key.length > 3 && !key.includes(' ')) ent = entOfKey.get(key + 's') ?? prefixOf.get(key + 's') ?? null;
    if (!ent) {
      const t = key.split(' ');
      if (t.length < 2) return null;
      let found: Ent | null = null;
      for (const k of byFirst.get(t[0]!) ?? []) {
        const u = k.split(' ');
        if (u.length <= t.length || u[u.length - 1] !== t[t.length - 1]) continue;
        let j = 0;
        for (const w of u) if (w === t[j]) j++;
        if (j === t.length) {
          const e = entOfKey.get(k)!;
          if (found && found !== e) return null;
          found = e;
        }
      }
      ent = found;
    }
    return ent;
  };
  // Merge whole entities: a short-form entity ("Acme", found by a cue) into its long form ("Acme
  // Widget Corp"); not a curated or listed company into a division ("Acme" vs "Acme Cloud").
  const canMerge = (ent: Ent, into: Ent): boolean => {
    if (into === ent) return false;
    // "Acme Bank" is short for "Acme Bank for Savings"
    const forForm = into.key.startsWith(ent.key + ' for ');
    // "Acme Corp" is a company in its own right even beside "Acme Widget Inc"
    // (a legal form: "Acme Financial" is still short for "Acme Financial Management Corp")
    if (!forForm && ent.forms.some((f) => / /.test(f) && LEGAL_SUFFIXES.has(f.slice(f.lastIndexOf(' ') + 1).toLowerCase().replace(/\./g, ''))))
      return false;
    if (ent.gaz && !ent.gaz.short && !ent.curated && !ent.key.includes(' ') && !into.forms.some((f) => /\s/.test(f))) return false;
    if (!ent.curated) return !(ent.gaz && !ent.gaz.short && !ent.key.includes(' ') && into.curated);
    if (ent.curated.parent || into.curated) return false;
    // "Lloyds" + "Lloyds Bank"; "Acme" after "NV Acme Gloeilampenfabriek": the long form
    // adds only designators or words that are nothing but a name, and comes first.
    const extra = into.key.split(' ').slice(ent.key.split(' ').length);
    return extra.every((w) => DESIGNATORS.has(w) || (!isLexiconWord(w) && !isCommonWord(w) && firstAt(into) < firstAt(ent)));
  };
  for (let changed = true; changed; ) {
    changed = false;
    buildMaps();
    // longest keys first, so "Acme" finds "Acme Widget" after "Acme Widget" joined "Acme Widget Corp"
    const order = [...ents].sort((x, y) => y[1].key.length - x[1].key.length);
    for (const [group, ent] of order) {
      const lone = ent.forms.length === 1 && !ent.forms[0]!.includes(' ') ? ent.forms[0]! : null;
      const into = target(ent.key, lone);
      if (!into || !canMerge(ent, into)) continue;
      for (const m of ent.mentions) if (!into.mentions.some((x) => x.start === m.start)) into.mentions.push(m);
      for (const f of ent.forms) if (!into.forms.includes(f)) into.forms.push(f);
      into.ticker ??= ent.ticker;
      into.conf = Math.max(into.conf, ent.conf);
      into.curated ??= ent.curated;
      into.gaz ??= ent.gaz;
      ents.delete(group);
      for (const [k, e] of entOfKey) if (e === ent) entOfKey.set(k, into);
      changed = true;
      break;
    }
  }
  buildMaps();
  // Undecided mentions that are short forms or acronyms of a decided entity.
  for (const c of cands) {
    const placeWord = c.kind === 'other' && c.rule === 'place' && c.sp.b - c.sp.a === 1;
    if (entOfKey.has(c.key) || (c.kind === 'other' && !placeWord) || c.kind === 'person' || (blocked.has(c.key) && !placeWord)) continue;
    const lone = c.sp.b - c.sp.a === 1 ? toks[c.sp.a]! : null;
    if (c.weak && !(lone && /^[A-Z&]{2,6}$/.test(lone.w))) continue;
    if (brandKeys.has(c.key)) continue;
    if (lone && (FIRST_NAMES.has(lone.lower) || DATE_WORDS.has(lone.lower))) continue;
    // "American" for "American Airlines" only where it acts as a company: "American's share"
    if (lone && (PLACES.has(lone.lower) || DEMONYMS.has(lone.lower)) && (lone.start || cueScore(toks, c.sp).score < 0.6)) continue;
    const ent = target(c.key, lone?.w ?? null);
    if (ent) add(ent, c);
  }
  // "Acme Retail" beside a curated "Acme": a division, parent Acme.
  // Not "Acme Canada" or "Acme Motor Co of Canada": a separately named subsidiary has no parent here.
  const parentOf = (ent: Ent): string | null => {
    if (ent.curated) return null;
    const t = ent.key.split(' ');
    for (let n = t.length - 1; n >= 1; n--) {
      const cur = curatedCompany(t.slice(0, n).join(' '));
      if (!cur) continue;
      const extra = t.slice(n);
      const subsidiary = ent.forms.some((f) => isOwnLegalForm(f.slice(f.lastIndexOf(' ') + 1).toLowerCase())) ||
        extra.some((w) => PLACES.has(w) || DEMONYMS.has(w) || LEGAL_SUFFIXES.has(w) || w === 'of');
      return subsidiary ? null : (cur.parent ?? cur.name);
    }
    return null;
  };
  // Output.
  const out: CompanyEntity[] = [];
  for (const ent of ents.values()) {
    ent.mentions.sort((x, y) => x.start - y.start);
    const aliases: string[] = [];
    for (const m of ent.mentions) if (!aliases.includes(m.text)) aliases.push(m.text);
    // Canonical name: the longest form the article uses (legal suffix dropped); the curated name
    // when the article uses only an acronym ("AWS" -> "Amazon Web Services").
    let best = '';
    for (const f of ent.forms) {
      const words = (x: string) => (x ? x.split(/\s+/).length : 0);
      if (/^[A-Z&.]{2,6}$/.test(f) && ent.curated) continue;
      // "Acme" over "Acme.com" when the article uses both
      if (DOTCOM_END_RE.test(f) && ent.forms.some((g) => !DOTCOM_END_RE.test(g))) continue;
      if (words(f) > words(best) || (words(f) === words(best) && f.length > best.length)) best = f;
    }
    // a curated company that absorbed a "Name + designator" form keeps its own name ("BT", not "BT Retail")
    if (ent.curated && best && curatedCompany(nameKey(best)) !== ent.curated) best = '';
    // "Goldman, Sachs and Co" -> the curated "Goldman Sachs"
    if (ent.curated && best.includes(',') && nameKey(best) === nameKey(ent.curated.name)) best = ent.curated.name;
    // A curated company always takes its curated name, so one company has one id across articles
    // ("Google Cloud" whether an article says "Google Cloud" or "Google Cloud Platform").
    const name = ent.curated?.name ?? (best ? displayName(best) : displayName(ent.forms[0]!));
    // The SEC list is today's: trust its ticker for a large company or an exact name match only.
    const gazName = ent.gaz ? nameKey(ent.gaz.name) : '';
    const exact = ent.forms.some((f) => nameKey(f) === gazName && displayName(f).toLowerCase() === ent.gaz!.name.toLowerCase());
    const gaz = ent.gaz && (exact || ent.gaz.rank < 1000) && (!ent.gaz.short || ent.conf >= 0.8) ? ent.gaz : null;
    out.push({
      id: slug(name),
      name,
      aliases,
      mentions: ent.mentions,
      ticker: ent.ticker ?? gaz?.ticker ?? null,
      cik: gaz?.cik ?? null,
      parent: ent.curated?.parent ?? parentOf(ent),
      confidence: Math.round(ent.conf * 100) / 100,
      rule: ent.rule,
    });
  }
  // One entity per id.
  const byId = new Map<string, CompanyEntity>();
  for (const e of out) {
    const had = byId.get(e.id);
    if (!had) byId.set(e.id, e);
    else {
      for (const m of e.mentions) if (!had.mentions.some((x) => x.start === m.start)) had.mentions.push(m);
      had.mentions.sort((x, y) => x.start - y.start);
      for (const a of e.aliases) if (!had.aliases.includes(a)) had.aliases.push(a);
      had.confidence = Math.max(had.confidence, e.confidence);
      had.ticker ??= e.ticker;
      had.cik ??= e.cik;
    }
  }
  return [...byId.values()].sort((x, y) => x.mentions[0]!.start - y.mentions[0]!.start);
}

// "Acme Corp. said on Tuesday it would buy Foo Ltd's parent ..." -> Acme, Foo
export const companies: Component = {
  name: 'companies',
  requires: ['norm', 'sentences'],
  assigns: ['companies'],
  run(doc) {
    doc.companies = recognizeCompanies(doc);
  },
};

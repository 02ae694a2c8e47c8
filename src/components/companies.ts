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
import type { Component } from '../pipeline.ts';
import type { CompanyEntity, CompanyMention, Doc } from '../doc.ts';
import { slug } from '../util/ids.ts';
import { curatedCompany, isGuarded, isNotCompany, isProduct } from '../lexicon/aliases.ts';
import type { CuratedCompany } from '../lexicon/aliases.ts';
import { gazetteerLookup } from '../lexicon/gazetteer.ts';
import type { GazetteerEntry } from '../lexicon/gazetteer.ts';
import { DESIGNATORS, WEAK_DESIGNATORS, displayName, nameKey } from '../lexicon/names.ts';
import {
  DATE_WORDS,
  DEMONYMS,
  FIRST_NAMES,
  LAST_NAMES,
  LEXICON_ORGS,
  NATIONALITIES,
  PLACES,
  isCommonWord,
  isLexiconWord,
} from '../lexicon/words.ts';
import {
  APPOSITIVE_TITLES,
  HEAD_NOUNS,
  LEFT_PHRASES,
  NON_COMPANY_HEADS,
  NON_COMPANY_PAIRS,
  OWNERSHIP_SUFFIXES,
  PERSON_TITLES,
  POSSESSIVE_NOUNS,
  RIGHT_NOUNS,
  RIGHT_VERBS,
  WEAK_HEAD_NOUNS,
} from '../lexicon/cues.ts';

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
const CAP_RE = /^(?:[A-Z]|[a-z]{1,2}[A-Z]|\d+(?!(?:am|pm|th|st|nd|rd|s|m|bn|k|km|kg|mb|gb|mph|ft|in|p)$)[A-Za-z]{2,})/;
/** "NEws": a typing slip, not a name. */
const GARBLED_RE = /^[A-Z]{2}[a-z]+$/;

function tokenize(doc: Doc): Tok[] {
  const norm = doc.norm;
  const sents = doc.sentences;
  const toks: Tok[] = [];
  let si = 0;
  let lastSent = -1;
  let prevWord: Tok | null = null;
  for (const m of norm.matchAll(TOKEN_RE)) {
    const s = m.index;
    let e = s + m[0].length;
    let w = m[0];
    while (si < sents.length && s >= sents[si]!.end) si++;
    const sent = si < sents.length && s >= sents[si]!.start ? si : Math.max(0, si - 1);
    const word = /[\p{L}\p{N}]/u.test(w[0]!);
    let poss = false;
    let tail = '';
    if (word) {
      if (/'s$/i.test(w) && w.length > 2) {
        // "Acme's shares" -> "Acme" + possessive; but in "Foo's, Bar's and Baz's" (shop names)
        // the "'s" belongs to the name: nothing follows that it could own.
        const after = norm.slice(e, e + 6);
        const owns = /^\s+(?!and\b|or\b|is\b|was\b|has\b|had\b)[A-Za-z0-9$]/.test(after);
        if (owns) {
          poss = true;
          w = w.slice(0, -2);
          e -= 2;
        }
      }
      // "Acme-owned", "London-based": split off a lower-case tail after a capitalised head.
      const h = /^(.*[A-Za-z0-9])-([a-z]+)$/.exec(w);
      if (h && CAP_RE.test(h[1]!)) {
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
    const t: Tok = { s, e, w, lower: w.toLowerCase(), word, cap: word && CAP_RE.test(w) && !GARBLED_RE.test(w), poss, tail, sent, start };
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

/** Lower-case particles inside names: "de Havilland", "Banco do Brasil", "Louis Vuitton Moet et Chandon". */
const PARTICLES = new Set(['de', 'du', 'da', 'do', 'di', 'del', 'della', 'der', 'den', 'van', 'von', 'la', 'le', 'et', 'y']);
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
        // "Claire's Stores": a possessive continues only into a designator
        const nx = toks[j];
        if (!(t.poss && nx?.cap && DESIGNATORS.has(nx.lower))) break;
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
  return t !== undefined && DESIGNATORS.has(t.lower.replace(/\./g, ''));
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

function knownKey(key: string): boolean {
  return curatedCompany(key) !== undefined || (gazetteerLookup(key)?.short === false && !isGuarded(key));
}

/** Collect the candidate spans of the text, in order. */
function candidateSpans(toks: Tok[]): Span[] {
  const spans: Span[] = [];
  const n = toks.length;
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
    const startsParticle = t.word && (t.w === 'de' || t.w === 'van' || t.w === 'von') && toks[i + 1]?.cap;
    if (!(t.cap && t.word) && !startsParticle) {
      i++;
      continue;
    }
    let b = baseRun(toks, startsParticle ? i + 1 : i);
    // "X and Y": one name when known as one ("Procter & Gamble"), when Y is "Co" ("Goldman Sachs
    // and Co"), when both are initials ("S. and W. Acme"), or "X and Y Publishers".
    // "X of Y": "Bank of Scotland", "Acme Motor Co of Canada", "Acme Aircraft of Canada".
    for (;;) {
      // "S. and W. Acme": step over an initial's period
      const dot = toks[b]?.w === '.' && /^[A-Z]$/.test(toks[b - 1]!.w) ? 1 : 0;
      const c = toks[b + dot];
      const d = toks[b + dot + 1];
      if (!c || !d || c.sent !== t.sent || !(c.w === 'and' || c.w === 'of' || c.w === '&') || !d.cap || !d.word) break;
      if (toks[b - 1]!.poss) break;
      const b2 = baseRun(toks, b + dot + 1);
      const joinedKey = spanKey(toks, i, b2);
      const leftKey = spanKey(toks, i, b);
      let join = knownKey(joinedKey) || isNotCompany(joinedKey);
      if (!join && (c.w === 'and' || c.w === '&')) {
        const right = toks.slice(b + dot + 1, b2).map((x) => x.lower);
        join =
          (right.length === 1 && (right[0] === 'co' || right[0] === 'cos' || right[0] === 'company' || right[0] === 'sons')) ||
          (b - i <= 2 && /^[A-Z]$/.test(toks[i]!.w) && /^[A-Z]$/.test(d.w)) ||
          (isDesignator(toks[b2 - 1]) && !isDesignator(toks[b - 1]) && !knownKey(leftKey) && b2 - b <= 4);
      } else if (!join && c.w === 'of') {
        const last = toks[b - 1]!;
        // "Acme Motor Co of Canada" names a company; "Acme Ltd of Ruritania" describes one.
        const endsName = /^(?:inc|ltd|plc|llc|ag|sa|nv|gmbh|spa)\.?$/.test(last.lower);
        join =
          (last.lower === 'bank' || last.lower === 'banco' || (isDesignator(last) && !endsName) || NON_COMPANY_HEADS.has(last.lower)) &&
          b2 - b <= 4;
      }
      if (!join) break;
      b = b2;
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
  for (const sp of spans) {
    if (sp.angle) {
      out.push(sp);
      continue;
    }
    let a = sp.a;
    let afterTitle = toks[a - 1]?.word === true && PERSON_TITLES.has(toks[a - 1]!.lower) && toks[a - 1]!.cap === false
      ? false
      : isTitleTok(toks[a - 1]);
    const flush = (x: number, y: number, stripped: string[], title: boolean) => {
      if (y > x) out.push({ a: x, b: y, angle: false, ticker: y === sp.b ? sp.ticker : null, stripped, afterTitle: title });
    };
    let stripped: string[] = [];
    for (let i = sp.a; i < sp.b; i++) {
      const t = toks[i]!;
      if (!t.word) continue;
      const lower = t.lower;
      const whole = spanKey(toks, a, sp.b);
      const breaker = DATE_WORDS.has(lower) || (PERSON_TITLES.has(lower) && !knownKey(whole) && i < sp.b - 1);
      if (breaker) {
        flush(a, i, stripped, afterTitle);
        a = i + 1;
        stripped = [];
        afterTitle = PERSON_TITLES.has(lower);
        continue;
      }
      if (i === a && i < sp.b - 1 && !knownKey(whole) && !(whole && isNotCompany(whole))) {
        // strip a leading word that is not part of the name
        const ordinaryStart = t.start && (isCommonWord(lower) || isLexiconWord(lower) || HEAD_NOUNS.has(lower));
        const strip =
          (ordinaryStart && !DESIGNATORS.has(toks[i + 1]!.lower)) ||
          ((NATIONALITIES.has(lower) || PLACES.has(lower.replace(/\.$/, ''))) && !isDesignator(toks[i + 1])) ||
          (lower === 'the' && !t.start);
        if (strip) {
          stripped.push(lower);
          a = i + 1;
          continue;
        }
      }
    }
    flush(a, sp.b, stripped, afterTitle);
  }
  return out;
}

function isTitleTok(t: Tok | undefined): boolean {
  return t !== undefined && t.word && PERSON_TITLES.has(t.lower.replace(/\.$/, ''));
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
  if (isNotCompany(key) || isProduct(key)) return true;
  const last = toks[b - 1]!.lower;
  if (NON_COMPANY_HEADS.has(last)) return true;
  if (NON_COMPANY_HEADS.has(toks[a]!.lower) && toks[a + 1]?.w === 'of') return true;
  for (let i = a; i < b - 1; i++) {
    const pair = `${toks[i]!.lower} ${toks[i + 1]!.lower}`;
    if (NON_COMPANY_PAIRS.has(pair)) return true;
  }
  return false;
}

/** "Jane Doe, chief executive of Acme", "Jo Bloggs, head of ...": a person before the comma. */
function personAppositive(toks: Tok[], sp: Span): boolean {
  const c = toks[sp.b];
  if (c?.w !== ',' || toks[sp.b - 1]!.poss) return false;
  for (let k = sp.b + 1; k <= sp.b + 3; k++) {
    const t = toks[k];
    if (!t || !t.word || t.sent !== c.sent) return false;
    if (APPOSITIVE_TITLES.has(t.lower)) return true;
    if (!(t.lower === 'the' || t.lower === 'a' || t.lower === 'an' || t.lower === 'its' || t.poss || t.cap)) return false;
  }
  return false;
}

function looksLikePerson(toks: Tok[], sp: Span, key: string, persons: Set<string>): boolean {
  const len = sp.b - sp.a;
  const first = toks[sp.a]!;
  const last = toks[sp.b - 1]!;
  if (sp.afterTitle) return true;
  if (isDesignator(last)) return false;
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
  if (prev && prev.word && prev.sent === sent && !prev.cap && HEAD_NOUNS.has(prev.lower)) {
    if (!WEAK_HEAD_NOUNS.has(prev.lower) || (prev2?.word && HEAD_NOUNS.has(prev2.lower)))
      return { score: 0.7, cue: 'head-noun' };
  }
  // "Acme-owned Foo", "state-owned Foo"
  if (prev && prev.sent === sent && OWNERSHIP_SUFFIXES.has(prev.tail || (/-(\w+)$/.exec(prev.w)?.[1] ?? '')))
    return { score: 0.6, cue: 'owned-by' };
  if (last.tail && OWNERSHIP_SUFFIXES.has(last.tail)) return { score: 0.7, cue: 'owner' };
  // "stake in Acme", "analyst at Acme"
  for (const ph of LEFT_PHRASES) {
    let ok = true;
    for (let k = 0; k < ph.length; k++) {
      const t = toks[a - ph.length + k];
      if (!t || t.sent !== sent || t.lower !== ph[k]) {
        ok = false;
        break;
      }
    }
    if (ok) return { score: 0.65, cue: `left:${ph.join(' ')}` };
  }
  const next = toks[b];
  const next2 = toks[b + 1];
  if (last.poss && next?.word && next.sent === sent) {
    // "Acme's shares", "Acme's chief executive", "Acme's market share", "Acme's US affiliate"
    const placeNext = next.cap && (PLACES.has(next.lower.replace(/\.$/, '')) || DEMONYMS.has(next.lower));
    if (POSSESSIVE_NOUNS.has(next.lower) || (next2?.word && POSSESSIVE_NOUNS.has(next2.lower) && (!next.cap || placeNext)))
      return { score: 0.65, cue: 'possessive' };
  }
  if (next && next.word && next.sent === sent && !last.poss && !next.cap) {
    // "Acme shares", "Acme bosses", "Acme investment bank", "the Acme business"
    if (RIGHT_NOUNS.has(next.lower)) return { score: 0.65, cue: `right:${next.lower}` };
    if (HEAD_NOUNS.has(next.lower) && !WEAK_HEAD_NOUNS.has(next.lower) && !next.tail) return { score: 0.6, cue: 'right-head' };
    if (next2?.word && !next2.cap && HEAD_NOUNS.has(next2.lower) && !WEAK_HEAD_NOUNS.has(next2.lower) && !isLexiconWord(next.lower) === false)
      if (DESIGNATORS.has(next.lower) || /^(?:investment|oil|gas|energy|software|drinks|media|telecoms?|retail|research|chemicals?|steel|mining|insurance|brokerage|consulting|engineering|technology|tech|computer|car|airline|banking|financial|security)$/.test(next.lower))
        return { score: 0.6, cue: 'right-head' };
  }
  if (next?.w === ',' && next.sent === sent) {
    // "Acme, the world's biggest retailer", "Acme, Japan's second-largest bank"
    for (let k = b + 1; k < b + 8 && k < toks.length; k++) {
      const t = toks[k]!;
      if (t.sent !== sent || (!t.word && t.w !== '-')) break;
      if (!t.cap && HEAD_NOUNS.has(t.lower) && !WEAK_HEAD_NOUNS.has(t.lower) && k > b + 1) {
        const at = toks[b + 1]!;
        const art = at.lower;
        if (art === 'the' || art === 'a' || art === 'an' || art === 'its' || (at.poss && !at.tail))
          return { score: 0.6, cue: 'appositive' };
      }
      if (RIGHT_VERBS.has(t.lower) || t.tail) break;
    }
  }
  // "said Jane Doe at Acme Capital Partners", "an analyst at Foo Bar"
  if (prev?.lower === 'at' && prev2?.cap && prev2.sent === sent && b - a >= 2) return { score: 0.5, cue: 'person-at' };
  // "Acme with 11% of the market"
  if (next?.lower === 'with' && next2 && /^\d/.test(next2.w)) return { score: 0.5, cue: 'share' };
  // "Acme said", "Acme reported" (weak: people say things too)
  if (next && next.word && next.sent === sent && RIGHT_VERBS.has(next.lower) && !first.start) return { score: 0.45, cue: 'verb' };
  if (next && next.word && next.sent === sent && RIGHT_VERBS.has(next.lower)) return { score: 0.4, cue: 'verb' };
  return { score: 0, cue: '' };
}

function classify(toks: Tok[], sp: Span, persons: Set<string>): Cand {
  const surface = textOf(toks, sp.a, sp.b);
  const key = nameKey(surface);
  const len = sp.b - sp.a;
  const first = toks[sp.a]!;
  const last = toks[sp.b - 1]!;
  const base = { sp, key, surface, curated: null, gaz: null, weak: false };
  if (!key || !/[a-z]/.test(key)) return { ...base, kind: 'other', conf: 0, rule: '' };
  if (nonCompanyShape(toks, sp.a, sp.b, key)) return { ...base, kind: 'other', conf: 0, rule: 'not-company' };
  const curated = curatedCompany(key) ?? null;
  if (curated && !isGuarded(key)) return { ...base, curated, kind: 'company', conf: 0.95, rule: 'alias' };
  // "Orange", "Apple": a curated name that is also a word counts when capitalised mid-sentence
  if (curated && !first.start && first.cap) return { ...base, curated, kind: 'company', conf: 0.85, rule: 'alias' };
  if (looksLikePerson(toks, sp, key, persons) && !cueScore(toks, sp).cue.includes('head'))
    return { ...base, kind: 'person', conf: 0, rule: 'person' };
  const lone = len === 1 ? first.lower : '';
  const ordinary =
    len === 1 &&
    (isCommonWord(lone) || PLACES.has(lone) || DEMONYMS.has(lone) || FIRST_NAMES.has(lone) || LAST_NAMES.has(lone) || DATE_WORDS.has(lone));
  const placeLike = PLACES.has(key) || DEMONYMS.has(key);
  const weak = len === 1 && first.start && (ordinary || !first.cap);
  const gaz = gazetteerLookup(key) ?? null;
  const guarded = isGuarded(key) || ordinary || placeLike;
  if (sp.angle) return { ...base, gaz, curated, kind: 'company', conf: 0.9, rule: 'angle-brackets' };
  if (sp.ticker && !placeLike) return { ...base, gaz, curated, kind: 'company', conf: 0.9, rule: 'ticker' };
  if (curated) return { ...base, curated, weak, kind: 'candidate', conf: 0.9, rule: 'alias' };
  if (placeLike) return { ...base, kind: 'other', conf: 0, rule: 'place' };
  if (len >= 2 && isDesignator(last)) {
    const strong = !WEAK_DESIGNATORS.has(last.lower);
    // "Acme Corp", "Foo Brewing": the designator alone is no name; "Federal Energy" needs more.
    const allDesignators = toks.slice(sp.a, sp.b).every((t) => !t.word || isDesignator(t));
    if (!allDesignators) {
      if (strong || gaz) return { ...base, gaz, kind: 'company', conf: gaz ? 0.95 : 0.85, rule: gaz ? 'gazetteer+suffix' : 'suffix' };
      // "Renaissance Capital", "Acme Energy": a distinctive first word carries a weak designator
      const f = first.lower;
      const plain = !isCommonWord(f) && !DEMONYMS.has(f) && !PLACES.has(f) && !FIRST_NAMES.has(f) && !isLexiconWord(f);
      if (plain) return { ...base, gaz, kind: 'company', conf: 0.7, rule: 'suffix' };
      return { ...base, gaz, kind: 'candidate', conf: 0.7, rule: 'suffix' };
    }
    // "Retail Consulting Group": designators only, a name only with a cue
    return { ...base, kind: 'candidate', conf: 0.6, rule: 'designators', weak: first.start };
  }
  if (gaz && !guarded) {
    const conf = gaz.short ? 0.8 : 0.85;
    return { ...base, gaz, weak, kind: 'company', conf, rule: gaz.short ? 'gazetteer-short' : 'gazetteer' };
  }
  if (gaz) return { ...base, gaz, weak, kind: 'candidate', conf: 0.8, rule: 'gazetteer' };
  if (len === 1 && LEXICON_ORGS.has(lone) && !ordinary) return { ...base, weak, kind: 'candidate', conf: 0.7, rule: 'lexicon-org' };
  return { ...base, weak: weak || (len === 1 && ordinary), kind: 'candidate', conf: 0.6, rule: 'context' };
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
  /** Longest surface form, by words. */
  best: string;
}

function initialsOf(surface: string): string {
  return surface
    .split(/[\s-]+/)
    .filter((w) => w && w !== 'and' && w !== 'of' && w !== 'the' && w !== '&' && /^[A-Za-z]/.test(w))
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
    }
    cands.push(c);
  }
  // Pass 2: cues decide candidates; a key decided anywhere in the article holds everywhere.
  const companyKeys = new Map<string, { conf: number; rule: string }>();
  const blocked = new Set<string>();
  for (const c of cands) {
    if (c.kind === 'company') {
      const prev = companyKeys.get(c.key);
      if (!prev || prev.conf < c.conf) companyKeys.set(c.key, { conf: c.conf, rule: c.rule });
    } else if (c.kind === 'other' || c.kind === 'person') blocked.add(c.key);
  }
  for (const c of cands) {
    if (c.kind !== 'candidate' || c.weak || companyKeys.has(c.key)) continue;
    if (c.sp.b - c.sp.a === 1 && persons.has(c.key)) continue;
    const cue = cueScore(toks, c.sp);
    if (cue.score === 0) continue;
    // weak cues ("X said") do not make an ordinary word a company
    const lone = c.sp.b - c.sp.a === 1 ? toks[c.sp.a]!.lower : '';
    const ordinary = lone !== '' && (isCommonWord(lone) || FIRST_NAMES.has(lone) || LAST_NAMES.has(lone) || isGuarded(c.key));
    if (ordinary && cue.score < 0.6) continue;
    const conf = Math.min(c.conf, 0.5 + cue.score / 2);
    const prev = companyKeys.get(c.key);
    if (!prev || prev.conf < conf) companyKeys.set(c.key, { conf, rule: `${c.rule === 'context' ? 'cue' : c.rule}:${cue.cue}` });
  }
  // Entities from decided keys.
  const ents = new Map<string, Ent>();
  const add = (ent: Ent, c: Cand) => {
    const t0 = toks[c.sp.a]!;
    const t1 = toks[c.sp.b - 1]!;
    if (ent.mentions.some((m) => m.start === t0.s)) return;
    ent.mentions.push({ start: t0.s, end: t1.e, text: doc.text.slice(t0.s, t1.e), sentence: t0.sent });
    if (!ent.forms.includes(c.surface)) ent.forms.push(c.surface);
    if (c.sp.ticker) ent.ticker ??= c.sp.ticker;
    const words = (s: string) => s.split(/\s+/).length;
    if (words(c.surface) > words(ent.best) && !/^[A-Z&.]+$/.test(c.surface)) ent.best = c.surface;
  };
  for (const c of cands) {
    const dec = companyKeys.get(c.key);
    if (!dec || c.kind === 'other' || c.kind === 'person') continue;
    let ent = ents.get(c.key);
    if (!ent) {
      ent = { key: c.key, forms: [], mentions: [], curated: c.curated, gaz: c.gaz, ticker: null, conf: dec.conf, rule: dec.rule, best: c.surface };
      ents.set(c.key, ent);
    }
    ent.curated ??= c.curated;
    ent.gaz ??= c.gaz;
    add(ent, c);
  }
  // Acronyms defined in the text: "Acme Widget Systems (AWS)".
  const alias = new Map<string, Ent>();
  for (const c of cands) {
    const ent = ents.get(c.key);
    if (!ent) continue;
    const o = toks[c.sp.b];
    const ac = toks[c.sp.b + 1];
    const cl = toks[c.sp.b + 2];
    if (o?.w === '(' && ac?.word && cl?.w === ')' && /^[A-Z][A-Za-z&]{1,7}$/.test(ac.w) && /[A-Z].*[A-Z]/.test(ac.w)) {
      if (ac.w[0]!.toLowerCase() === c.key[0]) alias.set(nameKey(ac.w), ent);
    }
  }
  // Short forms and acronyms of decided entities: "Acme" for "Acme Widget Corp", "AWC".
  const prefixOf = new Map<string, Ent | null>();
  const initials = new Map<string, Ent | null>();
  for (const ent of ents.values()) {
    const t = ent.key.split(' ');
    for (let k = 1; k < t.length; k++) {
      const p = t.slice(0, k).join(' ');
      if (ents.has(p)) continue;
      const had = prefixOf.get(p);
      prefixOf.set(p, had === undefined || had === ent ? ent : null);
    }
    for (const f of ent.forms) {
      const ini = initialsOf(f);
      if (ini.length >= 2 && !ents.has(ini)) {
        const had = initials.get(ini);
        initials.set(ini, had === undefined || had === ent ? ent : null);
      }
    }
  }
  for (const c of cands) {
    if (ents.has(c.key) || c.kind === 'other' || c.kind === 'person') continue;
    let ent = alias.get(c.key) ?? null;
    const lone = c.sp.b - c.sp.a === 1 ? toks[c.sp.a]! : null;
    if (!ent && lone && /^[A-Z&]{2,6}$/.test(lone.w)) ent = initials.get(c.key) ?? null;
    if (!ent) {
      const p = prefixOf.get(c.key);
      const shortOk = !c.weak && !(lone && (FIRST_NAMES.has(lone.lower) || DATE_WORDS.has(lone.lower))) && !blocked.has(c.key);
      if (p && shortOk) ent = p;
    }
    if (ent) add(ent, c);
  }
  // Output.
  const out: CompanyEntity[] = [];
  for (const ent of ents.values()) {
    ent.mentions.sort((x, y) => x.start - y.start);
    const name = ent.curated?.name ?? displayName(ent.best);
    const aliases: string[] = [];
    for (const m of ent.mentions) if (!aliases.includes(m.text)) aliases.push(m.text);
    const gaz = ent.gaz && !ent.gaz.short ? ent.gaz : ent.gaz && ent.conf >= 0.8 ? ent.gaz : null;
    out.push({
      id: slug(name),
      name,
      aliases,
      mentions: ent.mentions,
      ticker: ent.ticker ?? gaz?.ticker ?? null,
      cik: gaz?.cik ?? null,
      parent: ent.curated?.parent ?? null,
      confidence: Math.round(ent.conf * 100) / 100,
      rule: ent.rule,
    });
  }
  // One entity per id: two keys can share a canonical name (curated forms).
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

/**
 * Company cues: is there a word or construction around a span that says it names a company
 * ("oil firm Acme", "Acme shares", "stake in Acme", "Acme's chief executive")? The rows of
 * CUE_RULES (rules/companies.ts) are tried in order; each names one of the matchers below. The
 * answer is the first matching row's score (0 = no cue) and its name, which goes into the rule of
 * the entity.
 */
import { curatedCompany, isProduct } from '../../lexicon/aliases.ts';
import { DESIGNATORS, nameKey } from '../../lexicon/names.ts';
import { DEMONYMS, FIRST_NAMES, PLACES, isFunctionWord } from '../../lexicon/words.ts';
import {
  ANALYST_NOUNS,
  APPOSITIVE_OPENERS,
  AUXILIARIES,
  AUX_VERBS,
  BASED_TAILS,
  HEAD_NOUNS,
  IT_PRONOUNS,
  LEFT_PHRASES,
  NON_COMPANY_HEADS,
  OWNED_TAILS,
  PUBLIC_OWNERS,
  OWNERSHIP_SUFFIXES,
  PERSON_TITLES,
  POLITICAL_NOUNS,
  POSSESSIVE_NOUNS,
  RIGHT_NOUNS,
  RIGHT_VERBS,
  SAY_VERBS,
  SECTOR_WORDS,
  TITLE_ACRONYMS,
  WEAK_HEAD_NOUNS,
} from '../../lexicon/cues.ts';
import { CUE_RULES } from '../../rules/companies.ts';
import type { CueMatch, CueRule } from '../../rules/companies.ts';
import type { CompanySpan as Span, CompanyToken as Tok } from './types.ts';

export interface Cue {
  score: number;
  cue: string;
}

/** What every matcher may look at: the span, its first and last token, two tokens either side. */
interface Around {
  toks: Tok[];
  sp: Span;
  a: number;
  b: number;
  sent: number;
  first: Tok;
  last: Tok;
  prev: Tok | undefined;
  prev2: Tok | undefined;
  next: Tok | undefined;
  next2: Tok | undefined;
}

/** A matcher: null when the construction is not there, else a detail for the cue's name ('' for none). */
type Matcher = (x: Around) => string | null;

/** LEFT_PHRASES by their last word, in table order. */
const LEFT_PHRASES_BY_LAST = new Map<string, { ph: readonly string[]; text: string }[]>();
for (const ph of LEFT_PHRASES) {
  const lastWord = ph[ph.length - 1]!;
  const list = LEFT_PHRASES_BY_LAST.get(lastWord) ?? [];
  list.push({ ph, text: ph.join(' ') });
  LEFT_PHRASES_BY_LAST.set(lastWord, list);
}

const yes = (c: unknown): '' | null => (c ? '' : null);

/** "Acme-owned Foo", "London-based Foo": the tail of the word before the span. */
function prevTail({ prev, sent }: Around): string {
  return prev && prev.sent === sent ? prev.tail || (/-(\w+)$/.exec(prev.w)?.[1] ?? '') : '';
}

/** "Acme shares", "Acme bank": a lower-case word of the same sentence right after a non-possessive name. */
function lowerNext({ next, sent, last }: Around): Tok | null {
  return next && next.word && next.sent === sent && !last.poss && !next.cap ? next : null;
}

/** "Acme investment bank": not after a lone sentence-initial word ("Spanish carrier Foo"). */
const modifier = ({ first, a, b }: Around) => first.start && b - a === 1;

const MATCHERS: Record<CueMatch, Matcher> = {
  'head-noun-stripped': ({ sp }) => {
    const head = sp.stripped[sp.stripped.length - 1];
    return yes(head !== undefined && HEAD_NOUNS.has(head) && !WEAK_HEAD_NOUNS.has(head));
  },
  'head-noun-before': ({ prev, prev2, sent }) => {
    if (!(prev && prev.word && prev.sent === sent && !prev.cap && HEAD_NOUNS.has(prev.lower))) return null;
    return yes(!WEAK_HEAD_NOUNS.has(prev.lower) || (prev2?.word && !prev2.cap && !isFunctionWord(prev2.lower) && prev2.sent === sent));
  },
  'head-noun-before-comma': ({ prev, prev2, sent }) =>
    yes(prev?.w === ',' && prev2?.word && !prev2.cap && prev2.sent === sent && HEAD_NOUNS.has(prev2.lower) && !WEAK_HEAD_NOUNS.has(prev2.lower)),
  'owned-tail-before': (x) => yes(OWNED_TAILS.has(prevTail(x))),
  'based-tail-before': (x) => yes(BASED_TAILS.has(prevTail(x))),
  'owner-tail': ({ last, first }) => yes(last.tail && OWNERSHIP_SUFFIXES.has(last.tail) && !PUBLIC_OWNERS.has(first.lower)),
  'left-phrase': ({ toks, a, prev, sent }) => {
    const phrases = prev && LEFT_PHRASES_BY_LAST.get(prev.lower);
    if (!phrases) return null;
    for (const { ph, text } of phrases) {
      let ok = true;
      for (let k = 0; k < ph.length; k++) {
        const t = toks[a - ph.length + k];
        if (!t || t.sent !== sent || t.lower !== ph[k]) {
          ok = false;
          break;
        }
      }
      if (ok) return text;
    }
    return null;
  },
  'right-title-acronym': ({ last, next, sent }) => (next?.word && next.sent === sent && !last.poss && TITLE_ACRONYMS.has(next.lower) ? next.lower : null),
  'possessive-noun': ({ last, next, next2, sent }) => {
    if (!(last.poss && next?.word && next.sent === sent)) return null;
    // "Acme's shares", "Acme's chief executive", "Acme's market share", "Acme's US affiliate"
    const placeNext = next.cap && (PLACES.has(next.lower.replace(/\.$/, '')) || DEMONYMS.has(next.lower));
    return yes(POSSESSIVE_NOUNS.has(next.lower) || (next2?.word && POSSESSIVE_NOUNS.has(next2.lower) && (!next.cap || placeNext)));
  },
  'possessive-product': ({ last, next, sent }) =>
    yes(last.poss && next?.word && next.sent === sent && next.cap && (isProduct(next.lower) || isProduct(nameKey(next.w)))),
  'right-noun': (x) => {
    const next = lowerNext(x);
    return next && RIGHT_NOUNS.has(next.lower) ? next.lower : null;
  },
  'right-analyst': (x) => {
    const next = lowerNext(x);
    return next && ANALYST_NOUNS.has(next.lower) && x.next2?.cap ? next.lower : null;
  },
  'the-name-group': (x) => {
    const { prev, next2, sent } = x;
    return yes(lowerNext(x)?.lower === 'group' && prev?.lower === 'the' && prev.sent === sent && next2?.lower !== 'of');
  },
  'right-head-noun': (x) => {
    const next = lowerNext(x);
    const { next2, sent } = x;
    // not "Wifi firm Acme": a name after the head noun is the company, this is its trade
    const nameAfter = next2?.cap === true && next2.word && next2.sent === sent;
    return yes(next && !modifier(x) && !nameAfter && HEAD_NOUNS.has(next.lower) && !WEAK_HEAD_NOUNS.has(next.lower) && !next.tail);
  },
  'right-sector-head': (x) => {
    const next = lowerNext(x);
    const { next2 } = x;
    return yes(
      next && !modifier(x) && next2?.word && !next2.cap && HEAD_NOUNS.has(next2.lower) && (DESIGNATORS.has(next.lower) || SECTOR_WORDS.has(next.lower)),
    );
  },
  appositive: ({ toks, b, next, sent }) => {
    if (!(next?.w === ',' && next.sent === sent)) return null;
    // "Acme, the world's biggest retailer", "Acme, Japan's second-largest bank"
    for (let k = b + 1; k < b + 11 && k < toks.length; k++) {
      const t = toks[k]!;
      if (t.sent !== sent || (!t.word && t.w !== '-')) break;
      if (!t.cap && HEAD_NOUNS.has(t.lower) && !WEAK_HEAD_NOUNS.has(t.lower) && k > b + 1) {
        const at = toks[b + 1]!;
        if (APPOSITIVE_OPENERS.has(at.lower) || (at.poss && !at.tail)) return '';
      }
      if (RIGHT_VERBS.has(t.lower) || t.tail) break;
    }
    return null;
  },
  // "said Jane Doe at Acme Capital Partners", "an analyst at Foo Bar"
  'person-at': ({ a, b, prev, prev2, sent }) => yes(prev?.lower === 'at' && prev2?.cap && prev2.sent === sent && b - a >= 2),
  // "economist Jane Doe of Acme Edwards & Sons"
  'person-of': ({ toks, a, b, prev, prev2, sent }) =>
    yes(prev?.lower === 'of' && prev2?.cap && prev2.sent === sent && b - a >= 2 && FIRST_NAMES.has(toks[a - 3]?.lower ?? '')),
  'with-share': ({ next, next2 }) => yes(next?.lower === 'with' && next2 && /^\d/.test(next2.w)),
  'lone-name-said': ({ a, b, first, next, next2 }) =>
    yes(b - a === 1 && SAY_VERBS.has(next?.lower ?? '') && !IT_PRONOUNS.has(next2?.lower ?? '') && !curatedCompany(first.lower)),
  'verb-mid-sentence': ({ first, next, sent }) => yes(next && next.word && next.sent === sent && RIGHT_VERBS.has(next.lower) && !first.start),
  verb: ({ next, sent }) => yes(next && next.word && next.sent === sent && RIGHT_VERBS.has(next.lower)),
  'auxiliary-verb': ({ toks, a, b, last, next, sent }) => {
    if (!(next?.word && next.sent === sent && AUXILIARIES.has(next.lower) && !last.poss)) return null;
    let k = b + 1;
    while (k < b + 4 && toks[k]?.word && (AUXILIARIES.has(toks[k]!.lower) || toks[k]!.lower === 'to')) k++;
    const v = toks[k];
    const said = SAY_VERBS.has(v?.lower ?? '');
    return yes(v?.word && v.sent === sent && (AUX_VERBS.has(v.lower) || RIGHT_VERBS.has(v.lower)) && !(said && b - a === 1));
  },
  'country-possessive': ({ first, prev, next, sent }) => {
    const bodyNext = next?.word && !next.cap && (NON_COMPANY_HEADS.has(next.lower) || PERSON_TITLES.has(next.lower) || POLITICAL_NOUNS.has(next.lower));
    return yes(prev?.poss && prev.cap && prev.sent === sent && PLACES.has(prev.lower) && !first.start && !bodyNext);
  },
};

/** The cue table with each row's matcher, resolved once. */
const RULES = CUE_RULES.map((rule) => ({ rule, test: MATCHERS[rule.match] }));

export const NO_CUE: Cue = { score: 0, cue: '' };

/** The first row of CUE_RULES whose construction is around the span, with the matcher's detail. */
export function matchCue(toks: Tok[], sp: Span): { rule: CueRule; detail: string } | null {
  const { a, b } = sp;
  const x: Around = {
    toks,
    sp,
    a,
    b,
    sent: toks[a]!.sent,
    first: toks[a]!,
    last: toks[b - 1]!,
    prev: toks[a - 1],
    prev2: toks[a - 2],
    next: toks[b],
    next2: toks[b + 1],
  };
  for (const { rule, test } of RULES) {
    const detail = test(x);
    if (detail !== null) return { rule, detail };
  }
  return null;
}

/** Is there a company cue around the span? Its score and name, or NO_CUE (none, or a veto). */
export function cueScore(toks: Tok[], sp: Span): Cue {
  const m = matchCue(toks, sp);
  if (m === null || m.rule.score === 0) return NO_CUE;
  return { score: m.rule.score, cue: m.detail ? `${m.rule.rule}:${m.detail}` : m.rule.rule };
}

/**
 * company_classes: each candidate span classified on its own evidence — a curated or listed
 * name, a corporate designator ("Corp", "Airlines"), angle brackets in wire copy, a ticker after it
 * — as a company, a candidate that needs a cue, a person, or something else (a place, a public
 * body, a product). Acronyms the article defines ("Acme Widget Systems (AWS)") are noted here.
 */
import type { Component } from '../../doc.ts';
import type { CuratedCompany } from '../../lexicon/aliases.ts';
import { curatedCompany, isGuarded, isNotCompany, isProduct } from '../../lexicon/aliases.ts';
import { gazetteerLookup } from '../../lexicon/gazetteer.ts';
import type { GazetteerEntry } from '../../lexicon/gazetteer.ts';
import { WEAK_DESIGNATORS, nameKey } from '../../lexicon/names.ts';
import { GROUP_LEGAL_FORMS, LEGAL_SUFFIXES } from '../../lexicon/legal-forms.ts';
import { DATE_WORDS, DEMONYMS, FIRST_NAMES, LAST_NAMES, LEXICON_ORGS, PLACES, isCommonWord, isLexiconWord } from '../../lexicon/words.ts';
import {
  ANALYST_NOUNS,
  APPOSITIVE_OPENERS,
  APPOSITIVE_TITLES,
  BODY_NOUNS_AFTER,
  BUSINESS_ONLY_HEADS,
  OWNERSHIP_SUFFIXES,
  PUBLIC_OWNERS,
  KIN_NOUNS,
  NON_COMPANY_HEADS,
  NON_COMPANY_PAIRS,
  PERSON_NOUNS,
  PERSON_TITLES,
  PRODUCT_NOUNS,
} from '../../lexicon/cues.ts';
import { LOCATIVE_TAILS } from '../../lexicon/name-words.ts';
import { CLASS_RULES, LARGE_LISTED_RANK } from '../../rules/companies.ts';
import type { ClassRule } from '../../rules/companies.ts';
import { cueScore } from './cues.ts';
import {
  DOTCOM_NAME_RE,
  allWords,
  companyHeadPair,
  isAcronymTok,
  isDesignator,
  isGenericTok,
  isLegalSuffixTok,
  isModifierCompound,
  isNotPlaceTok,
  isPlaceWord,
  knownKey,
  textOf,
} from './tokens.ts';
import type {
  CompanyCandidate as Cand,
  CompanyCandidates,
  CompanySpan as Span,
  CompanyToken as Tok,
} from './types.ts';

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

/** A classified span; one object shape for every outcome (no spreads: this runs per candidate). */
function mkCand(
  sp: Span,
  key: string,
  surface: string,
  r: ClassRule,
  curated: CuratedCompany | null,
  gaz: GazetteerEntry | null,
  weak: boolean,
): Cand {
  return { sp, key, surface, kind: r.kind, conf: r.confidence, rule: r.rule, curated, gaz, weak };
}

/**
 * Wire-service quote codes are no names: an index or instrument code glued to a dot or an equals
 * sign ("the Nikkei .N225 fell", "the yen JPY=EBS", "Brent LCOc1").
 */
/** Words that open a bank's name in many languages. */
const BANK_FIRST_WORDS: ReadonlySet<string> = new Set(['bank', 'banco', 'banca', 'banque', 'bankhaus']);

function isQuoteCode(toks: Tok[], sp: Span): boolean {
  if (sp.b - sp.a !== 1) return false;
  const t = toks[sp.a]!;
  const prev = toks[sp.a - 1];
  const next = toks[sp.a + 1];
  const glued = (x: Tok | undefined, w: string, before: boolean) => x?.w === w && (before ? x.e === t.s : x.s === t.e);
  if (glued(next, '=', false) || glued(prev, '=', true)) return true;
  // ".N225": a dot right before the code, with a space (not a word) before the dot
  if (glued(prev, '.', true)) {
    const pp = toks[sp.a - 2];
    return !pp || pp.e < prev!.s;
  }
  return false;
}

export function classify(toks: Tok[], sp: Span, persons: Set<string>): Cand {
  const surface = textOf(toks, sp.a, sp.b);
  const key = nameKey(surface);
  const len = sp.b - sp.a;
  const first = toks[sp.a]!;
  const last = toks[sp.b - 1]!;
  if (!key || !/[a-z]/.test(key)) return mkCand(sp, key, surface, CLASS_RULES.noName, null, null, false);
  if (isQuoteCode(toks, sp)) return mkCand(sp, key, surface, CLASS_RULES.quoteCode, null, null, false);
  if (nonCompanyShape(toks, sp.a, sp.b, key)) return mkCand(sp, key, surface, CLASS_RULES.notCompany, null, null, false);
  // "Ltd", "Holdings": a legal form alone names nothing
  if (allWords(toks, sp.a, sp.b, isLegalSuffixTok)) return mkCand(sp, key, surface, CLASS_RULES.designatorOnly, null, null, false);
  // "the Ruritania-based firm": the place that qualifies a company is not one
  if (last.tail && LOCATIVE_TAILS.has(last.tail)) return mkCand(sp, key, surface, CLASS_RULES.locativeTail, null, null, false);
  // "the Crown-owned company", "a state-backed bank": the owner is no company
  if (len === 1 && last.tail && OWNERSHIP_SUFFIXES.has(last.tail) && PUBLIC_OWNERS.has(first.lower))
    return mkCand(sp, key, surface, CLASS_RULES.publicOwner, null, null, false);
  // "Acme Savings and Loan Association"
  if (len >= 3 && companyHeadPair(toks, sp.b)) return mkCand(sp, key, surface, CLASS_RULES.headPair, null, null, false);
  // a well-known name (known-companies.json) that the SEC list also knows is left to the SEC
  // rules; the hand-curated list always applies
  const found = curatedCompany(key) ?? null;
  const curated = found && found.source === 'known' && gazetteerLookup(key) !== undefined ? null : found;
  // "Foobar.com", "Acme.co.uk": a dot-com name
  if (!curated && len === 1 && DOTCOM_NAME_RE.test(first.w))
    return mkCand(sp, key, surface, CLASS_RULES.dotcom, null, null, false);
  // (before the lexicon's organisations, which need a cue: "Adidas sponsors the team")
  if (curated && !isGuarded(key)) return mkCand(sp, key, surface, curated.source === 'known' ? CLASS_RULES.known : CLASS_RULES.curated, curated, null, false);
  // "Pan-European", "US-German" alone: an adjective ("Pan-European stock market", "the US-German
  // firm"); a noun phrase of its own only with an appositive ("Anglo-Ruritanian, the mining group")
  if (len === 1 && isModifierCompound(first.w) && cueScore(toks, sp).cue !== 'appositive')
    return mkCand(sp, key, surface, CLASS_RULES.modifierCompound, null, null, false);
  // "Orange", "Apple": a curated name that is also a word counts when capitalised mid-sentence
  if (curated && !first.start && first.cap && toks[sp.b]?.w !== 'of')
    return mkCand(sp, key, surface, CLASS_RULES.curatedMidSentence, curated, null, false);
  // "Jane Doe" is a person, "Sal Acme investment bank" is not
  // "investment firm Grant Fooson" is no person
  const prevTok = toks[sp.a - 1];
  const businessHead = prevTok?.word === true && !prevTok.cap && prevTok.sent === first.sent && BUSINESS_ONLY_HEADS.has(prevTok.lower);
  if (looksLikePerson(toks, sp, key, persons) && !businessHead && cueScore(toks, sp).cue !== 'right-head')
    return mkCand(sp, key, surface, CLASS_RULES.person, null, null, false);
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
  if (sp.angle) return mkCand(sp, key, surface, CLASS_RULES.angleBrackets, curated, gaz, false);
  if (sp.ticker && !placeLike) return mkCand(sp, key, surface, CLASS_RULES.ticker, curated, gaz, false);
  // "Target Corp.": a guarded name with a designator
  if (curated && len >= 2 && isDesignator(last)) return mkCand(sp, key, surface, CLASS_RULES.curatedWithDesignator, curated, null, false);
  if (curated) return mkCand(sp, key, surface, CLASS_RULES.curatedGuarded, curated, null, weak);
  // "Bank Mandiri", "Banco Ruritano", "Banque Foo": a bank's word first, then its name
  const second = toks[sp.a + 1];
  if (len >= 2 && BANK_FIRST_WORDS.has(first.lower) && second?.word && second.cap && !isCommonWord(second.lower) && !PLACES.has(second.lower) && !DEMONYMS.has(second.lower))
    return mkCand(sp, key, surface, CLASS_RULES.bankFirst, null, gaz, false);
  if (placeLike) return mkCand(sp, key, surface, CLASS_RULES.place, null, null, false);
  // "Acme Motor Co of Canada": a designator before "of <place>"
  let ofAt = -1;
  for (let i = sp.a; i < sp.b; i++)
    if (toks[i]!.w === 'of') {
      ofAt = i - sp.a;
      break;
    }
  const desigOf = ofAt > 1 && isDesignator(toks[sp.a + ofAt - 1]) && !NON_COMPANY_HEADS.has(toks[sp.a]!.lower);
  if (desigOf) return mkCand(sp, key, surface, CLASS_RULES.designatorOfPlace, null, gaz, false);
  // "U.S. Retail", "European Energy": places and trade words, no name; no context cue makes one
  if (
    len >= 2 &&
    (!gaz || gaz.rank > LARGE_LISTED_RANK) &&
    (!isDesignator(last) || WEAK_DESIGNATORS.has(last.lower)) &&
    !allWords(toks, sp.a, sp.b, isNotPlaceTok) &&
    allWords(toks, sp.a, sp.b, isGenericTok)
  )
    return mkCand(sp, key, surface, CLASS_RULES.generic, null, null, true);
  if (len >= 2 && isDesignator(last)) {
    const strong = !WEAK_DESIGNATORS.has(last.lower);
    // "Acme Corp", "Foo Brewing": the designator alone is no name; "Federal Energy" needs more.
    const allDesignators = allWords(toks, sp.a, sp.b, isDesignator);
    if (!allDesignators) {
      if (strong || gaz)
        return mkCand(sp, key, surface, gaz ? CLASS_RULES.listedWithDesignator : CLASS_RULES.designator, null, gaz, false);
      // "Renaissance Capital", "Acme Energy": a distinctive first word carries a weak designator
      const f = first.lower;
      const plain = !isCommonWord(f) && !DEMONYMS.has(f) && !PLACES.has(f) && !FIRST_NAMES.has(f) && !isLexiconWord(f);
      return mkCand(sp, key, surface, plain ? CLASS_RULES.weakDesignator : CLASS_RULES.weakDesignatorOrdinary, null, gaz, false);
    }
    // "Retail Consulting Group": designators only, a name only with a cue
    return mkCand(sp, key, surface, CLASS_RULES.designatorsOnly, null, null, first.start);
  }
  // short all-caps listings ("NU", "XP") are acronyms of too many things
  // "Cable firm Acme", "In Nice last week": a listed name that is a dictionary word needs a cue
  const dictionaryWord = len === 1 && ((isLexiconWord(lone) && !isAcronymTok(first)) || (first.start && gaz?.short === true));
  const guarded = isGuarded(key) || ordinary || placeLike || dictionaryWord || (len === 1 && key.length <= 3);
  if (gaz && !guarded) {
    return mkCand(sp, key, surface, gaz.short ? CLASS_RULES.listedShort : CLASS_RULES.listed, null, gaz, weak);
  }
  if (gaz) return mkCand(sp, key, surface, CLASS_RULES.listedGuarded, null, gaz, weak);
  if (len === 1 && LEXICON_ORGS.has(lone) && !ordinary) return mkCand(sp, key, surface, CLASS_RULES.lexiconOrg, null, null, weak);
  return mkCand(sp, key, surface, CLASS_RULES.context, null, null, weak || (len === 1 && ordinary));
}

/** Classify every span of the article, in order; note its people, brands and acronyms. */
export function classifySpans(toks: Tok[], spans: Span[]): CompanyCandidates {
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
    if ((c.kind === 'other' && c.rule === CLASS_RULES.notCompany.rule) || c.kind === 'person') {
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
  return { list: cands, persons, brandKeys, acronyms: defined };
}

// "Jane Doe, chief executive of Acme Corp, said Foo ..." -> Jane Doe a person, Acme Corp a company, Foo a candidate
export const companyClasses: Component = {
  name: 'company_classes',
  requires: ['companyTokens', 'companySpans'],
  assigns: ['companyCandidates'],
  run(doc) {
    doc.companyCandidates = classifySpans(doc.companyTokens, doc.companySpans);
  },
};

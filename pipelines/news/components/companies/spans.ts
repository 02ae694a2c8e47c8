/**
 * company_spans: the candidate names of an article. One pass groups runs of capitalised words
 * (with "&", particles, "X and Y" / "X of Y" joins, bracketed words before a designator, wire
 * copy's angle brackets and tickers) into spans; refineSpans (refine.ts) then splits them at words
 * that cannot stand in a name and strips leading words that are no part of one.
 */
import type { Component } from '../../doc.ts';
import { isNotCompany } from '../../lexicon/aliases.ts';
import { DESIGNATORS, nameKey } from '../../lexicon/names.ts';
import { LEGAL_SUFFIXES, PARTNER_LEGAL_FORMS, PARTNER_WORDS, AFTER_COMMA_LEGAL_FORMS, FINAL_LEGAL_FORMS, withoutFinalDot } from '../../lexicon/legal-forms.ts';
import { FIRST_NAMES, PLACES } from '../../lexicon/words.ts';
import { HEAD_NOUNS, INDEFINITE_ARTICLES, NON_COMPANY_HEADS, PARTNERSHIP_NOUNS, PLURAL_HEADS, WEAK_HEAD_NOUNS } from '../../lexicon/cues.ts';
import { FOR_JOINING_HEADS, OF_JOINING_HEADS, OPENING_PARTICLES, PARTICLES } from '../../lexicon/name-words.ts';
import { refineSpans } from './refine.ts';
import { acronymAfter, initialsOf, isDesignator, isInitial, isLegalSuffixTok, knownKey, spanKey, textOf, tokenize } from './tokens.ts';
import type { CompanySpan as Span, CompanyToken as Tok } from './types.ts';

const TICKER_RE = /^[A-Z][A-Z0-9]{0,5}(?:[.-][A-Z0-9]{1,3})?$/;

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

/** Collect the candidate spans of the text, in order. */
export function candidateSpans(toks: Tok[]): Span[] {
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

// "Acme Corp. said on Tuesday it would buy Foo Ltd's parent ...": the runs "Acme Corp.", "Foo Ltd"
export const companySpans: Component = {
  name: 'company_spans',
  requires: ['norm', 'sentences'],
  assigns: ['companyTokens', 'companySpans'],
  run(doc) {
    const toks = tokenize(doc);
    doc.companyTokens = toks;
    doc.companySpans = refineSpans(toks, candidateSpans(toks));
  },
};

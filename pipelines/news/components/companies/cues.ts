/**
 * Company cues: is there a word or construction around a span that says it names a company
 * ("oil firm Acme", "Acme shares", "stake in Acme", "Acme's chief executive")? The answer is a
 * score (0 = no cue) and the cue's name, which goes into the entity's rule.
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
  OWNERSHIP_SUFFIXES,
  PERSON_TITLES,
  POLITICAL_NOUNS,
  POSSESSIVE_NOUNS,
  RIGHT_NOUNS,
  RIGHT_VERBS,
  SAY_VERBS,
  SECTOR_WORDS,
  WEAK_HEAD_NOUNS,
} from '../../lexicon/cues.ts';
import type { CompanySpan as Span, CompanyToken as Tok } from './types.ts';

/** LEFT_PHRASES by their last word, in table order, each with its cue name. */
const LEFT_PHRASES_BY_LAST = new Map<string, { ph: readonly string[]; cue: string }[]>();
for (const ph of LEFT_PHRASES) {
  const lastWord = ph[ph.length - 1]!;
  const list = LEFT_PHRASES_BY_LAST.get(lastWord) ?? [];
  list.push({ ph, cue: `left:${ph.join(' ')}` });
  LEFT_PHRASES_BY_LAST.set(lastWord, list);
}
const NO_PHRASES: { ph: readonly string[]; cue: string }[] = [];

/** Is there a company cue around the span? Returns a confidence (0 = none). */
export function cueScore(toks: Tok[], sp: Span): { score: number; cue: string } {
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

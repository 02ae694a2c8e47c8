/**
 * Refining candidate spans: split a run at words that cannot be inside a company name (months,
 * person titles) and strip leading words that are not part of one.
 */
import { isNotCompany } from '../../lexicon/aliases.ts';
import { DESIGNATORS } from '../../lexicon/names.ts';
import { DATE_WORDS, NATIONALITIES, PLACES, isCommonWord, isFunctionWord, isLexiconWord } from '../../lexicon/words.ts';
import { HEAD_NOUNS, PERSON_NOUNS } from '../../lexicon/cues.ts';
import { COUNTRY_CODES, LEADING_FUNCTION_WORDS, TRAILING_NON_NAME } from '../../lexicon/name-words.ts';
import {
  acronymAfter,
  allWords,
  companyHeadPair,
  initialsOf,
  isDesignator,
  isModifierCompound,
  isTitleTok,
  knownKey,
  spanKey,
  textOf,
} from './tokens.ts';
import type { CompanySpan as Span, CompanyToken as Tok } from './types.ts';

/**
 * Split a run at words that cannot be inside a company name (months, person titles) and strip
 * leading words that are not part of one: a sentence-initial ordinary word ("Analysts", "The"),
 * a nationality ("Japanese Acme"), a person title ("Chief Executive Jane Doe" -> person).
 */
export function refineSpans(toks: Tok[], spans: Span[]): Span[] {
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
    const dateline = datelineEnd(toks, sp);
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
        // "LONDON Acme Holdings said ...": a wire dateline fused to the first name;
        // "Canadian Acme Group Inc": a nationality before a name that has a designator of its own
        const forced =
          i < dateline ||
          // "New Zealand Acme Holdings Ltd", "Hong Kong Foo Group": a two-word place before a designated name
          (endsInDesignator && sp.b - i >= 4 && PLACES.has(`${lower} ${toks[i + 1]!.lower}`) && !isDesignator(toks[i + 2]) && !knownKey(spanKey(toks, a, sp.b))) ||
          (i > sp.a && stripped.length > 0 && PLACES.has(`${stripped[stripped.length - 1]} ${lower}`) && endsInDesignator) ||
          (NATIONALITIES.has(lower) &&
            endsInDesignator &&
            sp.b - i >= 3 &&
            !isDesignator(toks[i + 1]) &&
            !isCommonWord(toks[i + 1]!.lower) &&
            !isLexiconWord(toks[i + 1]!.lower) &&
            !knownKey(spanKey(toks, a, sp.b)));
        if (forced) {
          stripped.push(lower);
          a = i + 1;
          continue;
        }
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
    // "the European Commission Spokeswoman", "Acme Chairman": a person's title closes no name
    while (z - a > 1 && isTitleTok(toks[z - 1]) && !isDesignator(toks[z - 1]) && !knownKey(spanKey(toks, a, z))) z--;
    flushSpan(out, sp, a, z, stripped, afterTitle);
  }
  return out;
}

/**
 * A wire dateline before the first name of a story: a run of words in capitals at the start of a
 * sentence that names a place ("LONDON", "NEW YORK", "HONG KONG"), followed by a name in mixed
 * case ("LONDON Acme Holdings said"). Returns the index of the first token after it (sp.a if none).
 */
function datelineEnd(toks: Tok[], sp: Span): number {
  if (!toks[sp.a]!.start) return sp.a;
  let j = sp.a;
  while (j < sp.b && toks[j]!.word && /^[A-Z][A-Z.]+$/.test(toks[j]!.w)) j++;
  if (j === sp.a || j >= sp.b || !/[a-z]/.test(toks[j]!.w)) return sp.a;
  const run = toks.slice(sp.a, j).map((t) => t.lower.replace(/\.$/, ''));
  return PLACES.has(run.join(' ')) || run.some((w) => PLACES.has(w)) ? j : sp.a;
}

/** Push toks x..y of the run `sp` as a span of its own (nothing when empty). */
function flushSpan(out: Span[], sp: Span, x: number, y: number, stripped: string[], afterTitle: boolean): void {
  if (y > x) out.push({ a: x, b: y, angle: false, ticker: y === sp.b ? sp.ticker : null, stripped, afterTitle });
}

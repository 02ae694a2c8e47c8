/**
 * Word lists the company recogniser consults, loaded once at module load:
 * - compromise's lexicon (first names, surnames, places, nationalities, months, its Organization list),
 *   read as a static table: far cheaper than running its tagger over every article (the compiled
 *   build reads the lists prepared at build time instead and never loads compromise: prepared.ts);
 * - lexicon/data/common-words.json: words news writes in lower case (scripts/build-common-words.ts).
 */
import { readFileSync } from 'node:fs';
import { readPrepared } from './prepared.ts';

type Lexicon = Record<string, string | string[]>;
type SetName = 'firstName' | 'lastName' | 'place' | 'demonym' | 'date' | 'org' | 'functionWord' | 'contentWord' | 'nationalities';

/** The word lists as computed here, each in insertion order (the build writes them prepared: prepared.ts). */
export type WordTables = Record<SetName, string[]>;

/** The word lists from compromise's lexicon plus the additions below (compromise is loaded only here). */
export async function computeWordTables(): Promise<WordTables> {
  const { default: nlp } = await import('compromise');
  const LEX = (nlp.world() as unknown as { model: { one: { lexicon: Lexicon } } }).model.one.lexicon;
  const tagsOf = (word: string): readonly string[] => {
    const v = LEX[word];
    return v === undefined ? [] : Array.isArray(v) ? v : [v];
  };
  const sets = {
    firstName: new Set<string>(),
    lastName: new Set<string>(),
    place: new Set<string>(),
    demonym: new Set<string>(),
    date: new Set<string>(),
    org: new Set<string>(),
    functionWord: new Set<string>(),
    contentWord: new Set<string>(),
  };
  for (const word of Object.keys(LEX)) {
    for (const t of tagsOf(word)) {
      if (t === 'FirstName' || t === 'MaleName' || t === 'FemaleName') sets.firstName.add(word);
      else if (t === 'LastName') sets.lastName.add(word);
      else if (t === 'City' || t === 'Country' || t === 'Region' || t === 'Place') sets.place.add(word);
      else if (t === 'Demonym') sets.demonym.add(word);
      else if (t === 'Month' || t === 'WeekDay' || t === 'Date') sets.date.add(word);
      else if (t === 'Organization' || t === 'SportsTeam') sets.org.add(word);
      else if (
        t === 'Singular' || t === 'Plural' || t === 'Adjective' || t === 'Infinitive' || t === 'PastTense' ||
        t === 'PresentTense' || t === 'Gerund' || t === 'Actor' || t === 'Comparative' || t === 'Superlative' ||
        t === 'Uncountable' || t === 'Noun'
      )
        sets.contentWord.add(word);
      else if (
        t === 'Determiner' || t === 'Preposition' || t === 'Conjunction' || t === 'Pronoun' ||
        t === 'QuestionWord' || t === 'Adverb' || t === 'Modal' || t === 'Copula'
      )
        sets.functionWord.add(word);
    }
  }
  // Places and nationalities compromise lacks or tags otherwise; regional adjectives of business news.
  for (const w of [
    'us', 'usa', 'uk', 'u.s', 'u.k', 'britain', 'england', 'scotland', 'wales', 'europe', 'asia', 'africa', 'america',
    'latin america', 'middle east', 'hong kong', 'new york', 'wall street', 'silicon valley', 'washington', 'beijing',
    'tokyo', 'moscow', 'london', 'paris', 'frankfurt', 'brussels', 'geneva', 'zurich', 'seoul', 'taiwan', 'india',
    'north america', 'south america', 'east asia', 'west', 'east', 'north', 'south', 'midwest', 'gulf',
    // business cities compromise lacks
    'houston', 'dallas', 'chicago', 'detroit', 'atlanta', 'boston', 'seattle', 'denver', 'miami', 'phoenix',
    'pittsburgh', 'cleveland', 'cincinnati', 'minneapolis', 'st louis', 'new jersey', 'delaware', 'connecticut',
    'manhattan', 'brooklyn', 'san francisco', 'los angeles', 'las vegas', 'san jose', 'toronto', 'montreal',
    'vancouver', 'calgary', 'sydney', 'melbourne', 'mumbai', 'bombay', 'delhi', 'new delhi', 'bangalore', 'shanghai',
    'shenzhen', 'osaka', 'milan', 'madrid', 'rome', 'amsterdam', 'rotterdam', 'stockholm', 'oslo', 'copenhagen',
    'helsinki', 'vienna', 'munich', 'berlin', 'hamburg', 'dublin', 'edinburgh', 'glasgow', 'manchester',
    'birmingham', 'leeds', 'liverpool', 'bristol', 'cardiff', 'belfast', 'dubai', 'riyadh', 'cairo', 'lagos',
    'johannesburg', 'sao paulo', 'rio de janeiro', 'buenos aires', 'mexico city', 'singapore', 'jakarta',
    'bangkok', 'manila', 'kuala lumpur', 'taipei', 'hanoi', 'karachi', 'istanbul', 'ankara', 'athens', 'warsaw',
    'prague', 'budapest', 'kiev', 'kyiv', 'st petersburg', 'siberia', 'davos', 'basel', 'luxembourg', 'monaco',
  ])
    sets.place.add(w);
  /** Nationalities proper (compromise's demonyms and a few regional ones): "Japanese Acme" -> "Acme". */
  const nationalities = new Set(sets.demonym);
  for (const w of (
    'european asian african scottish welsh english latin arab nordic scandinavian spanish danish dutch swedish ' +
    'norwegian finnish swiss german french italian british irish polish greek turkish portuguese belgian austrian ' +
    'czech hungarian russian chinese japanese korean indian australian canadian mexican brazilian argentine ' +
    'israeli saudi iranian iraqi egyptian nigerian kenyan taiwanese thai vietnamese indonesian malaysian ' +
    'singaporean filipino pakistani ukrainian romanian bulgarian croatian serbian icelandic american'
  ).split(' ')) {
    nationalities.add(w);
    sets.demonym.add(w);
  }
  for (const w of [
    'european', 'asian', 'african', 'western', 'eastern', 'northern', 'southern', 'scottish', 'welsh', 'english',
    'latin', 'arab', 'nordic', 'scandinavian', 'anglo', 'trans-atlantic', 'transatlantic', 'pacific', 'atlantic',
    'global', 'international', 'national', 'federal', 'state', 'regional', 'local', 'foreign', 'domestic',
  ])
    sets.demonym.add(w);
  const out = {} as WordTables;
  for (const [k, v] of Object.entries({ ...sets, nationalities })) out[k as SetName] = [...v];
  return out;
}

const T: WordTables = readPrepared<WordTables>('words') ?? (await computeWordTables());
const sets = {
  firstName: new Set(T.firstName),
  lastName: new Set(T.lastName),
  place: new Set(T.place),
  demonym: new Set(T.demonym),
  date: new Set(T.date),
  org: new Set(T.org),
  functionWord: new Set(T.functionWord),
  contentWord: new Set(T.contentWord),
};
const nationalities: ReadonlySet<string> = new Set(T.nationalities);

const COMMON: ReadonlySet<string> = new Set(
  JSON.parse(readFileSync(new URL('./data/common-words.json', import.meta.url), 'utf8')) as string[],
);

/** Lower-cased word lists. */
export const FIRST_NAMES: ReadonlySet<string> = sets.firstName;
export const LAST_NAMES: ReadonlySet<string> = sets.lastName;
export const PLACES: ReadonlySet<string> = sets.place;
export const DEMONYMS: ReadonlySet<string> = sets.demonym;
export const NATIONALITIES: ReadonlySet<string> = nationalities;
export const DATE_WORDS: ReadonlySet<string> = sets.date;
export const LEXICON_ORGS: ReadonlySet<string> = sets.org;

/** Determiners, prepositions, conjunctions, pronouns, adverbs: "The", "But", "However". */
export function isFunctionWord(lower: string): boolean {
  return sets.functionWord.has(lower);
}

/** True when compromise knows the word as an ordinary noun, verb or adjective ("jeweller", "upscale"). */
export function isLexiconWord(lower: string): boolean {
  return sets.contentWord.has(lower) || sets.functionWord.has(lower);
}

/** True when English news normally writes this word in lower case ("target", "global", "may"). */
export function isCommonWord(lower: string): boolean {
  return COMMON.has(lower) || sets.functionWord.has(lower);
}

/**
 * Company rules: data for components/companies/. Scores and confidences live here, not in code.
 *
 * Examples are invented; the [bracketed] name is the one the rule is about. tests/lexicon/
 * company-rules.test.ts runs every example and checks that its row is the one that fires.
 */

// ---------------------------------------------------------------------------------------------
// Cues: a word or construction around a candidate that says it names a company. Tried in order;
// the first row whose matcher accepts the span gives the score. A row with score 0 is a veto: the
// construction fits a person as well, and no later row is tried.

/** The matchers a cue row may name; components/companies/cues.ts implements each. */
export type CueMatch =
  | 'head-noun-stripped'
  | 'head-noun-before'
  | 'head-noun-before-comma'
  | 'owned-tail-before'
  | 'based-tail-before'
  | 'owner-tail'
  | 'left-phrase'
  | 'right-title-acronym'
  | 'possessive-noun'
  | 'possessive-product'
  | 'right-noun'
  | 'right-analyst'
  | 'the-name-group'
  | 'right-head-noun'
  | 'right-sector-head'
  | 'appositive'
  | 'person-at'
  | 'person-of'
  | 'with-share'
  | 'lone-name-said'
  | 'verb-mid-sentence'
  | 'verb'
  | 'auxiliary-verb'
  | 'country-possessive';

export interface CueRule {
  match: CueMatch;
  /** How much the cue says (0-1); 0 vetoes every later row. */
  score: number;
  /** The cue's name in an entity's rule ("cue:head-noun"); a matcher may add a detail ("right:shares"). */
  rule: string;
  example: string;
}

export const CUE_RULES: readonly CueRule[] = [
  { match: 'head-noun-stripped', score: 0.7, rule: 'head-noun', example: 'Jeweller [Quillon] opened two stores.' },
  // a weak head ("group", "fund") needs a modifier: "supermarket group Acme", not "the group Acme"
  { match: 'head-noun-before', score: 0.7, rule: 'head-noun', example: 'Shares of oil firm [Varnoko] rose.' },
  { match: 'head-noun-before-comma', score: 0.6, rule: 'head-noun', example: "Ruritania's state-owned airline, [Vostra Air], cut fares." },
  { match: 'owned-tail-before', score: 0.6, rule: 'owned-by', example: 'The state-owned [Brellik] cut prices.' },
  { match: 'based-tail-before', score: 0.6, rule: 'based', example: 'The London-based [Pellworth] cut prices.' },
  { match: 'owner-tail', score: 0.7, rule: 'owner', example: 'The [Zandor]-backed venture grew.' },
  // LEFT_PHRASES of lexicon/cues.ts: "stake in", "takeover of", "analyst at" ...
  { match: 'left-phrase', score: 0.65, rule: 'left', example: 'It bought a stake in [Tellurian Bay] last year.' },
  // an executive title written as an acronym: "Acme CEO Jane Doe", "a former Foo CFO"
  { match: 'right-title-acronym', score: 0.65, rule: 'right', example: 'Said [Quorvant] CEO Jane Doe.' },
  { match: 'possessive-noun', score: 0.65, rule: 'possessive', example: "Analysts said [Krevnik]'s profits fell." },
  { match: 'possessive-product', score: 0.65, rule: 'product-owner', example: "Sales of [Dornell]'s iPod rose." },
  { match: 'right-noun', score: 0.65, rule: 'right', example: 'Analysts said [Krevnik] shares fell.' },
  // not for an ordinary word: "City analyst Jane Doe"
  { match: 'right-analyst', score: 0.55, rule: 'right', example: 'Said [Orvell Global Markets] analyst Jane Doe.' },
  { match: 'the-name-group', score: 0.6, rule: 'right-head', example: 'Shares in the [Halvorsen] group rose.' },
  // not "Spanish carrier Foo" (a sentence-initial modifier), nor "Wifi firm Acme" (the name follows)
  { match: 'right-head-noun', score: 0.6, rule: 'right-head', example: 'Profits at [Marrowby] bank fell.' },
  { match: 'right-sector-head', score: 0.6, rule: 'right-head', example: 'Profits at [Marrowby] investment bank fell.' },
  { match: 'appositive', score: 0.6, rule: 'appositive', example: "Analysts said [Trevanne], the world's biggest widget maker, cut prices." },
  { match: 'person-at', score: 0.5, rule: 'person-at', example: 'Said Jane Doe at [Pell Capital Partners] yesterday.' },
  { match: 'person-of', score: 0.5, rule: 'person-of', example: 'Economist Jane Doe of [Ashcombe Edwards] said so.' },
  { match: 'with-share', score: 0.5, rule: 'share', example: 'It trails [Dunmore Voss] with 11% of the market.' },
  // "Foo said" fits a person as well; "Foo said it", "Foo reported" do not
  { match: 'lone-name-said', score: 0, rule: 'said', example: 'Asked about it, [Brimsworth] said nothing.' },
  // "Acme said", "Acme reported": weak, people do these too
  { match: 'verb-mid-sentence', score: 0.45, rule: 'verb', example: 'Last year [Zell Dorran] reported a loss.' },
  { match: 'verb', score: 0.4, rule: 'verb', example: '[Zell Dorran] reported a loss.' },
  // "Acme has agreed to buy", "Foo will pay", "Bar is to sell", "Baz has also cut"
  { match: 'auxiliary-verb', score: 0.4, rule: 'verb', example: 'Last year [Zell Dorran] has agreed to pay more.' },
  // people were split off as persons; not "Ruritania's Liberal government", "Ruritania's Foo party"
  { match: 'country-possessive', score: 0.4, rule: 'country-possessive', example: "Today Italy's [Brenvoli Tessile] cut prices." },
];

/** How a cue turns a candidate's confidence into the company's: min(candidate, base + weight * score). */
export const CUE_CONFIDENCE = { base: 0.5, weight: 0.5 } as const;

/**
 * A surname-like word (weak on its own) right after a head noun that names only businesses:
 * "polling firm Jones", "investment bank Smith".
 */
export const BUSINESS_HEAD_CUE = { score: 0.7, rule: 'head-noun', example: 'It hired polling firm [Hardcastle] last year.' } as const;

/** A lone ordinary word ("Target", "Jones") takes only a cue at least this strong. */
export const ORDINARY_WORD_MIN_CUE = 0.6;

/** A place word that is also a company's short form ("American") counts only with a cue this strong. */
export const PLACE_WORD_MIN_CUE = 0.6;

// "Acme, Foo and Bar": a candidate listed beside a company is one
export const LIST_CUES = {
  // a name word (no ordinary word, first name, place) beside a company found on its own evidence
  nameBesideEvidence: { score: 0.6, rule: 'list', example: 'Rivals Ardent Widgets Inc and [Kellaway] cut prices.' },
  beside: { score: 0.5, rule: 'list', example: 'It competes with Ardent Widgets Inc and [Kellaway Brintal].' },
} as const;

// ---------------------------------------------------------------------------------------------
// Classes: what a span is on its own evidence, before any cue. classify.ts tries them in this order.

export type CandidateClass = 'company' | 'candidate' | 'person' | 'other';

export interface ClassRule {
  kind: CandidateClass;
  /** Confidence of a company or candidate (0 for the others). */
  confidence: number;
  rule: string;
  example: string;
}

export const CLASS_RULES = {
  // a bracket or a number run with no letters in its key
  noName: { kind: 'other', confidence: 0, rule: '', example: '' },
  // a wire-service quote code glued to a dot or an equals sign: "the Nikkei .N225", "the yen JPY=EBS"
  quoteCode: { kind: 'other', confidence: 0, rule: 'quote-code', example: 'The Nikkei .[N225] fell.' },
  notCompany: { kind: 'other', confidence: 0, rule: 'not-company', example: 'The [Securities and Exchange Commission] said so.' },
  designatorOnly: { kind: 'other', confidence: 0, rule: 'designator-only', example: 'Shares of the [Holdings] fell.' },
  publicOwner: { kind: 'other', confidence: 0, rule: 'public-owner', example: 'The [Crown]-owned firm grew.' },
  locativeTail: { kind: 'other', confidence: 0, rule: 'place', example: 'The [Ruritania]-based firm grew.' },
  headPair: { kind: 'company', confidence: 0.85, rule: 'suffix', example: 'Deposits at [Acme Savings and Loan Association] fell.' },
  dotcom: { kind: 'company', confidence: 0.75, rule: 'dotcom', example: 'Shoppers at [Widgetly.com] spent more.' },
  curated: { kind: 'company', confidence: 0.95, rule: 'alias', example: 'Customers of [AWS] pay more.' },
  // a well-known company by its short form (lexicon/data/known-companies.json), not listed otherwise
  known: { kind: 'company', confidence: 0.9, rule: 'known', example: 'Shares in [Citicorp] rose.' },
  modifierCompound: { kind: 'other', confidence: 0, rule: 'modifier', example: 'The [Anglo-Dutch] venture grew.' },
  curatedMidSentence: { kind: 'company', confidence: 0.85, rule: 'alias', example: 'Shoppers at [Target] spent more.' },
  person: { kind: 'person', confidence: 0, rule: 'person', example: 'Shares rose, said [Jane Doe].' },
  angleBrackets: { kind: 'company', confidence: 0.9, rule: 'angle-brackets', example: 'It sold its stake in <[Vostrik Holdings Ltd]>.' },
  ticker: { kind: 'company', confidence: 0.9, rule: 'ticker', example: '[Grendal Corp] <GRDL> said it sold its stake.' },
  curatedWithDesignator: { kind: 'company', confidence: 0.9, rule: 'alias+suffix', example: '[Target Corp] said sales rose.' },
  curatedGuarded: { kind: 'candidate', confidence: 0.9, rule: 'alias', example: '[Target] said sales rose.' },
  // a bank's word first, then its name: "Bank Mandiri", "Banco Ruritano"
  bankFirst: { kind: 'company', confidence: 0.8, rule: 'bank-name', example: 'Loans from [Bank Varsolo] were restructured.' },
  place: { kind: 'other', confidence: 0, rule: 'place', example: 'Sales in [Scotland] rose.' },
  designatorOfPlace: { kind: 'company', confidence: 0.85, rule: 'suffix', example: 'Sales at [Acme Motor Co of Canada] rose.' },
  // places and trade words, no name; only a cue makes one
  generic: { kind: 'candidate', confidence: 0.6, rule: 'generic', example: 'Shares in [European Energy] rose.' },
  listedWithDesignator: { kind: 'company', confidence: 0.95, rule: 'gazetteer+suffix', example: '[Stryker Corp] said sales rose.' },
  designator: { kind: 'company', confidence: 0.85, rule: 'suffix', example: '[Zorblax Widgets Inc] said sales rose.' },
  // "Renaissance Capital", "Acme Energy": a distinctive first word carries a weak designator
  weakDesignator: { kind: 'company', confidence: 0.7, rule: 'suffix', example: 'Shares in [Quillon Energy] rose.' },
  weakDesignatorOrdinary: { kind: 'candidate', confidence: 0.7, rule: 'suffix', example: 'Shares in [Federal Energy] rose.' },
  designatorsOnly: { kind: 'candidate', confidence: 0.6, rule: 'designators', example: 'Shares in [Retail Consulting Group] rose.' },
  listed: { kind: 'company', confidence: 0.85, rule: 'gazetteer', example: 'Shares in [Stryker] rose.' },
  listedShort: { kind: 'company', confidence: 0.8, rule: 'gazetteer-short', example: 'Shares in [Palantir] rose.' },
  // a listed name that is a dictionary word, a short all-caps listing, a guarded word
  listedGuarded: { kind: 'candidate', confidence: 0.8, rule: 'gazetteer', example: 'Shares in [Travelers] rose.' },
  lexiconOrg: { kind: 'candidate', confidence: 0.7, rule: 'lexicon-org', example: 'Shares in [Lexmark] rose.' },
  context: { kind: 'candidate', confidence: 0.6, rule: 'context', example: 'Shares in [Brimsworth] rose.' },
} as const satisfies Record<string, ClassRule>;

/** The SEC list is ordered by size: a listing among the first this many is a large company. */
export const LARGE_LISTED_RANK = 1000;

/** A short form in the SEC list ("Costco") lends its ticker and CIK only at this confidence. */
export const LISTED_SHORT_FORM_MIN_CONFIDENCE = 0.8;

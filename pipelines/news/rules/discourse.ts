/**
 * Discourse rules: data for components/discourse.ts. Each table row names the construction it
 * handles with an invented example; nothing here comes from a labelled story.
 */

/** Nouns a definite description may use for a company: "the company", "the Seattle-based group". */
export const COMPANY_NOUNS: readonly string[] = [
  'company', 'firm', 'group', 'bank', 'carrier', 'airline', 'maker', 'manufacturer', 'retailer', 'brewer',
  'developer', 'broadcaster', 'insurer', 'lender', 'operator', 'giant', 'concern', 'conglomerate',
  'publisher', 'producer', 'supplier', 'chain', 'utility', 'winemaker', 'chipmaker', 'automaker', 'carmaker',
  'provider', 'distributor', 'startup', 'start-up', 'business', 'corporation', 'multinational', 'outfit',
  'telco', 'miner', 'refiner', 'exchange', 'bourse', 'studio', 'insurer', 'investor', 'fund',
];

/**
 * Words that may stand between "the" and the noun of a definite description: "the Seattle-based
 * group", "the Dutch electronics company", "the world's largest brewer", "the loss-making carrier".
 */
export const DESCRIPTION_MODIFIER = String.raw`(?:[A-Z][\w.&-]*-based|world's|country's|nation's|[a-z]+-[a-z]+|largest|biggest|second-largest|third-largest|leading|ailing|troubled|struggling|embattled|rival|smaller|larger|online|software|internet|electronics|mining|oil|steel|media|drinks|food|chemicals?|pharmaceutical|drug|insurance|telecoms?|telecommunications|technology|tech|engineering|car|auto|retail|travel|budget|low-cost|state-owned|family-owned|privately[- ]held|listed|[A-Z][a-z]+(?:an|ian|ese|ish|ch|i)|US|U\.S\.|UK|British|American|German|French|Japanese|Chinese|Dutch|Swiss|Swedish|Italian|Spanish|Canadian|Australian|Indian|Korean|Russian|Brazilian)`;

/**
 * Anaphors, most specific first. `kind` says how they resolve:
 *   'subject'   — the company the text is about at this point: the subject of the sentence or of
 *                 the one before ("Acme reported a loss. The company said ...", "Acme said it ...");
 *   'plural'    — the two most recent distinct companies ("Acme and Beta said the two companies ...");
 *   'speaker'   — "we"/"our" inside a quotation: the company of whoever is quoted.
 */
export interface AnaphorRule {
  name: string;
  match: RegExp;
  kind: 'subject' | 'plural' | 'speaker';
  example: string;
}

const NOUNS = COMPANY_NOUNS.join('|');

export const ANAPHOR_RULES: readonly AnaphorRule[] = [
  {
    name: 'plural',
    match: /\b(?:the two (?:companies|firms|groups|banks|carriers|airlines|sides|partners)|the two|both (?:companies|firms|groups|sides)|the companies|the firms)\b/gi,
    kind: 'plural',
    example: 'Acme and Beta said the two companies would merge.',
  },
  {
    name: 'definite',
    match: new RegExp(String.raw`\b[Tt]he (?:${DESCRIPTION_MODIFIER} ){0,3}(?:${NOUNS})\b(?!\s+(?:of|for|in)\b)`, 'g'),
    kind: 'subject',
    example: 'Acme posted a loss. The Seattle-based group said sales fell.',
  },
  {
    name: 'pronoun',
    match: /\b(?:it|its|It|Its)\b(?!\s+(?:is|was) (?:expected|likely|unclear|thought|believed|said|understood|reported|not clear|possible|hoped|feared)\b)/g,
    kind: 'subject',
    example: 'Acme said it would buy Beta; its shares rose.',
  },
  {
    name: 'speaker',
    match: /\b(?:we|We|our|Our|us)\b/g,
    kind: 'speaker',
    example: '"We will hold 20% of the market," said Jo Smith, chief executive of Acme.',
  },
];

/**
 * Parent and unit, as the text states them. `unit` and `parent` name the capture groups' slots:
 * in the masked sentence a company is a token, so the patterns only say what stands between them.
 */
export interface UnitRule {
  name: string;
  /** Text between the unit's mention and the parent's mention (unit first) ... */
  between?: RegExp;
  /** ... or between the parent's mention and the unit's (parent first). */
  betweenParentFirst?: RegExp;
  example: string;
}

export const UNIT_RULES: readonly UnitRule[] = [
  {
    name: 'unit.apposition',
    between: /^,?\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(?:unit|subsidiary|division|arm|affiliate|subsidiary company|brand|business|offshoot|label|imprint)\s+of\s+$/i,
    example: 'Beta Software, a unit of Acme Corp, said ...',
  },
  {
    name: 'unit.owned-by',
    between: /^,?\s+(?:which is |now |wholly |majority[- ]|jointly )?(?:owned|controlled|run)\s+by\s+$/i,
    example: 'Beta, owned by Acme, said ...',
  },
  {
    name: 'unit.possessive',
    betweenParentFirst: /^'s?\s+(?:[\w-]+\s+){0,2}?(?:unit|subsidiary|division|arm|affiliate|brand|label)\s*,?\s*$/i,
    example: "Acme's software unit Beta said ...",
  },
];

/**
 * A thing "it" may stand for instead of a company, named between the company and the pronoun:
 * "Acme wants more of the US market because it accounts for half of all sales" (it = the market).
 */
export const NON_COMPANY_REFERENT =
  /\b(?:the|a|this|that)\s+(?:[\w-]+\s+){0,4}?(?:market|sector|industry|segment|region|country|economy|product|service|deal|plan|move|figure|project|system|network|scheme|law|bill|rule|report|survey)s?\b/i;

/** Verbs of saying, for finding whose words a quotation is. */
export const SAY_VERBS = /\b(?:said|says|say|told|tells|added|adds|stated|states|explained|noted|commented|according to)\b/;

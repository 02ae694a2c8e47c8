/**
 * Who says a market share: the attribution phrases of a claim ("according to Datacorp", "Acme
 * said") and the words that tie a person to a company ("Acme president Jane Roe"). Data for
 * components/market-share/sources.ts; compiled once, at module load. Invented examples only.
 */

const NAME = String.raw`((?:the\s+)?[A-Z][\w&.'/-]*(?:\s+(?:of\s+|and\s+|&\s+|for\s+)?[A-Z][\w&.'/-]*){0,5})`;
const SAY = String.raw`(?:said|says|say|reported|reports|noted|notes|added|adds|estimated|estimates|estimate|calculated|calculates|believes|told|claimed|claims|found|shows?|showed)`;

export interface AttributionRule {
  rule: string;
  /** Global; group 1 is the source. */
  match: RegExp;
  example: string;
}

/** Attribution phrases, tried in order; the one nearest the claim wins. */
export const ATTRIBUTION: readonly AttributionRule[] = [
  // "according to Acme", "according to market statistics gathered by Acme", "according to analysts Acme"
  {
    rule: 'according_to',
    match: new RegExp(String.raw`\b[Aa]ccording\s+to\s+(?:(?:[a-z][\w-]*|by|from|at)\s+){0,5}?${NAME}`, 'g'),
    example: 'Acme holds 30% of the market, according to research firm Datacorp.',
  },
  // "a report by Acme", "figures from Acme", "data compiled by Acme", "research by Acme"
  {
    rule: 'report_by',
    match: new RegExp(
      String.raw`\b(?:[Rr]eport|[Ss]tudy|[Ss]urvey|[Ff]igures|[Dd]ata|[Rr]esearch|[Ss]tatistics|[Ee]stimates?|[Aa]nalysis|[Nn]umbers)\s+(?:\w+\s+)?(?:by|from)\s+(?:(?:[a-z][\w-]*)\s+){0,3}?${NAME}`,
      'g',
    ),
    example: 'Acme holds 30% of the market, figures from Datacorp show.',
  },
  // "market research firm Acme has reported", "Acme said", "Acme estimates", "a Acme spokesman said"
  {
    rule: 'x_said',
    match: new RegExp(String.raw`${NAME}(?:\s+(?:spokes(?:man|woman|person)|official|executive|chairman|president|director))?\s+(?:(?:has|have|had)\s+)?${SAY}\b`, 'g'),
    example: 'Datacorp said Acme holds 30% of the market.',
  },
  // "..., said Acme." / "..., says research firm Acme."
  {
    rule: 'said_x',
    match: new RegExp(String.raw`[,"]\s*${SAY}\s+(?!that\b)(?:(?:[a-z][\w-]*)\s+){0,3}?${NAME}`, 'g'),
    example: 'Acme holds 30% of the market, says research firm Datacorp.',
  },
  // "it said", "the company said", "he noted"
  {
    rule: 'pronoun_said',
    match: new RegExp(String.raw`\b(it|he|she|they|the\s+(?:company|group|firm|bank|carmaker|airline))\s+(?:(?:has|have|had)\s+)?${SAY}\b`, 'gi'),
    example: 'Acme holds 30% of the market, it said.',
  },
];

/** Sources that are not a named source: attributedTo stays null. */
export const UNNAMED_SOURCES: ReadonlySet<string> = new Set([
  'analysts', 'analyst', 'reports', 'report', 'sources', 'industry sources', 'experts', 'observers', 'traders',
  'dealers', 'economists', 'officials', 'estimates', 'figures', 'data', 'research', 'the', 'he', 'she', 'they',
  'but', 'however', 'and', 'in', 'overall', 'meanwhile', 'still', 'also', 'this', 'that', 'these', 'those', 'its', 'it',
]);

/** Titles that tie a person to a company: "Acme president Jane Roe", "Roe, chairman of Acme". */
export const TITLE_WORDS =
  /\b(?:spokes(?:man|woman|person)|official|executive|chairman|chairwoman|president|director|chief|head|manager|vice|ceo|cfo|founder|boss|managing)\b/i;

/** "he said" after "a spokesman for Acme" / "the Acme spokesman": the people who speak for a company. */
export const SPOKESPERSON = /spokes(?:man|woman|person)|official|executive|chairman|president/gi;
/** How many sentences back "he said" may look for its spokesman. */
export const SPOKESPERSON_REACH = 6;

/** A person near "analyst" speaks for no company: "Jane Roe, an analyst at Datacorp". */
export const ANALYST = /\banalyst/i;

/** Words of an organisation's name, never a person's: "Datacorp Research", "Acme Securities". */
export const ORGANISATION_WORDS =
  /\b(?:Inc|Corp|Co|Ltd|Group|Research|Associates|Partners|Bank|Securities|International|Institute|Department|Agency)\b/;
/** An acronym names an organisation: "DCR said". */
export const ACRONYM = /^[A-Z]{2,}$/;
/** A person: "Mr Roe" (before the surname), "Roe, an analyst at ..." (after it). */
export const HONORIFICS = 'Mr|Mrs|Ms|Dr';
export const PERSON_ROLES = 'analyst|spokes|chairman|president|director|chief|head|executive';

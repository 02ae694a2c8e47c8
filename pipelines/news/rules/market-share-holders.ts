/**
 * Who holds a market share: which company mention before a figure is its holder, and when an
 * anaphor ("the company's share") or a speaker stands for one. Data for
 * components/market-share/holders.ts; compiled once, at module load. Invented examples only.
 */

/** Prepositions that put a company mention inside a modifier, not in subject place:
 * "versions of the Acme 747", "sells through Acme", "ahead of Acme", "according to Acme". */
export const PREP_BEFORE_MENTION = /\b(?:of|to|for|from|through|via|than|against|versus|vs\.?|like|including|into|on|at|in|under|between|behind|over|unlike|besides|about)\s+(?:the\s+|a\s+|an\s+)?$/i;

/**
 * A relative clause right after a mention makes it the holder even inside a prepositional phrase:
 * "the sale of Acme, which controls 16% of the market"; "a stake in Beta (BET), which holds about
 * 8 pct of the French market". The text from the mention's end to the figure.
 */
export const RELATIVE_HOLDER = /^(?:\s*\([^()]{1,30}\))?\s*,\s*(?:which|that|who)\s+(?:(?:now|still|already|currently|alone|together|has|had|have|is|was)\s+)?(?:controls?|controlled|holds?|held|has|had|commands?|commanded|accounts?\s+for|accounted\s+for|enjoys?|enjoyed|claims?|claimed|captured|captures|dominates?|supplies|supplied|sells?|sold|makes?|made|produces?|produced|is\s+estimated\s+to\s+(?:have|hold|control))\s+(?:[\w-]+\s+){0,2}$/i;

/** Reporting verbs right after a mention: "Acme said", "Acme estimates that", "Acme has reported". */
export const SAYER_AFTER = /^\s*(?:'s\s+)?(?:\w+\s+)?(?:(?:has|have|had)\s+)?(?:said|says|say|reported|reports|estimated|estimates|estimate|calculated|calculates|noted|notes|believes|forecasts?|predicts?|projects?|figures|data|research|told|claimed|claims)\b/i;
/** After the reporting verb, a pronoun that makes the sayer the owner: "Acme said its share ...". */
export const SELF_PRONOUN = /\b(?:it|its|it's|we|our|his\s+(?:bank|company|firm|group)|her\s+(?:bank|company|firm|group)|the\s+(?:company|group|firm|bank|carmaker|airline|maker|manufacturer))\b/i;

/**
 * Between a company and a figure, a new clause with its own subject: the figure is that subject's.
 * "If Acme joins, it would mean the format would have a 47% share", "..., the market would ...".
 */
export const OTHER_SUBJECT =
  /,\s+(?:and\s+|but\s+|so\s+)?(?:it\s+(?:would|will|could|might)\s+mean|this|that|these|the\s+(?!(?:company|group|firm|bank|carmaker|automaker|airline|maker|manufacturer|retailer|brewer|operator|chain|giant|concern)\b)[a-z]+(?:\s+[a-z]+)?\s+(?:would|will|could|might|may|should|is|was|are|were|has|have|had|now|still))\b/;

/** "which together meet 40 pct", "jointly hold 30%": a joint share of several companies. */
export const JOINT = /\b(?:together|jointly|combined|between\s+them|collectively)\b/i;

/** Pronouns and definite descriptions that refer back to a company: "The company's share ...". */
export const ANAPHOR =
  /\b(?:its|it|the\s+(?:company|group|firm|bank|carmaker|automaker|airline|maker|manufacturer|retailer|brewer|operator|chain|giant|concern))(?:'s)?\b/i;

/** Mentions introduced as a source, never the share holder: "market research firm Acme". */
export const SOURCE_BEFORE_MENTION =
  /\b(?:research(?:er|ers)?|research\s+(?:firm|group|company|house)|consultancy|consultants?|analysts?|analyst\s+firm|market\s+researcher|watchdog|tracker|statistics\s+(?:firm|group)|(?:gathered|compiled|published|conducted|collected|commissioned|released|provided|produced)\s+by)\s+(?:the\s+)?$|\baccording\s+to\b[^,;]*$/i;

/** "Acme and Beta at 6% each": the figure is each listed company's, not a joint one. */
export const EACH_AFTER = /^\s*(?:each|apiece)\b/i;
/** Between two companies of a list: ", ", " and ", ", and ", " & ". */
export const LIST_JOIN = /^\s*(?:,\s*(?:and\s+)?|and\s+|&\s*)$/;

/** "Acme, Beta and Gamma have 22 pct": two mentions joined by "and" hold a joint share. */
export const LIST_AND = /^\s*,?\s*(?:and|&)\s*$/;

/** "the firm that accounts for 20%" describes a new referent; it does not point back. */
export const RELATIVE_AFTER = /^\s+(?:that|which|who)\b/;
/** How many sentences after the last claim an anaphor may point back to its holder. */
export const ANAPHOR_REACH = 4;
/** Without an earlier claim, the article's main company must be named in this many sentences before. */
export const SALIENT_REACH = 2;

/**
 * "Sales last year were 12 pct of the European market, Roe said": a bare "sales"
 * subject and a speaker who speaks for a company: the sales are that company's.
 */
export const BARE_SALES = /^\s*(?:(?:its|their)\s+)?(?:sales|deliveries|shipments|registrations|unit\s+sales|volume|output)\b/i;

/** A capitalised run that may be a brand or a product: "Acme Browser 6", "Widgetphone's". */
export const BRAND_RUN = /\b[A-Za-z]*[A-Z][\w&'-]*(?:\s+(?:[A-Z][\w&'-]*|\d+[A-Za-z]*)){0,3}/g;
/** A brand's entity is not a company the recogniser found: its confidence as a holder. */
export const BRAND_CONFIDENCE = 0.5;

/**
 * A share stated before its holder: "With 4% of the market, Acme trails its rivals", "Holding 12%
 * of sales, Beta is third". FRONTED_SHARE is the text from the sentence start to the figure;
 * the holder is the first company after the phrase's comma (within FRONTED_REACH characters).
 */
export const FRONTED_SHARE = /^\W*(?:with|holding|having|controlling|commanding|at)\s+(?:[\w-]+\s+){0,3}$/i;
export const FRONTED_REACH = 30;

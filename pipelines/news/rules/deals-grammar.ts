/**
 * The grammar of deal templates (rules/deals.ts): the masked-text alphabet, and what a company
 * slot, a list of companies, a gap and an object phrase may stand for. Data for
 * components/deals/template.ts, which compiles every template once, at module load.
 */

// ---------------------------------------------------------------------------------------------
// Masking: a company mention becomes \u0001\u0002\u0002..., a money amount \u0003\u0004\u0004...
// ---------------------------------------------------------------------------------------------
export const CO_HEAD = '\u0001';
export const CO_TAIL = '\u0002';
export const MONEY_HEAD = '\u0003';
export const MONEY_TAIL = '\u0004';
/** One masked company mention. */
export const COMPANY_RE = `${CO_HEAD}${CO_TAIL}*`;

/** Anaphors that may stand for a company in a slot: "the company", "the German carmaker". */
export const ANAPHOR_NOUNS =
  'company|firm|group|bank|carrier|airline|maker|manufacturer|retailer|brewer|developer|station|broadcaster|insurer|' +
  'lender|operator|giant|concern|conglomerate|publisher|producer|supplier|chain|utility|partnership|rival|' +
  'winemaker|chipmaker|automaker|carmaker|network|provider|distributor|owner|holding company|parent|unit|subsidiary';
/** Anaphors for two companies at once: "the two companies", "both". */
export const PLURAL_ANAPHOR = /^(?:the two|both|they|the companies|the firms)\b/i;

/** An anaphor in a slot: "it", "they", "the two firms", "both", "the (German) company". */
export const ANAPHOR_RE =
  `\\b(?:it|they|the latter|the former|the two (?:companies|firms|groups|banks|carriers|airlines|sides|rivals|partners|brewers|retailers)|` +
  `the two(?= (?:are|were|have|had|will|would|agreed|plan|plans|said|also|could|may|might|should|then|later)\\b)|` +
  `both(?: (?:companies|firms|groups|banks|sides|carriers|airlines))?|` +
  `the (?:[a-z-]+ ){0,2}(?:${ANAPHOR_NOUNS}))\\b`;
// (wire copy brackets names: "<Widget Inc>", "(Widget Inc)")
// (and "Widget Corp. by ...": an abbreviation's period after the name)
/**
 * Anaphors are masked too, in the text the templates read (components/deals/candidates.ts): one
 * short alternative in every slot instead of the whole ANAPHOR_RE, which made compiling the
 * templates (on their first use in a process) twice as slow.
 */
export const ANAPHOR_HEAD = '\u0005';
export const ANAPHOR_TAIL = '\u0006';
/**
 * Anaphor nouns that templates also use as words ("the partnership formed by", "the joint company
 * formed", "the largest owner of"): those anaphors stay text, and a slot reads them as before.
 */
const TEMPLATE_NOUNS = new Set(['company', 'firm', 'partnership', 'owner', 'parent', 'unit', 'subsidiary']);
const MASKED_NOUNS = ANAPHOR_NOUNS.split('|').filter((n) => !TEMPLATE_NOUNS.has(n)).join('|');
/** The anaphors masked in the template text: ANAPHOR_RE without the TEMPLATE_NOUNS. */
export const MASKED_ANAPHOR_RE = ANAPHOR_RE.replace(`(?:${ANAPHOR_NOUNS})`, `(?:${MASKED_NOUNS})`);
const TEXT_ANAPHOR_RE = `\\bthe (?:[a-z-]+ ){0,2}(?:${[...TEMPLATE_NOUNS].join('|')})\\b`;
/** A company slot: a mention or an anaphor (masked, or one of the TEMPLATE_NOUNS as text). */
export const SLOT_RE = `(?:[<(]?${COMPANY_RE}(?:\\.(?=\\s))?[>)]?|${ANAPHOR_HEAD}${ANAPHOR_TAIL}*|${TEXT_ANAPHOR_RE})`;

/** Between two companies of a list: "X, Y and Z", "X <XX.N> and French firm Y", "X and a unit of Y". */
export const LIST_SEP =
  `>?(?:\\s+(?:Inc|Corp|Co|Ltd|Plc|SA|AG|NV|SpA|Cos|Group)\\b\\.?)?(?:'s?)?(?:\\s*<[^>\\n]{1,14}>)*(?:\\s*\\([^)\\n]{1,40}\\))?` +
  // ("X, the chip maker, and Y announced": an appositive aside before the list's last "and")
  `(?:\\s*,\\s*(?!(?:a|an|the)\\s)(?:and\\s+)?|\\s+and\\s+|\\s*&\\s*|\\s*,?\\s+as well as\\s+|(?<=>)\\s+|,\\s+(?:(?:a|an|the)\\s+[^,;\\n\\u0001\\u0002]{1,40}|\\u0005\\u0006*),\\s+and\\s+)` +
  // "X, Y, and others, Z has signed": "and others" closes the list; Z starts a new clause
  `(?:(?!(?:said|says|agreed|will|would|to|has|have|had|is|was|were|are|which|who|that|others?|more|several|many|various)\\b)[A-Za-z][\\w.'-]*,?\\s+){0,3}<?`;

/** A subject does not reach over a subordinate clause: "The two held talks after X bought Y". */
const SUBORDINATE = '(?:after|before|when|while|because|since|although|though|unless|until|whereas)\\b';
/** ...nor over a relative clause about people: "the two brothers, who took over control of Y" (their deal, not the subject's). */
const PEOPLE_WHO =
  'who\\b(?<=\\b(?:brothers|sons|family|investors|individuals|executives|managers|officials|people|men|partners|parties|shareholders|holders),?\\s+who)';
const GAP_CHAR = `(?!\\b${SUBORDINATE}|${PEOPLE_WHO})[^${CO_HEAD}${CO_TAIL};\\n]`;
/** ...and after an aside, no relative clause: "X, which was bought by Y, a firm that is merging with Z". */
const TAIL_CHAR = `(?!\\b(?:${SUBORDINATE}|that\\b|which\\b|who\\b))[^${CO_HEAD}${CO_TAIL};\\n]`;
/** A gap: no company, no ";"; or one comma-delimited aside that may name companies ("X, which owns Y, agreed"). */
export const GAP = `(?:(?:${GAP_CHAR}){0,90}?|,[^;\\n,]{1,100}?,(?:${TAIL_CHAR}){0,60}?)`;

/** Words that end an object phrase: the next clause or another argument starts. */
// ("to" inside a range of a stake is no stop: "bought a three to five pct share of Widget")
const OBJECT_STOP =
  '(?:from|to(?!\\s+[\\w.]+\\s*(?:pct|percent|per cent|%))|with|for|by|at|on|after|before|that|which|who|when|while|as|than|said|says|but|because|since|if|under|against|whether|how|why)\\b';
// (up to ten words: "2,400,000 shares of eight pct convertible preferred stock of Widget")
/** An object phrase: up to ten words, none a stop word, none a company. */
export const OBJECT_WORDS = `(?:(?!${OBJECT_STOP})[^\\s${CO_HEAD}${CO_TAIL}<]+\\s+){0,10}?`;

/** A sentence is tried only when it holds one of these words (stems of every rule's triggers). */
export const TRIGGER_ANY =
  /\b(?:acqui|buy|bought|purchas|take|took|snap|swallow|absorb|sale|sell|sold|divest|dispos|unload|spin|spun|bid|offer|approach|proposal|merg|combin|amalgam|tie-up|invest|inject|pump|stake|holding|interest|order|lease|supply|supplie|provid|equip|deliver|build|built|won|win|secur|land|award|gave|give|hand|venture|partner|alliance|collaborat|agree|accord|pact|deal|memorandum|licen|contract|team|join|allied|tied|ties|link|joint|co-?operation|refusal|round|led by|pool|control|sought|court|wooed|pursued|suitor|contender|lost out|losing out|beaten|outbid|pulled out|dropped out|withdr|quit|becom|tender|letter of intent|transfer|pay|paid|spend|spent|member|buyer|interested|pick|backed|backer|funded|financed|bankroll|shareholder|owner|stakeholder)/i;

/** "<ACME.L>" right after "Acme Holdings Plc": a ticker restating the company before it. */
export const TICKER_AT = /^<[A-Z0-9.&-]{1,12}>/;

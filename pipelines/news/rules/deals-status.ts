/**
 * Cue words that tell a deal's state, its value and its name, which reports are one deal, and the
 * two-sentence offer construction: data for components/deals/events.ts and its helpers. Each
 * entry shows an invented example.
 */
import type { DealStatus, DealType } from '../../../src/schema.ts';

// ---------------------------------------------------------------------------------------------
// Status
// ---------------------------------------------------------------------------------------------
export interface StatusCue {
  rule: string;
  match: RegExp;
  status: DealStatus;
  /** The cue marks the deal as not (yet) fact. */
  hedged?: boolean;
  example: string;
}

/**
 * Status cues, tested in order on the clause around a match (the first that fires wins). The
 * strong ones (rumored, cancelled, rejected) are tried first, wherever they stand in the list.
 */
export const STATUS_CUES: readonly StatusCue[] = [
  {
    rule: 'status.denied',
    match: /\b(?:denied|denies|deny|denying)\b/i,
    status: 'rumored',
    hedged: true,
    example: 'Acme denied it was in talks to buy Widget.',
  },
  {
    rule: 'status.cancelled',
    match: /\b(?:call(?:s|ed|ing)? off|came close to|an end to|end(?:s|ed|ing)? (?:its|their|the) (?:alliance|partnership|agreement|deal|venture|talks)|dissolv(?:e|ed|ing)|drop(?:s|ped|ping) (?:its|their|the|a|an) (?:[\w-]+ ){0,3}?(?:bid|offer|plan|proposal|talks)|abandon(?:s|ed|ing)?|withdr[ae]w(?:n|s|ing)?|terminat(?:e|es|ed|ing)|scrap(?:s|ped|ping)?|collapsed?|fell through|failed|walked away|pulled out of|broke off|broken off|ended talks|cancel(?:l?ed|s|ling)?|dropped (?:its|their|the) (?:bid|offer|plan))\b/i,
    status: 'cancelled',
    example: 'Acme called off its planned merger with Widget.',
  },
  {
    rule: 'status.rejected',
    match: /\b(?:reject(?:s|ed|ing)?|turn(?:s|ed|ing)? down|rebuff(?:s|ed|ing)?|spurn(?:s|ed|ing)?|snub(?:s|bed)?|refused|not to accept|declin(?:ed|es|ing) (?:the|an?|its|their)(?! comment))\b/i,
    status: 'rejected',
    example: 'Widget turned down a takeover offer from Acme.',
  },
  {
    rule: 'status.rumored',
    match: /\b(?:in talks|talks with|held talks|holding talks|(?:preliminary |merger |takeover )?(?:talks|discussions) (?:with|about|on|to|over|for)|negotiat(?:ing|ions)|close to (?:striking|agreeing|signing|a deal|an agreement)|(?:willing|keen|eager|interested|tipped|touted|expected) (?:to|on|in) (?:buy|acquire|bid|make|buying|acquiring|bidding|take)|reportedly|is reported|was reported|reports? that|reports? said|sources? (?:said|say|close)|people familiar|according to (?:sources|people|reports)|speculation|speculat(?:e|ed|ing)|rumou?r(?:s|ed)?|(?:is|are|was|were) considering|consider(?:s|ing)? (?:a|an|making|buying|selling|bidding)|could|(?<!\b(?:in|since|until|from|of|last|this|next|early|late|by|on|during|through|before|after|mid)[\s-])may(?!\s+\d)|might|possibl[ey]|potential|exploring|weigh(?:s|ing)|mull(?:s|ing)|eyeing|would consider|talk of|interest in buying|analysts? (?:expect|expects|expected|predict|predicts|predicted|believe|believes|think|thinks|speculate|speculated|see|sees)|(?:analysts|observers|commentators|investors) (?:say|said) (?:that )?(?:\w+ ){0,4}?(?:would|will|could|should))\b/i,
    status: 'rumored',
    hedged: true,
    example: 'Acme is reportedly in talks to buy Widget.',
  },
  {
    rule: 'status.pending',
    match: /\b(?:pending|subject to|(?:once|when|after|until|before) (?:the )?(?:[\w-]+ )?(?:is|are|has been|have been) (?:completed|closed|approved)|await(?:s|ing)?|needs? (?:the )?approval|requires? (?:the )?approval|regulatory approval|shareholder approval|expected to (?:close|complete|be completed)|final clearance|gave clearance|cleared|accepted|tender offer|started (?:its|the|a) (?:previously announced )?(?:tender|offer)|attempt(?:s|ed|ing)? (?:to|a)|in the process of|(?:is|are|was|were|has been|have been) (?:trying|seeking|looking) to|takeover battle|bidding war|rival bidders?)\b/i,
    status: 'pending',
    example: 'The acquisition of Widget by Acme is subject to regulatory approval.',
  },
  {
    rule: 'status.completed-cue',
    match: /\b(?:completed|completes|completing|completion of|closed|closes|finali[sz]ed|consummated|(?:assumed|gained|obtained|seized|took) (?:[a-z]+ )?control)\b/i,
    status: 'completed',
    example: 'Acme completed the previously announced acquisition of Widget.',
  },
  // A perfect tense reports a done deal even beside "announced": "Acme announced it has acquired
  // Widget"; "Widget said it had been bought by Acme"
  {
    rule: 'status.perfect',
    match: /\b(?:has|have|had)\s+(?:now\s+|already\s+|finally\s+|officially\s+)?(?:been\s+)?(?:acquired|bought|purchased|taken over|completed|closed|merged|snapped up|absorbed)\b/i,
    status: 'completed',
    example: 'Acme announced it has acquired Widget.',
  },
  {
    rule: 'status.announced',
    match: /\b(?:agreed|agrees|agree|agreement|is to|are to|will|would|plans?|planned|planning|intends?|set to|proposed|proposal|offer(?:s|ed|ing)?|bid|bids|bidding|to (?:buy|acquire|merge|sell|invest|supply|form|take)|announced|announces|signed|signs|unveiled|option to)\b/i,
    status: 'announced',
    example: 'Acme agreed to buy Widget.',
  },
  {
    rule: 'status.completed',
    match: /\b(?:completed|completes|closed|finali[sz]ed|acquired|bought|purchased|took over|taken over|swallowed up|snapped up|absorbed|merged|sold|spent|formed|established|set up|created|invested|injected|took|was established)\b/i,
    status: 'completed',
    example: 'Acme bought Widget last year.',
  },
];

/**
 * A deal the text places in the past is done: "the merger of A and B in 2002" (a year before the
 * article's), "the recent acquisition of B", "A, which it originally bought from C".
 */
export const PAST_DEAL_WORDS = /\b(?:recent(?:ly)?|originally|previously|formerly|earlier this year|last year|(?:years?|months?) ago|in the past)\b/i;

/**
 * A finite past-tense trigger reports a done deal: "Acme bought Widget last month", "Widget was
 * acquired by Acme", "Acme said it merged with Widget". Not a participle after a modal, "to", "be"
 * or an intention: "agreed to be acquired", "will be bought", "plans to be merged".
 */
export const PAST_TRIGGER = /^(?:bought|acquired|purchased|took over|taken over|merged|sold|snapped up|swallowed up|absorbed)\b/i;
export const NOT_FINITE_BEFORE =
  /\b(?:be|been|being|to|will|would|could|should|may|might|can|agreed|agrees|agree|plans?|planned|proposed|intends?|intended|expected|wants?|offered|seeks?|sought|if|unless|not|never)\s+(?:[a-z]+\s+)?$/i;

/** "could be worth $6bn" is about the value, not a hedge on the deal (removed before the cues run). */
export const VALUE_MODAL = /\b(?:could|may|might)\s+(?:be\s+)?(?:worth|valued|total|reach|rise|exceed|value|amount)/gi;

/** Counterfactual or negated deals are not deals: "had it also taken over Y", "would have bought". */
// ("If Acme buys a stake in Widget it will be the largest ...": a condition, not a report)
export const NOT_A_DEAL =
  /\b(?:would|could|might|should) have\b|\bhad (?:it|they|he|she)\b|\b(?:not|never|no longer) (?:to )?(?:buy|acquire|sell|merge|bid)\b|\bruled out\b|\b(?:if|unless) (?:CO|it|they)(?: (?:were|was|is|are)(?: to)?)? (?:buys?|acquires?|merges?|sells?|takes? over|bids?|approached|acquired|bought|sold|taken over)\b/i;

/** The end of a deal's clause after its match: ";", ", " (not "1, 000"), " - ". */
export const CLAUSE_STOP = /[;]|,\s(?!\d)|\s-\s/;
/** After a clause's comma, an aside that restates the deal: ", a bid that was rejected by ...". */
export const RESTATING_ASIDE =
  /^,\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}(?:bid|offer|deal|proposal|move|transaction|purchase|takeover)\s+(?:that|which)\b/i;

/**
 * "The acquisition is subject to regulatory approval." "The deal is valued at $2bn.": a sentence
 * about "the deal" just reported adds its status or value to it.
 */
// ("The $1.75bn (900m) deal will ...": amounts and an aside may stand before the noun)
export const FOLLOW_UP =
  /^(?:the|this|that|its|their)\s+(?:[a-z-]+\s+|[$\u00a3\u20ac\u00a5]?[\d.,]+\s*(?:bn|m|k|billion|million|mln|bln)?\s+|\([^)]{0,30}\)\s+){0,3}?(?:acquisition|merger|takeover|deal|transaction|purchase|sale|agreement|offer|bid|buyout|venture|tender offer)\b/i;

// ---------------------------------------------------------------------------------------------
// Value
// ---------------------------------------------------------------------------------------------
/** Money that is not a deal's value: per-share prices, sales, fees. Tested on the text after / before it. */
export const MONEY_NOT_VALUE_AFTER =
  /^\s*(?:a|per|each|an?\s+(?:ordinary\s+|common\s+)?share)\b\s*(?:(?:ordinary|common|preferred)\s+)?(?:share|shares|unit|ads|ordinary)?|^\s*\/\s*share|^\s*(?:in|of)\s+(?:annual\s+)?(?:sales|revenues?|turnover|assets|debt|profits?|earnings|losses)\b|^\s*each\b/i;
export const MONEY_NOT_VALUE_BEFORE =
  /(?:sales|revenues?|turnover|profits?|earnings|income|assets|debts?|loss(?:es)?|fees?|fine|fined|penalty|settlement|capitali[sz]ation|dividends?)\s+(?:of\s+|was\s+|were\s+|totall?ing\s+|reached\s+)?(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+|over\s+|more than\s+)?$/i;
/** Amounts below this are prices per share or per unit, not a deal's value. */
export const MIN_DEAL_VALUE = 1000;
/** "X's $5bn takeover of Y", "the proposed 225 mln dlr acquisition of Y": an amount right before the trigger. */
export const AMOUNT_BEFORE_TRIGGER = /\u0003\u0004*(?:\s+(?:[a-z-]+|\([^)]{0,30}\))){0,3}\s+$/;

// ---------------------------------------------------------------------------------------------
// Name
// ---------------------------------------------------------------------------------------------
/** Names of deals: "a joint venture called Widgetco", "Project Lumen", "the venture - Widgetco". */
export const DEAL_NAME_PATTERNS: readonly RegExp[] = [
  /\b(?:called|named|dubbed|known as|christened)\s+"?((?:[A-Z][\w&'-]*)(?:\s+[A-Z][\w&'-]*){0,3})"?/,
  /\b(?:venture|project|consortium|deal|partnership|alliance)\s*[-:,]\s*"?((?:[A-Z][\w&'-]*)(?:\s+[A-Z][\w&'-]*){0,3})"?\s*[.,;]?\s*$/,
  /\b[Pp]roject\s+"?([A-Z][\w&'-]*)"?/,
  /^(?:[\s\S]*\b(?:unveil(?:ed|ing)?|launch(?:ed|ing)?|announce(?:d|ment)?) of\s+)"?([A-Z][\w&'-]*(?:\s+[A-Z][\w&'-]*){0,2})"?,\s+[\s\S]*\b(?:deal|venture|project|partnership)\b/,
];
/** Capitalised words a name pattern may catch that name nothing: "called The ...". */
export const NOT_A_DEAL_NAME = /^(?:The|A|An|It|Its|This|That|In|On|At|For)$/;
/**
 * A name that ends more than this many characters before the deal's span belongs to another
 * clause ("the unveiling of Lumen, X's deal with Y, and others, Z signed an agreement": Lumen is X's).
 */
export const NAME_REACH = 60;

// ---------------------------------------------------------------------------------------------
// One deal, several reports
// ---------------------------------------------------------------------------------------------
/** Words that mark a second, separate offer: "a new offer", "a revised bid". */
export const NEW_OFFER = /\b(?:new|fresh|revised|sweetened|second|modified|another)\s+(?:\w+\s+)?(?:offer|bid|proposal|approach)\b/i;

/** Two values of one currency farther apart than this fraction of the larger are two deals ("$2bn" vs "$3bn"). */
export const SAME_VALUE_TOLERANCE = 0.1;

/** Types that may be one deal reported twice ("the merger" of a takeover, "the agreement" of a venture). */
export const DEAL_FAMILIES: readonly (readonly DealType[])[] = [
  ['acquisition', 'merger'],
  ['partnership', 'agreement', 'joint_venture'],
  ['contract', 'agreement'],
];

/** Which status a merged deal keeps: the higher rank wins (a final state over an intent over a rumour). */
export const STATUS_RANK: Record<DealStatus, number> = { completed: 5, cancelled: 5, rejected: 5, pending: 4, announced: 3, rumored: 2 };

/** Rules that only mention an agreement ("its partnership with X"), and rules that report one being made. */
export const MENTION_RULES: ReadonlySet<string> = new Set(['pact.noun.with', 'pact.noun.between']);
export const SIGNING_RULES: ReadonlySet<string> = new Set(['pact.signed.clause', 'pact.plural', 'pact.object-relative']);

// ---------------------------------------------------------------------------------------------
// An offer in two sentences
// ---------------------------------------------------------------------------------------------
/**
 * An offer reported from the target's side, its bidder named in the next sentence or the one
 * after. `received` is matched on the masked sentence (\u0001\u0002... is a company, \u0003\u0004...
 * an amount): "Acme has received a $3bn takeover offer", "Acme said it had attracted a buyout
 * approach"; `from` on the next: "The bid has come from investment firm Widget", "The offer was
 * made by Widget", "This approach came from a group led by Widget".
 */
export const OFFER_RULE = {
  rule: 'bid.received+from',
  received:
    /\u0001\u0002*[^;\n\u0001]{0,90}?\b(?:has\s+|had\s+|have\s+)?(?:received|receives|receiving|got|attracted|drawn|drew)\s+(?:an?\s+|its\s+)?(?:[^\s\u0001\u0002;]+\s+){0,5}?(?:offer|bid|approach|proposal)\b/i,
  from: /^(?:the|this|that)\s+(?:[\w-]+\s+){0,2}?(?:offer|bid|approach|proposal)\s+(?:has\s+|had\s+|is\s+|was\s+)?(?:come|came|comes|made|tabled|submitted|launched)\s+(?:from|by)\s+/i,
  /** "Widget has received an offer from Acme": the bidder is named in the sentence itself (the templates read it). */
  bidderNamed: /\bfrom\s/i,
  /** How many sentences after the offer its bidder may be named. */
  reach: 2,
  /** How far (in characters) after "from" the bidder's name may start. */
  bidderReach: 80,
  score: 0.6,
  example: 'Widget has received a $3bn takeover offer. The bid has come from investment firm Acme.',
} as const;

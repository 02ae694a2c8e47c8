/**
 * Rule tables for the market_share components (components/market-share/): what makes a figure a
 * market share and how sure each rule is. Data only: each pattern is compiled once at module load.
 * Patterns run on `doc.norm` (ASCII quotes and dashes). The comment above an entry shows the kind
 * of text it handles (invented examples). Markets and regions are in rules/market-share-markets.ts,
 * holders in rules/market-share-holders.ts, sources in rules/market-share-sources.ts.
 */
import { MARKET_HEADS } from './market-share-markets.ts';

export interface ShareRule {
  /** The rule's name, recorded in every claim it finds. */
  rule: string;
  /** Confidence of a claim: how often the rule is right on unseen news (judged on BBC/Reuters samples). */
  score: number;
  /** An invented sentence the rule reads (tests/components/market-share.test.ts checks that it does). */
  example: string;
}

/** The rules of a share (the branches of components/market-share/classify.ts), with their scores. */
export const SHARE_RULES: readonly ShareRule[] = [
  { rule: 'share_np', score: 0.9, example: 'Acme has a 34% market share.' },
  { rule: 'pct_of_market', score: 0.85, example: 'Acme holds 34% of the market.' },
  { rule: 'share_context', score: 0.8, example: "Acme's market share rose to 21%." },
  { rule: 'chain', score: 0.75, example: 'Acme holds 34% of the market, up from 30% in 2020.' },
  { rule: 'list', score: 0.7, example: 'In the browser market, Acme at 34%, followed by Bolt at 21%.' },
  { rule: 'used_by', score: 0.65, example: 'Acme software is used by 90% of web users.' },
  { rule: 'produces_pct_of', score: 0.7, example: "Acme makes 35% of the world's mobile phones." },
  { rule: 'leads_with', score: 0.75, example: 'Acme leads the browser market with 45%.' },
];
/** The score of a rule not in SHARE_RULES. */
export const DEFAULT_SHARE_SCORE = 0.6;
/** A holder found through an anaphor ("The company's share ..."): the score minus this. */
export const ANAPHOR_PENALTY = 0.15;

/** Windows around a figure: enough for a clause, bounded so every regex runs in constant time. */
export const LEFT_WINDOW = 160;
export const RIGHT_WINDOW = 140;

/** Words a hedge can be made of, mapped to the bound it gives the share. Longest first. */
export const BOUND_HEDGES: ReadonlyArray<readonly [string, 'at_least' | 'at_most' | 'about']> = [
  // "more than 40%", "over 40%", "at least 40%", "upwards of 40 pct", "in excess of 40%"
  ['more than', 'at_least'],
  ['in excess of', 'at_least'],
  ['upwards of', 'at_least'],
  ['at least', 'at_least'],
  ['well over', 'at_least'],
  ['over', 'at_least'],
  ['above', 'at_least'],
  // "less than 40%", "under 40%", "no more than 40%", "up to 40%"
  ['no more than', 'at_most'],
  ['not more than', 'at_most'],
  ['less than', 'at_most'],
  ['fewer than', 'at_most'],
  ['at most', 'at_most'],
  ['up to', 'at_most'],
  ['under', 'at_most'],
  ['below', 'at_most'],
  // "about 40%", "around 40 pct", "nearly 40%", "almost 40%", "some 40 pct", "an estimated 40%"
  ['approximately', 'about'],
  ['an estimated', 'about'],
  ['estimated', 'about'],
  ['close to', 'about'],
  ['roughly', 'about'],
  ['around', 'about'],
  ['nearly', 'about'],
  ['almost', 'about'],
  ['about', 'about'],
  ['some', 'about'],
  ['circa', 'about'],
];

const HEDGE_ALT = BOUND_HEDGES.map(([w]) => w.replace(/ /g, '\\s+')).join('|');
/** A hedge right before the number: "... a share of about " -> group 1 "about". */
export const HEDGE_BEFORE = new RegExp(`\\b(${HEDGE_ALT})\\s+$`, 'i');

const HEAD_ALT = MARKET_HEADS.join('|');

/**
 * Words that may stand between "of" and a market head: determiners, regions, modifiers.
 * "of the total British home loan market": up to six words, no verbs or clause breaks.
 */
const NP_WORD = String.raw`(?:[A-Za-z][\w.&'-]*|\d+(?:-\w+)?)`;
const NP_STOP = String.raw`(?!(?:to|from|in|at|by|and|or|but|was|is|were|are|has|had|have|rose|fell|its|their|his|her|which|that|this|than|since|while)\b)`;

/**
 * "X% of <NP ending in a market head>". The NP may not start with a possessive pronoun
 * ("20% of its sales" is a sales mix, not a market share).
 * "11% of the market", "8% of Russia's total oil production", "5 pct of the British home loan market"
 */
export const OF_MARKET_RIGHT = new RegExp(
  // not "the fair market value", not "worldwide sales of 4.5 billion dlrs" (a company's revenue)
  String.raw`^\s*of\s+(?!(?:its|their|his|her|our|the company's|the group's)\b)((?:${NP_STOP}${NP_WORD}\s+){0,6}?)(${HEAD_ALT})\b(?!\s+(?:value|values|price|prices|capitali[sz]ation|cap|rates?|makers?)\b|\s+of\s+(?:about\s+|some\s+)?[\d$])`,
  'i',
);
/**
 * A head other than "market" needs a qualifier that makes it a market's total: "15 pct of U.S. car
 * sales", "11% of industry shipments". Bare "4% of sales" or "of total sales" is a ratio to the
 * company's own sales (a margin, a cost, a sales mix).
 */
export const UNQUALIFIED_OF = /^\s*of\s+(?:the\s+)?(?:total\s+|all\s+|annual\s+|net\s+|gross\s+|group\s+|company\s+|its\s+)?(?:sales|output|production|volume|volumes|deliveries|shipments|consumption|traffic)\b/i;

/**
 * A share word right after the number: "a 34% market share", "a 25 pct share", "the 20% share it
 * would have gained". Not "shares" (stock) nor "share price/capital/offer".
 */
export const SHARE_RIGHT = /^\s*(?:market[- ])?share\b(?!s|\s+(?:price|prices|capital|offer|issue|index|holders?|stake)\b|holder)/i;

/**
 * A share noun before the number in the same sentence. Handles "market share of ...", "X's share",
 * "its share", "a share of about 90%", "the company's share of industry sales".
 * Not "share price", "per share", "a share" after money (a price), "shares" (stock), "shareholders".
 */
export const SHARE_LEFT =
  /\bmarket[- ]shares?\b|(?:'s?|\bits|\btheir|\bhis|\bher|\bour|\ba|\ban|\bthe|\bcurrent|\boverall|\bcombined|\bglobal|\bworld|\bsales|\bunit|\bvolume)\s+(?:[a-z]+\s+){0,2}?share\b(?!s|\s+(?:price|prices|capital|offer|issue|index|holders?|stake|buyback|repurchase)\b|holder)/gi;

/** Before a share noun, a money amount makes "a share" a price: "15 dlrs a share", "$3 a share". */
export const PRICE_BEFORE_SHARE = /(?:\d|dlrs?|dollars?|cents?|pence|p|euros?|francs?|yen|marks|pounds?|stg)\s+(?:a|per)\s*$/i;

/**
 * A change, not a level: the number is the amount a thing moved by.
 * "sales rose 5%", "shares fell 3 pct", "lost around 10% of market share", "an increase of 12%",
 * "up 4%", "cut by 2 pct". ("rose to 20%", "up from 27 pct" are levels and do not match.)
 */
export const CHANGE_LEFT = new RegExp(
  String.raw`\b(?:rose|rise|rises|risen|rising|fell|fall|falls|fallen|falling|up|down|increased?|increases|increasing|decreased?|decreases|decreasing|climbed|climbs?|gained|gains?|gaining|dropped|drops?|declined?|declines|jumped|jumps?|slipped|slips?|grew|grows?|growing|growth|lost|loses?|losing|cut|cuts|raised|raises?|reduced|reduces?|plunged|plunges?|surged|surges?|soared|soars?|slumped|slumps?|advanced|added|adds?|shed|sheds|eased|eases|tumbled|dipped|slid|widened|narrowed|improved|expanded|boosted|lifted|lowered|trimmed|by|(?:an?|the)\s+(?:\w+\s+)?(?:increase|rise|gain|drop|decline|fall|jump|surge|growth|cut|reduction|loss)\s+of)\s+$`,
  'i',
);

/**
 * Right after the number, words that make it something other than a market share.
 * "a 20% stake", "a 5% rise", "15 pct owned", "10% of its shares", "9.4 pct of the total
 * outstanding", "12% of its revenue", "40% of the population", "5% interest".
 */
export const NOT_SHARE_RIGHT = new RegExp(
  String.raw`^\s*(?:-?owned|owned|stake|stakes|interest\b|holding|holdings|equity|rise|rises|increase|increases|jump|gain|gains|drop|drops|decline|declines|fall|falls|growth|rally|surge|higher|lower|more|less|cheaper|fewer|discount|premium|margin|rate|yield|return|dividend|tax|inflation|annual(?:ly|ized)?|a year(?!\s+(?:earlier|ago|before))|per (?:year|annum)|or more\b|or less\b|interest rate|points?\b|percentage points?|` +
    String.raw`of\s+(?:the\s+|its\s+|their\s+|his\s+|her\s+)?(?:\w+'s\s+)?(?:total\s+)?(?:issued\s+|outstanding\s+|voting\s+|common\s+|ordinary\s+|existing\s+|fully\s+diluted\s+|combined\s+)*(?:shares|stock|equity|capital|share\s+capital|voting|outstanding|common|ordinary|stake|units?\b|company\b|firm\b|group\b|business\b|venture\b|operation|subsidiary|fund|notes|debentures|bonds|rights)|` +
    String.raw`of\s+(?:its|their|his|her|our|the company's|the group's|the bank's|the firm's)\s+|` +
    // "19.9 pct of Acme's 62 mln shares", "10 pct series one convertible preferred shares"
    String.raw`(?:of\s+)?(?:[\w'.-]+\s+){0,6}?(?:preferred|debentures|notes|bonds|shares|stock|warrants|common)\b|` +
    String.raw`of\s+(?:the\s+)?total\b(?!\s+(?:[\w'.-]+\s+){0,4}(?:${HEAD_ALT})\b)|` +
    String.raw`of\s+(?:the\s+|all\s+|\w+'s\s+)?(?:\w+\s+)?(?:population|people|adults|households|respondents|consumers|voters|workforce|staff|employees|jobs|revenues?|profits?|earnings|income|turnover|costs?|debts?|budget|gdp|assets|exports|imports|spending)\b)`,
  'i',
);

/**
 * Words in the clause before the number that make it a stake, a rate or a margin:
 * "raised its stake to 9.4 pct", "an interest rate of 10.5 pct", "operating margin was 12%".
 */
export const NOT_SHARE_LEFT =
  /\b(?:acquires?|acquired|acquiring|buys?|bought|buying|purchased?|sells?|sold|selling|tender(?:ed|s)?|offer(?:ed|s)?\s+for|bid\s+for)\s+(?:\w+\s+)?$|\b(?:stakes?|holdings?|holding|interest|margins?|rates?|yields?|dividends?|tax|taxes|inflation|unemployment|turnout|discount|premium|returns?|ownership|owned|owns|own|vote|votes|voting|tendered|approval|probability|chance|odds|capacity\s+utili[sz]ation|utili[sz]ation|occupancy|load\s+factor)\b[^,;:%()]{0,30}$/i;

/**
 * A company's aim is no share it holds: "Acme aims for 12% of the market", "Beta wants to capture
 * 10%", "a target of 20% by 2010", "hopes to reach a 15% share". (Forecasts by others stay claims:
 * "Acme is expected to hold 12%".)
 */
export const TARGET_LEFT =
  /\b(?:aims?|aiming|aimed|targets?|targeting|targeted|wants?|wanted|hopes?|hoped|hoping|seeks?|seeking|sought|intends?|intending|intended|goal|ambition|objective|aspires?|aspiring|strives?|striving)\b(?:\s+[\w-]+){0,5}?\s+$/;

/** "Acme leads the market with 45%", "Acme dominates the sector with about 60 pct": a leader's share. */
export const LEADS_WITH_LEFT =
  /\b(?:leads?|led|leading|dominates?|dominated|dominating|tops?|topped|topping|heads?|headed)\s+(?:the\s+)?(?:[\w'-]+\s+){0,4}?(?:market|sector|industry|segment|rankings?|table|list|field)\s+with\s+$/i;

/** "used by 90% of web users": usage share of a product. */
export const USED_BY_LEFT = /\bused\s+by\s+$/i;
export const USERS_RIGHT = /^\s*of\s+(?:all\s+|the\s+)?(?:[\w-]+\s+){0,2}?(?:users|surfers|computers|pcs|web\s+users|internet\s+users|smartphones|phones|handsets|websites|servers)\b/i;

/**
 * A company mention directly followed by its figure, as in a ranking list:
 * "Acme at 34%", "Acme with 21% of the market", "Acme (11%)", "Acme: 9 pct", "Acme on 5%".
 */
// ("Acme at 34%", "Acme (34%)", "Acme was at 19 percent", "Beta stood at 13%")
export const LIST_GAP = /^\s*,?\s*(?:(?:was|is|were|are|stood|stands|came\s+in|comes\s+in|ranked|ranks)\s+(?:at|on)|at|with|on|:|\(|-)\s*$/i;

/** A share sentence or its neighbour makes a ranking list a list of shares. */
export const SHARE_CONTEXT = /\bmarket\b|\bshares? of\b|\bmarket[- ]shares?|\bshare\b(?!s)/i;
/** A ranking list of rates, not shares: "inflation was highest in A at 26%, followed by B on 21%". */
export const NOT_SHARE_LIST = /\b(?:rates?|inflation|growth|yields?|prices?|returns?|margins?|unemployment|turnout|increases?|rises?|falls?|declines?|gains?|jumps?|drops?|stakes?|interest|workforce|employees|staff|population|voters|respondents)\b/i;

/**
 * After "share", an ownership object: "a 20 pct share in Acme", "its share in the venture",
 * "a five pct share of Acme Holding SA". Market shares read "share of the X market" / "in the X market".
 */
export const STAKE_AFTER_SHARE = /^\s+(?:in|of)\s+(?:(?:the|a|an)\s+)?(?:<|[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*)*\s*(?:Inc|Corp|Co|Ltd|Plc|plc|PLC|AG|SA|NV|AB|Holding|Holdings|Group|Bank)\b|(?:[\w-]+\s+){0,4}?(?:company|firm|group|bank|venture|unit|subsidiary|concern|producer|maker|project|consortium|business|rival|partner)\b)/;
/** "share in" + this is still a market share: "a 20% share in the PC market", "share in Europe". */
export const SHARE_IN_MARKET = /^\s+in\s+(?:the\s+)?(?:[\w.'-]+\s+){0,5}?(?:markets?|sales|segment|shipments|business)\b/i;
export const STAKE_BEFORE_SHARE = /\b(?:in|of)\s+which\s+(?:it|they|\w+)\s+(?:holds?|held|owns?|owned|has|had)\s+(?:a|an|its)?\s*$/i;

/** A sentence (or the one before) about a market: a bare "Acme's share was 20%" needs one. */
export const MARKETISH = /\bmarkets?\b|\bsales\b|\bshipments\b|\bproduction\b|\boutput\b|\bsubscribers\b|\busers\b|\bcustomers\b|\bdeliveries\b|\bregistrations\b|\bbrowsers?\b/i;

/**
 * A bare "its share" in a sentence about a venture or a stake is an ownership share:
 * "to bring its share in the project to 50 pct", "its share of the consortium".
 */
export const OWNERSHIP_CONTEXT =
  /\b(?:held|holds|hold|takeover|acquir\w+|participation|merger|project|venture|consortium|stake|stakes|holding|holdings|equity|capital|invest(?:ment|ed|ing|s)?|partnership|shareholding|owned|ownership|dividends?|profits?|earnings|costs?|payments?|bill)\b/i;

/**
 * A maker's or seller's part of all the goods of a kind: "Acme makes about 35% of the world's
 * mobile phones", "Acme delivered 55% of all jetliners last year", "Acme sells 40 pct of the
 * country's beer". The verb ends the left context (a hedge already removed); the right side is
 * "of" + a whole (all, the world's, global, a region's) + a plural noun.
 */
export const PRODUCE_LEFT =
  /\b(?:makes?|made|making|produces?|produced|producing|sells?|sold|selling|supplies|supplied|supplying|ships?|shipped|shipping|delivers?|delivered|delivering|builds?|built|building|manufactures?|manufactured|brews?|brewed|carries|carried|carrying|handles?|handled|handling)\s+$/i;
export const PRODUCE_OF_RIGHT =
  /^\s*of\s+(?:all\s+(?:the\s+)?|the\s+world'?s\s+|the\s+(?:country|nation|industry)'?s\s+|[A-Z][\w.]*'s\s+|global\s+|worldwide\s+|the\s+)(?:[a-z][\w-]*\s+){0,3}?[a-z][\w-]*(?:s|ware|beer|oil|gas|steel|coffee|cocoa|sugar|wine|traffic|freight|cargo)\b/;
/** "20% of its output": a share of the company's own goods, not of a market. */
export const OF_OWN = /^\s*of\s+(?:its|their|his|her)\b/i;

/**
 * Rule tables for the market_share component (src/components/market-share.ts). Data only: each
 * pattern is compiled once at module load. Patterns run on `doc.norm` (ASCII quotes and dashes).
 * The comment above an entry shows the kind of text it handles (invented examples).
 */

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

/**
 * Heads of a noun phrase naming what a share is a share of. "11% of the market", "8% of total oil
 * production", "15 pct of U.S. car sales", "30% of worldwide shipments".
 */
export const MARKET_HEADS = [
  'market', 'markets', 'sales', 'shipments', 'production', 'output', 'deliveries', 'registrations',
  'traffic', 'segment', 'consumption', 'volume', 'volumes', 'installations', 'searches',
];
/** Extra heads accepted only after an explicit share word: "a 40% share of broadband users". */
export const SHARE_ONLY_HEADS = ['users', 'subscribers', 'customers', 'accounts', 'business', 'industry', 'trade', 'spending', 'downloads'];

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

/** "used by 90% of web users": usage share of a product. */
export const USED_BY_LEFT = /\bused\s+by\s+$/i;
export const USERS_RIGHT = /^\s*of\s+(?:all\s+|the\s+)?(?:[\w-]+\s+){0,2}?(?:users|surfers|computers|pcs|web\s+users|internet\s+users|smartphones|phones|handsets|websites|servers)\b/i;

/**
 * A company mention directly followed by its figure, as in a ranking list:
 * "Acme at 34%", "Acme with 21% of the market", "Acme (11%)", "Acme: 9 pct", "Acme on 5%".
 */
export const LIST_GAP = /^\s*,?\s*(?:at|with|on|:|\(|-)\s*$/i;

/** A share sentence or its neighbour makes a ranking list a list of shares. */
export const SHARE_CONTEXT = /\bmarket\b|\bshares? of\b|\bmarket[- ]shares?|\bshare\b(?!s)/i;
/** A ranking list of rates, not shares: "inflation was highest in A at 26%, followed by B on 21%". */
export const NOT_SHARE_LIST = /\b(?:rates?|inflation|growth|yields?|prices?|returns?|margins?|unemployment|turnout|increases?|rises?|falls?|declines?|gains?|jumps?|drops?|stakes?|interest|workforce|employees|staff|population|voters|respondents)\b/i;

/** Prepositions that put a company mention inside a modifier, not in subject place:
 * "versions of the Acme 747", "sells through Acme", "ahead of Acme", "according to Acme". */
export const PREP_BEFORE_MENTION = /\b(?:of|to|for|from|through|via|than|against|versus|vs\.?|like|including|into|on|at|in|under|between|behind|over|unlike|besides|about)\s+(?:the\s+|a\s+|an\s+)?$/i;

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

/** "which together meet 40 pct", "jointly hold 30%": a joint share of several companies. */
export const JOINT = /\b(?:together|jointly|combined|between\s+them|collectively)\b/i;

/** Pronouns and definite descriptions that refer back to a company: "The company's share ...". */
export const ANAPHOR =
  /\b(?:its|it|the\s+(?:company|group|firm|bank|carmaker|automaker|airline|maker|manufacturer|retailer|brewer|operator|chain|giant|concern))(?:'s)?\b/i;

/** Mentions introduced as a source, never the share holder: "market research firm Acme". */
export const SOURCE_BEFORE_MENTION =
  /\b(?:research(?:er|ers)?|research\s+(?:firm|group|company|house)|consultancy|consultants?|analysts?|analyst\s+firm|market\s+researcher|watchdog|tracker|statistics\s+(?:firm|group)|(?:gathered|compiled|published|conducted|collected|commissioned|released|provided|produced)\s+by)\s+(?:the\s+)?$|\baccording\s+to\b[^,;]*$/i;

/**
 * A bare "its share" in a sentence about a venture or a stake is an ownership share:
 * "to bring its share in the project to 50 pct", "its share of the consortium".
 */
export const OWNERSHIP_CONTEXT =
  /\b(?:held|holds|hold|takeover|acquir\w+|participation|merger|project|venture|consortium|stake|stakes|holding|holdings|equity|capital|invest(?:ment|ed|ing|s)?|partnership|shareholding|owned|ownership|dividends?|profits?|earnings|costs?|payments?|bill)\b/i;

/**
 * Attribution phrases; group 1 is the source. Tried in order; the one nearest the claim wins.
 */
const NAME = String.raw`((?:the\s+)?[A-Z][\w&.'/-]*(?:\s+(?:of\s+|and\s+|&\s+|for\s+)?[A-Z][\w&.'/-]*){0,5})`;
const SAY = String.raw`(?:said|says|say|reported|reports|noted|notes|added|adds|estimated|estimates|estimate|calculated|calculates|believes|told|claimed|claims|found|shows?|showed)`;
export const ATTRIBUTION: ReadonlyArray<{ name: string; re: RegExp }> = [
  // "according to Acme", "according to market statistics gathered by Acme", "according to analysts Acme"
  { name: 'according_to', re: new RegExp(String.raw`\b[Aa]ccording\s+to\s+(?:(?:[a-z][\w-]*|by|from|at)\s+){0,5}?${NAME}`, 'g') },
  // "a report by Acme", "figures from Acme", "data compiled by Acme", "research by Acme"
  {
    name: 'report_by',
    re: new RegExp(String.raw`\b(?:[Rr]eport|[Ss]tudy|[Ss]urvey|[Ff]igures|[Dd]ata|[Rr]esearch|[Ss]tatistics|[Ee]stimates?|[Aa]nalysis|[Nn]umbers)\s+(?:\w+\s+)?(?:by|from)\s+(?:(?:[a-z][\w-]*)\s+){0,3}?${NAME}`, 'g'),
  },
  // "market research firm Acme has reported", "Acme said", "Acme estimates", "a Acme spokesman said"
  { name: 'x_said', re: new RegExp(String.raw`${NAME}(?:\s+(?:spokes(?:man|woman|person)|official|executive|chairman|president|director))?\s+(?:(?:has|have|had)\s+)?${SAY}\b`, 'g') },
  // "..., said Acme." / "..., says research firm Acme."
  { name: 'said_x', re: new RegExp(String.raw`[,"]\s*${SAY}\s+(?!that\b)(?:(?:[a-z][\w-]*)\s+){0,3}?${NAME}`, 'g') },
  // "it said", "the company said", "he noted"
  { name: 'pronoun_said', re: new RegExp(String.raw`\b(it|he|she|they|the\s+(?:company|group|firm|bank|carmaker|airline))\s+(?:(?:has|have|had)\s+)?${SAY}\b`, 'gi') },
];

/** Sources that are not a named source: attributedTo stays null. */
export const UNNAMED_SOURCES = new Set([
  'analysts', 'analyst', 'reports', 'report', 'sources', 'industry sources', 'experts', 'observers', 'traders',
  'dealers', 'economists', 'officials', 'estimates', 'figures', 'data', 'research', 'the', 'he', 'she', 'they',
  'but', 'however', 'and', 'in', 'overall', 'meanwhile', 'still', 'also', 'this', 'that', 'these', 'those', 'its', 'it',
]);

/** Titles that tie a person to a company: "Acme president Jane Roe", "Roe, chairman of Acme". */
export const TITLE_WORDS =
  /\b(?:spokes(?:man|woman|person)|official|executive|chairman|chairwoman|president|director|chief|head|manager|vice|ceo|cfo|founder|boss|managing)\b/i;

/**
 * Regions: surface form -> normalised name. Adjectives ("British", "French") count only inside a
 * market phrase ("the French switchboard market"); names count anywhere outside company names.
 */
export const REGIONS: ReadonlyArray<readonly [string, string, 'name' | 'adj']> = [
  ['worldwide', 'global', 'name'], ['world-wide', 'global', 'name'], ['globally', 'global', 'name'],
  ['global', 'global', 'adj'], ["world's", 'global', 'name'], ['world', 'global', 'adj'],
  ['United States', 'US', 'name'], ['U.S.', 'US', 'name'], ['US', 'US', 'name'], ['America', 'US', 'name'],
  ['American', 'US', 'adj'], ['North America', 'North America', 'name'], ['North American', 'North America', 'adj'],
  ['Latin America', 'Latin America', 'name'], ['Latin American', 'Latin America', 'adj'],
  ['United Kingdom', 'UK', 'name'], ['U.K.', 'UK', 'name'], ['UK', 'UK', 'name'], ['Britain', 'UK', 'name'],
  ['British', 'UK', 'adj'], ['Great Britain', 'UK', 'name'],
  ['European Union', 'EU', 'name'], ['EU', 'EU', 'name'], ['European Community', 'EC', 'name'], ['EC', 'EC', 'name'],
  ['Europe', 'Europe', 'name'], ['European', 'Europe', 'adj'], ['Asia', 'Asia', 'name'], ['Asian', 'Asia', 'adj'],
  ['West Germany', 'West Germany', 'name'], ['West German', 'West Germany', 'adj'],
  ['Germany', 'Germany', 'name'], ['German', 'Germany', 'adj'], ['France', 'France', 'name'], ['French', 'France', 'adj'],
  ['India', 'India', 'name'], ['Indian', 'India', 'adj'], ['Russia', 'Russia', 'name'], ['Russian', 'Russia', 'adj'],
  ['China', 'China', 'name'], ['Chinese', 'China', 'adj'], ['Japan', 'Japan', 'name'], ['Japanese', 'Japan', 'adj'],
  ['Canada', 'Canada', 'name'], ['Canadian', 'Canada', 'adj'], ['Italy', 'Italy', 'name'], ['Italian', 'Italy', 'adj'],
  ['Spain', 'Spain', 'name'], ['Spanish', 'Spain', 'adj'], ['Australia', 'Australia', 'name'], ['Australian', 'Australia', 'adj'],
  ['Brazil', 'Brazil', 'name'], ['Brazilian', 'Brazil', 'adj'], ['Mexico', 'Mexico', 'name'], ['Mexican', 'Mexico', 'adj'],
  ['South Korea', 'South Korea', 'name'], ['Korea', 'South Korea', 'name'], ['Korean', 'South Korea', 'adj'],
  ['Taiwan', 'Taiwan', 'name'], ['Taiwanese', 'Taiwan', 'adj'], ['Netherlands', 'Netherlands', 'name'], ['Dutch', 'Netherlands', 'adj'],
  ['Sweden', 'Sweden', 'name'], ['Swedish', 'Sweden', 'adj'], ['Switzerland', 'Switzerland', 'name'], ['Swiss', 'Switzerland', 'adj'],
  ['Ireland', 'Ireland', 'name'], ['Irish', 'Ireland', 'adj'], ['Belgium', 'Belgium', 'name'], ['Belgian', 'Belgium', 'adj'],
  ['Norway', 'Norway', 'name'], ['Norwegian', 'Norway', 'adj'], ['Denmark', 'Denmark', 'name'], ['Danish', 'Denmark', 'adj'],
  ['Finland', 'Finland', 'name'], ['Finnish', 'Finland', 'adj'], ['Austria', 'Austria', 'name'], ['Austrian', 'Austria', 'adj'],
  ['Poland', 'Poland', 'name'], ['Polish', 'Poland', 'adj'], ['Turkey', 'Turkey', 'name'], ['Turkish', 'Turkey', 'adj'],
  ['South Africa', 'South Africa', 'name'], ['South African', 'South Africa', 'adj'], ['Hong Kong', 'Hong Kong', 'name'],
  ['Singapore', 'Singapore', 'name'], ['Indonesia', 'Indonesia', 'name'], ['Indonesian', 'Indonesia', 'adj'],
  ['Malaysia', 'Malaysia', 'name'], ['Malaysian', 'Malaysia', 'adj'], ['Thailand', 'Thailand', 'name'], ['Thai', 'Thailand', 'adj'],
  ['Philippines', 'Philippines', 'name'], ['Argentina', 'Argentina', 'name'], ['Chile', 'Chile', 'name'],
  ['Israel', 'Israel', 'name'], ['Israeli', 'Israel', 'adj'], ['Egypt', 'Egypt', 'name'], ['Nigeria', 'Nigeria', 'name'],
  ['New Zealand', 'New Zealand', 'name'], ['Scandinavia', 'Scandinavia', 'name'], ['Scandinavian', 'Scandinavia', 'adj'],
  ['Portugal', 'Portugal', 'name'], ['Greece', 'Greece', 'name'], ['Vietnam', 'Vietnam', 'name'], ['Pakistan', 'Pakistan', 'name'],
];

/** Words stripped from a market phrase: determiners, regions (kept in `region`), fillers. */
export const MARKET_FILLER = new Set([
  'the', 'a', 'an', 'total', 'overall', 'entire', 'whole', 'industry', 'industry-wide', 'domestic', 'national',
  'global', 'world', 'worldwide', "world's", 'all', 'current', 'existing', 'combined', 'its', 'their', 'overall',
  'nation\'s', "country's", 'leading', 'largest', 'biggest', 'top', 'major', 'main', 'key', 'growing',
  'fast-growing', 'fastest-growing', 'lucrative', 'competitive', 'crowded', 'booming', 'entire', 'increasing', 'rising',
  'falling', 'declining', 'shrinking', 'slowing', 'improving', 'expanding', 'continuing', 'remaining', 'following',
  'surging', 'soaring', 'slumping', 'strong', 'stronger', 'weak', 'weaker', 'higher', 'lower', 'record', 'new', 'recent',
]);

/**
 * When no market phrase follows the share, a description of the company often names the market:
 * "the country's second-largest cement maker" -> "cement", "the leading bank card issuer".
 */
export const MAKER_PHRASE =
  /\b(?:largest|biggest|leading|top|dominant|main|major|second[- ]largest|third[- ]largest|second[- ]biggest|no\.?\s*\d|number\s+\w+)\s+((?:[\w.'-]+\s+){0,4}?)(?:maker|makers|producer|producers|manufacturer|manufacturers|issuer|retailer|seller|supplier|provider|operator|brewer|distributor|vendor|carrier)\b/i;

/**
 * When a claim's own sentence names no market, the market the article is talking about, from
 * this sentence or the few before it: "the North American commuter market", "U.S. car sales",
 * "its share of broadband subscribers". Group 1 is the modifiers, group 2 the head.
 */
export const CONTEXT_MARKET =
  /(?:\b(the|a|an|its|their|his|her|this|that|of|for|in)\s+|(?<=['\w.])'s\s+|\b)((?:(?!(?:the|a|an|its|their|his|her|this|that|of|for|in|by|to|and|or|with|from|on|at)\s)(?:U\.S\.|U\.K\.|[a-z][\w-]*|[A-Z][a-z]+)\s+){1,4}?)(markets?|industry|sales|shipments|subscribers)\b(?!\s+(?:value|values|price|prices|share|shares|leader|capitali[sz]ation|rates?|of\s+\d))/g;
/** Markets that are not a product market. */
export const NOT_A_MARKET = /^(?:stock|financial|money|capital|credit|bond|equity|exchange|foreign exchange|open|free|black|grey|gray|the|a|its|their|his|her|our|this|that|housing|property|labour|labor|job|futures|options|currency|commodity|domestic|world|global|export|import|retail|wholesale|total|overall|net|gross|annual|quarterly|monthly|record|higher|lower|strong|weak|good|poor|first|second|third|fourth|new|same|other|this year's|last year's|company|group)$/i;

/** Confidence per rule: how often the rule is right on unseen news (judged on BBC/Reuters samples). */
export const RULE_CONFIDENCE: Record<string, number> = {
  share_np: 0.9, // "a 34% market share", "Acme's share was 20%"
  pct_of_market: 0.85, // "Acme holds 34% of the market"
  share_context: 0.8, // "Acme's market share rose to 21% from 18%"
  chain: 0.75, // "... an improvement on its current 2.5%"
  list: 0.7, // "Acme at 34%, followed by Beta at 21%"
  used_by: 0.65, // "Acme is used by 90% of web users"
  produces_pct_of: 0.7, // "Acme makes 35% of the world's mobile phones"
};

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

/**
 * Markets and regions for the market_share components (components/market-share/): what a share
 * is a share of ("11% of the U.S. car market" -> market "car", region US). Data only; patterns run
 * on `doc.norm` (ASCII quotes and dashes) and are compiled once, at module load. The comment above
 * an entry shows the kind of text it handles (invented examples).
 */

/**
 * Heads of a noun phrase naming what a share is a share of. "11% of the market", "8% of total oil
 * production", "15 pct of U.S. car sales", "30% of worldwide shipments".
 */
export const MARKET_HEADS = [
  'market', 'markets', 'sales', 'shipments', 'production', 'output', 'deliveries', 'registrations',
  'traffic', 'segment', 'consumption', 'volume', 'volumes', 'installations', 'searches', 'supply', 'supplies',
];
/** Extra heads accepted only after an explicit share word: "a 40% share of broadband users". */
export const SHARE_ONLY_HEADS = ['users', 'subscribers', 'customers', 'accounts', 'business', 'industry', 'trade', 'spending', 'downloads'];

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

/** Region words in lower case: "global", "world", "worldwide" count as regions though not capitalised. */
export const GLOBAL_WORDS = /^(?:world|worldwide|world-wide|global|globally|world's)$/i;

/** Words that end a market noun phrase: "of the car market in Europe", "of U.S. sales rose ...". */
export const NP_BREAK: ReadonlySet<string> = new Set(
  ('to from in at by and or but was is were are has had have rose fell its their his her which that this than since ' +
    'while for with as on over during compared against up down it would will could be been stood amounts amounted ' +
    'accounts accounted remains remained reached grew increased decreased declined dropped slipped climbed jumped ' +
    'also now currently still only just further already last this next so then there where when who whose ' +
    'about around nearly almost some roughly approximately under more less close into onto through across among ' +
    'within per via after before between against without')
    .split(' '),
);

/** A count in a market phrase, never part of the market: "the top five oil producers". */
export const NUMERAL = /^(?:\d[\d.,]*|one|two|three|four|five|six|seven|eight|nine|ten|dozen)$/i;

/** Right after a figure, where: "30 pct market share worldwide" (group 1), "8.4 pct in West Germany" (group 2). */
export const REGION_AFTER =
  /^\s*(?:(?:market[- ])?share\s+)?(?:(worldwide|globally|world-wide)\b|in\s+(?:the\s+)?([A-Z][\w.]*(?:\s+[A-Z][\w.]*)?))/;
/** "world" or "global" names a region only before a market word: "the world market", not "the world's biggest". */
export const WORLD_REGION = /^(?:world|global)$/i;
export const WORLD_MARKET_AFTER = /^\s(?:market|sales|shipments|production|output)/;

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

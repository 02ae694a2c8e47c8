/**
 * Money amounts with ISO 4217 codes, in the house styles of modern, BBC and wire news:
 * "$10 billion", "US$500 million", "€2.5 billion", "£3m", "$11bn", "USD 200", "2.5 billion euros",
 * "25 mln dlrs", "1.5 billion Canadian dlrs", "500 mln French francs", "470p", "50 cts a share".
 *
 * Amounts are in major units of the currency: "470p" is 4.70 GBP, "50 cents" is 0.50 USD; the
 * number as written (470, 50) is kept in `quantity`. A bare "$" or "dollars" is USD (the news
 * default); a currency whose country the text does not give ("pesos", "crowns") is XXX.
 */
import {
  FRACTION_BEFORE_SCALE_SOURCE,
  MULTIPLIERS,
  MULTIPLIER_ATTACHED_SOURCE,
  MULTIPLIER_SPACED_SOURCE,
  NUMBER_SOURCE,
  parseNumber,
  roundFloat,
  saneQuantity,
} from './numbers.ts';

export interface MoneyMatch {
  start: number;
  end: number;
  /** In major units of `currency`: "470p" -> 4.7, "$10bn" -> 10000000000. */
  amount: number;
  /** ISO 4217 code; XXX when the text does not say which country's pesos, crowns... */
  currency: string;
  /** Upper end of a range ("$10-12bn": 12000000000), in major units, else null. */
  high: number | null;
  /** The amount in the unit as written: 470 for "470p", 50 for "50 cents", 1e10 for "$10bn". */
  quantity: number;
  /** The currency as written, lower-cased: "$", "us$", "dlrs", "canadian dlrs", "pence". */
  unit: string;
  /** True for minor units (pence, cents): amount = quantity / 100. */
  minor: boolean;
  /** "65 dlrs per share", "$1.50 a share", "12-cent-a-share": a price per share, not a total. */
  perShare: boolean;
}

interface Currency {
  iso: string;
  minor?: boolean;
}

/**
 * Currency words after the number, adjective included: "2.5 billion euros", "25 mln dlrs",
 * "1.5 billion Canadian dlrs", "10,000 Swiss francs", "420 million Finnish markka".
 * Keys are lower case with single spaces; the regex accepts any white space between words.
 */
const WORDS: Readonly<Record<string, Currency>> = {
  ...each(['dollars', 'dollar', 'dlrs', 'dlr', 'dls'], 'USD', [
    ['', 'USD'], ['us', 'USD'], ['u.s.', 'USD'], ['american', 'USD'], ['canadian', 'CAD'], ['cdn', 'CAD'],
    ['australian', 'AUD'], ['aust', 'AUD'], ['new zealand', 'NZD'], ['n.z.', 'NZD'], ['nz', 'NZD'], ['hk', 'HKD'], ['s\'pore', 'SGD'], ['hong kong', 'HKD'],
    ['singapore', 'SGD'], ['taiwan', 'TWD'], ['new taiwan', 'TWD'], ['jamaican', 'JMD'], ['zimbabwe', 'ZWD'],
    ['bermuda', 'BMD'], ['barbados', 'BBD'], ['fiji', 'FJD'], ['namibian', 'NAD'], ['brunei', 'BND'],
  ]),
  ...minor(['cents', 'cent', 'cts'], [['', 'USD'], ['us', 'USD'], ['u.s.', 'USD'], ['canadian', 'CAD'], ['australian', 'AUD'], ['euro', 'EUR']]),
  ...minor(['pence', 'penny', 'pennies'], [['', 'GBP'], ['irish', 'IEP']]),
  ...each(['euros', 'euro'], 'EUR'),
  ...each(['ecus', 'ecu'], 'XEU'),
  ...each(['pounds', 'pound'], 'GBP', [
    ['', 'GBP'], ['british', 'GBP'], ['irish', 'IEP'], ['egyptian', 'EGP'], ['cyprus', 'CYP'], ['cypriot', 'CYP'],
    ['lebanese', 'LBP'], ['syrian', 'SYP'], ['sudanese', 'SDG'],
  ]),
  'pounds sterling': { iso: 'GBP' },
  sterling: { iso: 'GBP' },
  stg: { iso: 'GBP' },
  punts: { iso: 'IEP' },
  'irish punts': { iso: 'IEP' },
  ...each(['yen'], 'JPY', [['', 'JPY'], ['japanese', 'JPY']]),
  ...each(['yuan', 'renminbi', 'rmb'], 'CNY', [['', 'CNY'], ['chinese', 'CNY']]),
  won: { iso: 'KRW' },
  'korean won': { iso: 'KRW' },
  'south korean won': { iso: 'KRW' },
  ...each(['rupees', 'rupee'], 'INR', [['', 'INR'], ['indian', 'INR'], ['pakistani', 'PKR'], ['sri lankan', 'LKR'], ['nepalese', 'NPR'], ['mauritian', 'MUR']]),
  ...each(['francs', 'franc'], 'FRF', [
    ['', 'FRF'], ['french', 'FRF'], ['swiss', 'CHF'], ['belgian', 'BEF'], ['luxembourg', 'LUF'], ['cfa', 'XOF'],
  ]),
  ...each(['marks'], 'DEM', [['', 'DEM'], ['german', 'DEM'], ['west german', 'DEM'], ['deutsche', 'DEM'], ['d-', 'DEM'], ['finnish', 'FIM']]),
  'deutsche mark': { iso: 'DEM' },
  'deutschemarks': { iso: 'DEM' },
  'deutschmarks': { iso: 'DEM' },
  'german mark': { iso: 'DEM' },
  ...each(['markka', 'markkaa'], 'FIM', [['', 'FIM'], ['finnish', 'FIM']]),
  ...each(['lire'], 'ITL', [['', 'ITL'], ['italian', 'ITL']]),
  'italian lira': { iso: 'ITL' },
  ...each(['lira', 'liras'], 'XXX', [['', 'XXX'], ['turkish', 'TRY'], ['italian', 'ITL']]),
  ...each(['pesetas', 'peseta'], 'ESP', [['', 'ESP'], ['spanish', 'ESP']]),
  ...each(['guilders', 'guilder'], 'NLG', [['', 'NLG'], ['dutch', 'NLG']]),
  ...each(['schillings'], 'ATS', [['', 'ATS'], ['austrian', 'ATS']]),
  ...each(['shillings'], 'XXX', [['', 'XXX'], ['kenyan', 'KES'], ['ugandan', 'UGX'], ['tanzanian', 'TZS']]),
  ...each(['escudos'], 'PTE', [['', 'PTE'], ['portuguese', 'PTE']]),
  ...each(['drachmas', 'drachmae'], 'GRD', [['', 'GRD'], ['greek', 'GRD']]),
  ...each(['kronor', 'krona'], 'SEK', [['', 'SEK'], ['swedish', 'SEK']]),
  ...each(['kroner', 'krone', 'crowns'], 'XXX', [['', 'XXX'], ['danish', 'DKK'], ['norwegian', 'NOK'], ['swedish', 'SEK'], ['czech', 'CZK']]),
  ...each(['kronur'], 'ISK', [['', 'ISK'], ['icelandic', 'ISK']]),
  ...each(['zlotys', 'zloty', 'zlotys'], 'PLN', [['', 'PLN'], ['polish', 'PLN']]),
  ...each(['forints', 'forint'], 'HUF', [['', 'HUF'], ['hungarian', 'HUF']]),
  ...each(['roubles', 'rubles', 'rouble', 'ruble'], 'RUB', [['', 'RUB'], ['russian', 'RUB']]),
  ...each(['hryvnias', 'hryvnia'], 'UAH'),
  ...each(['rand'], 'ZAR', [['', 'ZAR'], ['south african', 'ZAR']]),
  ...each(['reais'], 'BRL', [['', 'BRL'], ['brazilian', 'BRL']]),
  'brazilian real': { iso: 'BRL' },
  ...each(['cruzados'], 'BRC'),
  ...each(['pesos', 'peso'], 'XXX', [
    ['', 'XXX'], ['mexican', 'MXN'], ['philippine', 'PHP'], ['argentine', 'ARS'], ['chilean', 'CLP'],
    ['colombian', 'COP'], ['cuban', 'CUP'], ['uruguayan', 'UYU'],
  ]),
  ...each(['australs'], 'ARA'),
  ...each(['bolivars'], 'VEB'),
  ...each(['sucres'], 'ECS'),
  ...each(['baht'], 'THB', [['', 'THB'], ['thai', 'THB']]),
  ...each(['ringgit'], 'MYR', [['', 'MYR'], ['malaysian', 'MYR']]),
  ...each(['rupiah'], 'IDR', [['', 'IDR'], ['indonesian', 'IDR']]),
  ...each(['dinars'], 'XXX', [['', 'XXX'], ['kuwaiti', 'KWD'], ['bahraini', 'BHD'], ['iraqi', 'IQD'], ['jordanian', 'JOD'], ['algerian', 'DZD'], ['tunisian', 'TND']]),
  ...each(['riyals', 'rials'], 'XXX', [['', 'XXX'], ['saudi', 'SAR'], ['qatari', 'QAR'], ['iranian', 'IRR'], ['omani', 'OMR']]),
  ...each(['dirhams'], 'XXX', [['', 'XXX'], ['uae', 'AED'], ['emirati', 'AED'], ['moroccan', 'MAD']]),
  ...each(['shekels', 'shekel'], 'ILS', [['', 'ILS'], ['israeli', 'ILS'], ['new israeli', 'ILS']]),
  ...each(['naira'], 'NGN', [['', 'NGN'], ['nigerian', 'NGN']]),
  ...each(['dong'], 'VND', [['vietnamese', 'VND']]),
};

/** "dollars" with adjectives: builds "canadian dollars" -> CAD... for each form of the word. */
function each(forms: string[], iso: string, adjectives: Array<[string, string]> = [['', iso]]): Record<string, Currency> {
  const out: Record<string, Currency> = {};
  for (const f of forms) for (const [adj, code] of adjectives) out[adj ? (adj.endsWith('-') ? adj + f : `${adj} ${f}`) : f] = { iso: code };
  return out;
}
function minor(forms: string[], adjectives: Array<[string, string]>): Record<string, Currency> {
  const out = each(forms, adjectives[0]![1], adjectives);
  for (const k of Object.keys(out)) out[k]!.minor = true;
  return out;
}

/**
 * Words that are currencies only in some company: "the 1,000 mark" is a threshold, "three won" a
 * verb, "a 10-pound bag" a weight. Singular "pound" and "mark" are left out of WORDS above; these
 * need digits, or a scale word, before them.
 */
const NEEDS_DIGITS = new Set(['won', 'rand', 'marks', 'dong', 'real']);

/** Symbols and codes written before the amount: "$5", "€2.5 billion", "£3m", "Rs 40 crore", "USD 200". */
const PREFIX_SYMBOLS: Readonly<Record<string, Currency>> = {
  '€': { iso: 'EUR' }, '£': { iso: 'GBP' }, '¥': { iso: 'JPY' }, '₹': { iso: 'INR' }, '₩': { iso: 'KRW' },
  '₽': { iso: 'RUB' }, '₺': { iso: 'TRY' }, '₪': { iso: 'ILS' }, '₫': { iso: 'VND' }, '₦': { iso: 'NGN' },
  '₱': { iso: 'PHP' }, '฿': { iso: 'THB' }, '₴': { iso: 'UAH' }, '₡': { iso: 'CRC' }, '₾': { iso: 'GEL' },
  '₭': { iso: 'LAK' }, 'ரூ': { iso: 'LKR' }, '元': { iso: 'CNY' }, 'rs': { iso: 'INR' }, 'rs.': { iso: 'INR' },
  dm: { iso: 'DEM' }, sfr: { iso: 'CHF' }, 'sfr.': { iso: 'CHF' },
};
/** Symbols also written after the amount in European style: "100 €", "100元", "5,000 ₭". */
const SUFFIX_SYMBOLS = ['€', '£', '¥', '₹', '₩', '₽', '₺', '₪', '₫', '₦', '₱', '฿', '₴', '₡', '₾', '₭', 'ரூ', '元'];

/** Letters before "$": "US$", "C$", "HK$", "A$". Single letters only in capitals and against the "$"; C also spaced. */
const DOLLAR_PREFIX: Readonly<Record<string, string>> = {
  us: 'USD', 'u.s.': 'USD', 'u.s': 'USD', c: 'CAD', ca: 'CAD', cdn: 'CAD', can: 'CAD', a: 'AUD', au: 'AUD',
  nz: 'NZD', hk: 'HKD', s: 'SGD', sg: 'SGD', nt: 'TWD', r: 'BRL', mex: 'MXN', mx: 'MXN', z: 'ZWD', j: 'JMD',
};

/** ISO codes accepted before or after the amount ("USD 200", "200 EUR", "115.5USD"); capitals only. */
const ISO_CODES = new Set(
  ('USD EUR GBP JPY CHF CAD AUD NZD HKD SGD CNY INR KRW RUB BRL MXN ZAR SEK NOK DKK PLN TRY ILS TWD ' +
    'THB MYR IDR PHP VND AED SAR HUF CZK EGP NGN KES ARS CLP COP PEN UAH PKR BDT QAR KWD').split(' '),
);
/** Codes also read in lower case ("usd 200" in lower-cased text); the rest are too often words. */
const ISO_LOWER_OK = new Set(['usd', 'eur', 'gbp', 'jpy', 'cny', 'rmb', 'aud', 'nzd', 'hkd', 'sgd', 'chf', 'inr']);
const CODE_ALIASES: Readonly<Record<string, string>> = { RMB: 'CNY' };

const alt = (words: Iterable<string>) =>
  [...words].sort((a, b) => b.length - a.length).map(escapeWord).join('|');
function escapeWord(w: string): string {
  return w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
}

/**
 * Millions written into the code, a Nordic and German corporate style: "120 MEUR", "MSEK 60",
 * "30 MUSD". Capitals only.
 */
const MILLION_CODES = ['MUSD', 'MEUR', 'MGBP', 'MSEK', 'MNOK', 'MDKK', 'MCHF', 'MAUD', 'MCAD', 'MJPY'];
const CODES_SOURCE = alt([...MILLION_CODES, ...ISO_CODES, 'RMB']);

/** "USD" -> {iso USD, factor 1}; "MEUR" -> {iso EUR, factor 1e6}; null when not a code in that case. */
function codeOf(c: string): { iso: string; factor: number } | null {
  if (c !== c.toUpperCase() && !ISO_LOWER_OK.has(c)) return null;
  const up = c.toUpperCase();
  if (MILLION_CODES.includes(up)) return c === up ? { iso: up.slice(1), factor: 1e6 } : null;
  return { iso: CODE_ALIASES[up] ?? up, factor: 1 };
}
/** "a million dollars", "a billion yen": "a" stands for one before a scale word. */
const AMOUNT = `(?:${FRACTION_BEFORE_SCALE_SOURCE}|${NUMBER_SOURCE}|\\ba(?=[ -](?:thousand|million|billion|trillion)\\b))`;
const SCALE = `(?:(?<MULT>${MULTIPLIER_ATTACHED_SOURCE})(?![A-Za-z])|[ -](?<MULT2>${MULTIPLIER_SPACED_SOURCE})\\b)`;
const scale = (n: string) => SCALE.replace('<MULT>', `<${n}a>`).replace('<MULT2>', `<${n}b>`);

const LEFT_NUM = String.raw`(?<![\w.,/$£€¥])(?<!\d \. )`;
const DOLLAR = String.raw`(?:(?<dp>U\.S\.?|US|Cdn|CDN|CAN|CA|AU|NZ|HK|SG|NT|Mex|MX|[CASRZJ])\s?)?\$`;
const PREFIX = `(?<pre>${DOLLAR}|${alt(Object.keys(PREFIX_SYMBOLS))}|\\b(?:${CODES_SOURCE}))`;

/**
 * Symbol or code first:
 *   "$10 billion"  "US$500 million"  "C$ 16.4 million"  "€2.5bn"  "£3m"  "USD 200"  "Rs 40 crore"
 *   ranges "$10-12bn", "$2-$3.8 trillion", "$10 to $12 billion"
 */
const PREFIX_FORM =
  `(?<![\\w$])${PREFIX}\\s?(?<num>${AMOUNT})(?!\\d)${scale('m')}?` +
  `(?:\\s*(?<conn>-|to|and)\\s*(?<hpre>\\$|${alt(Object.keys(PREFIX_SYMBOLS))})?\\s?(?<high>${NUMBER_SOURCE})(?!\\d)${scale('h')}?)?`;

/**
 * Amount first:
 *   "25 mln dlrs"  "2.5 billion euros"  "1.5 billion Canadian dlrs"  "470p"  "50 cents"  "100 €"
 *   "10-15 mln dlrs"  "one-yen"  "a million dollars"  "200 USD"
 */
const SUFFIX_FORM =
  `${LEFT_NUM}(?<snum>${AMOUNT})(?:\\s*(?<sconn>-|to|and)\\s*(?<shigh>${NUMBER_SOURCE}))?${scale('s')}?` +
  `(?:(?:\\s*-\\s*|\\s+)(?<word>${alt(Object.keys(WORDS))})(?!\\w)` +
  `|(?<pence>p)(?![\\w]|\\.\\w)` +
  `|\\s?(?<sym>${alt(SUFFIX_SYMBOLS)})(?!\\s?\\d)` +
  `|\\s?(?<code>${CODES_SOURCE})\\b(?!\\s?\\d)` +
  `|\\s(?<dm>DM)\\b)`;

const MONEY_RE = new RegExp(`(?:${PREFIX_FORM})|(?:${SUFFIX_FORM})`, 'gid');

/** After the amount: "a share", "per share", "-a-share", "per common share". */
const PER_SHARE_RE = /^\s*-?\s*(?:a|per|each)\s*-?\s*(?:(?:common|ordinary|class\s+[ab])\s+)?(?:share|shr)\b/i;
/** "3 dollars 50 cents", "thirteen dollars and forty-five cents". */
const AND_CENTS_RE = new RegExp(`^\\s+(?:and\\s+)?(${NUMBER_SOURCE})[\\s-]+(?:cents?|cts)\\b`, 'i');

/** Find every money amount in `norm` (ASCII-folded text), in order of position; spans never overlap. */
export function findMoney(norm: string): MoneyMatch[] {
  const out: MoneyMatch[] = [];
  MONEY_RE.lastIndex = 0;
  for (let m = MONEY_RE.exec(norm); m; m = MONEY_RE.exec(norm)) {
    const g = m.groups!;
    const idx = m.indices!.groups!;
    const found = g.pre !== undefined ? prefixForm(norm, m, g, idx) : suffixForm(norm, m, g, idx);
    if (!found) {
      // Not money after all ("three won"): look again just after the first character.
      MONEY_RE.lastIndex = m.index + 1;
      continue;
    }
    for (const f of found) {
      // "$10 trillion trillion", "MSEK 900 billion": a scale on a scale can pass any amount (numbers.ts MAX_QUANTITY)
      if (!sane(f)) continue;
      out.push({ ...f, perShare: isPerShare(norm, f) });
    }
    MONEY_RE.lastIndex = found[found.length - 1]!.end;
  }
  return out;
}

type Groups = Record<string, string | undefined>;
type Indices = Record<string, [number, number] | undefined>;
type Found = Omit<MoneyMatch, 'perShare'>;

function prefixForm(norm: string, m: RegExpExecArray, g: Groups, idx: Indices): Found[] | null {
  let start = m.index;
  let unit: string;
  let iso: string;
  let codeFactor = 1;
  const pre = g.pre!;
  if (pre.endsWith('$')) {
    const dp = g.dp;
    const code = dp ? DOLLAR_PREFIX[dp.toLowerCase()] : undefined;
    // "A$5" is Australian; "a $5 fee" is an article and a dollar sign.
    const ok = dp && code && (dp.length > 1 || dp === 'c' || (dp === dp.toUpperCase() && !/\s/.test(pre)));
    if (ok) {
      unit = pre.toLowerCase().replace(/\s+/g, '');
      iso = code;
    } else {
      start = idx.pre![1] - 1;
      unit = '$';
      iso = 'USD';
    }
  } else {
    const sym = PREFIX_SYMBOLS[pre.toLowerCase()];
    if (sym) {
      // "Rs 500", "DM 5 mln": letter prefixes need their capital ("rs" alone is too often a word end).
      if (/^[a-z]/.test(pre) && pre !== 'ரூ') return null;
      iso = sym.iso;
    } else {
      const code = codeOf(pre);
      if (!code) return null;
      iso = code.iso;
      codeFactor = code.factor;
    }
    unit = pre.toLowerCase();
  }
  const lowBase = parseNumber(g.num!) * codeFactor;
  const lowMult = multOf(g.ma ?? g.mb);
  if (Number.isNaN(lowBase) || lowMult === null) return null;
  if (g.high === undefined) {
    const end = m.index + m[0].length;
    return [make(start, end, lowBase * lowMult, iso, unit, false)];
  }
  const highMult = multOf(g.ha ?? g.hb);
  const highBase = parseNumber(g.high) * codeFactor;
  if (Number.isNaN(highBase) || highMult === null) return null;
  const end = m.index + m[0].length;
  const before = norm.slice(Math.max(0, start - 9), start);
  const conn = g.conn!.toLowerCase();
  const between = /\bbetween\s+$/i.test(before);
  const symbol = (p: string) => (p.endsWith('$') ? '$' : p.toLowerCase());
  const sameSymbol = g.hpre === undefined || symbol(g.hpre) === symbol(pre);
  // "$10-12bn", "from $5 to $10 billion": the scale after the second number is the scale of both.
  const lowVal = lowBase * ((g.ma ?? g.mb) !== undefined || !sameSymbol ? lowMult : highMult);
  const highVal = highBase * highMult;
  const lowEnd = idx.ma?.[1] ?? idx.mb?.[1] ?? idx.num![1];
  const change =
    !between && (conn === 'and' || (conn === 'to' && (g.hpre !== undefined || /\bfrom\s+$/i.test(before))));
  if (change || !sameSymbol || !(lowVal < highVal)) {
    // "from $5 to $10", "$5 and $10", "$1.1bn - £600m": separate amounts. Return the first; the
    // scan resumes after it and finds the second on its own (a bare second number is no amount).
    return [make(start, lowEnd, lowVal, iso, unit, false)];
  }
  const r = make(start, end, lowVal, iso, unit, false);
  r.high = roundFloat(highVal);
  return [r];
}

function suffixForm(norm: string, m: RegExpExecArray, g: Groups, idx: Indices): Found[] | null {
  let iso: string;
  let unit: string;
  let isMinor = false;
  let codeFactor = 1;
  const hasScale = (g.sa ?? g.sb) !== undefined;
  const digits = /^[\d.]/.test(g.snum!);
  if (g.word !== undefined) {
    unit = g.word.toLowerCase().replace(/\s+/g, ' ');
    const cur = WORDS[unit];
    if (!cur) return null;
    if (NEEDS_DIGITS.has(unit) && !digits && !hasScale) return null;
    // "Boston Five Cents Savings Bank": Title Case number and currency word make a name.
    if (!digits && /^[A-Z][a-z]/.test(g.snum!) && /^[A-Z][a-z]/.test(g.word)) return null;
    // "2.5 billion pounds of copper", "5 pounds of sugar": weight, not sterling.
    if ((unit === 'pounds' || unit === 'pound') && /^\s+of\b/i.test(norm.slice(idx.word![1], idx.word![1] + 6))) return null;
    // Singular "pound" only for one: "one pound", "a 1-pound coin"; "a 10-pound bag" is a weight.
    if (unit === 'pound' && parseNumber(g.snum!) !== 1) return null;
    iso = cur.iso;
    isMinor = cur.minor === true;
  } else if (g.pence !== undefined) {
    // "470p", "12.5p": only against the digits (the regex) and with digits ("five p" is not money).
    if (!digits || hasScale) return null;
    unit = 'p';
    iso = 'GBP';
    isMinor = true;
  } else if (g.sym !== undefined) {
    unit = g.sym;
    iso = PREFIX_SYMBOLS[g.sym]!.iso;
  } else if (g.code !== undefined) {
    const code = codeOf(g.code);
    if (!code) return null;
    unit = g.code.toLowerCase();
    iso = code.iso;
    codeFactor = code.factor;
  } else if (g.dm !== undefined) {
    unit = 'dm';
    iso = 'DEM';
  } else {
    return null;
  }
  const mult = multOf(g.sa ?? g.sb);
  const lowBase = parseNumber(g.snum!) * codeFactor;
  if (mult === null || Number.isNaN(lowBase)) return null;
  let start = m.index;
  let end = m.index + m[0].length;
  let high: number | null = null;
  let quantity = lowBase * mult;
  if (g.shigh !== undefined) {
    const highBase = parseNumber(g.shigh) * codeFactor;
    if (Number.isNaN(highBase)) return null;
    const before = norm.slice(Math.max(0, start - 9), start);
    const conn = g.sconn!.toLowerCase();
    const between = /\bbetween\s+$/i.test(before);
    if ((conn === 'and' && !between) || /\bfrom\s+$/i.test(before) || !(lowBase < highBase)) {
      // "rose from 10 to 12 mln dlrs": a change; keep the second amount, and the first with the same unit.
      const lowEnd = idx.snum![1];
      const second = make(idx.shigh![0], end, highBase * mult, iso, unit, isMinor);
      if (conn === 'and') return [second];
      return [make(start, lowEnd, lowBase * mult, iso, unit, isMinor), second];
    }
    high = highBase * mult;
  }
  if (unit === 'dollars' || unit === 'dollar' || unit === 'dlrs') {
    // "3 dollars 50 cents", "thirteen dollars and forty-five cents".
    const cents = AND_CENTS_RE.exec(norm.slice(end, end + 40));
    if (cents) {
      const c = parseNumber(cents[1]!);
      if (!Number.isNaN(c) && c < 100) {
        quantity += c / 100;
        end += cents[0].length;
      }
    }
  }
  const r = make(start, end, quantity, iso, unit, isMinor);
  if (high !== null) r.high = roundFloat(isMinor ? high / 100 : high);
  return [r];
}

/** Every number of the amount is a usable quantity (finite, below MAX_QUANTITY). */
const sane = (f: Found) =>
  !Number.isNaN(saneQuantity(f.amount)) && !Number.isNaN(saneQuantity(f.quantity)) && (f.high === null || !Number.isNaN(saneQuantity(f.high)));

function multOf(word: string | undefined): number | null {
  if (word === undefined) return 1;
  return MULTIPLIERS[word.toLowerCase()]?.factor ?? null;
}

function make(start: number, end: number, quantity: number, currency: string, unit: string, isMinor: boolean): Found {
  const q = roundFloat(quantity);
  return { start, end, amount: roundFloat(isMinor ? q / 100 : q), currency, high: null, quantity: q, unit, minor: isMinor };
}

/**
 * True when the amount at `m` is a price per share ("65 dlrs per share", "$1.50 a share"), not a
 * total. For callers holding only the record fields (MoneyQ has no perShare): looks at the text
 * after the amount, the same test findMoney applies.
 */
export function isPerShare(norm: string, m: { end: number }): boolean {
  return PER_SHARE_RE.test(norm.slice(m.end, m.end + 30));
}

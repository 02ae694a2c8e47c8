/**
 * Company-name normalisation shared by the gazetteer, the curated aliases and the recogniser.
 * A name key is what two surface forms of one company have in common:
 *   "Microsoft Corp." / "MICROSOFT CORP" / "Microsoft"           -> "microsoft"
 *   "Goldman Sachs & Co" / "Goldman Sachs and Co."               -> "goldman sachs"
 *   "Amazon.com, Inc." / "AMAZON COM INC"                        -> "amazon com"
 *   "W.R. Grace & Co" / "W. R. Grace"                            -> "wr grace"
 *   "Sumitomo Mitsui Financial Group" / "... Financial"          -> "sumitomo mitsui financial"
 * Legal forms come from the one table of lexicon/legal-forms.ts.
 */
import { KEEP_IN_NAME, LEGAL_DESIGNATORS, LEGAL_SUFFIXES, PARTNER_LEGAL_FORMS, PARTNER_WORDS } from './legal-forms.ts';

/**
 * Words that, ending a capitalised sequence, say it names a business: the legal forms of
 * lexicon/legal-forms.ts, and trade words ("Acme Airlines", "Foo Brewing", "Bar Pharmaceuticals",
 * "Baz Research Group").
 */
export const DESIGNATORS: ReadonlySet<string> = new Set([
  ...LEGAL_DESIGNATORS,
  ...(
    'groupe bancorp bancshares bankcorp banco banque bank banks ' +
    'airlines airline airways aviation aircraft aerospace motors motor automotive brewing breweries brewery brewers ' +
    'distillers pharmaceuticals pharmaceutical pharma laboratories labs biotech biosciences therapeutics ' +
    'communications telecommunications telecom telecoms networks technologies technology systems software ' +
    'semiconductor semiconductors electronics electric computers computer microsystems devices ' +
    'securities capital partners investments investment ventures financial finance insurance assurance ' +
    'petroleum oil gas energy resources mining minerals metals steel chemicals chemical cement industries ' +
    'manufacturing enterprises associates consulting consultants research analytics interactive entertainment ' +
    'media publishing publishers broadcasting studios pictures records foods food beverages drinks tobacco ' +
    'stores retail retailers wholesale outfitters imports apparel textiles mills realty properties ' +
    'shipping logistics freight railways railroad railroads lines utilities power construction engineering ' +
    'management advisors advisers trust bancorporation ' +
    // "Acme Stockbrokers", "Foo Investment Managers", "Bar Services" (the last two weak, below)
    'stockbrokers brokers managers services cruises hotels resorts casinos bros sons ' +
    // "Acme Television", "Foo Magazines", "Bar Wines"
    'television magazines wines winery wineries'
  ).split(/\s+/),
]);

/** Descriptive designators that are also common nouns of a government or place ("Energy", "Power"). */
export const WEAK_DESIGNATORS: ReadonlySet<string> = new Set(
  'energy power research management trust capital investment finance media entertainment retail food oil gas lines computer managers services financial'.split(
    ' ',
  ),
);

/** Fold a surface form to comparable tokens (lower case, no punctuation, & -> and). */
export function keyTokens(name: string): string[] {
  const s = (/[^\x00-\x7f]/.test(name) ? name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '') : name)
    .toLowerCase()
    .replace(/[\u2019']s\b/g, 's')
    .replace(/[\u2019']/g, '')
    // "amazon.com" -> "amazon com"; "w.r." -> "wr"; "n.v." -> "nv"
    .replace(/([a-z0-9]{2,})\.(?=[a-z0-9])/g, '$1 ')
    .replace(/\./g, '')
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
  return s ? s.split(' ') : [];
}

/** Join initials split by spaces: "w r grace" -> "wr grace". */
function joinInitials(t: string[]): string[] {
  const out: string[] = [];
  for (const w of t) {
    const last = out[out.length - 1];
    if (w.length === 1 && last !== undefined && /^[a-z]+$/.test(last) && last.length <= 3 && out.length === 1 && t[0]!.length === 1)
      out[out.length - 1] = last + w;
    else out.push(w);
  }
  return out;
}

/**
 * Keys already computed: the recogniser asks for the key of the same surface forms over and over
 * (within an article and across articles), and a key is a pure function of the text. Bounded: the
 * cache is dropped whole when it grows past KEY_CACHE_MAX entries, so memory stays flat however
 * many articles a worker sees.
 */
const KEY_CACHE = new Map<string, string>();
const KEY_CACHE_MAX = 50_000;

/** The comparison key of a company name (see the file comment). */
export function nameKey(name: string): string {
  let k = KEY_CACHE.get(name);
  if (k === undefined) {
    k = computeNameKey(name);
    if (KEY_CACHE.size >= KEY_CACHE_MAX) KEY_CACHE.clear();
    KEY_CACHE.set(detached(name), detached(k));
  }
  return k;
}

/**
 * A copy of `s` that holds no reference to the article it was cut from: V8 keeps the whole parent
 * of a sliced string alive, and a cached "Acme Widget Holdings" must not keep a 1 MB article.
 */
function detached(s: string): string {
  return (' ' + s).slice(1);
}

function computeNameKey(name: string): string {
  const t = joinInitials(keyTokens(name));
  // the key is t[a..z): words are dropped by moving the ends, never by copying (a run of
  // "Inc Inc Inc ..." costs its length, not its length squared)
  let a = 0;
  let z = t.length;
  // "The Acme Group", "NV Acme" (Dutch order)
  while ((t[a] === 'the' || t[a] === 'nv') && z - a > 1) a++;
  // "... and co", "... & cos"
  while (z - a > 1) {
    const last = t[z - 1]!;
    if (z - a > 2 && t[z - 2] === 'and' && PARTNER_WORDS.has(last)) {
      z -= 2;
      continue;
    }
    if (LEGAL_SUFFIXES.has(last)) {
      z--;
      continue;
    }
    break;
  }
  return t.slice(a, z).join(' ');
}

/**
 * Canonical display form of a surface name: legal suffixes and possessive dropped, descriptive
 * words kept. "Cray Research Inc" -> "Cray Research"; "Goldman Sachs & Co." -> "Goldman Sachs";
 * "Synergy Research Group" stays.
 */
export function displayName(surface: string): string {
  let words = surface.trim().split(/\s+/);
  while (words.length > 1) {
    const last = words[words.length - 1]!;
    const k = last.toLowerCase().replace(/[.,]/g, '');
    const prev = words[words.length - 2]!.toLowerCase();
    if (PARTNER_LEGAL_FORMS.has(k) && (prev === '&' || prev === 'and')) {
      words = words.slice(0, -2);
      continue;
    }
    if (LEGAL_SUFFIXES.has(k) && !KEEP_IN_NAME.has(k)) {
      words = words.slice(0, -1);
      continue;
    }
    break;
  }
  return words.join(' ').replace(/[,.]+$/, '');
}

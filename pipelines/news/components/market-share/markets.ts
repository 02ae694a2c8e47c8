/**
 * The market of a share: "of the French switchboard market" -> "switchboard", "of Russia's total oil
 * production" -> "oil production", "the country's second-largest cement maker" -> "cement".
 */
import type { Doc, Sentence } from '../../doc.ts';
import {
  CONTEXT_MARKET, GLOBAL_WORDS, MAKER_PHRASE, MARKET_FILLER, MARKET_HEADS, NOT_A_MARKET, NP_BREAK, NUMERAL, SHARE_ONLY_HEADS,
} from '../../rules/market-share-markets.ts';
import { REGION_BY_FORM, REGION_RE, regionOf } from './regions.ts';
import type { ShareMention } from './types.ts';

const HEADS = new Set([...MARKET_HEADS, ...SHARE_ONLY_HEADS]);

export interface MarketPhrase {
  market: string | null;
  region: string | null;
  /** An anaphoric "the market". */
  bare: boolean;
}

/**
 * The market named from `from` on: "of the French switchboard market" -> "switchboard" (region
 * France); "of Russia's total oil production" -> "oil production"; "of the market for portable
 * music players" -> "portable music players"; "market share of car sales" -> "car sales".
 */
export function marketPhrase(doc: Doc, from: number, pctStart: number, sentEnd: number): MarketPhrase {
  const none = { market: null, region: null, bare: false };
  // A phrase between a share word and its figure ends at the figure, else at its sentence's end.
  const stop = from < pctStart ? pctStart : sentEnd;
  let s = doc.norm.slice(from, Math.min(stop, from + 120));
  // Clause breaks end it too: "of the market, followed by ..."
  const cut = /[,;:()]|\s-\s/.exec(s);
  if (cut) s = s.slice(0, cut.index);
  const lead = /^\s*(?:market[- ])?(?:share\s+)?(?:of|in)\s+/i.exec(s);
  if (!lead) return none;
  s = s.slice(lead[0].length);
  // Regions inside the phrase go to `region`: "the U.S. market", "Russia's total oil production".
  let region: string | null = null;
  s = s.replace(REGION_RE, (form: string) => {
    const r = REGION_BY_FORM.get(form.toLowerCase());
    if (!r || (!GLOBAL_WORDS.test(form) && !/^[A-Z]/.test(form))) return form;
    region ??= r.value;
    return '\u0001';
  });
  // "the market for portable digital music players": take the complement of "for".
  const forM = /^(?:the\s+)?(?:[\w\u0001'.-]+\s+){0,3}?markets?\s+for\s+((?:[\w-]+\s*){1,5})/i.exec(s);
  if (forM) {
    const np: string[] = [];
    for (const w of forM[1]!.split(/\s+/)) {
      if (!w || NP_BREAK.has(w.toLowerCase())) break;
      np.push(w);
    }
    if (np.length) return { market: np.join(' '), region, bare: false };
  }
  return headPhrase(phraseWords(s), region);
}

/** The words of a market phrase, up to a break: a verb, a number, punctuation, seven words. */
function phraseWords(s: string): string[] {
  const words: string[] = [];
  for (const raw of s.split(/\s+/)) {
    if (!raw) continue;
    if (raw.startsWith('\u0001')) {
      if (/[,;:)]$/.test(raw)) break;
      continue; // "\u0001's" is a region possessive
    }
    const t = raw.replace(/[,.;:)]+$/, '');
    const lower = t.toLowerCase();
    // "U.S. car and truck sales": "and" inside a phrase whose head follows
    if ((lower === 'and' || lower === 'or') && words.length > 0 && headAhead(s, raw)) {
      words.push(lower);
      continue;
    }
    if (!t || /^\d/.test(t) || /%/.test(t) || NP_BREAK.has(lower)) break;
    if (MARKET_FILLER.has(lower)) {
      if (raw !== t) break;
      continue;
    }
    words.push(t.replace(/'s$/, ''));
    if (raw !== t || words.length >= 7) break; // punctuation ends the phrase
  }
  return words;
}

/** Cut the phrase at its last head word ("oil production", "home loan market"), drop "market". */
function headPhrase(words: string[], region: string | null): MarketPhrase {
  let end = -1;
  for (let k = words.length - 1; k >= 0; k--) {
    if (HEADS.has(words[k]!.toLowerCase())) {
      end = k;
      break;
    }
  }
  let np = end >= 0 ? words.slice(0, end + 1) : words;
  const bare = np.length === 1 && /^markets?$/i.test(np[0]!);
  if (np.length > 1 && /^markets?$/i.test(np[np.length - 1]!)) np = np.slice(0, -1);
  if (bare || np.length === 0) return { market: null, region, bare: true };
  if (np.length > 6) return { market: null, region, bare: false };
  return { market: np.join(' '), region, bare: false };
}

/** True when a market head comes within two words after the first "and"/"or" in `s`. */
function headAhead(s: string, conj: string): boolean {
  const m = new RegExp(`\\s${conj}\\s+((?:[\\w-]+\\s+){0,2}?)([\\w-]+)`).exec(s);
  return !!m && HEADS.has(m[2]!.toLowerCase());
}

/**
 * The words before a market head are modifiers, not a company: "of Widget Stores" is a stake
 * (the head is a name), "of the Acme Group's sales" is a company's own sales; "of Russia's total
 * oil production" is a market (a region's possessive).
 */
export function isMarketNp(mods: string, head: string): boolean {
  if (!/^[a-z]/.test(head)) return false;
  // a possessor must be a place: "France's", "New Zealand's", "the United States'"
  const poss = /((?:[A-Z][\w.&-]*\s+){0,2}[A-Z][\w.&-]*)'s?\s/g;
  for (let m = poss.exec(mods); m; m = poss.exec(mods)) {
    const words = m[1]!.split(/\s+/);
    const place = words.some((_w, i) => {
      const tail = words.slice(i).join(' ');
      return regionOf(tail, false) != null || REGION_BY_FORM.has(tail.toLowerCase());
    });
    if (!place) return false;
  }
  return true;
}

/**
 * The market named nearest before a claim (its own sentence first, then up to three before):
 * "the North American commuter market" -> commuter (North America); "U.S. car sales" -> car sales (US).
 */
export function contextMarket(doc: Doc, sent: Sentence, ms: readonly ShareMention[], pos: number): { market: string; region: string | null } | null {
  // in the claim's own sentence, only what comes before the figure
  const own = lastMarketIn(doc.norm.slice(sent.start, pos), sent.start, ms);
  if (own) return own;
  for (let k = sent.index - 1; k >= Math.max(0, sent.index - 3); k--) {
    const best = sentenceMarket(doc, k);
    if (best) return best;
  }
  return null;
}

type ContextMarket = { market: string; region: string | null } | null;
/** The last market phrase of each whole sentence, per document: read once, whatever the claims after it. */
const SENTENCE_MARKETS = new WeakMap<Doc, Map<number, ContextMarket>>();

function sentenceMarket(doc: Doc, k: number): ContextMarket {
  let byIndex = SENTENCE_MARKETS.get(doc);
  if (!byIndex) SENTENCE_MARKETS.set(doc, (byIndex = new Map()));
  let best = byIndex.get(k);
  if (best === undefined) {
    const s = doc.sentences[k]!;
    byIndex.set(k, (best = lastMarketIn(doc.norm.slice(s.start, s.end), s.start, [])));
  }
  return best;
}

/** The last market phrase of `text` (at `base`) outside the mentions: the one nearest the claim. */
function lastMarketIn(text: string, base: number, mentions: readonly ShareMention[]): { market: string; region: string | null } | null {
  let best: { market: string; region: string | null } | null = null;
  CONTEXT_MARKET.lastIndex = 0;
  for (let m = CONTEXT_MARKET.exec(text); m; m = CONTEXT_MARKET.exec(text)) {
    const at = base + m.index;
    if (mentions.some((x) => at < x.end && at + m![0].length > x.start)) continue;
    let region: string | null = null;
    const words: string[] = [];
    const opener = m[1];
    const mods = m[2]!.trim().split(/\s+/);
    // "the X market", "Acme's X sales", or a region first ("U.S. car sales"); not "competitors enter the market"
    const after = m[0].slice(0, m[0].length - m[3]!.length);
    if (!opener && !/'s\s+$/.test(after) && !regionOf(mods[0]!, true)) continue;
    for (const w of mods) {
      const r = regionOf(w, true);
      if (r) {
        region ??= r;
        continue;
      }
      if (/^[A-Z]/.test(w) || NP_BREAK.has(w.toLowerCase())) {
        words.length = 0; // a name or a verb cuts the phrase: keep what follows
        continue;
      }
      if (MARKET_FILLER.has(w.toLowerCase()) || NUMERAL.test(w)) continue;
      words.push(w);
    }
    const head = m[3]!.toLowerCase();
    if (words.length === 0 || NOT_A_MARKET.test(words.join(' ')) || words.some((w) => NOT_A_MARKET.test(w) && words.length === 1)) continue;
    const market = /^markets?$|^industry$/.test(head) ? words.join(' ') : `${words.join(' ')} ${head}`;
    best = { market, region };
  }
  return best;
}

/**
 * The market the headline names, for a bare "the market" in the story: "SUPERCOMPUTER MARKET
 * GETTING CROWDED", "Acme leads the smartphone market". Wire headlines in capitals are read in
 * lower case.
 */
export function titleMarket(doc: Doc): { market: string; region: string | null } | null {
  const title = doc.article.title ?? '';
  const text = (/[a-z]/.test(title) ? title : title.toLowerCase()).replace(/[/]/g, ' ');
  // (a headline's words run on: only the word right before "market" names it, "... supercomputer market")
  return lastMarketIn(text.replace(/(^|\s)([a-z][\w-]*\s+markets?\b)/, '$1the $2'), 0, []);
}

/** Two market phrases about the same thing: they share a content word ("motorcycle"). */
export function sameMarket(a: string, b: string): boolean {
  const stem = (w: string) => w.toLowerCase().replace(/s$/, '');
  const aw = new Set(a.split(/\s+/).map(stem));
  return b.split(/\s+/).some((w) => !HEADS.has(w.toLowerCase()) && aw.has(stem(w)));
}

/** "India's second-largest cement maker" -> "cement"; "the top five oil producers" -> "oil". */
export function makerPhrase(doc: Doc, sent: Sentence): string | null {
  const m = MAKER_PHRASE.exec(doc.norm.slice(sent.start, sent.end));
  if (!m) return null;
  const words = m[1]!
    .replace(REGION_RE, '')
    .split(/\s+/)
    .filter((w) => w && !MARKET_FILLER.has(w.toLowerCase()) && !/^[A-Z]/.test(w) && !NUMERAL.test(w));
  return words.length ? words.join(' ') : null;
}

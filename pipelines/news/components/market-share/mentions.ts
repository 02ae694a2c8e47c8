/** Company and brand mentions as the market-share components look them up. */
import type { CompanyEntity, Doc, Sentence } from '../../doc.ts';
import { ownerOfBrand } from '../../lexicon/index.ts';
import { BRAND_CONFIDENCE, BRAND_RUN } from '../../rules/market-share-holders.ts';
import type { ShareMention } from './types.ts';

/** Group items with a `sentence` index by sentence, in text order. Linear. */
export function bySentence<T extends { sentence: number; start: number }>(items: readonly T[]): Map<number, T[]> {
  const m = new Map<number, T[]>();
  for (const it of items) {
    const list = m.get(it.sentence);
    if (list) list.push(it);
    else m.set(it.sentence, [it]);
  }
  for (const list of m.values()) list.sort((a, b) => a.start - b.start);
  return m;
}

/**
 * Product and brand names are not companies, so the companies component leaves them out; a share
 * stated for one ("Acme Browser has 90%", "the Widgetphone's share") goes to its owner. Adds a
 * mention for every capitalised run in the sentence that the brand lexicon knows, outside company
 * mentions. `cache` holds the lexicon's answers for the article.
 */
export function withBrands(doc: Doc, sent: Sentence, ms: ShareMention[], cache: Map<string, CompanyEntity | null>): ShareMention[] {
  const text = doc.norm.slice(sent.start, sent.end);
  const extra: ShareMention[] = [];
  BRAND_RUN.lastIndex = 0;
  for (let m = BRAND_RUN.exec(text); m; m = BRAND_RUN.exec(text)) {
    const words = m[0].replace(/'s?$/, '').split(/\s+/);
    // longest known prefix of the run: "Acme Browser 6" -> "Acme Browser"
    for (let n = words.length; n > 0; n--) {
      const surface = words.slice(0, n).join(' ');
      const start = sent.start + m.index;
      const end = start + surface.length;
      if (ms.some((x) => start < x.end && end > x.start)) break;
      const entity = brandEntity(surface, cache);
      if (entity) {
        extra.push({ start, end, text: doc.text.slice(start, end), sentence: sent.index, entity });
        break;
      }
    }
  }
  if (extra.length === 0) return ms;
  return [...ms, ...extra].sort((a, b) => a.start - b.start);
}

function brandEntity(surface: string, cache: Map<string, CompanyEntity | null>): CompanyEntity | null {
  let entity = cache.get(surface);
  if (entity === undefined) {
    const owner = ownerOfBrand(surface);
    entity =
      owner && owner !== surface
        ? { id: `brand:${surface}`, name: surface, aliases: [surface], mentions: [], ticker: null, cik: null, parent: owner, confidence: BRAND_CONFIDENCE, rule: 'brand' }
        : null;
    cache.set(surface, entity);
  }
  return entity;
}

/** The company the article is about so far: most mentions before `pos`, earliest first on ties; null under two. */
export function salientBefore(doc: Doc, pos: number): CompanyEntity | null {
  let best: CompanyEntity | null = null;
  let bestN = 0;
  let bestFirst = Infinity;
  for (const e of doc.companies) {
    let n = 0;
    for (const m of e.mentions) if (m.end <= pos) n++;
    const first = e.mentions[0]?.start ?? Infinity;
    if (n > bestN || (n === bestN && n > 0 && first < bestFirst)) {
      best = e;
      bestN = n;
      bestFirst = first;
    }
  }
  return bestN >= 2 ? best : null;
}

/** The company named nearest `pos` (within `radius` characters) in sentence `s`. */
export function nearestMention(doc: Doc, pos: number, radius: number, s: Sentence): string | null {
  let best: string | null = null;
  let bestD = Infinity;
  for (const e of doc.companies) {
    for (const m of e.mentions) {
      if (m.sentence !== s.index) continue;
      const d = m.end <= pos ? pos - m.end : m.start - pos;
      if (d >= 0 && d <= radius && d < bestD) {
        bestD = d;
        best = e.name;
      }
    }
  }
  return best;
}

/** Regions of a market share: "in West Germany", "the U.S. car market", "worldwide". */
import type { Doc, Sentence } from '../../doc.ts';
import { GLOBAL_WORDS, REGION_AFTER, REGIONS, WORLD_MARKET_AFTER, WORLD_REGION } from '../../rules/market-share-markets.ts';
import type { ShareMention } from './types.ts';

export const REGION_BY_FORM = new Map<string, { value: string; kind: 'name' | 'adj' }>();
for (const [form, value, kind] of REGIONS) REGION_BY_FORM.set(form.toLowerCase(), { value, kind });

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Every region form, longest first so "West Germany" beats "Germany"; case-sensitive (proper nouns). */
export const REGION_RE = new RegExp(
  `(?<![\\w.])(${[...REGIONS]
    .map(([f]) => f)
    .sort((a, b) => b.length - a.length)
    .map(escapeRe)
    .join('|')})(?![\\w])`,
  'g',
);

/** A region form: names always, adjectives only when `adjOk` (inside a market phrase). */
export function regionOf(word: string, adjOk: boolean): string | null {
  const r = REGION_BY_FORM.get(word.toLowerCase());
  if (!r) return null;
  // Region names are proper nouns: "US" but not "us"; "global"/"world" are the lower-case exceptions.
  if (!GLOBAL_WORDS.test(word) && !/^[A-Z]/.test(word)) return null;
  if (r.kind === 'adj' && !adjOk) return null;
  return r.value;
}

/** "... 30 pct market share worldwide", "... to 8.4 pct in West Germany". */
export function regionNear(doc: Doc, from: number, sent: Sentence, ms: readonly ShareMention[]): string | null {
  const s = doc.norm.slice(from, Math.min(sent.end, from + 40));
  const m = REGION_AFTER.exec(s);
  if (!m) return null;
  if (m[1]) return 'global';
  const at = from + m.index + m[0].length - m[2]!.length;
  if (ms.some((x) => at >= x.start && at < x.end)) return null;
  const w = m[2]!.replace(/\.$/, m[2]!.endsWith('S.') || m[2]!.endsWith('K.') ? '.' : '');
  return regionOf(w, false) ?? regionOf(w.split(/\s+/)[0]!, false);
}

/** The region named nearest the figure anywhere in its sentence, outside company names. */
export function regionInSentence(doc: Doc, sent: Sentence, ms: readonly ShareMention[], pos: number): string | null {
  const s = doc.norm.slice(sent.start, sent.end);
  REGION_RE.lastIndex = 0;
  let best: string | null = null;
  let bestDist = Infinity;
  for (let m = REGION_RE.exec(s); m; m = REGION_RE.exec(s)) {
    const at = sent.start + m.index;
    if (ms.some((x) => at < x.end && at + m![0].length > x.start)) continue;
    const after = s.slice(m.index + m[0].length, m.index + m[0].length + 12);
    const form = REGION_BY_FORM.get(m[1]!.toLowerCase());
    if (!form) continue;
    // adjectives only before a lower-case word: "the British home loan market", not "British Acme"
    if (form.kind === 'adj' && !/^\s[a-z]/.test(after)) continue;
    if (!GLOBAL_WORDS.test(m[1]!) && !/^[A-Z]/.test(m[1]!)) continue;
    if (WORLD_REGION.test(m[1]!) && !WORLD_MARKET_AFTER.test(after)) continue;
    const d = Math.abs(at - pos);
    if (d < bestDist) {
      bestDist = d;
      best = form.value;
    }
  }
  return best;
}

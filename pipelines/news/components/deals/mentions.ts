/**
 * The deal components' view of an article: its company mentions (one per span), the masked text
 * the templates run on, and lookups over both.
 */
import type { Doc, MoneyQ } from '../../doc.ts';
import { lowerBound } from '../../doc.ts';
import { CO_HEAD, CO_TAIL, MONEY_HEAD, MONEY_TAIL, TICKER_AT } from '../../rules/deals-grammar.ts';
import type { DealMention } from './types.ts';

const TRAILING_MENTION_GAP = /^\s*$/;

/** Every company mention in text order; of overlapping ones the first, longest; no ticker restating the name before it. */
export function collectMentions(doc: Doc): DealMention[] {
  const all: DealMention[] = [];
  for (const c of doc.companies) {
    for (const m of c.mentions) all.push({ start: m.start, end: m.end, name: c.name, sentence: m.sentence });
  }
  all.sort((x, y) => x.start - y.start || y.end - x.end);
  const out: DealMention[] = [];
  for (const m of all) {
    const last = out[out.length - 1];
    if (last && m.start < last.end) continue; // overlapping: keep the first, longest
    if (last && doc.norm[m.start - 1] === '<' && TICKER_AT.test(doc.norm.slice(m.start - 1, m.start + 14))) {
      if (TRAILING_MENTION_GAP.test(doc.norm.slice(last.end, m.start - 1))) continue;
    }
    if (m.end > m.start) out.push(m);
  }
  return out;
}

/** `doc.norm` with each mention as \u0001\u0002\u0002... and each money amount as \u0003\u0004\u0004... (same length). */
export function maskText(doc: Doc, mentions: readonly DealMention[], money: readonly MoneyQ[]): string {
  type Span = { start: number; end: number; head: string; tail: string };
  const spans: Span[] = mentions.map((m) => ({ start: m.start, end: m.end, head: CO_HEAD, tail: CO_TAIL }));
  for (const q of money) spans.push({ start: q.start, end: q.end, head: MONEY_HEAD, tail: MONEY_TAIL });
  spans.sort((x, y) => x.start - y.start);
  const parts: string[] = [];
  let pos = 0;
  for (const s of spans) {
    if (s.start < pos || s.end <= s.start || s.end > doc.norm.length) continue;
    parts.push(doc.norm.slice(pos, s.start), s.head, s.tail.repeat(s.end - s.start - 1));
    pos = s.end;
  }
  parts.push(doc.norm.slice(pos));
  return parts.join('');
}

/** Text of a masked span with companies as "CO" and money as "MONEY", for classifying words. */
export function plain(masked: string): string {
  return masked.replace(/\u0001\u0002*/g, 'CO').replace(/\u0003\u0004*/g, 'MONEY');
}

/**
 * Where the clause of a deal found at `pos` starts: after the last ";" at or before `pos` in its
 * sentence, else at the sentence start. Looks no further back than the sentence (a search of the
 * whole text per deal would cost the text's length for each one).
 */
export function clauseStart(masked: string, pos: number, sentStart: number): number {
  const k = masked.slice(sentStart, pos + 1).lastIndexOf(';');
  return k < 0 ? sentStart : sentStart + k + 1;
}

/** The mentions that start in [start, end). */
export function mentionsIn(mentions: readonly DealMention[], start: number, end: number): DealMention[] {
  const out: DealMention[] = [];
  for (let i = lowerBound(mentions, start); i < mentions.length; i++) {
    const m = mentions[i]!;
    if (m.start >= end) break;
    out.push(m);
  }
  return out;
}

/**
 * The article's topic: the most-mentioned company, when it clearly dominates (named at least twice,
 * and at least twice as often as any other). A story about two rivals has no single topic: null.
 */
export function topicOf(mentions: readonly DealMention[]): string | null {
  const count = new Map<string, number>();
  for (const m of mentions) count.set(m.name, (count.get(m.name) ?? 0) + 1);
  let best: string | null = null;
  let bestN = 0;
  let second = 0;
  for (const [name, n] of count) {
    if (n > bestN) {
      second = bestN;
      best = name;
      bestN = n;
    } else if (n > second) second = n;
  }
  return best !== null && bestN >= 2 && bestN >= 2 * second ? best : null;
}

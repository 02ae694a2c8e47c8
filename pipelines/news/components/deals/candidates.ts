/**
 * deal_candidates: where a deal may be reported. Company mentions and money amounts are masked in
 * a copy of `doc.norm` (same length, so offsets hold), then the templates of rules/deals.ts run
 * over each sentence that has a company (or an anaphor) and a trigger word; the halves of the
 * two-sentence offer (OFFER_RULE) are noted too. Nothing is resolved yet: that is deal_roles.
 */
import type { Component, Doc } from '../../doc.ts';
import { sentenceAt } from '../../doc.ts';
import { ANAPHOR_HEAD, ANAPHOR_RE, ANAPHOR_TAIL, MASKED_ANAPHOR_RE, TRIGGER_ANY } from '../../rules/deals-grammar.ts';
import { OFFER_RULE } from '../../rules/deals-status.ts';
import { collectMentions, maskText, mentionsIn, topicOf } from './mentions.ts';
import { matchTemplates } from './template.ts';
import type { DealCandidates, DealMention, OfferCues, SentenceCandidates } from './types.ts';

const ANAPHOR_TEST = new RegExp(ANAPHOR_RE, 'i');
const ANAPHOR_ALL = new RegExp(MASKED_ANAPHOR_RE, 'gi');

/** The masked text with every anaphor masked as well ("the company" -> \u0005\u0006...): what the templates read. */
function maskAnaphors(masked: string): string {
  return masked.replace(ANAPHOR_ALL, (m) => ANAPHOR_HEAD + ANAPHOR_TAIL.repeat(m.length - 1));
}

/** The masked text, the mentions, and every template match of every sentence. */
export function findCandidates(doc: Doc): DealCandidates {
  const mentions = collectMentions(doc);
  const money = [...doc.money].sort((a, b) => a.start - b.start);
  const firstMention = new Int32Array(doc.sentences.length).fill(-1);
  for (let i = mentions.length - 1; i >= 0; i--) {
    const m = mentions[i]!;
    // trust offsets over the mention's sentence field, which upstream may leave unset
    const s = sentenceAt(doc, m.start);
    m.sentence = s;
    if (s >= 0) firstMention[s] = i;
  }
  const masked = maskText(doc, mentions, money);
  const found: DealCandidates = { mentions, masked, money, firstMention, topic: topicOf(mentions), sentences: [] };
  // an article that names no company reports no deal
  if (mentions.length < 1) return found;
  const forTemplates = maskAnaphors(masked);
  for (let si = 0; si < doc.sentences.length; si++) found.sentences.push(sentenceCandidates(doc, found, forTemplates, si));
  return found;
}

function sentenceCandidates(doc: Doc, found: DealCandidates, forTemplates: string, si: number): SentenceCandidates {
  const s = doc.sentences[si]!;
  const text = doc.norm.slice(s.start, s.end);
  const masked = found.masked.slice(s.start, s.end);
  const named = found.firstMention[si]! >= 0;
  // "The two are set to merge": a sentence without a company name may still hold an anaphor.
  const tried = !((!named && !ANAPHOR_TEST.test(text)) || !TRIGGER_ANY.test(text));
  return {
    tried,
    matches: tried ? matchTemplates(forTemplates.slice(s.start, s.end), text, s.start) : [],
    offer: named ? offerCues(found.mentions, masked, s.start) : null,
  };
}

/** "Acme has received a $3bn takeover offer." / "The bid has come from investment firm Widget." */
function offerCues(mentions: readonly DealMention[], masked: string, base: number): OfferCues {
  let received: string | null = null;
  const r = OFFER_RULE.received.exec(masked);
  if (r && !OFFER_RULE.bidderNamed.test(masked.slice(r.index + r[0].length))) {
    received = mentionsIn(mentions, base + r.index, base + r.index + r[0].length)[0]?.name ?? null;
  }
  const f = OFFER_RULE.from.exec(masked);
  const from = f ? { start: base + f.index, at: base + f.index + f[0].length } : null;
  return { received, from };
}

// "Acme agreed to buy Widget for $5m" -> a match of acq.verb: a = Acme, v = buy, b = Widget
export const dealCandidates: Component = {
  name: 'deal_candidates',
  requires: ['norm', 'sentences', 'companies', 'money'],
  assigns: ['dealCandidates'],
  run(doc) {
    doc.dealCandidates = findCandidates(doc);
  },
};

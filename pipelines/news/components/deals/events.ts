/**
 * deal_events: each deal candidate with its parties becomes a deal event: the cue words of its
 * clause give the status, money in the clause the value, a "called ..." near it the name. A later
 * sentence about "the deal" just reported adds its status or value; reports of one transaction in
 * several sentences are merged; the result is `doc.deals`.
 */
import type { Component, Doc } from '../../doc.ts';
import { evidence, lowerBound, sentenceAt } from '../../doc.ts';
import type { Deal, DealPartyRole, DealType } from '../../../../src/schema.ts';
import type { SlotName } from '../../rules/deals.ts';
import { hashId } from '../../../../src/util/ids.ts';
import { DEAL_RULES, SCORE_ADJUST } from '../../rules/deals.ts';
import { AMOUNT_BEFORE_TRIGGER, CLAUSE_STOP, FOLLOW_UP, NOT_FINITE_BEFORE, OFFER_RULE, PAST_DEAL_WORDS, PAST_TRIGGER, RESTATING_ASIDE } from '../../rules/deals-status.ts';
import { clauseStart, plain } from './mentions.ts';
import { mergeEvents } from './merge.ts';
import { findName, findStatus, findValue } from './status.ts';
import type { DealCandidates, DealEvent, DealRole } from './types.ts';

const RULE_BY_NAME = new Map(DEAL_RULES.map((r) => [r.rule, r]));

/** The deals of an article, from its candidates and their roles. */
export function findEvents(doc: Doc, found: DealCandidates, roles: readonly DealRole[]): Deal[] {
  const events = roles.map((r) => (r.template ? eventOf(doc, found, r) : offerEvent(doc, found, r)));
  followUps(doc, found, roles, events);
  return mergeEvents(events).map((c) => ({
    id: hashId('deal', c.type, c.parties.join('|'), c.start),
    type: c.type,
    parties: c.parties,
    roles: c.slots.map((slot) => partyRole(c.type, slot, RULE_BY_NAME.get(c.rule)?.lead)),
    name: c.name,
    value: c.value,
    status: c.status,
    hedged: c.hedged,
    evidence: evidence(doc, c.start, c.end),
    confidence: c.confidence,
    rule: c.rule,
  }));
}

/**
 * A party's role from its slot and the deal's type: the buyer, target and seller of an acquisition,
 * the investor (lead_investor in the rule's `lead` slot), target and seller of an investment; the
 * parties of a merger, partnership, agreement, joint venture or contract are peers.
 */
function partyRole(type: DealType, slot: SlotName, lead: SlotName | undefined): DealPartyRole {
  if (type === 'acquisition') return slot === 'a' ? 'acquirer' : slot === 's' ? 'seller' : 'target';
  if (type === 'investment') return slot === lead ? 'lead_investor' : slot === 'a' ? 'investor' : slot === 's' ? 'seller' : 'target';
  return 'party';
}

/** The trigger at `at` is a finite past-tense verb (PAST_TRIGGER, not after NOT_FINITE_BEFORE). */
function pastTrigger(norm: string, at: number, sentStart: number): boolean {
  return PAST_TRIGGER.test(norm.slice(at, at + 24)) && !NOT_FINITE_BEFORE.test(norm.slice(Math.max(sentStart, at - 40), at));
}

/** A template match's event: status, value and name from its clause. */
function eventOf(doc: Doc, found: DealCandidates, role: DealRole): DealEvent {
  const rule = role.template!;
  const sent = doc.sentences[role.sentence]!;
  const { start, end, trigger, matchStart } = role;
  const clauseEnd = clauseEndOf(found.masked, end, sent.end);
  const leftStart = clauseStart(found.masked, start, sent.start);
  const left = plain(found.masked.slice(leftStart, start));
  const clause = plain(found.masked.slice(start, clauseEnd));
  const st = findStatus(left, clause);
  let status = st.status;
  if (rule.status && !st.strong) status = rule.status;
  // a deal reported with no word on its state has at least been announced
  status ??= 'announced';
  // "the merger of A and B in 2002" in a later story, "the recent acquisition of B": done
  if (status === 'announced' && !st.hedged && !st.strong && placedInPast(doc, role.sentence, Math.min(matchStart, start), clauseEnd)) status = 'completed';
  // "Acme bought Widget", "Widget was acquired by Acme": a finite past-tense trigger
  if (status === 'announced' && !st.hedged && !st.strong && !rule.status && pastTrigger(doc.norm, trigger, sent.start)) status = 'completed';

  // "X's $5bn takeover of Y", "the proposed 225 mln dlr acquisition of Y": an amount right before the trigger
  const pre = AMOUNT_BEFORE_TRIGGER.exec(found.masked.slice(Math.max(sent.start, trigger - 60), trigger));
  // (not from the sentence subject taken as a party: its amounts belong to other clauses)
  const valueStart = pre ? trigger - pre[0].length : Math.min(matchStart, trigger);
  const value = findValue(doc.norm, found.money, Math.min(valueStart, matchStart), clauseEnd);
  const confidence = Math.round(rule.score * (role.anaphoric ? SCORE_ADJUST.anaphor : 1) * (st.hedged ? SCORE_ADJUST.hedged : 1) * 100) / 100;
  return {
    type: role.type,
    generic: role.generic,
    parties: [...role.parties],
    slots: [...role.slots],
    name: findName(doc.text.slice(sent.start, sent.end), role.parties, start - sent.start, clauseEnd - sent.start),
    value,
    status,
    hedged: st.hedged,
    start,
    end,
    trigger,
    confidence,
    rule: rule.rule,
    text: clause,
  };
}

/** The words of a deal's clause place it before the article's date: a past year or "recently". */
function placedInPast(doc: Doc, si: number, from: number, to: number): boolean {
  const text = doc.norm.slice(from, to);
  if (PAST_DEAL_WORDS.test(text)) return true;
  const year = doc.discourse.date?.year;
  if (!year) return false;
  // the periods are in text order: a binary search to the clause, then only its own periods
  const periods = doc.periods;
  for (let i = lowerBound(periods, from); i < periods.length && periods[i]!.start < to; i++) {
    const p = periods[i]!;
    if (p.sentence === si && p.end <= to && /^(?:19|20)\d\d$/.test(p.value) && Number(p.value) < year) return true;
  }
  return false;
}

/** The clause of a match ending at `from`: up to the next ";" or ", " after it, or the sentence end. */
function clauseEndOf(masked: string, from: number, sentEnd: number): number {
  const rest = masked.slice(from, sentEnd);
  const stop = CLAUSE_STOP.exec(rest);
  if (!stop) return sentEnd;
  if (!RESTATING_ASIDE.test(rest.slice(stop.index))) return from + stop.index;
  // ", a bid that was rejected by the board": the aside belongs to the clause
  const next = CLAUSE_STOP.exec(rest.slice(stop.index + 1));
  return next ? from + stop.index + 1 + next.index : sentEnd;
}

/** The two-sentence offer: value and hedge from the sentence that reported it received. */
function offerEvent(doc: Doc, found: DealCandidates, role: DealRole): DealEvent {
  const sent = doc.sentences[role.sentence]!;
  const received = doc.sentences[role.offerSentence!]!;
  const st = findStatus('', plain(found.masked.slice(received.start, received.end)));
  return {
    type: role.type,
    generic: role.generic,
    parties: [...role.parties],
    slots: [...role.slots],
    name: null,
    value: findValue(doc.norm, found.money, received.start, received.end),
    status: 'announced',
    hedged: st.hedged,
    start: role.start,
    end: role.end,
    trigger: role.trigger,
    confidence: OFFER_RULE.score,
    rule: role.rule,
    text: plain(found.masked.slice(sent.start, sent.end)),
  };
}

/**
 * A sentence with no template match that only talks about "the deal" just reported (within two
 * sentences) adds its status or value to it: "Acme agreed to buy Widget. The acquisition is
 * subject to regulatory approval." -> pending. `events` are in the order of `roles`.
 */
function followUps(doc: Doc, found: DealCandidates, roles: readonly DealRole[], events: DealEvent[]): void {
  const matched = new Set(roles.filter((r) => r.template).map((r) => r.sentence));
  let known = 0; // roles found up to the current sentence
  for (let si = 0; si < found.sentences.length; si++) {
    while (known < roles.length && roles[known]!.sentence <= si) known++;
    const last = events[known - 1];
    if (!last || matched.has(si)) continue;
    const sent = doc.sentences[si]!;
    if (!FOLLOW_UP.test(doc.norm.slice(sent.start, sent.end))) continue;
    if (sentenceAt(doc, last.start) < si - 2) continue;
    const st = findStatus('', plain(found.masked.slice(sent.start, sent.end)));
    if (st.status && st.status !== 'announced' && (last.status === 'announced' || last.status === null) && !last.hedged) {
      last.status = st.status;
      last.hedged = st.hedged;
    }
    last.value ??= findValue(doc.norm, found.money, sent.start, sent.end);
  }
}

// "Acme agreed to buy Widget for $5m" -> {type: acquisition, parties: [Acme, Widget], value: 5e6 USD, status: announced}
export const dealEvents: Component = {
  name: 'deal_events',
  requires: ['norm', 'sentences', 'periods', 'discourse', 'dealCandidates', 'dealRoles'],
  assigns: ['deals'],
  run(doc) {
    if (!doc.dealCandidates) throw new Error('[deal_events] doc.dealCandidates is not set: deal_candidates must run first');
    doc.deals = findEvents(doc, doc.dealCandidates, doc.dealRoles);
  },
};

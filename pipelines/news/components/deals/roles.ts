/**
 * deal_roles: who takes part in each deal candidate and what kind of deal it is. Reads the
 * article in order (an anaphor may point at the deal just found): each template match gets its
 * parties in the rule's order (buyer, investor or acquirer first), with the rule's fallbacks for
 * an empty slot (the sentence subject, the target just reported, the article's topic), and its
 * type; a match whose slots do not resolve, whose object rules it out, or that reports no real
 * deal ("would have bought") is dropped. The two-sentence offer gets its bidder here too.
 */
import type { Component, Doc } from '../../doc.ts';
import { sentenceAt } from '../../doc.ts';
import type { PartySpec, SlotName } from '../../rules/deals.ts';
import { GROUP_GENERIC_WORDS, POSSESSIVE_BID, SUBJECT_REACH } from '../../rules/deals-cues.ts';
import { NOT_A_DEAL, OFFER_RULE } from '../../rules/deals-status.ts';
import { targetOf } from './anaphora.ts';
import type { RoleCtx } from './anaphora.ts';
import { dealType } from './kinds.ts';
import { clauseStart, mentionsIn, plain } from './mentions.ts';
import { resolveSlots } from './slots.ts';
import type { Slots } from './slots.ts';
import type { DealCandidates, DealRole, OfferCues, TemplateMatch } from './types.ts';

/** The roles of every candidate of the article, in reading order. */
export function findRoles(doc: Doc, found: DealCandidates): DealRole[] {
  const ctx: RoleCtx = { doc, found, roles: [], recent: null };
  let pending: { target: string; sentence: number } | null = null;
  found.sentences.forEach((sc, si) => {
    if (pending && sc.offer) {
      const r = offerBidder(ctx, si, pending, sc.offer);
      if (r) {
        ctx.roles.push(r);
        pending = null;
      }
    }
    if (sc.offer?.received) pending = { target: sc.offer.received, sentence: si };
    if (sc.tried) matchRoles(ctx, si, sc.matches);
  });
  return ctx.roles;
}

/** The roles of a sentence's template matches: the first match at a trigger position wins. */
function matchRoles(ctx: RoleCtx, si: number, matches: readonly TemplateMatch[]): void {
  const seenTrigger = new Set<number>();
  for (const m of matches) {
    const c = roleFrom(ctx, si, m);
    if (c && !seenTrigger.has(c.trigger)) {
      seenTrigger.add(c.trigger);
      for (const one of distribute(c)) ctx.roles.push(one);
      ctx.recent = { parties: c.parties, sentence: si };
    }
  }
}

/** "The bidders were X and Y": one candidate per company of the rule's `each` slot. */
function distribute(c: DealRole & { each?: string[] }): DealRole[] {
  const each = c.each;
  delete c.each;
  if (!each || each.length < 2) return [c];
  // each company keeps its slot's place: the bidders of "the bidders were X and Y" first, the
  // targets of "Acme bought X and Y" second
  return each.map((p) => {
    const keep = c.parties.map((x) => x === p || !each.includes(x));
    return { ...c, parties: c.parties.filter((_x, i) => keep[i]), slots: c.slots.filter((_x, i) => keep[i]) };
  });
}

/** "Acme has received a $3bn offer. The bid has come from Widget." -> [Widget, Acme]. */
function offerBidder(ctx: RoleCtx, si: number, pending: { target: string; sentence: number }, offer: OfferCues): DealRole | null {
  if (si - pending.sentence > OFFER_RULE.reach || !offer.from) return null;
  const sent = ctx.doc.sentences[si]!;
  const { start, at } = offer.from;
  const bidder = mentionsIn(ctx.found.mentions, at - 1, sent.end)[0];
  if (!bidder || bidder.name === pending.target || bidder.start > at + OFFER_RULE.bidderReach) return null;
  return {
    template: null,
    rule: OFFER_RULE.rule,
    sentence: si,
    type: 'acquisition',
    generic: false,
    parties: [bidder.name, pending.target],
    slots: ['a', 'b'],
    start,
    end: bidder.end,
    trigger: start,
    matchStart: start,
    anaphoric: false,
    offerSentence: pending.sentence,
  };
}

/** The roles of one template match, or null when it makes no deal. */
function roleFrom(ctx: RoleCtx, si: number, m: TemplateMatch): (DealRole & { each?: string[] }) | null {
  const { doc, found } = ctx;
  const { rule } = m;
  const v = m.groups.v;
  if (!v) return null;
  const [trigger, triggerEnd] = v;
  const slots = resolveSlots(ctx, si, m, trigger, triggerEnd);
  if (!slots) return null;
  const { parties, slots: partySlots, subjectStart } = orderParties(ctx, si, m, slots, trigger);
  const start = Math.min(m.start, subjectStart);
  if (parties.length < 2) return null;
  // "Acme Petroleum will become a subsidiary of Acme": a group reorganising itself makes no deal
  // (only for this rule: buying out the minority of one's own affiliate is a deal)
  if (rule.rule === 'acq.become-unit' && parties.length === 2 && sameGroup(parties[0]!, parties[1]!)) return null;
  // "X and Y pulled out of the bidding": each bidder needs a target besides the bidders
  if (rule.each && parties.every((p) => (slots.names.get(rule.each!) ?? []).includes(p))) return null;
  const typed = dealType(doc, found.masked, si, m, slots, triggerEnd);
  if (!typed) return null;
  // "would have bought", "had it taken over", "if Acme buys": no deal reported
  const sent = doc.sentences[si]!;
  const leftStart = clauseStart(found.masked, start, sent.start);
  if (NOT_A_DEAL.test(plain(found.masked.slice(Math.max(leftStart, start - 40), m.end)))) return null;
  const eachSlot = rule.each ? slots.names.get(rule.each) : undefined;
  return {
    ...(eachSlot && eachSlot.length > 1 ? { each: eachSlot } : {}),
    template: rule,
    rule: rule.rule,
    sentence: si,
    type: typed.type,
    generic: typed.generic,
    parties,
    slots: partySlots,
    start,
    end: m.end,
    trigger,
    matchStart: m.start,
    anaphoric: slots.anaphoric,
  };
}

/**
 * The parties in the rule's order, each slot's companies once. An empty slot may fall back (see
 * rules/deals.ts): "|S" to the sentence subject (the report's span then starts there, `subjectStart`),
 * "|R" to the target just reported or the topic, "|T" to the topic.
 */
function orderParties(ctx: RoleCtx, si: number, m: TemplateMatch, slots: Slots, trigger: number): { parties: string[]; slots: SlotName[]; subjectStart: number } {
  const parties: string[] = [];
  const partySlots: SlotName[] = [];
  let subjectStart = m.start;
  for (const spec of m.rule.parties as readonly PartySpec[]) {
    const [slot, fallback] = spec.split('|') as [SlotName, string | undefined];
    let names = slots.names.get(slot) ?? [];
    if (names.length === 0 && fallback === 'S') {
      const subject = subjectOf(ctx, si, trigger, slots.named);
      if (subject) {
        names = subject.names;
        subjectStart = Math.min(subjectStart, subject.start);
      }
    } else if (names.length === 0 && (fallback === 'R' || fallback === 'T')) {
      const last = fallback === 'R' && ctx.roles.length ? ctx.roles[ctx.roles.length - 1]! : null;
      const recent = last && sentenceAt(ctx.doc, last.start) >= si - 2 ? targetOf(ctx, null) : null;
      const t = recent && !slots.named.has(recent) ? recent : ctx.found.topic;
      if (t && !slots.named.has(t)) names = [t];
    }
    for (const n of names) {
      if (parties.includes(n)) continue;
      parties.push(n);
      partySlots.push(slot);
    }
  }
  return { parties, slots: partySlots, subjectStart };
}

/** The sentence subject: its first company before the trigger that is not already a party. */
function subjectOf(ctx: RoleCtx, si: number, trigger: number, named: Set<string>): { names: string[]; start: number } | null {
  const { mentions, firstMention } = ctx.found;
  for (let i = firstMention[si]!; i >= 0 && i < mentions.length; i++) {
    const mm = mentions[i]!;
    if (mm.sentence !== si || mm.start > trigger || trigger - mm.start > SUBJECT_REACH) break;
    if (named.has(mm.name)) continue;
    // "X's offer was topped by an offer from Y": X is a bidder; Y bids for X's target
    if (POSSESSIVE_BID.test(ctx.doc.norm.slice(mm.end, mm.end + 50))) {
      const t = targetOf(ctx, mm.name);
      return { names: t && !named.has(t) ? [t] : [], start: mm.start };
    }
    return { names: [mm.name], start: mm.start };
  }
  return null;
}

/** Two names of one group: the same first word ("Acme" and "Acme Petroleum International"). */
function sameGroup(x: string, y: string): boolean {
  const first = (n: string) => /^[^\s,]+/.exec(n)?.[0].toLowerCase() ?? n;
  const fx = first(x);
  return fx.length > 2 && fx === first(y) && !GROUP_GENERIC_WORDS.test(fx);
}

// "Acme agreed to buy Widget for $5m" -> {rule: acq.verb, type: acquisition, parties: [Acme, Widget]}
export const dealRoles: Component = {
  name: 'deal_roles',
  requires: ['norm', 'sentences', 'dealCandidates'],
  assigns: ['dealRoles'],
  run(doc) {
    if (!doc.dealCandidates) throw new Error('[deal_roles] doc.dealCandidates is not set: deal_candidates must run first');
    doc.dealRoles = findRoles(doc, doc.dealCandidates);
  },
};

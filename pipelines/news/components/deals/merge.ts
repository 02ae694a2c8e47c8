/**
 * One transaction, several reports: "Acme agreed to buy Widget. ... The acquisition of Widget is
 * subject to approval." Reports with the same parties, a compatible type and no conflicting value
 * become one deal, which keeps the most telling type, status, value and name.
 */
import type { DealStatus, DealType } from '../../../../src/schema.ts';
import { SCORE_ADJUST } from '../../rules/deals.ts';
import { DEAL_FAMILIES, MENTION_RULES, NEW_OFFER, SAME_VALUE_TOLERANCE, SIGNING_RULES, STATUS_RANK } from '../../rules/deals-status.ts';
import type { DealEvent, DealValue } from './types.ts';

function sameFamily(a: DealType, b: DealType): boolean {
  return a === b || DEAL_FAMILIES.some((g) => g.includes(a) && g.includes(b));
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

function valuesDiffer(a: DealValue | null, b: DealValue | null): boolean {
  if (!a || !b) return false;
  if (a.currency !== b.currency) return false; // "$2.3bn" and "3.1bn Australian dollars" may be one amount
  return Math.abs(a.amount - b.amount) > SAME_VALUE_TOLERANCE * Math.max(a.amount, b.amount);
}

const closed = (s: DealStatus | null) => s === 'rejected' || s === 'cancelled';

/** `c` reports the deal `o` reported. */
function isTwin(o: DealEvent, c: DealEvent): boolean {
  // same parties; or a shorter report of the same buyer's deal ("X plans to buy Y, Z and W" ... "X is looking to buy Y")
  const subset = o.parties.length > c.parties.length && c.parties.every((p) => o.parties.includes(p)) && o.type === c.type && o.parties[0] === c.parties[0];
  if (!sameSet(o.parties, c.parties) && !subset) return false;
  // a stake and a takeover between the same parties are usually separate steps: sameFamily only
  if (!(o.generic || c.generic || sameFamily(o.type, c.type))) return false;
  if (valuesDiffer(o.value, c.value)) return false;
  // "rejected an $8bn offer" and "will table a new offer" are two offers.
  if (closed(o.status) !== closed(c.status) && (NEW_OFFER.test(o.text) || NEW_OFFER.test(c.text))) return false;
  return true;
}

/** Fold the report `c` into the deal `twin`. */
function fold(twin: DealEvent, c: DealEvent): void {
  if (twin.generic && !c.generic) {
    twin.type = c.type;
    twin.generic = false;
  }
  // "Acme announced a shift in its partnership with Widget ... Acme has signed a new agreement that
  // gives it ... Widget's ...": the signing is the reported event; a mention of the standing
  // relationship only names it. The event's type and evidence represent the deal.
  if (MENTION_RULES.has(twin.rule) && SIGNING_RULES.has(c.rule) && sameFamily(twin.type, c.type)) {
    Object.assign(twin, { type: c.type, start: c.start, end: c.end, trigger: c.trigger, rule: c.rule, text: c.text });
  }
  twin.value ??= c.value;
  twin.name ??= c.name;
  if (c.status && (!twin.status || (STATUS_RANK[c.status] > STATUS_RANK[twin.status] && !twin.hedged))) {
    if (!closed(twin.status)) twin.status = c.status;
  }
  twin.hedged = twin.hedged && c.hedged;
  twin.confidence = Math.min(1, Math.max(twin.confidence, c.confidence) + SCORE_ADJUST.merged);
}

/** Merge reports of one transaction (sorts `events` in text order). */
export function mergeEvents(events: DealEvent[]): DealEvent[] {
  events.sort((x, y) => x.start - y.start || x.trigger - y.trigger);
  const out: DealEvent[] = [];
  for (const c of events) {
    const twin = out.find((o) => isTwin(o, c));
    if (twin) fold(twin, c);
    else out.push({ ...c });
  }
  return out;
}

/**
 * A deal's state, value and name, from the words and amounts of its clause (cue tables in
 * rules/deals-status.ts).
 */
import type { MoneyQ } from '../../doc.ts';
import type { DealStatus } from '../../../../src/schema.ts';
import {
  DEAL_NAME_PATTERNS, MIN_DEAL_VALUE, MONEY_NOT_VALUE_AFTER, MONEY_NOT_VALUE_BEFORE, NAME_REACH, NOT_A_DEAL_NAME, STATUS_CUES, VALUE_MODAL,
} from '../../rules/deals-status.ts';
import { lowerBound } from '../../doc.ts';
import type { DealValue } from './types.ts';

export interface FoundStatus {
  status: DealStatus | null;
  hedged: boolean;
  /** A cancelling, rejecting or hedging cue decided (it overrides the status a rule states). */
  strong: boolean;
}

const isStrong = (status: DealStatus) => status === 'rumored' || status === 'cancelled' || status === 'rejected';

/**
 * Status from cue words: a cancelling, rejecting or hedging word in the clause wins; a hedge before
 * it ("Sources said X is in talks to buy Y") counts too. Otherwise the clause's own words decide
 * (pending, announced, completed), then the words before it.
 */
export function findStatus(left: string, clause: string): FoundStatus {
  const inClause = clause.replace(VALUE_MODAL, ' ');
  const leftClean = left.replace(VALUE_MODAL, ' ');
  for (const cue of STATUS_CUES) {
    if (!isStrong(cue.status)) continue;
    if (cue.match.test(inClause) || (cue.status === 'rumored' && cue.match.test(leftClean))) {
      return { status: cue.status, hedged: cue.hedged ?? false, strong: true };
    }
  }
  for (const text of [inClause, leftClean]) {
    for (const cue of STATUS_CUES) {
      if (isStrong(cue.status)) continue;
      if (cue.match.test(text)) return { status: cue.status, hedged: false, strong: false };
    }
  }
  return { status: null, hedged: false, strong: false };
}

/** The first amount in [start, end) that can be a deal's value (`money` in text order). */
export function findValue(norm: string, money: readonly MoneyQ[], start: number, end: number): DealValue | null {
  for (let i = lowerBound(money, start); i < money.length; i++) {
    const q = money[i]!;
    if (q.start >= end) break;
    const after = norm.slice(q.end, q.end + 40);
    const before = norm.slice(Math.max(0, q.start - 40), q.start);
    if (q.perShare || MONEY_NOT_VALUE_AFTER.test(after) || MONEY_NOT_VALUE_BEFORE.test(before)) continue;
    if (q.amount < MIN_DEAL_VALUE) continue; // a price per share or per unit, not a deal's value
    // "($2.3bn; £1.8bn)" restates the amount just given in another currency: the first one counts.
    return { amount: q.amount, currency: q.currency };
  }
  return null;
}

/** The name patterns with indices, compiled once. */
const NAME_RES: readonly RegExp[] = DEAL_NAME_PATTERNS.map((re) => new RegExp(re.source, re.flags.includes('d') ? re.flags : re.flags + 'd'));

/**
 * The name of the deal at [from, to) of the sentence, if the sentence gives one near it (within
 * NAME_REACH characters of the deal's span) that is not one of the parties.
 */
export function findName(sentence: string, parties: readonly string[], from: number, to: number): string | null {
  for (const re of NAME_RES) {
    const m = re.exec(sentence);
    const name = m?.[1]?.trim();
    if (!name) continue;
    const [ns, ne] = m!.indices![1]!;
    if (ne < from - NAME_REACH || ns > to + NAME_REACH) continue;
    if (NOT_A_DEAL_NAME.test(name)) continue;
    if (parties.some((p) => p === name || p.startsWith(name) || name.startsWith(p))) continue;
    return name;
  }
  return null;
}

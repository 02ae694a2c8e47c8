/**
 * The companies in a template match's slots (a, b, s, u): the names mentioned there, with owners,
 * people and rivals sorted out, and anaphors ("it", "the German firm") resolved.
 */
import type { SlotName } from '../../rules/deals.ts';
import { CO_HEAD } from '../../rules/deals-grammar.ts';
import {
  ADVISER_BEFORE, BARE_PRONOUN, OBJECT_PRONOUN, OWNER_OF_NEXT, PEOPLE_OF, PRONOUN_HEAD, PRONOUN_LIST_LEAD, RIVAL_OF, STAKE_NOUN, UNIT_AFTER, UNIT_WORDS,
} from '../../rules/deals-cues.ts';
import { resolveAnaphor, resolveNationality } from './anaphora.ts';
import type { RoleCtx } from './anaphora.ts';
import { mentionsIn, plain } from './mentions.ts';
import type { TemplateMatch } from './types.ts';

const SLOTS = ['a', 'b', 's', 'u'] as const;

/** The companies of each slot; `named` holds them all (anaphors do not reuse them). */
export interface Slots {
  names: Map<SlotName, string[]>;
  named: Set<string>;
  /** A slot was filled through an anaphor. */
  anaphoric: boolean;
}

/** The companies of every slot of `m`, found in sentence `si`; null when an anaphor does not resolve. */
export function resolveSlots(ctx: RoleCtx, si: number, m: TemplateMatch, trigger: number, triggerEnd: number): Slots | null {
  const slots = namedSlots(ctx, m, trigger);
  pronounLeads(ctx, si, m, trigger, slots);
  const rivals = rivalSlots(ctx, m, trigger, slots);
  for (const s of SLOTS) {
    if (!m.groups[s] || slots.names.get(s)!.length > 0) continue;
    if (!fillSlot(ctx, si, m, s, rivals.has(s), trigger, triggerEnd, slots)) return null;
  }
  if (m.rule.possessive) possessiveOwner(ctx, m, slots);
  return slots;
}

/** Companies named in each slot. */
function namedSlots(ctx: RoleCtx, m: TemplateMatch, trigger: number): Slots {
  const { norm } = ctx.doc;
  const slots: Slots = { names: new Map(), named: new Set(), anaphoric: false };
  for (const s of SLOTS) {
    const g = m.groups[s];
    if (!g) continue;
    const ms = mentionsIn(ctx.found.mentions, g[0], g[1]);
    // "Acme Corp's French subsidiary Widget and Gadget bid": the unit, not its owner, is the party
    // ("an offer made by Widget managers and Acme": the managers, not Widget, bid)
    const names = ms
      .filter((x, i) => !(s === 'a' && ms[i + 1] && OWNER_OF_NEXT.test(norm.slice(x.end, ms[i + 1]!.start))))
      .filter((x) => !(x.start > trigger && PEOPLE_OF.test(norm.slice(x.end, x.end + 20))))
      // "opinions from its advisers, Acme and Widget": advisers, not parties
      .filter((x) => !ADVISER_BEFORE.test(ctx.found.masked.slice(Math.max(0, x.start - 80), x.start)))
      .map((x) => x.name);
    slots.names.set(s, names);
    for (const n of names) slots.named.add(n);
  }
  return slots;
}

/** "X said it and Y agreed to merge": a list that starts with a pronoun holds the subject too. */
function pronounLeads(ctx: RoleCtx, si: number, m: TemplateMatch, trigger: number, slots: Slots): void {
  for (const s of ['a', 'b'] as const) {
    const g = m.groups[s];
    const names = slots.names.get(s);
    if (!g || !names || names.length === 0 || g[0] >= trigger) continue;
    if (!PRONOUN_LIST_LEAD.test(ctx.doc.norm.slice(g[0], g[1]))) continue;
    const lead = resolveAnaphor(ctx, si, g[0], 'it', true, slots.named)[0];
    if (!lead) continue;
    slots.names.set(s, [lead, ...names]);
    slots.named.add(lead);
  }
}

/** "Planemaker's great European competitor is to sell ...": the subject is not Planemaker; its slot empties. */
function rivalSlots(ctx: RoleCtx, m: TemplateMatch, trigger: number, slots: Slots): Set<SlotName> {
  const rivals = new Set<SlotName>();
  for (const s of SLOTS) {
    const g = m.groups[s];
    if (!g || g[0] >= trigger) continue;
    const names = slots.names.get(s)!;
    if (names.length === 1 && RIVAL_OF.test(ctx.doc.norm.slice(g[1], g[1] + 60))) {
      rivals.add(s);
      slots.names.set(s, []);
    }
  }
  return rivals;
}

/** Fill an empty slot from its anaphor (or the rival it names); false when nothing fits. */
function fillSlot(
  ctx: RoleCtx,
  si: number,
  m: TemplateMatch,
  s: SlotName,
  rival: boolean,
  trigger: number,
  triggerEnd: number,
  slots: Slots,
): boolean {
  const { doc, found } = ctx;
  const g = m.groups[s]!;
  const fill = (names: string[]) => {
    slots.names.set(s, names);
    for (const n of names) slots.named.add(n);
  };
  if (rival) {
    // the rival is the most recent other company: resolve as an object anaphor
    const resolved = resolveAnaphor(ctx, si, g[0], 'the rival', false, slots.named);
    if (resolved.length === 0) return false;
    slots.anaphoric = true;
    fill(resolved);
    return true;
  }
  const text = doc.norm.slice(g[0], g[1]);
  // "invested in the Canadian firm Widget": an anaphor-like noun in apposition to a name is that name
  const next = /^\s*(?:<)?/.exec(found.masked.slice(g[1], g[1] + 3))![0].length + g[1];
  const apposed = found.masked[next] === CO_HEAD && !BARE_PRONOUN.test(text) ? mentionsIn(found.mentions, next, next + 1)[0] : undefined;
  if (apposed && !slots.named.has(apposed.name)) {
    fill([apposed.name]);
    return true;
  }
  // "bought 20% of Widget from the firm's deputy chairman": the seller is a person of the firm
  if (s === 's' && /^'s?\s/.test(doc.norm.slice(g[1], g[1] + 3))) return false;
  // "sold the units, to buyers it did not name": a pronoun after a noun starts a relative clause
  if (g[0] > triggerEnd && OBJECT_PRONOUN.test(text) && !PRONOUN_HEAD.test(doc.norm.slice(triggerEnd, g[0]))) return false;
  const resolved = [
    resolveNationality(ctx, si, g[0], text, slots.named) ?? resolveAnaphor(ctx, si, g[0], text, g[0] < trigger, slots.named, m.rule.reach),
  ].flat();
  if (resolved.length === 0) return false;
  slots.anaphoric = true;
  fill(resolved);
  return true;
}

/**
 * "bought 60% of Widget's US affiliate Gadget" -> [buyer, Gadget]; "... of Widget's Gadget unit"
 * -> [buyer, Gadget, Widget]: the owner (b) of what is bought (u) stays a party only as a seller.
 */
function possessiveOwner(ctx: RoleCtx, m: TemplateMatch, slots: Slots): void {
  const u = m.groups.u;
  const b = m.groups.b;
  if (!u || !b) return;
  const between = plain(ctx.found.masked.slice(b[1], u[0]));
  const after = ctx.doc.norm.slice(u[1], u[1] + 24);
  // ("acquire Widget's 13 pct stake in Gadget": Widget sells its stake, it stays a party)
  if (!UNIT_WORDS.test(between) && !STAKE_NOUN.test(between) && !UNIT_AFTER.test(after)) slots.names.set('b', []);
}

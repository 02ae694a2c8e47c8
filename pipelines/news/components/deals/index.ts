/**
 * deals: business transactions between named companies (acquisitions, mergers, stakes, joint
 * ventures, partnerships, agreements, orders), with status, value and evidence. Three components,
 * in this order (news.v1.json lists them):
 *
 *   deal_candidates  masked text and every match of the templates of rules/deals.ts  -> dealCandidates
 *   deal_roles       each match's parties (anaphors resolved) and type, or dropped    -> dealRoles
 *   deal_events      status, value and name from the clause; reports merged          -> deals
 *
 * `deals` runs the three as one step, for a pipeline definition that names the whole stage.
 */
import type { Component, Doc } from '../../doc.ts';
import type { Deal } from '../../../../src/schema.ts';
import { dealCandidates, findCandidates } from './candidates.ts';
import { dealRoles, findRoles } from './roles.ts';
import { dealEvents, findEvents } from './events.ts';

export { dealCandidates, findCandidates } from './candidates.ts';
export { dealRoles, findRoles } from './roles.ts';
export { dealEvents, findEvents } from './events.ts';
export { compileTemplate, matchTemplates } from './template.ts';
export type { DealCandidates, DealEvent, DealMention, DealRole, TemplateMatch } from './types.ts';

const PARTS = [dealCandidates, dealRoles, dealEvents] as const;

/** Find the deals of a document: the three components over the Doc's sentences, companies and money. */
export function findDeals(doc: Doc): Deal[] {
  const found = findCandidates(doc);
  return findEvents(doc, found, findRoles(doc, found));
}

// "Acme agreed to buy Widget for $5m" -> {type: acquisition, parties: [Acme, Widget], value: 5e6 USD, status: announced}
export const deals: Component = {
  name: 'deals',
  // what the parts require that no earlier part assigns
  requires: [...new Set(PARTS.flatMap((p, i) => p.requires.filter((k) => !PARTS.slice(0, i).some((q) => q.assigns.includes(k)))))],
  assigns: [...new Set(PARTS.flatMap((p) => p.assigns))],
  run(doc, ctx) {
    for (const p of PARTS) p.run(doc, ctx);
  },
};

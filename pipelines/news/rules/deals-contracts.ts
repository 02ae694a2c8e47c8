/**
 * Deal rules, part of DEAL_RULES (rules/deals.ts, where the template syntax is described).
 * Contracts and orders: "Acme Air ordered 50 aircraft from Planemaker", "Widget won a contract from Acme".
 * Order matters: rules that share a trigger position compete, the first one wins.
 */
import type { DealRule } from './deals.ts';

export const CONTRACT_RULES: readonly DealRule[] = [
  // "Acme Air ordered 50 aircraft from Planemaker"; "Acme is to buy 10 A320 jets from Planemaker"
  {
    rule: 'contract.order-from',
    type: 'contract',
    match: '{a+} {_}\\b(?<v><ORDER_V>) {w}from {w}{b}',
    parties: ['a', 'b'],
    object: 'goods',
    score: 0.8,
    example: 'Acme Air ordered 50 aircraft from Planemaker.',
  },
  // "Acme placed a $2bn order with Planemaker" (not "an order for 20 jets with": "for" ends the object phrase)
  {
    rule: 'contract.order-noun',
    type: 'contract',
    match: '{a+} {_}\\b(?:placed|places|placing|made|makes|signed|firmed up|confirmed) {w}(?<v>order|orders) (?:for {w})?{w}with {w}{b}',
    parties: ['a', 'b'],
    score: 0.75,
    example: 'Acme placed a $2bn order with Planemaker.',
  },
  // "Planemaker is to supply Acme Air with 50 jets"
  {
    rule: 'contract.supply-with',
    type: 'contract',
    match: '{b} {_}\\b(?<v><SUPPLY_V>) {w}{a} with',
    parties: ['a', 'b'],
    score: 0.8,
    example: 'Planemaker is to supply Acme Air with 50 jets.',
  },
  // "Planemaker is to sell 10 of its new jets to Acme Air"
  {
    rule: 'contract.deliver-to',
    type: 'contract',
    match: '{b} {_}\\b(?<v><DELIVER_V>) {w}to {w}{a}',
    parties: ['a', 'b'],
    object: 'goods',
    score: 0.75,
    example: 'Planemaker is to sell 10 of its new jets to Acme Air.',
  },
  // "Widget won a $40m contract from Acme"; "Widget has been awarded an order by Acme"
  {
    rule: 'contract.won-from',
    type: 'contract',
    match: '{b} {_}\\b(?<v><WIN_V>) {w}(?:contract|order|orders) {w}(?:from|by|with) {w}{a}',
    parties: ['a', 'b'],
    score: 0.8,
    example: 'Widget won a $40m contract from Acme.',
  },
  // "Acme awarded Widget a $40m contract"
  {
    rule: 'contract.awarded',
    type: 'contract',
    match: '{a} {_}\\b(?<v>awarded|awards|gave|gives|handed) {b} {w}(?:contract|order)',
    parties: ['a', 'b'],
    score: 0.8,
    example: 'Acme awarded Widget a $40m contract.',
  },
];

/**
 * Deal rules, part of DEAL_RULES (rules/deals.ts, where the template syntax is described).
 * Investments: "Acme invested $5m in Widget", "Acme raised its stake in Widget to 25%", funding rounds.
 * Order matters: rules that share a trigger position compete, the first one wins.
 */
import type { DealRule } from './deals.ts';

export const INVESTMENT_RULES: readonly DealRule[] = [
  // "Widget raised $20m in a round led by Acme Ventures"
  {
    rule: 'invest.round-led-by',
    type: 'investment',
    match: '{b} {_}\\b(?<v>raised|raises|raising|secured|closed|received|gets|got) {_}\\b(?:round|funding|financing|investment|capital) {_}\\bled by {a+}',
    parties: ['a', 'b'],
    score: 0.8,
    example: 'Widget raised $20m in a round led by Acme Ventures.',
  },
  // "Acme Ventures led a $50m funding round in Widget"; "Acme co-led Widget's Series B round"
  {
    rule: 'invest.led-round',
    type: 'investment',
    match: "{a+} {_}\\b(?<v>led|leads|co-led|co-leads|leading|joined|joins|participated in) {w}(?:funding|financing|investment|equity|venture|seed|series [a-z]|series-[a-z])?\\s*round {w}(?:in|for|of|into) {w}{b}",
    parties: ['a', 'b'],
    score: 0.75,
    example: 'Acme Ventures led a $50m funding round in Widget.',
  },
  // "Acme invested $5m in Widget"; "Acme is to invest 2bn rupees in Widget"
  {
    rule: 'invest.verb',
    type: 'investment',
    // (the target follows "in" within a few words, and not past an industry or a market: "invested in
    // the Chinese beer industry in the last two years and now Acme ..." names no target)
    match: '{a+} {_}\\b(?<v><INVEST_V>) {w}(?:in|into) (?:(?!(?:industry|industries|sector|sectors|market|markets|economy|country|region|years?|months?)\\b)[^\\s\\u0001\\u0002<;]+\\s+){0,4}?{b}',
    parties: ['a', 'b'],
    score: 0.8,
    example: 'Acme invested $5m in Widget.',
  },
  // "Acme's proposed $1bn investment in Widget is awaiting approval"; "a capital injection into Widget by Acme"
  {
    rule: 'invest.noun',
    type: 'investment',
    // (not a holding or its sale: "which has a $5m investment in Widget", "will sell its investment in Widget")
    match: "{a} {_}(?<!\\b(?:sell|sells|sold|selling|divest|divested|has|had|have|holds|held|owns|owned|write down|wrote down|writing down|value of|on|from) (?:its |their |a |an |the |his |her )?(?:[\\w$.,-]+ ){0,3})\\b(?<v>investment|injection) (?:of {w})?(?:in|into) {w}{b}",
    parties: ['a', 'b'],
    object: 'stake',
    score: 0.65,
    example: "Acme's proposed $1bn investment in Widget is awaiting approval.",
  },
  // "Acme raised its stake in Widget to 25%"
  {
    rule: 'invest.stake',
    type: 'investment',
    match: '{a+} {_}\\b(?<v><STAKE_V>) {w}(?:stake|holding|shareholding|interest) (?:in|of) {w}{b}',
    parties: ['a', 'b'],
    object: 'stake',
    score: 0.8,
    example: 'Acme raised its stake in Widget to 25%.',
  },
];

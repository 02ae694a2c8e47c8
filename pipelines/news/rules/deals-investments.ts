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
    lead: 'a',
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
  // Backers and investors named as such: "Widget is backed by Acme Capital and Beta Partners";
  // "Investors in Widget include Acme and Beta": one investment per backer
  {
    rule: 'invest.backed-by',
    type: 'investment',
    match: "{b} {_}\\b(?:is |was |are |were |has been |had been |, )?(?:(?:financially|heavily|venture|privately|jointly)[- ])?(?<v>backed|funded|financed|bankrolled) by (?:[\\w'-]+ ){0,2}?{a+}",
    parties: ['a', 'b'],
    each: 'a',
    status: 'completed',
    score: 0.6,
    example: 'Widget Inc is backed by Acme Capital and Gadget Corp.',
  },
  {
    rule: 'invest.investors-include',
    type: 'investment',
    match: '\\b(?<v>investors|backers|shareholders|stakeholders) (?:in|of) {b} (?:include|included|includes|are|were) {w}{a+}',
    parties: ['a', 'b'],
    each: 'a',
    status: 'completed',
    score: 0.6,
    example: 'Investors in Widget Inc include Acme Capital and Gadget Corp.',
  },
  // A stake stated in a side clause: "Widget, in which Acme holds a 7% stake"; "Widget, whose largest
  // shareholder is Acme with 21%"
  {
    rule: 'invest.relative-stake',
    type: 'investment',
    match: "{b}\\.?,? (?:in which|where) {a} (?:already |now |still )?(?:holds|held|has|had|owns|owned|controls|controlled) (?:a |an |its |the )?(?:[\\w.%-]+ ){0,3}?(?<v>stake|holding|interest|shareholding)\\b",
    parties: ['a', 'b'],
    object: 'stake',
    status: 'completed',
    score: 0.6,
    example: 'Shares in Widget Inc, in which Acme Corp holds a 7% stake, fell.',
  },
  {
    rule: 'invest.relative-shareholder',
    type: 'investment',
    match: "{b}\\.?,? whose (?:largest |biggest |main |major |controlling |majority |single largest )?(?<v>shareholder|owner|investor|backer|stakeholder) (?:is|was|remains) {a}",
    parties: ['a', 'b'],
    status: 'completed',
    score: 0.6,
    example: 'Shares in Widget Inc, whose largest shareholder is Acme Corp with 21%, fell.',
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

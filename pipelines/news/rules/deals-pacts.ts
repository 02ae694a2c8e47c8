/**
 * Deal rules, part of DEAL_RULES (rules/deals.ts, where the template syntax is described).
 * Partnerships, joint ventures and agreements: "Acme signed a deal with Widget", "Acme has
 * partnered with Widget", "a joint venture between Acme and Widget".
 * Order matters: rules that share a trigger position compete, the first one wins.
 */
import type { DealRule } from './deals.ts';

export const PACT_RULES: readonly DealRule[] = [
  // "the Acme-Widget alliance came about in 2000"; "the Acme/Widget merger"
  {
    rule: 'pact.hyphen',
    type: 'kind',
    match: "\\b(?:the|an?|this|that|their|its|proposed) {a}(?:-|/|\\s*-\\s*){b} (?:[a-z-]+ ){0,2}?(?<v>(?<k><AGREE_N>|merger|takeover|tie-up|combination))\\b",
    parties: ['a', 'b'],
    score: 0.65,
    example: 'The Acme-Widget alliance came about in 2000.',
  },
  // "a joint venture between Acme and Widget"; "a partnership of Acme and Widget"
  {
    rule: 'pact.noun.between',
    type: 'kind',
    // ("Widget is a partnership, between Acme and Gadget": a comma may stand before "between")
    match: '\\b(?<v>(?<k><AGREE_N>))(?:,? between| of| among| involving| by) {w}{a+}',
    parties: ['a'],
    score: 0.8,
    example: 'They announced a joint venture between Acme and Widget.',
  },
  // The owners of a venture and their parts: "Acme will own 51% of the partnership, with Widget
  // owning the other 49%"; "Acme will hold 60 pct of the joint venture and Widget the rest"
  {
    rule: 'jv.ownership-split',
    type: 'joint_venture',
    match: "{a!} {_}\\b(?:own|owns|owned|owning|hold|holds|held|holding|have|has|take|takes|took|taking) (?:a |an )?[\\d.]+\\s*(?:%|pct|percent|per cent)(?: stake)? (?:of|in) (?:the |this |that |their )?(?:new |planned |proposed )?(?<v>joint venture|joint-venture|venture|partnership|alliance|joint company|jv)\\b,? (?:with |and |while |whereas )?{b!}(?: (?:owning|holding|taking|having|will own|will hold|owns|holds|with))? (?:the |a |an )?(?:other |remaining |rest|balance|[\\d.]+\\s*(?:%|pct|percent|per cent))",
    parties: ['a', 'b'],
    score: 0.75,
    example: 'Acme will own 51% of the partnership, with Widget owning the other 49%.',
  },
  // "Acme signed a distribution deal with Widget"; "Acme's recent deal with Widget"; "Acme plans a 50-50 joint venture with Widget"
  {
    rule: 'pact.noun.with',
    type: 'kind',
    match: '{a+} {_}\\b(?<v>(?<k><AGREE_N>)) {w}with {w}{b+}',
    parties: ['a', 'b'],
    score: 0.7,
    example: 'Acme signed a distribution deal with Widget.',
  },
  // "the $1.7bn agreement Acme signed with Widget", "the venture Acme formed with Widget last year"
  {
    rule: 'pact.object-relative',
    type: 'kind',
    match: '\\b(?<v>(?<k><AGREE_N>)) (?:that |which )?{a} (?:has |had |have )?<SIGN_V> (?:with|alongside) {w}{b+}',
    parties: ['a', 'b'],
    score: 0.7,
    example: 'The venture Acme formed with Widget last year makes chips.',
  },
  // "Acme is in talks with Widget about a possible alliance"; "Acme held talks with Widget on a merger"
  {
    rule: 'pact.talks-with',
    type: 'kind',
    match: '{a} {_}\\b(?<v>in talks|in discussions|in negotiations|held talks|holding talks|opened talks|entered talks|negotiating) with {w}{b} (?:about|over|on|regarding|concerning|for) {w}(?<k><AGREE_N>|merger|takeover|acquisition|tie-up)\\b',
    parties: ['a', 'b'],
    status: 'rumored',
    score: 0.6,
    example: 'Acme is in talks with Widget about a possible alliance.',
  },
  // A standing agreement between named partners: "Acme and Widget already have a codeshare agreement";
  // "Acme and Widget are partners in the alliance"
  {
    rule: 'pact.plural.have',
    type: 'kind',
    match: '{a+} (?:already |also |still )?(?:have|had|hold|held) (?:a |an )(?:[\\w-]+ ){0,2}?(?<v>(?<k><AGREE_N>))\\b',
    parties: ['a'],
    status: 'completed',
    score: 0.6,
    example: 'Acme Air and Widget Inc already have a codeshare agreement.',
  },
  {
    rule: 'partner.plural.are',
    type: 'partnership',
    match: '{a+} (?:are|were|have been|became|become) (?:long-time |longtime |long-term |strategic |close |business )?(?<v>partners)\\b',
    parties: ['a'],
    status: 'completed',
    score: 0.6,
    example: 'Acme Air and Widget Inc are partners in a regional alliance.',
  },
  // "Acme and Widget signed an agreement"; "Acme and Widget formed a joint venture"
  {
    rule: 'pact.plural',
    type: 'kind',
    match: '{a+} {_}\\b<SIGN_V> {w}(?<v>(?<k><AGREE_N>))\\b',
    parties: ['a'],
    score: 0.7,
    example: 'Acme and Widget signed an agreement.',
  },
  // "Acme signed a new agreement that gives it first call on Widget's capacity"; "Acme reached a deal
  // which lets it sell to Widget": the counterparty stands in the agreement's own relative clause
  {
    rule: 'pact.signed.clause',
    type: 'kind',
    match: '{a} {_}\\b<SIGN_V> {w}(?<v>(?<k><AGREE_N>)) (?:that|which) [^\u0001\u0002;\\n]{0,80}?\\b(?:with|for|to|from|by|on|over) {w}{b}',
    parties: ['a', 'b'],
    score: 0.6,
    example: "Acme signed a new agreement that gives it first call on Widget's capacity.",
  },
  // "Sprocket's partners are Acme, Widget and Gadget": a standing joint venture ("members" alone is no
  // word of TRIGGER_ANY)
  {
    rule: 'jv.members',
    type: 'joint_venture',
    match: "{b}'s (?<v>members|partners|member companies|partner companies|shareholders) (?:are|include|were|included|comprise) {a+}",
    parties: ['a'],
    status: 'completed',
    score: 0.6,
    example: "Sprocket's partners are Acme, Widget and Gadget.",
  },
  // "a partnership formed by Acme and a unit of Widget"
  {
    rule: 'jv.formed-by',
    type: 'kind',
    match: '\\b(?<k>partnership|consortium|joint venture|venture|joint firm|joint company) (?<v>formed|set up|created|established) by {w}{a+}',
    parties: ['a'],
    status: 'completed',
    score: 0.6,
    example: 'Sprocket is a partnership formed by Acme and a unit of Gadget.',
  },
  // "Acme has partnered with Widget"; "Acme teamed up with Widget"
  {
    rule: 'partner.verb',
    type: 'partnership',
    match: '{a+} {_}\\b(?<v><PARTNER_V>) (?:with )?{w}{b+}',
    parties: ['a', 'b'],
    score: 0.8,
    example: 'Acme has partnered with Widget.',
  },
  // "The station, in partnership with Widget, will ..."
  {
    rule: 'partner.in-with',
    type: 'kind',
    match: '{a} {_}\\bin (?<v>(?<k>partnership|alliance|collaboration|cooperation|co-operation)) with {w}{b+}',
    parties: ['a', 'b'],
    score: 0.8,
    example: 'Acme, in partnership with Widget, will build the plant.',
  },
  // "Acme is planning a joint announcement with Widget"
  {
    rule: 'partner.joint-with',
    type: 'partnership',
    match: '{a} {_}\\b(?<v>joint|jointly) {w}with {w}{b}',
    parties: ['a', 'b'],
    score: 0.6,
    example: 'Acme is planning a joint announcement with Widget.',
  },
  // "Acme has the right of first refusal on any sale of Widget"
  {
    rule: 'agreement.first-refusal',
    type: 'agreement',
    match: '{a} {_}\\b(?<v>right of first refusal|first right of refusal) {_}\\b(?:for|on|over|to|of|in) {w}{b}',
    parties: ['a', 'b'],
    score: 0.7,
    example: 'Acme has the right of first refusal on any sale of Widget.',
  },
];

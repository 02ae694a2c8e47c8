/**
 * Deal rules, part of DEAL_RULES (rules/deals.ts, where the template syntax is described).
 * Mergers and combined businesses: "Acme will merge with Widget", "the merger of Acme and Widget".
 * Order matters: rules that share a trigger position compete, the first one wins.
 */
import type { DealRule } from './deals.ts';

export const MERGER_RULES: readonly DealRule[] = [
  // "Acme agreed to combine its cocoa businesses with those of Widget"
  {
    rule: 'jv.combine-businesses',
    type: 'joint_venture',
    match: '{a} {_}\\b(?<v>combine|combines|combined|combining|pool|pools|pooled|pooling) (?:its|their) {w}(?:business|businesses|operations|activities|units|divisions) with (?:those of |that of )?{w}{b}',
    parties: ['a', 'b'],
    score: 0.75,
    example: 'Acme agreed to combine its cocoa businesses with those of Widget.',
  },
  // "the merger of Acme and Widget"; "a tie-up between Acme and Widget"
  {
    rule: 'merger.noun.of',
    type: 'merger',
    // ("the biggest bank merger, between Acme and Widget, in 1999")
    match: '\\b(?<v><MERGE_N>),? (?:of|between) {w}{a} (?:and|with) {w}{b}',
    parties: ['a', 'b'],
    score: 0.85,
    example: 'The merger of Acme and Widget created the largest bank in the region.',
  },
  // "Acme merged it into Widget"; "Acme will merge its unit Gadget with Widget"
  {
    rule: 'merger.verb.obj-into',
    type: 'merger',
    match: '\\b(?<v>merged|merges|merge|merging) {a} (?:into|with) {w}{b}',
    parties: ['a', 'b'],
    score: 0.7,
    example: 'The parent merged Gadget into Widget last year.',
  },
  // "Acme will merge with Widget"; "Gadget will be merged with Acme"; "Acme is to combine with Widget"
  {
    rule: 'merger.verb.with',
    type: 'merger',
    match: '{a} {_}\\b(?<v><MERGE_V>) {w}(?:with|into) {w}{b}',
    parties: ['a', 'b'],
    object: 'not-goods',
    score: 0.8,
    example: 'Acme will merge with Widget.',
  },
  // "Acme and Widget agreed to merge"; "The two are set to merge their operations"
  {
    rule: 'merger.verb.plural',
    type: 'merger',
    match: '{a+} {_}\\b(?<v>merge|merged|to merge|merging)\\b',
    parties: ['a'],
    score: 0.75,
    example: 'Acme and Widget agreed to merge.',
  },
  // "Acme and Widget agreed to combine the two companies"; "Acme and Widget plan to combine"
  {
    rule: 'merger.combine.plural',
    type: 'merger',
    match: '{a+} {_}\\b(?:agreed|agree|agrees|plan|plans|planned|are set|were set|intend|intends|decided|have agreed|had agreed) to (?<v>combine)\\b(?! (?:its|their) (?:[\\w-]+ ){0,3}?(?:business|businesses|operations|activities|units|divisions)\\b)',
    parties: ['a'],
    score: 0.75,
    example: 'Acme Corp and Widget Inc said they have agreed to combine the two companies.',
  },
  // "Acme and Widget called off their planned merger"; "Acme and Widget completed their merger"
  {
    rule: 'merger.noun.plural',
    type: 'merger',
    match: '{a+} {_}\\b(?:their|the|a) (?:[a-z-]+ ){0,2}?(?<v><MERGE_N>)\\b',
    parties: ['a'],
    score: 0.7,
    example: 'Acme and Widget called off their planned merger.',
  },
  // "Acme's planned merger with Widget"; "holders will vote on its merger into Widget"
  {
    rule: 'merger.noun.with',
    type: 'merger',
    match: '{a} {_}\\b(?<v><MERGE_N>) {w}(?:with|into) {w}{b}',
    parties: ['a', 'b'],
    score: 0.75,
    example: "Acme's planned merger with Widget needs approval.",
  },
  // "... since an attempted merger with Widget failed in 2000" in a story about Acme: no subject in
  // the clause, the other party is the story's topic company
  {
    rule: 'merger.noun.with-topic',
    type: 'merger',
    match: '\\b(?:attempted|failed|abortive|aborted|collapsed|unsuccessful|earlier|previous|proposed|planned) (?<v><MERGE_N>) with {w}{b}',
    parties: ['a|T', 'b'],
    score: 0.55,
    example: 'The brewer has grown since an attempted merger with Widget failed.',
  },
];

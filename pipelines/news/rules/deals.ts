/**
 * Deal rules: data for the deal components (components/deals/).
 *
 * A rule is a template matched against one sentence of the *masked* text, where every company
 * mention has been replaced (length-preserving) by a company token and every money amount by a
 * money token. Template syntax (compiled once, at module load, by compileTemplate in
 * components/deals/template.ts; what the slots stand for is in rules/deals-grammar.ts):
 *
 *   {a} {b} {s} {u}  a company slot (a company mention, or an anaphor such as "it", "the company",
 *                    "the two companies"), captured under that letter.
 *   {a+} {b+} ...    a list of companies: "X, Y and Z", "X and a unit of Y".
 *   {a!} ...         a company mention only, no anaphor.
 *   {_}              a gap of up to ~90 characters holding no company and no ";".
 *   {w}              up to 10 words of an object phrase, none of them a clause-breaking preposition
 *                    or verb (from, to, with, for, by, said ...), none a company.
 *   <NAME>           a macro from MACROS below (a word alternation).
 *   (?<v>...)        the trigger; rules that share a trigger position compete (first rule wins).
 *   (?<k>...)        kind word ("partnership", "joint venture", "deal") mapped to a type by KIND_TYPE.
 *   a space          one or more white-space characters.
 * Anything else is regular-expression syntax, matched case-insensitively.
 *
 * parties lists slots in output order (buyer / investor / acquirer first). A slot name followed by
 * "|S" falls back to the sentence subject (its first company) when the slot did not match, e.g. the
 * bidder in "Y rejected a higher offer from X" is X and the target Y is the subject. "|R" falls back to
 * the target of the acquisition reported just before (within two sentences), else to the article's
 * topic company (its most-mentioned company): the target of "The other bidders were X and Y" is the
 * company being bid for. "|T" falls back to the topic company alone ("an attempted merger with X
 * failed" in a story about Y).
 *
 * The rules themselves, by kind, are in rules/deals-{acquisitions,bids,mergers,investments,
 * contracts,pacts}.ts; DEAL_RULES below puts them in the order they are tried.
 */
import type { DealStatus, DealType } from '../../../src/schema.ts';
import { ACQUISITION_RULES } from './deals-acquisitions.ts';
import { BID_RULES } from './deals-bids.ts';
import { MERGER_RULES } from './deals-mergers.ts';
import { INVESTMENT_RULES } from './deals-investments.ts';
import { CONTRACT_RULES } from './deals-contracts.ts';
import { PACT_RULES } from './deals-pacts.ts';

export type SlotName = 'a' | 'b' | 's' | 'u';
export type PartySpec = SlotName | `${SlotName}|S` | `${SlotName}|R` | `${SlotName}|T`;

export interface DealRule {
  /** The rule's name, recorded in every deal it finds. */
  rule: string;
  /** 'kind': the type comes from the (?<k>...) word via KIND_TYPE. */
  type: DealType | 'kind';
  /** The template (syntax above). */
  match: string;
  parties: readonly PartySpec[];
  /** The slot whose companies lead a funding round ("a round led by Acme"): their role is lead_investor. */
  lead?: SlotName;
  /**
   * How the object phrase (between trigger and target) may change the type:
   * 'stake' — a minority stake or shares make an acquisition an investment ("bought a 20% stake in Y");
   * 'not-goods' — drop the match when the object is counted goods ("buy 10 aircraft from Y");
   * 'goods' — keep only when the object is counted goods (orders: contract);
   * 'asset' — a sale: keep only when what is sold is a named unit, a stake or shares, or a business.
   */
  object?: 'stake' | 'not-goods' | 'goods' | 'stake-not-goods' | 'asset';
  /**
   * "bought 60% of Widget's US affiliate Gadget": slot u is what is bought, slot b its owner; the
   * owner stays a party (the seller) only when u is named as its unit, division or subsidiary.
   */
  possessive?: boolean;
  /** Status the pattern itself states ("agreed to be acquired" -> announced). Cues may override. */
  status?: DealStatus;
  /**
   * One deal per company of this (list) slot, each with the other parties: "The bidders were X and
   * Y" is two bids, not one joint bid.
   */
  each?: SlotName;
  /**
   * How many sentences back a subject anaphor may point (default 3). Bids reported from the
   * target's side ("the group rejected an offer from X") keep it short: the target named long
   * before is often not the one meant.
   */
  reach?: number;
  /** Confidence of a deal the rule finds (before SCORE_ADJUST). */
  score: number;
  /** An invented sentence the rule reads (tests/components/deals.test.ts checks that it does). */
  example: string;
}

/** Every template rule, in the order they are tried. */
export const DEAL_RULES: readonly DealRule[] = [
  ...ACQUISITION_RULES,
  ...BID_RULES,
  ...MERGER_RULES,
  ...INVESTMENT_RULES,
  ...CONTRACT_RULES,
  ...PACT_RULES,
];

/** How a deal's confidence moves away from its rule's score. */
export const SCORE_ADJUST = {
  /** A party found through an anaphor ("It agreed to buy Widget"): the score times this. */
  anaphor: 0.8,
  /** A hedged report ("Acme is said to be in talks to buy Widget"): the score times this. */
  hedged: 0.9,
  /** Each further report merged into one deal adds this, up to 1. */
  merged: 0.05,
} as const;

/** Word alternations used in templates; spaces become \s+. */
export const MACROS: Record<string, string> = {
  // acquire, bought, takes over, snapped up ...
  ACQ_V:
    '(?:acquir(?:e|es|ed|ing(?! (?:company|firm|group|unit|subsidiary|entity|vehicle|bank)))|buy|buys|buying(?! (?:group|spree|power))|bought|purchas(?:e|es|ed|ing)|(?:take|takes|took|taken|taking) over|' +
    'snap(?:s|ped|ping)? up|pick(?:s|ed|ing)? up|swallow(?:s|ed|ing)? up|absorb(?:s|ed|ing)?)',
  // the participle of a passive: "was acquired by", "had been taken over by"
  ACQ_PP: '(?:acquired|bought|purchased|taken over|snapped up|swallowed up|absorbed)',
  ACQ_N: '(?:takeover|take-over|acquisition|purchase|buyout|buy-out|acquiring|buying)',
  BID_N: '(?:tender offer|exchange offer|takeover offer|takeover bid|bid|bids|offer|offers|offered|offering|approach|proposal|buyout|buy-out|takeover|tendering)',
  SELL_V: '(?:sell|sells|sold|selling|divest(?:s|ed|ing)?|dispose of|disposed of|unload(?:s|ed)?|spin(?:s|ning)? off|spun off|transfer(?:s|red|ring)?)',
  MERGE_V: '(?:merge|merges|merged|merging|amalgamate[sd]?)',
  MERGE_N: '(?:merger|merging|combination|amalgamation|tie-up)',
  INVEST_V: '(?:invest|invests|invested|investing|inject(?:s|ed|ing)?|pump(?:s|ed|ing)?)',
  STAKE_V:
    '(?:took|take|takes|taking|taken|build|builds|built|building|raised|raise|raises|raising|increased|increase|increases|' +
    'lifted|lift|boost|boosted|boosts|acquired|acquire|acquires|bought|buy|buys|purchased|purchase)',
  SIGN_V:
    '(?:signed|sign|signs|signing|struck|strike|strikes|reached|reach|reaches|entered into|enter into|enters into|inked|' +
    'sealed|clinched|agreed|agree|agrees|announced|unveiled|formed|form|forms|forming|set up|sets up|setting up|created|' +
    'create|creates|established|establish|launched|launch|plan|plans|planned|planning)',
  AGREE_N:
    '(?:joint venture|joint-venture|venture|partnership|alliance|collaboration|tie-up|agreement in principle|agreement|accord|pact|deal|' +
    'letter of intent|memorandum of understanding|licen[cs]ing agreement|supply agreement|contract)',
  PARTNER_V:
    '(?:partnered|partners with|partnering|partner with|teamed up|teams up|team up|teaming up|joined forces|join forces|joins forces|joining forces|' +
    'allied|tied up|ties up|linked up|links up)',
  ORDER_V: '(?:order|orders|ordered|ordering|buy|buys|bought|buying|purchase[sd]?|purchasing|acquir(?:e|es|ed|ing)|lease[sd]?|leasing)',
  SUPPLY_V: '(?:supply|supplies|supplied|supplying|provide|provides|provided|providing|equip|equips|equipped)',
  DELIVER_V: '(?:sell|sells|sold|selling|deliver|delivers|delivered|delivering|supply|supplies|supplied|supplying|build|builds|built)',
  WIN_V: '(?:won|win|wins|winning|secured|secure|secures|landed|land|lands|received|receives|awarded|signed|gets|got|clinched|has|have|had)',
};

/** A word (or sentence) pattern that gives a deal type. */
export interface TypeCue {
  match: RegExp;
  type: DealType;
  example: string;
}

/** Kind words -> deal type (for rules with type 'kind'), first match wins. "deal" and "agreement" are generic. */
export const KIND_TYPE: readonly TypeCue[] = [
  { match: /joint[ -]venture|venture|joint (?:firm|company)/i, type: 'joint_venture', example: 'Acme formed a joint venture with Widget.' },
  {
    match: /partnership|alliance|collaboration|tie-up|partner|team|forces|allied|tied|linked/i,
    type: 'partnership',
    example: 'Acme joined forces with Widget.',
  },
  { match: /contract/i, type: 'contract', example: 'Acme signed a contract with Widget.' },
  { match: /merg|combin|amalgam/i, type: 'merger', example: 'the Acme-Widget combination' },
];
/** Kind words that name no particular kind of deal: the type is taken from the sentence. */
export const GENERIC_KIND = /^(?:deal|agreement|accord|pact|letter of intent|agreement in principle)$/i;

/**
 * Sentence words that type a generic "deal"/"agreement" when nothing better is known, in order.
 * "... clinched a $5bn deal with Y to take over its rival" -> acquisition.
 */
export const CONTEXT_TYPE: readonly TypeCue[] = [
  { match: /\bjoint[ -]venture\b/i, type: 'joint_venture', example: 'Acme reached a deal with Widget on a joint venture.' },
  { match: /\bmerg(?:e|er|ed|ing)\b/i, type: 'merger', example: 'Acme reached a deal with Widget to merge.' },
  {
    match: /\b(?:takeover|take over|acquisition|acquire|buyout|buy-out)\b/i,
    type: 'acquisition',
    example: 'Acme clinched a $5bn deal with Widget to take over its rival.',
  },
  {
    match: /\b(?:sale|purchase) of (?:its|the|their|a|an)\b/i,
    type: 'acquisition',
    example: 'Acme signed a letter of intent with Widget for the sale of its Ohio business.',
  },
  { match: /\b(?:stake|invest(?:ment|s|ed)?)\b/i, type: 'investment', example: 'Acme signed a deal with Widget for a stake.' },
  {
    match: /\b(?:supply|order|orders|aircraft|planes|jets|deliver)\b/i,
    type: 'contract',
    example: 'Acme signed a deal with Widget to supply pumps.',
  },
  { match: /\b(?:partnership|alliance)\b/i, type: 'partnership', example: 'Acme signed a deal with Widget, extending their alliance.' },
];

/**
 * Deal rules: data for src/components/deals.ts.
 *
 * A rule is a template matched against one sentence of the *masked* text, where every company
 * mention has been replaced (length-preserving) by a company token and every money amount by a
 * money token. Template syntax (compiled once, at module load, by compileTemplate in deals.ts):
 *
 *   {a} {b} {s} {u}  a company slot (a company mention, or an anaphor such as "it", "the company",
 *                    "the two companies"), captured under that letter.
 *   {a+} {b+} ...    a list of companies: "X, Y and Z", "X and a unit of Y".
 *   {_}              a gap of up to ~90 characters holding no company and no ";".
 *   {w}              up to 8 words of an object phrase, none of them a clause-breaking preposition
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
 */
import type { DealStatus, DealType } from '../../../src/schema.ts';

export type SlotName = 'a' | 'b' | 's' | 'u';
export type PartySpec = SlotName | `${SlotName}|S` | `${SlotName}|R` | `${SlotName}|T`;

export interface DealRule {
  name: string;
  /** 'kind': the type comes from the (?<k>...) word via KIND_TYPE. */
  type: DealType | 'kind';
  pattern: string;
  parties: readonly PartySpec[];
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
  confidence: number;
}

/** Word alternations used in templates; spaces become \s+. */
export const MACROS: Record<string, string> = {
  // acquire, bought, takes over, snapped up ...
  ACQ_V:
    '(?:acquir(?:e|es|ed|ing(?! (?:company|firm|group|unit|subsidiary|entity|vehicle|bank)))|buy|buys|buying(?! (?:group|spree|power))|bought|purchas(?:e|es|ed|ing)|(?:take|takes|took|taken|taking) over|' +
    'snap(?:s|ped|ping)? up|swallow(?:s|ed|ing)? up|absorb(?:s|ed|ing)?)',
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
    '(?:partnered|partners with|partnering|partner with|teamed up|teams up|team up|teaming up|joined forces|join forces|joins forces|' +
    'allied|tied up|ties up|linked up|links up)',
  ORDER_V: '(?:order|orders|ordered|ordering|buy|buys|bought|buying|purchase[sd]?|purchasing|acquir(?:e|es|ed|ing)|lease[sd]?|leasing)',
  SUPPLY_V: '(?:supply|supplies|supplied|supplying|provide|provides|provided|providing|equip|equips|equipped)',
  DELIVER_V: '(?:sell|sells|sold|selling|deliver|delivers|delivered|delivering|supply|supplies|supplied|supplying|build|builds|built)',
  WIN_V: '(?:won|win|wins|winning|secured|secure|secures|landed|land|lands|received|receives|awarded|signed|gets|got|clinched|has|have|had)',
};

/** Kind words -> deal type (for rules with type 'kind'). "deal" and "agreement" are generic. */
export const KIND_TYPE: readonly (readonly [RegExp, DealType])[] = [
  [/joint[ -]venture|venture/i, 'joint_venture'],
  [/partnership|alliance|collaboration|tie-up|partner|team|forces|allied|tied|linked/i, 'partnership'],
  [/contract/i, 'contract'],
  [/merg|combin|amalgam/i, 'merger'],
];
/** Kind words that name no particular kind of deal: the type is taken from the sentence. */
export const GENERIC_KIND = /^(?:deal|agreement|accord|pact|letter of intent|agreement in principle)$/i;

/**
 * Sentence words that type a generic "deal"/"agreement" when nothing better is known, in order.
 * "... clinched a $5bn deal with Y to take over its rival" -> acquisition.
 */
export const CONTEXT_TYPE: readonly (readonly [RegExp, DealType])[] = [
  [/\bjoint[ -]venture\b/i, 'joint_venture'],
  [/\bmerg(?:e|er|ed|ing)\b/i, 'merger'],
  [/\b(?:takeover|take over|acquisition|acquire|buyout|buy-out)\b/i, 'acquisition'],
  // "signed a letter of intent with Y for the sale of its Ohio business"
  [/\b(?:sale|purchase) of (?:its|the|their|a|an)\b/i, 'acquisition'],
  [/\b(?:stake|invest(?:ment|s|ed)?)\b/i, 'investment'],
  [/\b(?:supply|order|orders|aircraft|planes|jets|deliver)\b/i, 'contract'],
  [/\b(?:partnership|alliance)\b/i, 'partnership'],
];

export const DEAL_RULES: readonly DealRule[] = [
  // --- acquisitions: explicit agent first (by-phrases beat nearest-subject rules) ---------------
  // "the proposed $225m acquisition of Widget Inc by Acme Corp"; "the purchase of a 30% stake in Y by X"
  {
    name: 'acq.noun.of-by',
    type: 'acquisition',
    pattern: '(?<v><ACQ_N>) of {w}{b+},? {w}by {a+}',
    parties: ['a', 'b'],
    object: 'stake',
    confidence: 0.85,
  },
  // "Widget Inc, which was bought by Acme last year"; "Widget was acquired by Acme for $5m"
  {
    name: 'acq.passive',
    type: 'acquisition',
    // ("... was bought by market leader Acme", "... by France's Acme": up to three words before the agent)
    pattern: "{b+} {_}(?:\\b(?:was|were|is|are|be|been|being|get|gets|got)(?: [a-z]+){0,2}? |, )(?<v><ACQ_PP>) {w}by (?:[\\w'-]+ ){0,3}?{a+}",
    parties: ['a', 'b'],
    confidence: 0.85,
  },
  // "Widget agreed a $1bn takeover by Acme"
  {
    name: 'acq.noun.by',
    type: 'acquisition',
    pattern: '{b} {_}\\b(?:agreed|agrees|agreed to|accepted|accepts|backed|backs|approved|recommended|recommends|welcomed|rejected|rejects|received|receives|faces|facing) {w}(?<v><ACQ_N>) by {a+}',
    parties: ['a', 'b'],
    confidence: 0.75,
  },
  // "Widget agreed in principle to become a wholly owned subsidiary of Acme"; "Widget will become a unit of Acme"
  {
    name: 'acq.become-unit',
    type: 'acquisition',
    pattern: '{b} {_}\\b(?:to |will |would |is to |agreed to |agrees to )(?<v>become) (?:a |an )?(?:wholly[ -]owned |wholly |majority[ -]owned )?(?:subsidiary|unit|division|part) of {w}{a}',
    parties: ['a', 'b'],
    status: 'announced',
    confidence: 0.7,
  },
  // "Acme said Widget has agreed to be acquired for $5 a share"
  {
    name: 'acq.agreed-to-be',
    type: 'acquisition',
    pattern: '{b} {_}(?<v>agreed to be <ACQ_PP>|agreed to a takeover|agreed to a buyout)(?: by {a})?',
    parties: ['a|S', 'b'],
    status: 'announced',
    confidence: 0.75,
  },
  // "Acme said it completed the sale of its Widget unit to Gadget Corp"; "the sale of 200,000 shares to Y"
  {
    name: 'sale.noun.to',
    type: 'acquisition',
    pattern: '(?<v>sale|disposal|divestiture|divestment) of {w}(?:{u+} {w})?to {w}(?:(?:formed|led|controlled|owned|backed|headed) by {w})?{a+}',
    parties: ['a', 'u', 's|S'],
    object: 'asset',
    confidence: 0.75,
  },
  // "an agreement for the sale to Gadget Corp of the Widget and Sprocket divisions"
  {
    name: 'sale.noun.to-of',
    type: 'acquisition',
    pattern: '(?<v>sale|disposal) to {a+} of {w}{u+}',
    parties: ['a', 'u', 's|S'],
    confidence: 0.75,
  },
  // "Widget filed for bankruptcy and was sold to Dutch firm Acme"; "Widget is to be sold to Acme"
  {
    name: 'sale.passive.to',
    type: 'acquisition',
    pattern: '{b} {_}\\b(?:was|were|has been|had been|have been|is being|is to be|will be|would be|could be|is|are|be)(?: [a-z]+){0,2}? (?<v>sold|divested|transferred) to {w}{a+}',
    parties: ['a', 'b'],
    confidence: 0.75,
  },
  // "Widget had sold Acme a stake in 2000": the seller's own shares
  {
    name: 'sale.ditransitive.own',
    type: 'investment',
    pattern: "{s} {_}\\b(?<v><SELL_V>) {a} (?:a |an |its |the |new )?(?:[\\w.-]+ ){0,3}?(?:stake|holding|shareholding|shares)\\b(?! (?:in|of) (?:\\u0001|<|the\\b|its\\b|their\\b|an?\\b))",
    parties: ['a', 's'],
    object: 'stake',
    confidence: 0.65,
  },
  // "the agency agreed to sell Acme its 20 pct stake in Widget"; "Gadget sold Acme six pct of Widget's stock"
  {
    name: 'sale.ditransitive',
    type: 'acquisition',
    pattern: "\\b(?<v><SELL_V>) {a} (?:its |a |an |the |their )?(?:[\\w.-]+ ){0,4}?(?:stake|holding|interest|shares|pct|percent|per cent|%) (?:in|of) {w}{b}",
    parties: ['a', 'b'],
    object: 'stake',
    confidence: 0.65,
  },
  // "Acme sold its Widget unit to Gadget Corp for $5m"; "Acme agreed to sell its shares to a partnership formed by X and Y"
  {
    name: 'sale.verb.to',
    type: 'acquisition',
    // ("sell its spirits division for 545 mln dlrs to Acme": the price may come before the buyer)
    pattern: '(?:{s} {_})?\\b(?<v><SELL_V>) {w}(?:{u+},? {w})?(?:for {w})?to {w}(?:(?:formed|led|controlled|owned|backed|headed) by {w})?{a+}',
    parties: ['a', 'u', 's|S'],
    object: 'asset',
    confidence: 0.75,
  },
  // "Acme Air will buy 15 new Planemaker 72-500s"; "Acme ordered 30 Planemaker A320 planes": the maker
  // named before the model or the goods word
  {
    name: 'contract.order-maker',
    type: 'contract',
    pattern: '{a+} {_}\\b(?<v><ORDER_V>) (?:up to |another |a further |an additional )?(?:\\d[\\d,.]*|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a dozen|dozens of)(?: [a-z-]+){0,2}? {b}(?=[ -](?:[a-z]{0,3}-?\\d{2,4}|aircraft|airliners?|planes?|jets?|jetliners?|helicopters?|engines?|trucks?|locomotives?)\\b)',
    parties: ['a', 'b'],
    confidence: 0.75,
  },
  // "Acme bought the widget business from Gadget"; "Acme agreed to buy Widget and Sprocket from Gadget";
  // "Acme purchased a 19.9 pct parcel from Gadget": buyer, what is bought when named, seller
  {
    name: 'acq.verb.from',
    type: 'acquisition',
    pattern: '{a+} {_}\\b(?<v><ACQ_V>) {w}(?:{u+},? {w})?from {w}{s}',
    parties: ['a', 'u', 's'],
    object: 'asset',
    confidence: 0.75,
  },
  // "Acme assumed control of Widget"; "Acme gained effective control of the company"
  {
    name: 'acq.control',
    type: 'acquisition',
    pattern: '{a+} {_}\\b(?<v>(?:assum|gain|obtain|seiz|acquir)(?:e|es|ed|ing|s)? (?:full |effective |majority |operating |management |outright )?control|(?:took|take|takes|taking|taken|won|win|wins|bought|buy|buys) (?:full |effective |majority |operating |management |outright )?control) (?:of|over) {w}{b}',
    parties: ['a', 'b'],
    confidence: 0.7,
  },
  // "Acme agreed to buy Widget for $5m"; "Acme has acquired 60% of Widget"; "Acme bought a 20% stake in Widget"
  {
    name: 'acq.verb',
    type: 'acquisition',
    // ("buy Widget Co Inc's <WID> Gadget unit": a ticker may follow the owner)
    pattern: "{a+} {_}\\b(?<v><ACQ_V>) {w}{b+}(?:'s?(?: <[^>\\n]{1,14}>)? {w}{u})?",
    parties: ['a', 'u', 'b'],
    possessive: true,
    object: 'stake-not-goods',
    confidence: 0.8,
  },
  // "Acme's $5bn takeover of Widget"; "Acme announced the acquisition of Widget"
  {
    name: 'acq.noun.of',
    type: 'acquisition',
    // (not "would support an acquisition of Widget by another party": the subject is no buyer)
    pattern: '{a+} {_}\\b(?<v><ACQ_N>) (?:of|for) {w}{b+}(?![^.;\\n]{0,40}?\\bby (?:another|other|a third|third|an? (?:unnamed|undisclosed|outside|unidentified|rival))\\b)',
    parties: ['a', 'b'],
    object: 'stake-not-goods',
    confidence: 0.65,
  },
  // "Acme will pay $630m for the corn business of Widget"; "Acme paid $5m for a 10% stake in Widget"
  {
    name: 'acq.pay-for',
    type: 'acquisition',
    pattern: "{a+} {_}\\b(?<v>pay|pays|paid|paying|spend|spends|spent|spending) {w}(?:for|on) {w}(?:(?:buying|acquiring|purchasing) {w})?{b}(?:'s? {w}{u})?",
    parties: ['a', 'u', 'b'],
    possessive: true,
    object: 'stake-not-goods',
    confidence: 0.7,
  },
  // --- bids and offers ---------------------------------------------------------------------------
  // "Widget rejected a takeover offer from Acme"; "the group rejected a $2bn offer from Acme"; "Widget
  // decided not to accept the proposal of Acme": the target may be an anaphor ("the group", "it")
  // "Widget received rival bids from Acme and Gadget": one bid each
  {
    name: 'bid.received-from.each',
    type: 'acquisition',
    pattern: '{b} {_}\\b(?:rejected|rejects|rejecting|turned down|turns down|rebuffed|rebuffs|spurned|spurns|received|receives|accepted|accepts|welcomed|welcomes|(?:is |was )?fighting off|fought off|fends off|fended off|(?:decided |voted |agreed )?not to accept|declined|(?:is |was )?(?:evaluating|reviewing|studying|weighing)|(?:to )?(?:evaluate|review|study)) {w}(?<v>(?:takeover |merger |buyout |tender )?(?:bids|offers|proposals|approaches)) {w}(?:(?:from|by) {w}|of ){a+}',
    parties: ['a', 'b'],
    each: 'a',
    object: 'stake',
    reach: 2,
    confidence: 0.7,
  },
  {
    name: 'bid.received-from',
    type: 'acquisition',
    pattern: '{b} {_}\\b(?:rejected|rejects|rejecting|turned down|turns down|rebuffed|rebuffs|spurned|spurns|received|receives|accepted|accepts|welcomed|welcomes|(?:is |was )?fighting off|fought off|fends off|fended off|(?:decided |voted |agreed )?not to accept|declined|(?:is |was )?(?:evaluating|reviewing|studying|weighing)|(?:to )?(?:evaluate|review|study)) {w}(?<v><BID_N>) {w}(?:(?:from|by) {w}|of ){a+}',
    parties: ['a', 'b'],
    object: 'stake',
    reach: 2,
    confidence: 0.7,
  },
  // "Widget's board rejected Acme's bid as inadequate"; "Widget received Acme Corp's revised proposal"
  {
    name: 'bid.possessive',
    type: 'acquisition',
    pattern: "{b} {_}\\b(?:rejected|rejects|turned down|turns down|rebuffed|rebuffs|spurned|spurns|received|receives|accepted|accepts|welcomed|welcomes|(?:decided |voted |agreed )?not to accept|declined|(?:is |was )?(?:evaluating|reviewing|studying|weighing)|(?:to )?(?:evaluate|review|study)) {a!}'s? (?:[a-z$.,\\d-]+ ){0,4}?(?<v><BID_N>)\\b",
    parties: ['a', 'b'],
    reach: 2,
    confidence: 0.7,
  },
  // "Widget said it has been approached by Acme about a possible combination"
  {
    name: 'bid.approached-by',
    type: 'acquisition',
    pattern: "{b} {_}\\b(?:has been|had been|have been|was|were|is being) (?<v>approached) by (?:[\\w'-]+ ){0,3}?{a}",
    parties: ['a', 'b'],
    status: 'announced',
    confidence: 0.65,
  },
  // "Widget, which has been sought by Acme, ..."; "Widget is being courted by Acme"
  {
    name: 'bid.sought-by',
    type: 'acquisition',
    pattern: '{b} {_}\\b(?:has been|had been|have been|was|were|is being|are being|is|are)(?: [a-z]+)?? (?<v>sought|pursued|courted|wooed|stalked) by {w}{a+}',
    parties: ['a', 'b'],
    status: 'announced',
    confidence: 0.6,
  },
  // "The other main bidders were Acme and Gadget"; "The bidders for the company were Acme and Gadget":
  // one bid each, for the company being bid for (named, else the target just reported, else the topic)
  {
    name: 'bid.bidders',
    type: 'acquisition',
    pattern: '\\bthe (?:[a-z-]+ ){0,3}?(?<v>bidders|suitors|contenders|bidding companies) (?:for {b} )?(?:were|are|include|included|was|is) (?!not\\b){w}{a+}',
    parties: ['a', 'b|R'],
    each: 'a',
    status: 'announced',
    confidence: 0.6,
  },
  // "Acme and Gadget pulled out of the bidding shortly before the deadline": withdrawn bids
  {
    name: 'bid.pulled-out',
    type: 'acquisition',
    pattern: '{a+} {_}\\b(?<v>pulled out of|pull out of|pulls out of|withdrew from|withdrawn from|dropped out of|drop out of|quit) the (?:[a-z-]+ )?(?:bidding|auction|race|contest|battle)(?: for {w}{b})?',
    parties: ['a', 'b|R'],
    each: 'a',
    status: 'cancelled',
    confidence: 0.6,
  },
  // "Acme tried to buy Widget, a maker of pumps, but lost out to Gadget": the winner bought Widget
  {
    name: 'bid.lost-to',
    type: 'acquisition',
    pattern: '\\b(?:tried|attempted|sought|bid|offered|wanted|tries|attempts|seeks|bids|offers|wants) to <ACQ_V> {w}{b}{_}\\b(?<v>lost out|losing out|loses out|was beaten|were beaten|was outbid) (?:to|by) {w}{a}',
    parties: ['a', 'b'],
    status: 'completed',
    confidence: 0.55,
  },
  // "a similar bid by oil giant Acme for Widget in 2001"; "an offer by Acme for all of Widget's shares"
  {
    name: 'bid.by-for',
    type: 'acquisition',
    pattern: "\\b(?<v><BID_N>) (?:from|by) (?:[\\w'-]+ ){0,3}?{a+} (?:<[^>\\n]{1,14}> )?for {w}{b}",
    parties: ['a', 'b'],
    object: 'stake',
    confidence: 0.75,
  },
  // "a $3bn takeover offer for Widget from Acme"; "Widget rejected a higher offer from Acme"
  {
    name: 'bid.from',
    type: 'acquisition',
    pattern: '\\b(?<v><BID_N>) (?:{w}for {w}{b} )?{w}(?:from|by) {w}{a+}',
    parties: ['a', 'b|S'],
    object: 'stake',
    confidence: 0.7,
  },
  // "Acme bid $5bn for Widget"; "Acme made a tender offer for all outstanding shares of Widget";
  // "Acme has withdrawn its takeover offer for Widget"
  {
    name: 'bid.for',
    type: 'acquisition',
    pattern: '{a+} {_}\\b(?<v><BID_N>) {w}(?:for|to buy|to acquire|to purchase|to take over) {w}{b}',
    parties: ['a', 'b'],
    object: 'stake-not-goods',
    confidence: 0.75,
  },
  // "Acme has approached Widget about a possible takeover bid"; "Acme approached Widget over a merger"
  {
    name: 'bid.approach',
    type: 'acquisition',
    pattern: '{a} {_}\\b(?<v>approached|approaches|has approached|had approached) {b} (?:about|over|with|regarding|concerning) {w}(?<k>takeover|bid|offer|buyout|acquisition|merger|tie-up|combination)\\b',
    parties: ['a', 'b'],
    confidence: 0.65,
  },
  // "efforts by Acme to acquire Widget", "a move by Acme to buy its assets", "an attempt by Acme to take over Widget"
  {
    name: 'bid.attempt-by',
    type: 'acquisition',
    pattern: '\\b(?:efforts?|attempts?|bids?|moves?|plans?|offers?|campaign|drive) by {a}(?: <[^>\\n]{1,14}>)? (?:to )?(?<v><ACQ_V>) (?:{w}{b}|its\\b)',
    parties: ['a', 'b|S'],
    object: 'stake-not-goods',
    confidence: 0.65,
  },
  // "Acme said Widget had rejected its $8bn offer"
  {
    name: 'bid.rejected',
    type: 'acquisition',
    pattern: '{a} {_}\\b(?:said|says) {b!} {_}\\b(?<v>rejected|turned down|rebuffed|spurned) {w}(?:offer|bid|deal|approach|proposal)',
    parties: ['a', 'b'],
    status: 'rejected',
    confidence: 0.75,
  },
  // "Acme offered $30 a share for Widget but was outbid by Gadget, which offered $35"
  {
    name: 'bid.outbid',
    type: 'acquisition',
    pattern: '{b} {_}\\b(?<v>outbid|outbidded|topped|trumped) by {w}{a+}',
    parties: ['a', 'b'],
    status: 'announced',
    confidence: 0.65,
  },
  // --- mergers -----------------------------------------------------------------------------------
  // "Acme agreed to combine its cocoa businesses with those of Widget"
  {
    name: 'jv.combine-businesses',
    type: 'joint_venture',
    pattern: '{a} {_}\\b(?<v>combine|combines|combined|combining|pool|pools|pooled|pooling) (?:its|their) {w}(?:business|businesses|operations|activities|units|divisions) with (?:those of |that of )?{w}{b}',
    parties: ['a', 'b'],
    confidence: 0.75,
  },
  // "the merger of Acme and Widget"; "a tie-up between Acme and Widget"
  {
    name: 'merger.noun.of',
    type: 'merger',
    // ("the biggest bank merger, between Acme and Widget, in 1999")
    pattern: '\\b(?<v><MERGE_N>),? (?:of|between) {w}{a} (?:and|with) {w}{b}',
    parties: ['a', 'b'],
    confidence: 0.85,
  },
  // "Acme merged it into Widget"; "Acme will merge its unit Gadget with Widget"
  {
    name: 'merger.verb.obj-into',
    type: 'merger',
    pattern: '\\b(?<v>merged|merges|merge|merging) {a} (?:into|with) {w}{b}',
    parties: ['a', 'b'],
    confidence: 0.7,
  },
  // "Acme will merge with Widget"; "Gadget will be merged with Acme"; "Acme is to combine with Widget"
  {
    name: 'merger.verb.with',
    type: 'merger',
    pattern: '{a} {_}\\b(?<v><MERGE_V>) {w}(?:with|into) {w}{b}',
    parties: ['a', 'b'],
    object: 'not-goods',
    confidence: 0.8,
  },
  // "Acme and Widget agreed to merge"; "The two are set to merge their operations"
  {
    name: 'merger.verb.plural',
    type: 'merger',
    pattern: '{a+} {_}\\b(?<v>merge|merged|to merge|merging)\\b',
    parties: ['a'],
    confidence: 0.75,
  },
  // "Acme and Widget called off their planned merger"; "Acme and Widget completed their merger"
  {
    name: 'merger.noun.plural',
    type: 'merger',
    pattern: '{a+} {_}\\b(?:their|the|a) (?:[a-z-]+ ){0,2}?(?<v><MERGE_N>)\\b',
    parties: ['a'],
    confidence: 0.7,
  },
  // "Acme's planned merger with Widget"; "holders will vote on its merger into Widget"
  {
    name: 'merger.noun.with',
    type: 'merger',
    pattern: '{a} {_}\\b(?<v><MERGE_N>) {w}(?:with|into) {w}{b}',
    parties: ['a', 'b'],
    confidence: 0.75,
  },
  // "... since an attempted merger with Widget failed in 2000" in a story about Acme: no subject in
  // the clause, the other party is the story's topic company
  {
    name: 'merger.noun.with-topic',
    type: 'merger',
    pattern: '\\b(?:attempted|failed|abortive|aborted|collapsed|unsuccessful|earlier|previous|proposed|planned) (?<v><MERGE_N>) with {w}{b}',
    parties: ['a|T', 'b'],
    confidence: 0.55,
  },
  // --- investments -------------------------------------------------------------------------------
  // "Widget raised $20m in a round led by Acme Ventures"
  {
    name: 'invest.round-led-by',
    type: 'investment',
    pattern: '{b} {_}\\b(?<v>raised|raises|raising|secured|closed|received|gets|got) {_}\\b(?:round|funding|financing|investment|capital) {_}\\bled by {a+}',
    parties: ['a', 'b'],
    confidence: 0.8,
  },
  // "Acme Ventures led a $50m funding round in Widget"; "Acme co-led Widget's Series B round"
  {
    name: 'invest.led-round',
    type: 'investment',
    pattern: "{a+} {_}\\b(?<v>led|leads|co-led|co-leads|leading|joined|joins|participated in) {w}(?:funding|financing|investment|equity|venture|seed|series [a-z]|series-[a-z])?\\s*round {w}(?:in|for|of|into) {w}{b}",
    parties: ['a', 'b'],
    confidence: 0.75,
  },
  // "Acme invested $5m in Widget"; "Acme is to invest 2bn rupees in Widget"
  {
    name: 'invest.verb',
    type: 'investment',
    // (the target follows "in" within a few words, and not past an industry or a market: "invested in
    // the Chinese beer industry in the last two years and now Acme ..." names no target)
    pattern: '{a+} {_}\\b(?<v><INVEST_V>) {w}(?:in|into) (?:(?!(?:industry|industries|sector|sectors|market|markets|economy|country|region|years?|months?)\\b)[^\\s\\u0001\\u0002<;]+\\s+){0,4}?{b}',
    parties: ['a', 'b'],
    confidence: 0.8,
  },
  // "Acme's proposed $1bn investment in Widget is awaiting approval"; "a capital injection into Widget by Acme"
  {
    name: 'invest.noun',
    type: 'investment',
    // (not a holding or its sale: "which has a $5m investment in Widget", "will sell its investment in Widget")
    pattern: "{a} {_}(?<!\\b(?:sell|sells|sold|selling|divest|divested|has|had|have|holds|held|owns|owned|write down|wrote down|writing down|value of|on|from) (?:its |their |a |an |the |his |her )?(?:[\\w$.,-]+ ){0,3})\\b(?<v>investment|injection) (?:of {w})?(?:in|into) {w}{b}",
    parties: ['a', 'b'],
    object: 'stake',
    confidence: 0.65,
  },
  // "Acme raised its stake in Widget to 25%"
  {
    name: 'invest.stake',
    type: 'investment',
    pattern: '{a+} {_}\\b(?<v><STAKE_V>) {w}(?:stake|holding|shareholding|interest) (?:in|of) {w}{b}',
    parties: ['a', 'b'],
    object: 'stake',
    confidence: 0.8,
  },
  // --- contracts and orders ----------------------------------------------------------------------
  // "Acme Air ordered 50 aircraft from Planemaker"; "Acme is to buy 10 A320 jets from Planemaker"
  {
    name: 'contract.order-from',
    type: 'contract',
    pattern: '{a+} {_}\\b(?<v><ORDER_V>) {w}from {w}{b}',
    parties: ['a', 'b'],
    object: 'goods',
    confidence: 0.8,
  },
  // "Acme placed an order for 20 jets with Planemaker"
  {
    name: 'contract.order-noun',
    type: 'contract',
    pattern: '{a+} {_}\\b(?:placed|places|placing|made|makes|signed|firmed up|confirmed) {w}(?<v>order|orders) {w}with {w}{b}',
    parties: ['a', 'b'],
    confidence: 0.75,
  },
  // "Planemaker is to supply Acme Air with 50 jets"
  {
    name: 'contract.supply-with',
    type: 'contract',
    pattern: '{b} {_}\\b(?<v><SUPPLY_V>) {w}{a} with',
    parties: ['a', 'b'],
    confidence: 0.8,
  },
  // "Planemaker is to sell 10 of its new jets to Acme Air"
  {
    name: 'contract.deliver-to',
    type: 'contract',
    pattern: '{b} {_}\\b(?<v><DELIVER_V>) {w}to {w}{a}',
    parties: ['a', 'b'],
    object: 'goods',
    confidence: 0.75,
  },
  // "Widget won a $40m contract from Acme"; "Widget has been awarded an order by Acme"
  {
    name: 'contract.won-from',
    type: 'contract',
    pattern: '{b} {_}\\b(?<v><WIN_V>) {w}(?:contract|order|orders) {w}(?:from|by|with) {w}{a}',
    parties: ['a', 'b'],
    confidence: 0.8,
  },
  // "Acme awarded Widget a $40m contract"
  {
    name: 'contract.awarded',
    type: 'contract',
    pattern: '{a} {_}\\b(?<v>awarded|awards|gave|gives|handed) {b} {w}(?:contract|order)',
    parties: ['a', 'b'],
    confidence: 0.8,
  },
  // --- partnerships, joint ventures and agreements -----------------------------------------------
  // "the Acme-Widget alliance came about in 2000"; "the Acme/Widget merger"
  {
    name: 'pact.hyphen',
    type: 'kind',
    pattern: "\\bthe {a}(?:-|/|\\s*-\\s*){b} (?:[a-z-]+ ){0,2}?(?<v>(?<k><AGREE_N>|merger|takeover|tie-up|combination))\\b",
    parties: ['a', 'b'],
    confidence: 0.65,
  },
  // "a joint venture between Acme and Widget"; "a partnership of Acme and Widget"
  {
    name: 'pact.noun.between',
    type: 'kind',
    pattern: '\\b(?<v>(?<k><AGREE_N>)) (?:between|of|among|involving|by) {w}{a+}',
    parties: ['a'],
    confidence: 0.8,
  },
  // "Acme signed a distribution deal with Widget"; "Acme's recent deal with Widget"; "Acme plans a 50-50 joint venture with Widget"
  {
    name: 'pact.noun.with',
    type: 'kind',
    pattern: '{a+} {_}\\b(?<v>(?<k><AGREE_N>)) {w}with {w}{b+}',
    parties: ['a', 'b'],
    confidence: 0.7,
  },
  // "the $1.7bn agreement Acme signed with Widget", "the venture Acme formed with Widget last year"
  {
    name: 'pact.object-relative',
    type: 'kind',
    pattern: '\\b(?<v>(?<k><AGREE_N>)) (?:that |which )?{a} (?:has |had |have )?<SIGN_V> (?:with|alongside) {w}{b+}',
    parties: ['a', 'b'],
    confidence: 0.7,
  },
  // "Acme is in talks with Widget about a possible alliance"; "Acme held talks with Widget on a merger"
  {
    name: 'pact.talks-with',
    type: 'kind',
    pattern: '{a} {_}\\b(?<v>in talks|in discussions|in negotiations|held talks|holding talks|opened talks|entered talks|negotiating) with {w}{b} (?:about|over|on|regarding|concerning|for) {w}(?<k><AGREE_N>|merger|takeover|acquisition|tie-up)\\b',
    parties: ['a', 'b'],
    status: 'rumored',
    confidence: 0.6,
  },
  // "Acme and Widget signed an agreement"; "Acme and Widget formed a joint venture"
  {
    name: 'pact.plural',
    type: 'kind',
    pattern: '{a+} {_}\\b<SIGN_V> {w}(?<v>(?<k><AGREE_N>))\\b',
    parties: ['a'],
    confidence: 0.7,
  },
  // "Acme signed a new agreement that gives it first call on Widget's capacity"; "Acme reached a deal
  // which lets it sell to Widget": the counterparty stands in the agreement's own relative clause
  {
    name: 'pact.signed.clause',
    type: 'kind',
    pattern: '{a} {_}\\b<SIGN_V> {w}(?<v>(?<k><AGREE_N>)) (?:that|which) [^\u0001\u0002;\\n]{0,80}?\\b(?:with|for|to|from|by|on|over) {w}{b}',
    parties: ['a', 'b'],
    confidence: 0.6,
  },
  // "The consortium's members are Acme, Widget and Gadget": a standing joint venture
  {
    name: 'jv.members',
    type: 'joint_venture',
    pattern: "{b}'s (?<v>members|partners|member companies|partner companies|shareholders) (?:are|include|were|included|comprise) {a+}",
    parties: ['a'],
    status: 'completed',
    confidence: 0.6,
  },
  // "a partnership formed by Acme and a unit of Widget"
  {
    name: 'jv.formed-by',
    type: 'kind',
    pattern: '\\b(?<k>partnership|consortium|joint venture|venture) (?<v>formed|set up|created|established) by {w}{a+}',
    parties: ['a'],
    status: 'completed',
    confidence: 0.6,
  },
  // "Acme has partnered with Widget"; "Acme teamed up with Widget"
  {
    name: 'partner.verb',
    type: 'partnership',
    pattern: '{a+} {_}\\b(?<v><PARTNER_V>) (?:with )?{w}{b+}',
    parties: ['a', 'b'],
    confidence: 0.8,
  },
  // "The station, in partnership with Widget, will ..."
  {
    name: 'partner.in-with',
    type: 'kind',
    pattern: '{a} {_}\\bin (?<v>(?<k>partnership|alliance|collaboration|cooperation|co-operation)) with {w}{b+}',
    parties: ['a', 'b'],
    confidence: 0.8,
  },
  // "Acme is planning a joint announcement with Widget"
  {
    name: 'partner.joint-with',
    type: 'partnership',
    pattern: '{a} {_}\\b(?<v>joint|jointly) {w}with {w}{b}',
    parties: ['a', 'b'],
    confidence: 0.6,
  },
  // "Acme has the right of first refusal on any sale of Widget"
  {
    name: 'agreement.first-refusal',
    type: 'agreement',
    pattern: '{a} {_}\\b(?<v>right of first refusal|first right of refusal) {_}\\b(?:for|on|over|to|of|in) {w}{b}',
    parties: ['a', 'b'],
    confidence: 0.7,
  },
];

/**
 * Status cues, tested in order on the clause around a match (the first that fires wins).
 * hedged: the cue marks the deal as not (yet) fact.
 */
export const STATUS_CUES: readonly { re: RegExp; status: DealStatus; hedged?: boolean }[] = [
  // "X denied it was in talks to buy Y": never reported as done
  { re: /\b(?:denied|denies|deny|denying)\b/i, status: 'rumored', hedged: true },
  // "called off", "abandoned its bid", "withdrawn its offer", "talks failed"
  {
    re: /\b(?:call(?:s|ed|ing)? off|came close to|an end to|end(?:s|ed|ing)? (?:its|their|the) (?:alliance|partnership|agreement|deal|venture|talks)|dissolv(?:e|ed|ing)|drop(?:s|ped|ping) (?:its|their|the|a|an) (?:[\w-]+ ){0,3}?(?:bid|offer|plan|proposal|talks)|abandon(?:s|ed|ing)?|withdr[ae]w(?:n|s|ing)?|terminat(?:e|es|ed|ing)|scrap(?:s|ped|ping)?|collapsed?|fell through|failed|walked away|pulled out of|broke off|broken off|ended talks|cancel(?:l?ed|s|ling)?|dropped (?:its|their|the) (?:bid|offer|plan))\b/i,
    status: 'cancelled',
  },
  // "rejected a takeover offer", "turned down", "a bid that was rebuffed"
  { re: /\b(?:reject(?:s|ed|ing)?|turn(?:s|ed|ing)? down|rebuff(?:s|ed|ing)?|spurn(?:s|ed|ing)?|snub(?:s|bed)?|refused|not to accept|declin(?:ed|es|ing) (?:the|an?|its|their)(?! comment))\b/i, status: 'rejected' },
  // "in talks", "reportedly", "sources said", "is considering", "may bid", "speculation"
  {
    re: /\b(?:in talks|talks with|held talks|holding talks|(?:preliminary |merger |takeover )?(?:talks|discussions) (?:with|about|on|to|over|for)|negotiat(?:ing|ions)|close to (?:striking|agreeing|signing|a deal|an agreement)|(?:willing|keen|eager|interested|tipped|touted|expected) (?:to|on|in) (?:buy|acquire|bid|make|buying|acquiring|bidding|take)|reportedly|is reported|was reported|reports? that|reports? said|sources? (?:said|say|close)|people familiar|according to (?:sources|people|reports)|speculation|speculat(?:e|ed|ing)|rumou?r(?:s|ed)?|(?:is|are|was|were) considering|consider(?:s|ing)? (?:a|an|making|buying|selling|bidding)|could|may|might|possibl[ey]|potential|exploring|weigh(?:s|ing)|mull(?:s|ing)|eyeing|would consider|talk of|interest in buying)\b/i,
    status: 'rumored',
    hedged: true,
  },
  // "subject to regulatory approval", "pending", "awaits clearance", "tender offer" under way
  {
    re: /\b(?:pending|subject to|(?:once|when|after|until|before) (?:the )?(?:[\w-]+ )?(?:is|are|has been|have been) (?:completed|closed|approved)|await(?:s|ing)?|needs? (?:the )?approval|requires? (?:the )?approval|regulatory approval|shareholder approval|expected to (?:close|complete|be completed)|final clearance|gave clearance|cleared|accepted|tender offer|started (?:its|the|a) (?:previously announced )?(?:tender|offer))\b/i,
    status: 'pending',
  },
  // "completed the previously announced acquisition", "closed the sale"
  { re: /\b(?:completed|completes|completing|completion of|closed|closes|finali[sz]ed|consummated|(?:assumed|gained|obtained|seized|took) (?:[a-z]+ )?control)\b/i, status: 'completed' },
  // intent and agreement: "agreed to buy", "is to buy", "will merge", "plans to", "offered"
  {
    re: /\b(?:agreed|agrees|agree|agreement|is to|are to|will|would|plans?|planned|planning|intends?|set to|proposed|proposal|offer(?:s|ed|ing)?|bid|bids|bidding|to (?:buy|acquire|merge|sell|invest|supply|form|take)|announced|announces|signed|signs|unveiled|option to)\b/i,
    status: 'announced',
  },
  // done: "completed the acquisition", "has bought", "was swallowed up", "was established"
  {
    re: /\b(?:completed|completes|closed|finali[sz]ed|acquired|bought|purchased|took over|taken over|swallowed up|snapped up|absorbed|merged|sold|spent|formed|established|set up|created|invested|injected|took|was established)\b/i,
    status: 'completed',
  },
];

/** Words in an object phrase that make a purchase a stake (investment) rather than a takeover. */
export const STAKE_WORDS = /\b(?:stake|stakes|shares|share|stock|holding|shareholding|interest|equity|pct|percent|per cent)\b|%/i;
/** ...unless the stake is a majority or the whole company. */
export const MAJORITY_WORDS = /\b(?:all|majority|controlling|control|outstanding|remaining|rest|entire|whole)\b/i;
/** Goods that are ordered and supplied (contract), not companies or businesses bought. */
export const GOODS_WORDS =
  /\b(?:aircraft|airliners?|planes?|jets?|jetliners?|helicopters?|engines?|ships?|vessels?|tankers?|trains?|locomotives?|wagons?|trucks?|lorries|buses|vehicles|cars|satellites?|turbines?|reactors?|rigs?|tons|tonnes|barrels|units of|copies|licen[cs]es|computers?|systems?|[A-Z]{1,3}-?\d{2,4}[A-Z\d-]*s?)\b/;
/** A unit of a company in the object phrase: "its Widget unit", "the Gadget division". */
export const UNIT_WORDS =
  /\b(?:unit|units|division|divisions|subsidiary|subsidiaries|arm|business|businesses|operations|stores?|chains?|assets|plants?|brands?|holdings?|offices|branches|cent(?:er|re)s|mills?|mines?|propert(?:y|ies)|hotels?|outlets?|restaurants?|factory|factories|interests?|rights|titles|newspapers?|stations?|compan(?:y|ies)|facilit(?:y|ies)|sites|product lines?|franchises?|department|parcel|label|portfolio)\b/i;

/** Money that is not a deal's value: per-share prices, sales, fees. Tested on the text after / before it. */
export const MONEY_NOT_VALUE_AFTER = /^\s*(?:a|per|each|an?\s+(?:ordinary\s+|common\s+)?share)\b\s*(?:(?:ordinary|common|preferred)\s+)?(?:share|shares|unit|ads|ordinary)?|^\s*\/\s*share|^\s*(?:in|of)\s+(?:annual\s+)?(?:sales|revenues?|turnover|assets|debt|profits?|earnings|losses)\b|^\s*each\b/i;
export const MONEY_NOT_VALUE_BEFORE = /(?:sales|revenues?|turnover|profits?|earnings|income|assets|debts?|loss(?:es)?|fees?|fine|fined|penalty|settlement|capitali[sz]ation|dividends?)\s+(?:of\s+|was\s+|were\s+|totall?ing\s+|reached\s+)?(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+|over\s+|more than\s+)?$/i;

/** Words that mark a second, separate offer: "a new offer", "a revised bid". */
export const NEW_OFFER = /\b(?:new|fresh|revised|sweetened|second|modified|another)\s+(?:\w+\s+)?(?:offer|bid|proposal|approach)\b/i;

/** Counterfactual or negated deals are not deals: "had it also taken over Y", "would have bought". */
// ("If Acme buys a stake in Widget it will be the largest ...": a condition, not a report)
export const NOT_A_DEAL = /\b(?:would|could|might|should) have\b|\bhad (?:it|they|he|she)\b|\b(?:not|never|no longer) (?:to )?(?:buy|acquire|sell|merge|bid)\b|\bruled out\b|\b(?:if|unless) (?:CO|it|they)(?: (?:were|was|is|are)(?: to)?)? (?:buys?|acquires?|merges?|sells?|takes? over|bids?|approached|acquired|bought|sold|taken over)\b/i;

/** "X's great European competitor": a subject that names another company through X. */
export const RIVAL_OF = /^'s?\s+(?:[\w-]+\s+){0,3}(?:rival|rivals|competitor|competitors|arch-rival|nemesis|challenger)\b/i;

/** After a clause's comma, an aside that restates the deal: ", a bid that was rejected by ...". */
export const RESTATING_ASIDE = /^,\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}(?:bid|offer|deal|proposal|move|transaction|purchase|takeover)\s+(?:that|which)\b/i;

/** Anaphors that may stand for a company in a slot. */
export const ANAPHOR_NOUNS =
  'company|firm|group|bank|carrier|airline|maker|manufacturer|retailer|brewer|developer|station|broadcaster|insurer|' +
  'lender|operator|giant|concern|conglomerate|publisher|producer|supplier|chain|utility|partnership|rival|' +
  'winemaker|chipmaker|automaker|carmaker|network|provider|distributor|owner|holding company|parent|unit|subsidiary';
export const PLURAL_ANAPHOR = /^(?:the two|both|they|the companies|the firms)\b/i;

/** Names of deals: "a joint venture called Widgetco", "Project Stargate", "the venture - Widgetco". */
export const DEAL_NAME_PATTERNS: readonly RegExp[] = [
  /\b(?:called|named|dubbed|known as|christened)\s+"?((?:[A-Z][\w&'-]*)(?:\s+[A-Z][\w&'-]*){0,3})"?/,
  /\b(?:venture|project|consortium|deal|partnership|alliance)\s*[-:,]\s*"?((?:[A-Z][\w&'-]*)(?:\s+[A-Z][\w&'-]*){0,3})"?\s*[.,;]?\s*$/,
  /\b[Pp]roject\s+"?([A-Z][\w&'-]*)"?/,
  /^(?:[\s\S]*\b(?:unveil(?:ed|ing)?|launch(?:ed|ing)?|announce(?:d|ment)?) of\s+)"?([A-Z][\w&'-]*(?:\s+[A-Z][\w&'-]*){0,2})"?,\s+[\s\S]*\b(?:deal|venture|project|partnership)\b/,
];

/**
 * An offer reported from the target's side, its bidder not named in the sentence:
 * "Acme has received a $3bn takeover offer", "Acme said it had attracted a buyout approach".
 * Matched on the masked sentence (\u0001\u0002... is a company, \u0003\u0004... an amount).
 */
export const OFFER_RECEIVED =
  /\u0001\u0002*[^;\n\u0001]{0,90}?\b(?:has\s+|had\s+|have\s+)?(?:received|receives|receiving|got|attracted|drawn|drew)\s+(?:an?\s+|its\s+)?(?:[^\s\u0001\u0002;]+\s+){0,5}?(?:offer|bid|approach|proposal)\b/i;
/**
 * The next sentence names the bidder of "the bid": "The bid has come from investment firm Widget",
 * "The offer was made by Widget", "This approach came from a group led by Widget".
 */
export const OFFER_FROM =
  /^(?:the|this|that)\s+(?:[\w-]+\s+){0,2}?(?:offer|bid|approach|proposal)\s+(?:has\s+|had\s+|is\s+|was\s+)?(?:come|came|comes|made|tabled|submitted|launched)\s+(?:from|by)\s+/i;

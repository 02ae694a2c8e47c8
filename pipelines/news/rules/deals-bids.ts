/**
 * Deal rules, part of DEAL_RULES (rules/deals.ts, where the template syntax is described).
 * Bids and offers: "Widget rejected a takeover offer from Acme", "Acme bid $5bn for Widget",
 * "The bidders were Acme and Gadget".
 * Order matters: rules that share a trigger position compete, the first one wins.
 */
import type { DealRule } from './deals.ts';

export const BID_RULES: readonly DealRule[] = [
  // "Widget rejected a takeover offer from Acme"; "the group rejected a $2bn offer from Acme"; "Widget
  // decided not to accept the proposal of Acme": the target may be an anaphor ("the group", "it")
  // "Widget received rival bids from Acme and Gadget": one bid each
  {
    rule: 'bid.received-from.each',
    type: 'acquisition',
    match: '{b} {_}\\b(?:rejected|rejects|rejecting|turned down|turns down|rebuffed|rebuffs|spurned|spurns|received|receives|accepted|accepts|welcomed|welcomes|(?:is |was )?fighting off|fought off|fends off|fended off|(?:decided |voted |agreed )?not to accept|declined|(?:is |was )?(?:evaluating|reviewing|studying|weighing)|(?:to )?(?:evaluate|review|study)) {w}(?<v>(?:takeover |merger |buyout |tender )?(?:bids|offers|proposals|approaches)) {w}(?:(?:from|by) {w}|of ){a+}',
    parties: ['a', 'b'],
    each: 'a',
    object: 'stake',
    reach: 2,
    score: 0.7,
    example: 'Widget received rival bids from Acme and Gadget.',
  },
  {
    rule: 'bid.received-from',
    type: 'acquisition',
    match: '{b} {_}\\b(?:rejected|rejects|rejecting|turned down|turns down|rebuffed|rebuffs|spurned|spurns|received|receives|accepted|accepts|welcomed|welcomes|(?:is |was )?fighting off|fought off|fends off|fended off|(?:decided |voted |agreed )?not to accept|declined|(?:is |was )?(?:evaluating|reviewing|studying|weighing)|(?:to )?(?:evaluate|review|study)) {w}(?<v><BID_N>) {w}(?:(?:from|by) {w}|of ){a+}',
    parties: ['a', 'b'],
    object: 'stake',
    reach: 2,
    score: 0.7,
    example: 'Widget rejected a takeover offer from Acme.',
  },
  // "Widget's board rejected Acme's bid as inadequate"; "Widget received Acme Corp's revised proposal"
  {
    rule: 'bid.possessive',
    type: 'acquisition',
    match: "{b} {_}\\b(?:rejected|rejects|turned down|turns down|rebuffed|rebuffs|spurned|spurns|received|receives|accepted|accepts|welcomed|welcomes|(?:decided |voted |agreed )?not to accept|declined|(?:is |was )?(?:evaluating|reviewing|studying|weighing)|(?:to )?(?:evaluate|review|study)) (?:(?:the |its |rival |world-leader |market-leader |larger |smaller )?[a-z-]+ )??{a!}'s? (?:[a-z$.,\\d-]+ ){0,4}?(?<v><BID_N>)\\b",
    parties: ['a', 'b'],
    reach: 2,
    score: 0.7,
    example: "Widget's board rejected Acme's bid as inadequate.",
  },
  // Interest reported, no bid made: "Acme and Beta had been interested in the company"; "Acme is
  // interested in buying Widget"; "Acme was seen as a possible buyer of Widget"
  {
    rule: 'bid.interested-in',
    type: 'acquisition',
    match: '{a+} {_}\\b(?:is|are|was|were|had been|has been|have been|is also|was also|were also|had also been)(?: said to be| reported to be| reportedly)? (?<v>interested in) (?:(?:buying|acquiring|bidding for|taking over|a bid for|a takeover of|an offer for) )?{w}{b}',
    parties: ['a', 'b'],
    each: 'a',
    status: 'rumored',
    score: 0.6,
    example: 'Acme Corp and Beta Inc had been interested in buying Widget Ltd.',
  },
  {
    rule: 'bid.possible-buyer',
    type: 'acquisition',
    match: '{a} {_}\\b(?:was|is|were|are|has been|had been)(?: widely)? (?:seen as |considered |touted as |tipped as |named as |regarded as )?(?:a |the |one )?(?:possible|potential|likely|prospective|leading|most likely|front-running) (?<v>buyer|bidder|suitor|acquirer|purchaser) (?:of|for) {w}{b}',
    parties: ['a', 'b'],
    status: 'rumored',
    score: 0.6,
    example: 'Acme Corp was seen as a possible buyer of Widget Ltd.',
  },
  // "Widget said it has been approached by Acme about a possible combination"
  {
    rule: 'bid.approached-by',
    type: 'acquisition',
    match: "{b} {_}\\b(?:has been|had been|have been|was|were|is being) (?<v>approached) by (?:[\\w'-]+ ){0,3}?{a}",
    parties: ['a', 'b'],
    status: 'announced',
    score: 0.65,
    example: 'Widget said it has been approached by Acme about a possible combination.',
  },
  // "Widget, which has been sought by Acme, ..."; "Widget is being courted by Acme"
  {
    rule: 'bid.sought-by',
    type: 'acquisition',
    match: '{b} {_}\\b(?:has been|had been|have been|was|were|is being|are being|is|are)(?: [a-z]+)?? (?<v>sought|pursued|courted|wooed|stalked) by {w}{a+}',
    parties: ['a', 'b'],
    status: 'announced',
    score: 0.6,
    example: 'Widget is being courted by Acme.',
  },
  // "The other main bidders were Acme and Gadget"; "The bidders for the company were Acme and Gadget":
  // one bid each, for the company being bid for (named, else the target just reported, else the topic)
  {
    rule: 'bid.bidders',
    type: 'acquisition',
    match: '\\bthe (?:[a-z-]+ ){0,3}?(?<v>bidders|suitors|contenders|bidding companies) (?:for {b} )?(?:were|are|include|included|was|is) (?!not\\b){w}{a+}',
    parties: ['a', 'b|R'],
    each: 'a',
    status: 'announced',
    score: 0.6,
    example: 'The other main bidders were Acme and Gadget.',
  },
  // "Acme and Gadget pulled out of the bidding shortly before the deadline": withdrawn bids
  {
    rule: 'bid.pulled-out',
    type: 'acquisition',
    match: '{a+} {_}\\b(?<v>pulled out of|pull out of|pulls out of|withdrew from|withdrawn from|dropped out of|drop out of|quit) the (?:[a-z-]+ )?(?:bidding|auction|race|contest|battle)(?: for {w}{b})?',
    parties: ['a', 'b|R'],
    each: 'a',
    status: 'cancelled',
    score: 0.6,
    example: 'Acme and Gadget pulled out of the bidding shortly before the deadline.',
  },
  // "Acme tried to buy Widget, a maker of pumps, but lost out to Gadget": the winner bought Widget
  {
    rule: 'bid.lost-to',
    type: 'acquisition',
    match: '\\b(?:tried|attempted|sought|bid|offered|wanted|tries|attempts|seeks|bids|offers|wants) to <ACQ_V> {w}{b}{_}\\b(?<v>lost out|losing out|loses out|was beaten|were beaten|was outbid) (?:to|by) {w}{a}',
    parties: ['a', 'b'],
    status: 'completed',
    score: 0.55,
    example: 'Acme tried to buy Widget, a maker of pumps, but lost out to Gadget.',
  },
  // "a similar bid by oil giant Acme for Widget in 2001"; "an offer by Acme for all of Widget's shares"
  {
    rule: 'bid.by-for',
    type: 'acquisition',
    match: "\\b(?<v><BID_N>) (?:from|by) (?:[\\w'-]+ ){0,3}?{a+} (?:<[^>\\n]{1,14}> )?for {w}{b}",
    parties: ['a', 'b'],
    object: 'stake',
    score: 0.75,
    example: 'Analysts recalled a similar bid by oil group Acme for Widget.',
  },
  // "a $3bn takeover offer for Widget from Acme"; "Widget rejected a higher offer from Acme"
  {
    rule: 'bid.from',
    type: 'acquisition',
    match: '\\b(?<v><BID_N>) (?:{w}for {w}{b} )?{w}(?:from|by) {w}{a+}',
    parties: ['a', 'b|S'],
    object: 'stake',
    score: 0.7,
    example: 'Traders expect a takeover offer for Widget from Acme.',
  },
  // "Acme bid $5bn for Widget"; "Acme made a tender offer for all outstanding shares of Widget";
  // "Acme has withdrawn its takeover offer for Widget"
  {
    rule: 'bid.for',
    type: 'acquisition',
    match: '{a+} {_}\\b(?<v><BID_N>) {w}(?:for|to buy|to acquire|to purchase|to take over) {w}{b}',
    parties: ['a', 'b'],
    object: 'stake-not-goods',
    score: 0.75,
    example: 'Acme made a tender offer for all outstanding shares of Widget.',
  },
  // "Acme has approached Widget about a possible takeover bid"; "Acme approached Widget over a merger"
  {
    rule: 'bid.approach',
    type: 'acquisition',
    match: '{a} {_}\\b(?<v>approached|approaches|has approached|had approached) {b} (?:about|over|with|regarding|concerning) {w}(?<k>takeover|bid|offer|buyout|acquisition|merger|tie-up|combination)\\b',
    parties: ['a', 'b'],
    score: 0.65,
    example: 'Acme has approached Widget about a possible takeover bid.',
  },
  // "efforts by Acme to acquire Widget", "a move by Acme to buy its assets", "an attempt by Acme to take over Widget"
  {
    rule: 'bid.attempt-by',
    type: 'acquisition',
    match: '\\b(?:efforts?|attempts?|bids?|moves?|plans?|offers?|campaign|drive) by {a}(?: <[^>\\n]{1,14}>)? (?:to )?(?<v><ACQ_V>) (?:{w}{b}|its\\b)',
    parties: ['a', 'b|S'],
    object: 'stake-not-goods',
    score: 0.65,
    example: 'The board resisted an attempt by Acme to take over Widget.',
  },
  // "Acme said Widget had rejected its $8bn offer"
  {
    rule: 'bid.rejected',
    type: 'acquisition',
    match: '{a} {_}\\b(?:said|says) {b!} {_}\\b(?<v>rejected|turned down|rebuffed|spurned) {w}(?:offer|bid|deal|approach|proposal)',
    parties: ['a', 'b'],
    status: 'rejected',
    score: 0.75,
    example: 'Acme said Widget had rejected its $8bn offer.',
  },
  // "Acme offered $30 a share for Widget but was outbid by Gadget, which offered $35"
  {
    rule: 'bid.outbid',
    type: 'acquisition',
    match: '{b} {_}\\b(?<v>outbid|outbidded|topped|trumped) by {w}{a+}',
    parties: ['a', 'b'],
    status: 'announced',
    score: 0.65,
    example: 'Acme offered $30 a share for Widget but was outbid by Gadget.',
  },
];

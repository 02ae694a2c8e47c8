/**
 * Deal rules, part of DEAL_RULES (rules/deals.ts, where the template syntax is described).
 * Acquisitions and sales: "Acme agreed to buy Widget", "Widget was sold to Acme", "the sale of its
 * Widget unit to Gadget". Explicit agents first: by-phrases beat nearest-subject rules.
 * (contract.order-maker stands among them: it must see "buy 15 Planemaker jets" before acq.verb does.)
 * Order matters: rules that share a trigger position compete, the first one wins.
 */
import type { DealRule } from './deals.ts';

export const ACQUISITION_RULES: readonly DealRule[] = [
  // "the proposed $225m acquisition of Widget Inc by Acme Corp"; "the purchase of a 30% stake in Y by X"
  {
    rule: 'acq.noun.of-by',
    type: 'acquisition',
    // ("... by competitor Acme", "... by state-owned oil firm Acme": up to four words before the agent)
    match: "(?<v><ACQ_N>) of {w}{b+},? {w}by (?:[\\w'-]+ ){0,4}?{a+}",
    parties: ['a', 'b'],
    object: 'stake',
    score: 0.85,
    example: 'Regulators cleared the proposed acquisition of Widget Inc by Acme Corp.',
  },
  // "Widget Inc, which was bought by Acme last year"; "Widget was acquired by Acme for $5m"
  {
    rule: 'acq.passive',
    type: 'acquisition',
    // ("... was bought by market leader Acme", "... by France's Acme": up to three words before the agent)
    match: "{b+} {_}(?:\\b(?:was|were|is|are|be|been|being|get|gets|got)(?: [a-z]+){0,2}? |, )(?<v><ACQ_PP>) {w}by (?:[\\w'-]+ ){0,3}?{a+}",
    parties: ['a', 'b'],
    score: 0.85,
    example: 'Widget, which was bought by Acme last year, makes pumps.',
  },
  // Past deals stated in an object relative clause: "Widget, which Acme bought in 2005"; "Widget, a
  // maker of pumps that Acme acquired last year"; "Widget, an American firm Acme acquired in 2002"
  {
    rule: 'acq.relative-object',
    type: 'acquisition',
    // ("Widget, which was one of the many firms Acme had acquired")
    match: "{b}\\.?(?:,| -| \\() (?:(?:an?|the) (?:[\\w'-]+ ){0,5}?(?:that |which )?|which (?:was|is|were|are) (?:one|among|part|some) of (?:the )?(?:[\\w'-]+ ){0,4}?(?:that |which )?|which |that ){a} (?:had |has |have |later |eventually |subsequently |then |recently |previously )?(?<v>acquired|bought|purchased|took over|snapped up|absorbed)\\b",
    parties: ['a', 'b'],
    status: 'completed',
    score: 0.7,
    example: 'The pumps are made by Widget Inc., an American firm Acme Corp acquired in 2002.',
  },
  // A past sale in a relative clause: "the Widget unit that Gadget sold to Acme"; "Widget, which
  // Gadget had sold to Acme in 2000"
  {
    rule: 'sale.relative-object',
    type: 'acquisition',
    match: "{b}(?: (?:unit|division|business|arm|subsidiary|operations?|plant|brand))?\\.?,? (?:which|that) {s} (?:had |has |have |later |eventually |then |recently |previously )?(?<v>sold|divested) to {w}{a}",
    parties: ['a', 'b', 's'],
    status: 'completed',
    score: 0.7,
    example: 'The plant belongs to Widget, which Gadget sold to Acme in 2000.',
  },
  // One buyer, several targets: "services Acme has acquired, namely Widget, Gadget and Sprocket";
  // "Acme bought several firms, including Widget and Gadget"
  {
    rule: 'acq.verb.list',
    type: 'acquisition',
    // ("Acme in recent years has also bought firms such as Widget and Gadget": a short adverbial between)
    match: "{a}(?: [\\w-]+){0,4}? (?:has |had |have )?(?:also )?(?<v>acquired|bought|purchased|taken over)(?: [\\w-]+){0,4}?,? (?:namely|including|such as|among them) {b+}",
    parties: ['a', 'b'],
    each: 'b',
    status: 'completed',
    score: 0.65,
    example: 'Acme Corp bought several rivals, including Widget Inc and Gadget Ltd.',
  },
  // "Acme's purchases of Widget and Gadget"; "the earlier acquisitions of Widget and Gadget" in a story
  // about Acme: one past deal per target
  {
    rule: 'acq.noun.plural-list',
    type: 'acquisition',
    match: "(?:{a}'s? |\\b(?:its|their|the) )(?:[a-z-]+ ){0,2}?(?<v>purchases|acquisitions|takeovers|buyouts) (?:of|such as|including|like) {b+}",
    parties: ['a|T', 'b'],
    each: 'b',
    status: 'completed',
    score: 0.6,
    example: "Acme Corp's purchases of Widget Inc and Gadget Ltd doubled its size.",
  },
  // "Widget agreed a $1bn takeover by Acme"
  {
    rule: 'acq.noun.by',
    type: 'acquisition',
    match: '{b} {_}\\b(?:agreed|agrees|agreed to|accepted|accepts|backed|backs|approved|recommended|recommends|welcomed|rejected|rejects|received|receives|faces|facing) {w}(?<v><ACQ_N>) by {a+}',
    parties: ['a', 'b'],
    score: 0.75,
    example: 'Widget agreed a $1bn takeover by Acme.',
  },
  // "Widget agreed in principle to become a wholly owned subsidiary of Acme"; "Widget will become a unit of Acme"
  {
    rule: 'acq.become-unit',
    type: 'acquisition',
    match: '{b} {_}\\b(?:to |will |would |is to |agreed to |agrees to )(?<v>become) (?:a |an )?(?:wholly[ -]owned |wholly |majority[ -]owned )?(?:subsidiary|unit|division|part) of {w}{a}',
    parties: ['a', 'b'],
    status: 'announced',
    score: 0.7,
    example: 'Widget will become a wholly owned subsidiary of Acme.',
  },
  // "Acme said Widget has agreed to be acquired for $5 a share"
  {
    rule: 'acq.agreed-to-be',
    type: 'acquisition',
    match: '{b} {_}(?<v>agreed to be <ACQ_PP>|agreed to a takeover|agreed to a buyout)(?: by {a})?',
    parties: ['a|S', 'b'],
    status: 'announced',
    score: 0.75,
    example: 'Acme said Widget has agreed to be acquired for $5 a share.',
  },
  // "Acme said it completed the sale of its Widget unit to Gadget Corp"; "the sale of 200,000 shares to Y"
  {
    rule: 'sale.noun.to',
    type: 'acquisition',
    match: '(?<v>sale|disposal|divestiture|divestment) of {w}(?:{u+} {w})?to {w}(?:(?:formed|led|controlled|owned|backed|headed) by {w})?{a+}',
    parties: ['a', 'u', 's|S'],
    object: 'asset',
    score: 0.75,
    example: 'Acme completed the sale of its Widget unit to Gadget Corp.',
  },
  // "an agreement for the sale to Gadget Corp of the Widget and Sprocket divisions"
  {
    rule: 'sale.noun.to-of',
    type: 'acquisition',
    match: '(?<v>sale|disposal) to {a+} of {w}{u+}',
    parties: ['a', 'u', 's|S'],
    score: 0.75,
    example: 'Acme agreed the sale to Gadget Corp of its Widget and Sprocket divisions.',
  },
  // "Widget filed for bankruptcy and was sold to Dutch firm Acme"; "Widget is to be sold to Acme"
  {
    rule: 'sale.passive.to',
    type: 'acquisition',
    match: '{b} {_}\\b(?:was|were|has been|had been|have been|is being|is to be|will be|would be|could be|is|are|be)(?: [a-z]+){0,2}? (?<v>sold|divested|transferred) to {w}{a+}',
    parties: ['a', 'b'],
    score: 0.75,
    example: 'Widget filed for bankruptcy and was sold to Acme.',
  },
  // The seller named after the price: "Widget was sold for $10m by Gadget to Acme"; "Widget, sold by
  // Gadget to investment firm Acme last week"
  {
    rule: 'sale.passive.by-to',
    type: 'acquisition',
    match: '{b} {_}\\b(?:(?:was|were|has been|had been|have been|is being|will be|is to be|being) )?(?<v>sold|divested) (?:for [^,;\\n\\u0001\\u0002]{1,40}? )?by {s} to {w}{a}',
    parties: ['a', 'b', 's'],
    score: 0.75,
    example: 'Widget was sold for $10m by Gadget to investment firm Acme.',
  },
  // A deal stated in a fronted clause, its buyer the main clause's subject: "After acquiring Widget,
  // Acme became the largest pump maker"; "Having bought Widget in 2004, Acme ..."
  {
    rule: 'acq.fronted-participle',
    type: 'acquisition',
    match: "^\\W*(?:(?:after|since|following|by|through|having|with) )?(?<v>acquiring|buying|purchasing|taking over|bought|acquired|purchased|taken over) {w}{b+}(?: (?:in|last|earlier|this) [\\w ]{1,20}?)?,? (?:the (?:[\\w'-]+ ){0,3})?{a!}",
    parties: ['a', 'b'],
    status: 'completed',
    score: 0.65,
    example: 'After acquiring Widget, Acme became the largest pump maker.',
  },
  // "Widget had sold Acme a stake in 2000": the seller's own shares
  {
    rule: 'sale.ditransitive.own',
    type: 'investment',
    match: "{s} {_}\\b(?<v><SELL_V>) {a} (?:a |an |its |the |new )?(?:[\\w.-]+ ){0,3}?(?:stake|holding|shareholding|shares)\\b(?! (?:in|of) (?:\\u0001|<|the\\b|its\\b|their\\b|an?\\b))",
    parties: ['a', 's'],
    object: 'stake',
    score: 0.65,
    example: 'Widget had sold Acme a stake in 2000.',
  },
  // "the agency agreed to sell Acme its 20 pct stake in Widget"; "Gadget sold Acme six pct of Widget's stock"
  {
    rule: 'sale.ditransitive',
    type: 'acquisition',
    match: "\\b(?<v><SELL_V>) {a} (?:its |a |an |the |their )?(?:[\\w.-]+ ){0,4}?(?:stake|holding|interest|shares|pct|percent|per cent|%) (?:in|of) {w}{b}",
    parties: ['a', 'b'],
    object: 'stake',
    score: 0.65,
    example: 'The agency agreed to sell Acme its 20 pct stake in Widget.',
  },
  // "Acme sold its Widget unit to Gadget Corp for $5m"; "Acme agreed to sell its shares to a partnership formed by X and Y"
  {
    rule: 'sale.verb.to',
    type: 'acquisition',
    // ("sell its spirits division for 545 mln dlrs to Acme": the price may come before the buyer)
    match: '(?:{s} {_})?\\b(?<v><SELL_V>) {w}(?:{u+},? {w})?(?:for {w})?to {w}(?:(?:formed|led|controlled|owned|backed|headed) by {w})?{a+}',
    parties: ['a', 'u', 's|S'],
    object: 'asset',
    score: 0.75,
    example: 'Acme sold its Widget unit to Gadget Corp for $5m.',
  },
  // "Acme Air will buy 15 new Planemaker 72-500s"; "Acme ordered 30 Planemaker A320 planes": the maker
  // named before the model or the goods word
  {
    rule: 'contract.order-maker',
    type: 'contract',
    match: '{a+} {_}\\b(?<v><ORDER_V>) (?:up to |another |a further |an additional )?(?:\\d[\\d,.]*|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a dozen|dozens of)(?: [a-z-]+){0,2}? {b}(?=[ -](?:[a-z]{0,3}-?\\d{2,4}|aircraft|airliners?|planes?|jets?|jetliners?|helicopters?|engines?|trucks?|locomotives?)\\b)',
    parties: ['a', 'b'],
    score: 0.75,
    example: 'Acme Air will buy 15 new Planemaker 72-500s.',
  },
  // "Acme bought the widget business from Gadget"; "Acme agreed to buy Widget and Sprocket from Gadget";
  // "Acme purchased a 19.9 pct parcel from Gadget": buyer, what is bought when named, seller
  {
    rule: 'acq.verb.from',
    type: 'acquisition',
    match: '{a+} {_}\\b(?<v><ACQ_V>) {w}(?:{u+},? {w})?from {w}{s}',
    parties: ['a', 'u', 's'],
    object: 'asset',
    score: 0.75,
    example: 'Acme bought the pump business from Gadget.',
  },
  // "Acme assumed control of Widget"; "Acme gained effective control of the company"
  {
    rule: 'acq.control',
    type: 'acquisition',
    match: '{a+} {_}\\b(?<v>(?:assum|gain|obtain|seiz|acquir)(?:e|es|ed|ing|s)? (?:full |effective |majority |operating |management |outright )?control|(?:took|take|takes|taking|taken|won|win|wins|bought|buy|buys) (?:full |effective |majority |operating |management |outright )?control) (?:of|over) {w}{b}',
    parties: ['a', 'b'],
    score: 0.7,
    example: 'Acme assumed control of Widget in May.',
  },
  // "Acme agreed to buy Widget for $5m"; "Acme has acquired 60% of Widget"; "Acme bought a 20% stake in Widget"
  {
    rule: 'acq.verb',
    type: 'acquisition',
    // ("buy Widget Co Inc's <WID> Gadget unit": a ticker may follow the owner)
    match: "{a+} {_}\\b(?<v><ACQ_V>) {w}{b+}(?:'s?(?: <[^>\\n]{1,14}>)? {w}{u})?",
    parties: ['a', 'u', 'b'],
    possessive: true,
    object: 'stake-not-goods',
    score: 0.8,
    example: 'Acme agreed to buy Widget for $5m.',
  },
  // The target named in an apposition after a description: "Acme recently acquired a small blog
  // publisher, Widget Inc"; "Acme bought the country's largest pump maker, Widget"
  {
    rule: 'acq.verb.appositive',
    type: 'acquisition',
    match: "{a+} {_}\\b(?<v><ACQ_V>) (?:a|an|the|its|their) (?:[\\w'-]+ ){0,6}?[\\w'-]+, {b!}(?=\\.?(?:[,.;]|$| (?:for|in|last|this|from|and|which|who|that)\\b))",
    parties: ['a', 'b'],
    score: 0.7,
    example: 'Acme recently acquired a small blog publisher, Widget Inc.',
  },
  // "Acme's $5bn takeover of Widget"; "Acme announced the acquisition of Widget"
  {
    rule: 'acq.noun.of',
    type: 'acquisition',
    // (not "would support an acquisition of Widget by another party": the subject is no buyer)
    match: '{a+} {_}\\b(?<v><ACQ_N>) (?:of|for) {w}{b+}(?![^.;\\n]{0,40}?\\bby (?:another|other|a third|third|an? (?:unnamed|undisclosed|outside|unidentified|rival))\\b)',
    parties: ['a', 'b'],
    object: 'stake-not-goods',
    score: 0.65,
    example: 'Acme announced the acquisition of Widget.',
  },
  // "Acme paid $5m for a 10% stake in Widget"; "Acme will pay $630m for the corn business of Widget" (only in a
  // sentence that also holds a word of TRIGGER_ANY, which has no "pay")
  {
    rule: 'acq.pay-for',
    type: 'acquisition',
    match: "{a+} {_}\\b(?<v>pay|pays|paid|paying|spend|spends|spent|spending) {w}(?:for|on) {w}(?:(?:buying|acquiring|purchasing) {w})?{b}(?:'s? {w}{u})?",
    parties: ['a', 'u', 'b'],
    possessive: true,
    object: 'stake-not-goods',
    score: 0.7,
    example: 'Acme paid $5m for a 10% stake in Widget.',
  },
];

/**
 * Context cues: words around a capitalised name that say it names a company. Small declarative
 * tables; the comment above each shows the kind of text it handles (invented examples).
 */

// "oil firm Acme", "rival bank Foo Holdings", "clothing retailer Bar", "Jeweller Baz"
export const HEAD_NOUNS: ReadonlySet<string> = new Set(
  (
    'firm firms company companies group conglomerate corporation business businesses rival rivals competitor ' +
    'competitors bank banks lender lenders insurer insurers broker brokerage retailer retailers chain store stores ' +
    'jeweller jeweler maker makers manufacturer manufacturers producer producers carmaker carmakers automaker ' +
    'automakers airline airlines carrier carriers operator operators brewer brewers distiller giant giants ' +
    'subsidiary subsidiaries unit affiliate division partner partners provider providers supplier suppliers ' +
    'vendor vendors developer developers publisher publishers distributor distributors conglomerate ' +
    'chipmaker chipmakers drugmaker drugmakers pharmaceutical pharmaceuticals telecom telecoms telco ' +
    'outfit start-up startup consultancy consultancies agency house investor investors fund shipbuilder ' +
    'miner refiner utility utilities dealer dealers exporter importer owner owners parent ' +
    'forecaster forecasters pollster pollsters consultant consultants titan titans behemoth behemoths multinational multinationals specialist specialists ' +
    // "analysts Foo Research", "researchers Acme Data": a plural (the singular is a person title)
    'analysts researchers ' +
    // "Acme, the Ruritania-listed arm of Foo"
    'arm shop funds ' +
    // "pan-European bourse Acme", "photo-sharing site Foo", "online marketplace Bar", "record label Baz"
    'bourse bourses website websites site portal marketplace label studio studios'
  ).split(/\s+/),
);

/** Head nouns that name a business only when a business word comes before them ("oil group"). */
export const WEAK_HEAD_NOUNS: ReadonlySet<string> = new Set(
  'group agency house investor investors fund funds owner owners parent partner partners specialist specialists site portal label studio studios'.split(' '),
);

// "Acme shares rose", "Acme bosses told", "Acme chief Jane Doe", "Acme spokesman"
export const RIGHT_NOUNS: ReadonlySet<string> = new Set(
  (
    'shares stock stocks shareholders stockholders chief boss bosses chairman chairwoman spokesman spokeswoman ' +
    'spokesperson executives executive management board directors subsidiary subsidiaries unit division ' +
    'employees staff workers'
  ).split(/\s+/),
);

/** Executive titles written as acronyms after a company: "Acme CEO Jane Doe", "the Foo CFO". */
export const TITLE_ACRONYMS: ReadonlySet<string> = new Set('ceo cfo coo cto'.split(' '));

// "Acme's shares", "Acme's takeover of", "Acme's market share", "Acme's chief executive"
export const POSSESSIVE_NOUNS: ReadonlySet<string> = new Set(
  (
    'shares share stock chief boss bosses chairman chairwoman board management takeover takeovers bid bids offer ' +
    'profit profits sales revenue revenues earnings turnover stake subsidiary subsidiaries unit units division ' +
    'divisions affiliate affiliates customers subscribers products stores outlets shareholders stockholders executives employees staff ' +
    'founder founders rival rivals acquisition acquisitions purchase merger plant plants factory factories ' +
    'business businesses brand brands operations results headquarters ceo cfo president spokesman spokeswoman ' +
    'market assets debt debts bonds dividend losses loss valuation portfolio network networks'
  ).split(/\s+/),
);

// "shares in Acme", "stake in Acme", "takeover of Acme", "bid for Acme", "analyst at Acme"
export const LEFT_PHRASES: readonly (readonly string[])[] = [
  ['shares', 'in'], ['shares', 'of'], ['stake', 'in'], ['stakes', 'in'], ['holding', 'in'], ['interest', 'in'],
  ['holdings', 'in'], ['takeover', 'of'], ['acquisition', 'of'], ['purchase', 'of'], ['merger', 'of'], ['merger', 'with'],
  ['merge', 'with'], ['merging', 'with'], ['bid', 'for'], ['offer', 'for'], ['bids', 'for'], ['approach', 'to'],
  ['subsidiary', 'of'], ['unit', 'of'], ['division', 'of'], ['affiliate', 'of'], ['arm', 'of'],
  ['owned', 'by'], ['acquired', 'by'], ['bought', 'by'], ['controlled', 'by'], ['taken', 'over', 'by'],
  ['analyst', 'at'], ['analysts', 'at'], ['analyst', 'with'], ['analyst', 'for'], ['economist', 'at'],
  ['strategist', 'at'], ['analyst', 'from'], ['analysts', 'from'],
  ['chief', 'executive', 'of'], ['chairman', 'of'], ['president', 'of'], ['executive', 'at'],
  ['spokesman', 'for'], ['spokeswoman', 'for'], ['spokesperson', 'for'], ['founder', 'of'],
  ['shareholders', 'of'], ['shareholders', 'in'], ['customers', 'of'], ['rivals', 'such', 'as'],
  ['deal', 'with'], ['agreement', 'with'], ['partnership', 'with'], ['venture', 'with'], ['alliance', 'with'],
  ['contract', 'with'], ['talks', 'with'], ['sold', 'to'], ['sale', 'to'], ['sell', 'to'],
  // "chief investment officer of Acme Fund Managers", "head of research at Foo Securities"
  ['officer', 'of'], ['research', 'at'], ['trader', 'at'], ['dealer', 'at'], ['partner', 'at'], ['director', 'at'],
  // "specialist firms such as Acme", "rivals including Foo"
  ['firms', 'such', 'as'], ['companies', 'such', 'as'], ['makers', 'such', 'as'], ['operators', 'such', 'as'],
  ['retailers', 'such', 'as'], ['banks', 'such', 'as'], ['groups', 'such', 'as'], ['providers', 'such', 'as'],
  ['firms', 'including'], ['companies', 'including'], ['rivals', 'including'], ['rivals', 'like'], ['firms', 'like'], ['retailers', 'like'],
  // "a survey by Acme Research", "a study by Foo": research firms (public bodies are in notCompanies)
  ['survey', 'by'], ['study', 'by'], ['poll', 'by'], ['report', 'by'], ['research', 'by'],
  // firms in attribution: "according to Acme Research", "a survey conducted by Foo", "figures compiled by Bar"
  ['according', 'to'], ['conducted', 'by'], ['gathered', 'by'], ['compiled', 'by'], ['commissioned', 'by'], ['carried', 'out', 'by'],
  // employers after a job title: "a broker for Acme", "a fund manager with Foo", "chairman of Bar FC"
  ['broker', 'for'], ['broker', 'at'], ['broker', 'with'], ['trader', 'with'], ['manager', 'at'], ['manager', 'with'],
  ['economist', 'with'], ['strategist', 'with'], ['economist', 'for'], ['chairman', 'of'], ['executive', 'of'], ['founder', 'of'],
  // the maker or operator of a product: "software developed by Acme", "toys made under licence from Foo"
  ['developed', 'by'], ['made', 'by'], ['manufactured', 'by'], ['produced', 'by'], ['operated', 'by'], ['run', 'by'], ['built', 'by'],
  ['license', 'from'], ['licence', 'from'], ['licensed', 'from'],
  // the object of a purchase: "Acme buying Foo", "after it acquired Bar"
  ['buying'], ['acquiring'], ['acquired'], ['bought'], ['purchased'],
];

// "Acme said", "Acme reported", "Acme has agreed": weak, people do these too.
export const RIGHT_VERBS: ReadonlySet<string> = new Set(
  (
    'said says reported reports announced announces posted posts agreed agrees plans planned filed ' +
    'acquired acquires bought buys sold sells owns owned launched launches employs makes ' +
    'rose fell jumped slipped gained dropped shed climbed'
  ).split(/\s+/),
);

// "Acme has agreed to", "Foo will pay", "Bar is also launching": words between a name and its verb.
export const AUXILIARIES: ReadonlySet<string> = new Set(
  'has have had will would is was are were also both then now could may might should'.split(' '),
);

// "Acme has agreed", "Foo will buy", "Bar cut its prices": business verbs a name takes after an
// auxiliary (RIGHT_VERBS also count there).
export const AUX_VERBS: ReadonlySet<string> = new Set(
  (
    'agreed pay buy acquire sell merge invest launch launched launching cut raised raise bid offered offer ' +
    'reported posted announced said warned expects denied confirmed declined rejected completed ' +
    'pay paid won lost signed opened closed'
  ).split(/\s+/),
);

// "New York investor Jane Doe", "tycoon Foo Bar": a person, not a company, follows.
export const PERSON_NOUNS: ReadonlySet<string> = new Set(
  (
    'investor financier tycoon billionaire millionaire entrepreneur businessman businesswoman magnate raider ' +
    'speculator arbitrager arbitrageur shareholder founder designer'
  ).split(/\s+/),
);

// "his brother Jane", "the founder's son Foo": a kinship noun before a bare given name says it is a person.
export const KIN_NOUNS: ReadonlySet<string> = new Set(
  'brother brothers sister sisters son sons daughter daughters wife husband widow nephew niece cousin uncle aunt'.split(' '),
);

// "Pan-European exchange", "Anglo-Dutch group", "Sino-Ruritanian venture": combining forms that,
// hyphenated with a nationality or place, make an adjective (a modifier, not a name).
export const COMBINING_PREFIXES: ReadonlySet<string> = new Set(
  'pan anglo sino franco euro afro indo italo russo greco austro hispano luso judeo nippo germano trans'.split(' '),
);

// "Trouble-hit Acme", "Debt-laden Foo", "Crisis-torn Bar": irregular participles and adjectives
// that, after a hyphen, make the capitalised word before them a modifier ("-ed"/"-ing" are
// recognised by their ending).
export const MODIFIER_TAILS: ReadonlySet<string> = new Set(
  'hit laden stricken torn ridden driven struck held free rich heavy hungry prone proof shy'.split(' '),
);

/**
 * Company words that end a name, though the last word alone names a public body:
 * "Acme Savings and Loan Association", "Foo Building Society" (thrifts and mutuals are businesses).
 */
export const COMPANY_HEAD_PAIRS: ReadonlySet<string> = new Set([
  'loan association', 'savings association', 'building society', 'loan associations',
]);

// "Acme-owned", "Acme-backed", "Acme-controlled": both the name and what it qualifies.
export const OWNERSHIP_SUFFIXES: ReadonlySet<string> = new Set(['owned', 'backed', 'controlled', 'funded', 'led']);
/** Owners that are no companies: "the Crown-owned company", "a State-backed bank", "Government-funded". */
export const PUBLIC_OWNERS: ReadonlySet<string> = new Set(['crown', 'state', 'government', 'family', 'employee', 'public', 'council', 'city', 'taxpayer']);

// "Jane Doe, chief executive of Acme", "Jo Bloggs, head of": the name before is a person.
export const APPOSITIVE_TITLES: ReadonlySet<string> = new Set(
  (
    'head chief chair chairman chairwoman president director managing executive analyst economist founder ' +
    'spokesman spokeswoman spokesperson secretary minister boss partner professor author editor vice senior ' +
    'deputy general lawyer attorney'
  ).split(/\s+/),
);

// "Mr Smith", "Chief Executive Jane Doe", "Prime Minister X": what follows is a person.
export const PERSON_TITLES: ReadonlySet<string> = new Set(
  (
    'mr mrs ms miss dr sir lord lady dame prof professor president chairman chairwoman chief executive ' +
    'minister secretary senator governor judge justice king queen prince princess pope general colonel ' +
    'captain rev father mayor premier chancellor director founder analyst economist commissioner ' +
    'spokesman spokeswoman deputy vice saint st ceo cfo coo cto chairperson leader'
  ).split(/\s+/),
);

/**
 * Words that make a capitalised sequence a public body, not a company:
 * "Ministry of Defence", "Department of Transportation", "Harvard University", "Acme Workers Union".
 */
export const NON_COMPANY_HEADS: ReadonlySet<string> = new Set(
  (
    'ministry department commission authority agency council court courts committee office bureau parliament ' +
    'government administration senate congress assembly party university college school institute ' +
    'academy hospital police army navy federation union unions association associations organisation ' +
    'organization foundation society club league church museum tribunal regulator watchdog ' +
    'board exchange index average republic kingdom state states city county province embassy confederation ' +
    // "the Canadian Auto Workers", "Communication Workers": unions named after their members
    'workers'
  ).split(/\s+/),
);

/** Two-word heads of public bodies that end in a designator ("Central Bank", "Development Bank"). */
export const NON_COMPANY_PAIRS: ReadonlySet<string> = new Set([
  'central bank', 'reserve bank', 'development bank', 'world bank', 'investment bank', 'national bank of',
  'federal reserve', 'stock exchange', 'news agency', 'research center', 'research centre', 'research council',
]);

// "the Acme lager brand", "Acme phones": nouns that make the bare name before them a brand or product
export const PRODUCT_NOUNS: ReadonlySet<string> = new Set(
  ('lager beer beers ale whisky vodka wine wines cola brand brands label phone phones handset handsets console ' +
    'consoles browser player players software app apps car cars model models range drink drinks cigarettes').split(' '),
);

// "the Foo and Bar units": plural heads after two names joined by "and" say they are two
export const PLURAL_HEADS: ReadonlySet<string> = new Set(
  'units subsidiaries divisions companies firms banks businesses affiliates brands chains stores'.split(' '),
);

// "Acme analyst Jane Doe", "economist Jo Bloggs of Foo": people who work for a firm they are named with
export const ANALYST_NOUNS: ReadonlySet<string> = new Set(['analyst', 'economist', 'strategist']);

// "the Foo Awards committee": lower-case nouns after a name that make it a body
export const BODY_NOUNS_AFTER: ReadonlySet<string> = new Set(
  'committee commission council panel ministry department taskforce tribunal'.split(' '),
);

// "investment firm Grant Fooson": head nouns that name only businesses, so the name after them is no
// person even when it looks like one (not "consultant", "developer", "rival": people too)
export const BUSINESS_ONLY_HEADS: ReadonlySet<string> = new Set(
  ('firm firms company companies bank banks lender insurer brokerage retailer chain jeweller jeweler maker ' +
    'manufacturer producer carmaker automaker airline carrier operator brewer distiller conglomerate subsidiary ' +
    'unit affiliate division provider supplier chipmaker drugmaker telecom telco outfit start-up startup ' +
    'consultancy shipbuilder miner refiner utility multinational').split(' '),
);

// "Acme investment bank", "Foo oil group", "Bar software maker": sector words before a head noun
export const SECTOR_WORDS: ReadonlySet<string> = new Set(
  ('investment oil gas energy software drinks media telecoms telecom retail research chemicals chemical steel mining ' +
    'insurance brokerage consulting engineering technology tech computer car airline banking financial security ' +
    'mobile phone internet web search music games cement beer drinks food clothing fashion').split(' '),
);

// "Foo, Bar and Baz, a New York brokerage partnership": a head noun of firms of partners
export const PARTNERSHIP_NOUNS: ReadonlySet<string> = new Set(['partnership']);

// "Acme-owned Foo", "state-controlled Bar": the name after is owned by the one before
export const OWNED_TAILS: ReadonlySet<string> = new Set(['owned', 'controlled']);

// "London-based Acme", "Ohio-headquartered Foo", "Paris-listed Bar": the name after is a company
export const BASED_TAILS: ReadonlySet<string> = new Set(['based', 'headquartered', 'listed']);

// "Acme said", "Foo says": the verbs of a source, which people and companies both take
export const SAY_VERBS: ReadonlySet<string> = new Set(['said', 'says']);

// "Foo said it would", "Foo said its profit": after a lone name, only a company says "it"
export const IT_PRONOUNS: ReadonlySet<string> = new Set(['it', 'its']);

// "Acme, the world's biggest retailer", "Foo, a maker of widgets", "Bar, its parent": an appositive opens so
export const APPOSITIVE_OPENERS: ReadonlySet<string> = new Set(['the', 'a', 'an', 'its']);

// "Foo, Bar and Baz, a New York brokerage partnership": an indefinite description of one firm
export const INDEFINITE_ARTICLES: ReadonlySet<string> = new Set(['a', 'an']);

// "Ruritania's Liberal leader", "Ruritania's Foo party": what makes a country's named thing no company
export const POLITICAL_NOUNS: ReadonlySet<string> = new Set(['leader']);

// "Acme, Foo and Bar", "Acme or Foo", "Acme & Foo": what stands between two names of one list
export const LIST_SEPARATORS: ReadonlySet<string> = new Set([',', ', and', 'and', 'or', ', or', '&']);

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { newDoc } from '../../pipelines/news/doc.ts';
import type { CompanyEntity, Doc } from '../../pipelines/news/doc.ts';
import { normalize } from '../../pipelines/news/components/normalize.ts';
import { sentences } from '../../pipelines/news/components/sentences.ts';
import { COMPANY_COMPONENTS, companies } from '../../pipelines/news/components/companies.ts';
import { createPipeline, loadPipelineDef } from '../../pipelines/news/index.ts';
import { CompanySchema } from '../../src/schema.ts';

function run(text: string): Doc {
  const doc = newDoc({ url: null, title: 't', publishedAt: null, source: null, text });
  const ctx = { pipeline: 'test@0.0.0' };
  normalize.run(doc, ctx);
  sentences.run(doc, ctx);
  companies.run(doc, ctx);
  return doc;
}
const names = (text: string) => run(text).companies.map((c) => c.name);
const byName = (doc: Doc, name: string): CompanyEntity => {
  const c = doc.companies.find((x) => x.name === name);
  if (!c) throw new Error(`no company "${name}" in ${doc.companies.map((x) => x.name).join(', ')}`);
  return c;
};

describe('companies: evidence of its own', () => {
  it('finds names with corporate designators and drops the legal suffix from the name', () => {
    const doc = run('Zorblax Widgets Inc said it would buy Quillon Brewing Ltd. Analysts at Fenwick Capital Partners were surprised.');
    expect(doc.companies.map((c) => c.name)).toEqual(['Zorblax Widgets', 'Quillon Brewing', 'Fenwick Capital Partners']);
    expect(byName(doc, 'Zorblax Widgets').aliases).toEqual(['Zorblax Widgets Inc']);
  });

  it('reads wire style: names in angle brackets are companies, tickers in brackets are tickers', () => {
    const doc = run('Grendal Corp <GRDL> said it sold its stake in <Vostrik Holdings Ltd> to an investor group.');
    expect(doc.companies.map((c) => [c.name, c.ticker])).toEqual([
      ['Grendal', 'GRDL'],
      ['Vostrik Holdings', null],
    ]);
  });

  it('uses curated names, divisions with their parent, and the SEC list for ticker and CIK', () => {
    const doc = run('Customers of AWS and Microsoft Azure pay more, while Microsoft itself said Costco Wholesale would switch.');
    const aws = byName(doc, 'Amazon Web Services');
    expect(aws.parent).toBe('Amazon');
    expect(aws.aliases).toEqual(['AWS']);
    expect(byName(doc, 'Microsoft Azure').parent).toBe('Microsoft');
    const msft = byName(doc, 'Microsoft');
    expect([msft.ticker, msft.cik]).toEqual(['MSFT', 789019]);
    // a curated company keeps its curated name whatever form the article uses: one id across articles
    const costco = byName(doc, 'Costco');
    expect(costco.ticker).toBe('COST');
    expect(costco.aliases).toEqual(['Costco Wholesale']);
  });
});

describe('companies: context cues', () => {
  it('accepts unknown names with a company cue and leaves bare unknown names alone', () => {
    const doc = run(
      'Oil firm Varnoko has agreed a deal. Shares in Tellurian Bay rose. Brimsworth was quiet all week. ' +
        'Krevnik shares fell 3%.',
    );
    expect(doc.companies.map((c) => c.name)).toEqual(['Varnoko', 'Tellurian Bay', 'Krevnik']);
  });

  it('reads possessives and appositives', () => {
    const doc = run("Plovix's chief executive resigned. Darrowgate, the country's biggest retailer, was unmoved.");
    expect(doc.companies.map((c) => c.name)).toEqual(['Plovix', 'Darrowgate']);
    const p = byName(doc, 'Plovix');
    expect(p.mentions[0]).toMatchObject({ start: 0, end: 6, text: 'Plovix', sentence: 0 });
  });

  it('takes a name listed beside companies, but not an ordinary word', () => {
    expect(names('Rivals include Microsoft, Quantrel and Google.')).toEqual(['Microsoft', 'Quantrel', 'Google']);
    expect(names('Microsoft and Reuters were both cited.')).toEqual(['Microsoft']);
  });
});

describe('companies: more cues and guards', () => {
  it('reads "X-based", a head noun before a comma, and "said it"', () => {
    expect(names('Oslo-based Vettrik raised $5m. The state-owned carrier, Norvalo Air, cut jobs. Brenhaven said it would appeal.')).toEqual([
      'Vettrik',
      'Norvalo Air',
      'Brenhaven',
    ]);
  });

  it('does not take a surname with "said" for a company', () => {
    expect(names('"It is too early," said Jane Kowalczyk, an economist. Kowalczyk said growth would slow.')).toEqual([]);
  });

  it('takes the owner of a known product, and not the product', () => {
    expect(names("Apple's iPhone sales rose, said Quorvant Research.")).toEqual(['Apple', 'Quorvant Research']);
  });

  it('treats an acronym defined after a public body as a public body', () => {
    expect(names('The Office of Fair Dealing (OFD) said it would look at the deal. OFD said Zentrix Corp agreed.')).toEqual(['Zentrix']);
  });

  it('keeps place words in a name with a designator', () => {
    expect(names('Washington National Corp sold its stake to Ohio Valley Bancorp.')).toEqual(['Washington National', 'Ohio Valley Bancorp']);
  });

  it('folds a "Name + designator" division into a curated company, and names it after the company', () => {
    const doc = run('Microsoft Research hired 40 people, Microsoft said. BT Retail cut prices, BT said.');
    expect(doc.companies.map((c) => [c.name, c.aliases])).toEqual([
      ['Microsoft', ['Microsoft Research', 'Microsoft']],
      ['BT', ['BT Retail', 'BT']],
    ]);
  });

  it('gives a division its curated parent when the parent is not named on its own', () => {
    expect(run('BT Wholesale cut prices.').companies.map((c) => [c.name, c.parent])).toEqual([['BT Wholesale', 'BT']]);
  });
});

describe('companies: merging surface forms', () => {
  it('merges a short form and a possessive into the full name, with offsets into the text', () => {
    const text = 'Halvering Mitsuo Financial Group said on Monday it would bid. Halvering\u2019s board backed the plan.';
    const doc = run(text);
    expect(doc.companies).toHaveLength(1);
    const c = doc.companies[0]!;
    expect(c.name).toBe('Halvering Mitsuo Financial Group');
    expect(c.aliases).toEqual(['Halvering Mitsuo Financial Group', 'Halvering']);
    for (const m of c.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
    expect(c.mentions[1]).toMatchObject({ text: 'Halvering', sentence: 1 });
  });

  it('merges an acronym defined in brackets and one matching the initials', () => {
    const doc = run('Trans Orbital Airlines Inc (TOA) cut fares. Later TOA said it would fly to Lima. Quinto Data Systems Corp agreed; QDS declined to comment.');
    expect(doc.companies.map((c) => [c.name, c.aliases])).toEqual([
      ['Trans Orbital Airlines', ['Trans Orbital Airlines Inc', 'TOA']],
      ['Quinto Data Systems', ['Quinto Data Systems Corp', 'QDS']],
    ]);
  });

  it('keeps "X and Y Publishers" and "X & Co" whole, and two companies joined by "and" apart', () => {
    expect(names('Pell and Marrow Publishers Inc agreed terms with Dunmore Sachs & Co.')).toEqual([
      'Pell and Marrow Publishers',
      'Dunmore Sachs',
    ]);
    expect(names('Boeing and Airbus both bid.')).toEqual(['Boeing', 'Airbus']);
  });
});

describe('companies: what is not a company', () => {
  it('skips people, places, regulators, exchanges and products', () => {
    const doc = run(
      'Mr Harlan Petrov, chief executive of Zentrix Corp, spoke in London. The Securities and Exchange Commission ' +
        'and the New York Stock Exchange were told. Apple said iPod sales rose, and Internet Explorer lost users.',
    );
    expect(doc.companies.map((c) => c.name)).toEqual(['Zentrix', 'Apple']);
  });

  it('does not take sentence-initial ordinary words or a project for a company', () => {
    expect(names('Target dates were missed. Additionally, the Stargate project grew. However, Analysts said so.')).toEqual([]);
  });

  it('takes a guarded name when it is used as a company mid-sentence', () => {
    expect(names('The mobile operator Orange said it had 10 million users.')).toEqual(['Orange']);
    expect(names('Shares of Target rose after the results.')).toEqual(['Target']);
  });
});

describe('companies: seed article', () => {
  it('finds the cloud providers and nothing generic', () => {
    const text = readFileSync(new URL('../../seeds/000_4eb8863552187eec.txt', import.meta.url), 'utf8');
    const doc = run(text);
    const found = doc.companies.map((c) => c.name);
    for (const want of ['Microsoft', 'OpenAI', 'SoftBank', 'Oracle', 'Amazon Web Services', 'Synergy Research Group'])
      expect(found).toContain(want);
    expect(found.some((n) => n.startsWith('Google Cloud'))).toBe(true);
    expect(byName(doc, 'Amazon Web Services').aliases).toContain('AWS');
    expect(byName(doc, 'Microsoft Azure').parent).toBe('Microsoft');
    for (const bad of ['Stargate', 'Cloud Wars', 'AI', 'Battleground', 'Additionally']) expect(found).not.toContain(bad);
    for (const c of doc.companies) {
      expect(CompanySchema.safeParse({ ...c, mentions: c.mentions.map(({ sentence: _s, ...m }) => m) }).success).toBe(true);
      for (const m of c.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
    }
  });
});

describe('companies: classes found on unseen articles', () => {
  it('keeps a bracketed word inside a name before its designator, and merges the short form', () => {
    const doc = run(
      'Quarrow Equity (Pacific) Ltd, a Hong Kong investment firm, said it raised its stake. ' +
        'In a filing, Quarrow Equity, which is owned by Vettel Investments Ltd, bought more.',
    );
    expect(doc.companies.map((c) => [c.name, c.aliases])).toEqual([
      ['Quarrow Equity (Pacific)', ['Quarrow Equity (Pacific) Ltd', 'Quarrow Equity']],
      ['Vettel Investments', ['Vettel Investments Ltd']],
    ]);
    expect(names('Its parent Ltd said so.')).toEqual([]);
  });

  it('takes a name by its verb after an auxiliary and keeps a nationality joined by "&"', () => {
    const doc = run(
      "Italy's Brovelli Tarsano has agreed to buy 30% of Kessling, the largest wine maker in Spain. Brovelli will pay cash. " +
        'Heineken, Carlsberg and Scottish & Whitlow have all invested.',
    );
    expect(doc.companies.map((c) => c.name)).toEqual(['Brovelli Tarsano', 'Kessling', 'Heineken', 'Carlsberg', 'Scottish & Whitlow']);
    expect(byName(doc, 'Brovelli Tarsano').aliases).toEqual(['Brovelli Tarsano', 'Brovelli']);
  });

  it('does not take the place in "<Place>-based" for a company, and merges a near short form', () => {
    const doc = run(
      'The bid came from Boston-based investment firm Tallowfields Capital Management. ' +
        'Tallowfield said it intends to take the Virginia-based firm private.',
    );
    expect(doc.companies.map((c) => [c.name, c.aliases])).toEqual([
      ['Tallowfields Capital Management', ['Tallowfields Capital Management', 'Tallowfield']],
    ]);
  });

  it('keeps a place-named unit apart from its parent', () => {
    const doc = run("Dravik Europe's net earnings rose, said the chairman of Dravik Europe, the Dravik Motor Co unit.");
    expect(doc.companies.map((c) => [c.name, c.parent])).toEqual([
      ['Dravik Europe', null],
      ['Dravik Motor', null],
    ]);
  });

  it('reads thrift names, "Bank for Savings" and a short form shared by two names', () => {
    const doc = run(
      'Calder Five Cents Savings Bank said it and Morvan Bank for Savings agreed to merge, forming Calder Five Bancorp. ' +
        'Calder Five said Morvan Bank holders would get shares. Far Ridge Savings and Loan Association was not involved.',
    );
    expect(doc.companies.map((c) => [c.name, c.aliases])).toEqual([
      ['Calder Five Cents Savings Bank', ['Calder Five Cents Savings Bank', 'Calder Five']],
      ['Morvan Bank for Savings', ['Morvan Bank for Savings', 'Morvan Bank']],
      ['Calder Five Bancorp', ['Calder Five Bancorp']],
      ['Far Ridge Savings and Loan Association', ['Far Ridge Savings and Loan Association']],
    ]);
  });

  it('takes people for people: "investor X", hyphenated titles, a business head noun overrules a first name', () => {
    expect(names('Samjex, formed by Dovrin Textile Inc and New York investor Asher Pellman, bid. Pellman and Dovrin declined.')).toEqual([
      'Dovrin Textile',
    ]);
    expect(names('Vice-President Harold Quist said the budget was tight.')).toEqual([]);
    expect(names('A report from investment firm Grant Soller values the shares higher.')).toEqual(['Grant Soller']);
  });

  it('merges the short form of an initialled name and of a possessive name', () => {
    expect(run("K.L. Marbury LBO Inc is interested, a Marbury spokesman said. Marbury's offer was topped.").companies.map((c) => c.aliases)).toEqual([
      ['K.L. Marbury LBO Inc', 'Marbury'],
    ]);
    expect(run("The group sold its shares in Hollin's Inc. A takeover of Hollin's failed.").companies.map((c) => c.name)).toEqual(["Hollin's"]);
  });

  it('reads lists with a country possessive, surnames and "firms such as"', () => {
    expect(names("Rivals include Lufthansa, British Airways and Spain's Velmora.")).toEqual(['Lufthansa', 'British Airways', 'Velmora']);
    expect(names('Makers such as Nokia, Sagem, Sony and Thomson are gearing up.')).toEqual(['Nokia', 'Sagem', 'Sony', 'Thomson']);
    expect(names('It left the market to specialist firms such as Quellix, Varnost and Drebble Micro.')).toEqual([
      'Quellix',
      'Varnost',
      'Drebble Micro',
    ]);
  });

  it('splits two names joined by "and" when a designator or a plural head says so', () => {
    expect(names('They do business as Plenmore Imports and K.T. Industries respectively.')).toEqual(['Plenmore Imports', 'K.T. Industries']);
    expect(names('It will focus on its Carrow Lumber and Dessel Wholesale units.')).toEqual(['Carrow Lumber', 'Dessel Wholesale']);
    expect(names('It plans to split into QV Fly and QV Services.')).toEqual(['QV Fly', 'QV Services']);
    expect(names('Its Tarrin Systems and Services Inc unit agreed.')).toEqual(['Tarrin Systems and Services']);
  });

  it('reads comma-separated partnership names that end in "and Co" or ", Inc"', () => {
    expect(names('Sumitomo Bank became a partner in Goldman, Sachs and Co.')).toEqual(['Sumitomo Bank', 'Goldman Sachs']);
    expect(names('An analyst with Harlow, Weil, Brandt, Inc, said he was not surprised.')).toEqual(['Harlow, Weil, Brandt']);
  });

  it('does not take a country code plus trade words, a trade before "firm X", or a committee', () => {
    expect(names('It is the top U.S. Retail brokerage, analysts said.')).toEqual([]);
    expect(names('Jane Roe, head of MMS firm Adavance, said so.')).toEqual(['Adavance']);
    expect(names("Kim Lee, chair of Bafta's Interactive Entertainment committee, said so.")).toEqual([]);
  });

  it('names a dot-com company after its plain form and strips a trailing function word', () => {
    const doc = run('Website Zappix could be faked. A fake Zappix.com was registered with domain giant Verisign.');
    expect(doc.companies.map((c) => [c.name, c.aliases])).toEqual([
      ['Zappix', ['Zappix', 'Zappix.com']],
      ['Verisign', ['Verisign']],
    ]);
    expect(names('Sales rose 26%, according to analysts Quorvant More than 1 million were sold.')).toEqual(['Quorvant']);
  });
});

describe('companies: more classes from unseen wire and BBC copy', () => {
  it('reads "NL" as a designator, a product name with PLC as a company, and a body name ending a run', () => {
    expect(names('<Quorra Creek Consolidated NL> said the consortium will pay cash.')).toEqual(['Quorra Creek Consolidated']);
    expect(names('He would buy Guinness PLC <GUIN.L>\'s brewery division.')).toEqual(['Guinness']);
    expect(names('In a filing with the Securities and Exchange Commission Moller said he bought 65,000 Zentrix Corp shares.')).toEqual([
      'Zentrix',
    ]);
  });

  it('takes comma-separated partners described as one firm, and skips an acronym of a common noun phrase', () => {
    expect(names('Spear, Marlow and Keck, a New York brokerage partnership, said it bought shares.')).toEqual(['Spear, Marlow and Keck']);
    expect(names("Cable firm Telewest will offer a personal video recorder (PVR). Telewest's PVR will offer 160GB.")).toEqual(['Telewest']);
  });

  it('strips a hyphenated adjective opening the sentence, and needs a cue for a dictionary word in the SEC list', () => {
    expect(names('Privately-held Varlo Group bought two brands.')).toEqual(['Varlo Group']);
    expect(names('In Nice last week, the summit opened.')).toEqual([]);
  });
});

describe('companies: modifiers and people mistaken for names', () => {
  it('takes a nationality or region compound for a modifier, not a company or part of one', () => {
    expect(names('Pan-European stock market Tradex has approached the bourse.')).not.toContain('Pan-European');
    expect(names('Quarnby Motors lost a shareholder. The Anglo-Dutch firm, once its partner, left.')).toEqual(['Quarnby Motors']);
    expect(names('Sino-British Harrowgate Textiles shares rose.')).toEqual(['Harrowgate Textiles']);
    expect(names('The US-Japanese venture ended, Velmont Corp said.')).toEqual(['Velmont']);
    // a compound standing as a noun phrase with an appositive is a name
    expect(names('Its partner is Franco-Belgian, the shipping company.')).toEqual(['Franco-Belgian']);
  });

  it('strips an adjective + participle compound in front of a name wherever it stands', () => {
    expect(names('Trouble-hit Quarnby Motors has cut 2,000 jobs.')).toEqual(['Quarnby Motors']);
    expect(names('Shares in Trouble-hit Quarnby Motors fell.')).toEqual(['Quarnby Motors']);
    expect(names('Bids for Debt-laden Orvin Steel Corp are due.')).toEqual(['Orvin Steel']);
  });

  it('takes a bare given name for the person it names: after a kinship noun, or after the full name', () => {
    const kin =
      'Quelm Corp shares rose. The feud between Mr Pandit and his brother Ravindra went on. It is run by Ravindra. ' +
      'Ravindra has spoken of it, and of investment by Ravindra and Quelm in a phone venture.';
    expect(names(kin)).toEqual(['Quelm']);
    const full = 'Brisvane Holdings Inc is run by founder Torvald Ekstrom. Torvald said investment by Torvald and Brisvane would rise.';
    expect(names(full)).toEqual(['Brisvane Holdings']);
  });

  it('splits a capitalised person noun from the name after it, and a person from a company joined by "and"', () => {
    expect(names('A group controlled by New York Investor Harlan Vosk bought 5% of Quelm Corp.')).toEqual(['Quelm']);
    expect(names('Clifford R. Pardoe and Narrowfield Capital Inc <NRWF> offered to buy Pardoe Broadcasting Co.')).toEqual([
      'Narrowfield Capital',
      'Pardoe Broadcasting',
    ]);
  });
});

describe('companies: a person named after a title and a comma', () => {
  it('takes "chairman, X Y Z" for a person, and X alone later for the same person', () => {
    const text =
      'The bank seized Marlow Park Hotel Ltd shares belonging to the company\'s chairman, Quah Seng Lim, sources said. ' +
      'Quah is a major shareholder. Loans went to Quah-related firms.';
    expect(names(text)).toEqual(['Marlow Park Hotel']);
  });
});

describe('companies: four components over the Doc', () => {
  const text = 'Zorblax Widgets Inc said it would buy Quillon Brewing Ltd. Oil firm Varnoko said Zorblax shares rose.';

  it('runs as company_spans -> company_classes -> company_cues -> company_entities, each leaving its result on the Doc', () => {
    expect(COMPANY_COMPONENTS.map((c) => c.name)).toEqual(['company_spans', 'company_classes', 'company_cues', 'company_entities']);
    const def = loadPipelineDef('news.v1');
    const at = def.components.indexOf('company_spans');
    expect(def.components.slice(at, at + 4)).toEqual(COMPANY_COMPONENTS.map((c) => c.name));
    expect(def.components).not.toContain('companies');
    const doc = newDoc({ url: null, title: 't', publishedAt: null, source: null, text });
    const ctx = { pipeline: 'test@0.0.0' };
    normalize.run(doc, ctx);
    sentences.run(doc, ctx);
    const [spans, classes, cues, entities] = COMPANY_COMPONENTS;
    spans!.run(doc, ctx);
    const toks = doc.companyTokens;
    expect(doc.companySpans.map((sp) => text.slice(toks[sp.a]!.s, toks[sp.b - 1]!.e))).toEqual([
      'Zorblax Widgets Inc',
      'Quillon Brewing Ltd',
      'Oil',
      'Varnoko',
      'Zorblax',
    ]);
    classes!.run(doc, ctx);
    expect(doc.companyCandidates.list.map((c) => [c.key, c.kind, c.rule, c.weak])).toEqual([
      ['zorblax widgets', 'company', 'suffix', false],
      ['quillon brewing', 'company', 'suffix', false],
      // a sentence-initial ordinary word: may join a known entity, never founds one
      ['oil', 'candidate', 'context', true],
      ['varnoko', 'candidate', 'context', false],
      ['zorblax', 'candidate', 'context', false],
    ]);
    cues!.run(doc, ctx);
    expect([...doc.companyDecisions.decided].map(([k, d]) => [k, d.rule])).toEqual([
      ['zorblax widgets', 'suffix'],
      ['quillon brewing', 'suffix'],
      ['varnoko', 'cue:head-noun'],
      ['zorblax', 'cue:right:shares'],
    ]);
    entities!.run(doc, ctx);
    // "Zorblax" is the short form of "Zorblax Widgets": one entity
    expect(doc.companies.map((c) => [c.name, c.aliases])).toEqual([
      ['Zorblax Widgets', ['Zorblax Widgets Inc', 'Zorblax']],
      ['Quillon Brewing', ['Quillon Brewing Ltd']],
      ['Varnoko', ['Varnoko']],
    ]);
    expect(run(text).companies).toEqual(doc.companies);
  });

  it('fails to build a pipeline that runs a company component before what it requires', () => {
    expect(() =>
      createPipeline({ name: 'bad', version: '1.0.0', components: ['normalize', 'sentences', 'company_spans', 'company_cues', 'record'] }),
    ).toThrow(/component "company_cues" requires "companyCandidates", which no earlier component assigns/);
  });
});

describe('companies: two known names joined by a hyphen or a slash', () => {
  it.each([
    ['Analysts expect the Intel-Oracle merger to close soon.', ['Intel', 'Oracle']],
    ['This is a major step for the Intel/Oracle deal.', ['Intel', 'Oracle']],
    // one name, not a pair: the whole is known, or its parts are not, or the name goes on
    ['Coca-Cola raised its prices.', ['Coca-Cola']],
    ['Shares of Hewlett-Packard fell.', ['Hewlett-Packard']],
    // a lower-case prefix is no part of the name
    ['She is an ex-Intel engineer.', ['Intel']],
  ])('%s', (text, want) => {
    expect(names(text)).toEqual(want);
  });

  it('well-known companies by a short form, without a cue (lexicon/data/known-companies.json)', () => {
    expect(names('Citicorp raised its prime rate while HBO aired the final and McDonnell Douglas built the jet.')).toEqual(['Citicorp', 'HBO', 'McDonnell Douglas']);
    // also where the lexicon alone would want a cue: "Adidas", "AIG" at the start or after "by"
    expect(names('Adidas sponsors the team.')).toEqual(['Adidas']);
    expect(names('It got an investment by AIG last year.')).toEqual(['American International Group']);
    // a name that starts with up to four lower-case letters before a capital
    expect(names('Shares in easyJet fell while airBaltic said it would expand.')).toEqual(['EasyJet', 'airBaltic']);
    // an ordinary word, a place or a person's name never counts alone
    expect(names('Orange juice sales rose in Iceland, said Mr Miller.')).toEqual([]);
  });
});

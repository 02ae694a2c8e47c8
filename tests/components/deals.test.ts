import { describe, expect, it } from 'vitest';
import { newDoc } from '../../pipelines/news/doc.ts';
import type { Doc } from '../../pipelines/news/doc.ts';
import { foldText } from '../../pipelines/news/components/normalize.ts';
import { splitSentences } from '../../pipelines/news/components/sentences.ts';
import { compileTemplate, findCandidates, findDeals } from '../../pipelines/news/components/deals/index.ts';
import { CONTEXT_TYPE, DEAL_RULES, KIND_TYPE } from '../../pipelines/news/rules/deals.ts';
import { OFFER_RULE, STATUS_CUES } from '../../pipelines/news/rules/deals-status.ts';
import { getPipeline } from '../../pipelines/news/index.ts';
import { DealSchema } from '../../src/schema.ts';
import type { Deal } from '../../src/schema.ts';

/**
 * A Doc with sentences, the given companies (every occurrence of each surface form is a mention)
 * and money amounts ({text, amount, currency}, found by their text), as upstream components
 * would fill them. Invented text only.
 */
function makeDoc(
  text: string,
  companies: Record<string, string[]>,
  money: { text: string; amount: number; currency: string; perShare?: boolean }[] = [],
): Doc {
  const doc = newDoc({ url: null, title: 'test', publishedAt: null, source: null, text });
  doc.norm = foldText(text);
  doc.sentences = splitSentences(doc.norm, text);
  const sentenceOf = (pos: number) => doc.sentences.findIndex((s) => pos >= s.start && pos < s.end);
  for (const [name, forms] of Object.entries(companies)) {
    const mentions: { start: number; end: number; text: string; sentence: number }[] = [];
    for (const form of [...forms].sort((a, b) => b.length - a.length)) {
      const re = new RegExp(`(?<![\\w])${form.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w])`, 'g');
      for (const m of doc.norm.matchAll(re)) {
        const start = m.index;
        if (mentions.some((x) => start < x.end && start + form.length > x.start)) continue;
        mentions.push({ start, end: start + form.length, text: form, sentence: sentenceOf(start) });
      }
    }
    mentions.sort((a, b) => a.start - b.start);
    doc.companies.push({ id: name.toLowerCase(), name, aliases: forms, mentions, ticker: null, cik: null, parent: null, confidence: 0.9, rule: 'test' });
  }
  for (const q of money) {
    const start = text.indexOf(q.text);
    if (start < 0) throw new Error(`money "${q.text}" not in text`);
    doc.money.push({
      start,
      end: start + q.text.length,
      text: q.text,
      value: q.amount,
      amount: q.amount,
      currency: q.currency,
      high: null,
      perShare: q.perShare ?? false,
      sentence: sentenceOf(start),
    });
  }
  return doc;
}

const only = (deals: Deal[]): Deal => {
  expect(deals).toHaveLength(1);
  return deals[0]!;
};

describe('deals: acquisitions', () => {
  it('reads "X agreed to acquire Y for $V" with buyer first, value and status', () => {
    const doc = makeDoc(
      'Northwind Traders Inc said it agreed to acquire Contoso Ltd for 120 mln dlrs in cash.',
      { 'Northwind Traders': ['Northwind Traders Inc'], Contoso: ['Contoso Ltd'] },
      [{ text: '120 mln dlrs', amount: 120_000_000, currency: 'USD' }],
    );
    const d = only(findDeals(doc));
    expect(d).toMatchObject({ type: 'acquisition', parties: ['Northwind Traders', 'Contoso'], status: 'announced', hedged: false });
    expect(d.value).toEqual({ amount: 120_000_000, currency: 'USD' });
    expect(d.evidence.text).toBe(doc.text.slice(d.evidence.start, d.evidence.end));
    expect(d.evidence.text).toContain('acquire Contoso Ltd');
    expect(DealSchema.safeParse(d).success).toBe(true);
  });

  it('puts the acquirer of a passive first and marks a past takeover completed', () => {
    const doc = makeDoc('Litware, which was bought by Fabrikam last year, makes batteries.', {
      Litware: ['Litware'],
      Fabrikam: ['Fabrikam'],
    });
    expect(only(findDeals(doc))).toMatchObject({ type: 'acquisition', parties: ['Fabrikam', 'Litware'], status: 'completed' });
  });

  it('reads a nominal takeover with the amount before the trigger', () => {
    const doc = makeDoc("Regulators cleared Adatum's $4.5bn takeover of Proseware on Monday.", {
      Adatum: ['Adatum'],
      Proseware: ['Proseware'],
    }, [{ text: '$4.5bn', amount: 4.5e9, currency: 'USD' }]);
    const d = only(findDeals(doc));
    expect(d).toMatchObject({ type: 'acquisition', parties: ['Adatum', 'Proseware'] });
    expect(d.value).toEqual({ amount: 4.5e9, currency: 'USD' });
  });

  it('leaves a per-share price out of the value', () => {
    const doc = makeDoc('Wingtip Toys made a tender offer for all outstanding shares of Blue Yonder at 42 dlrs a share.', {
      'Wingtip Toys': ['Wingtip Toys'],
      'Blue Yonder': ['Blue Yonder'],
    }, [{ text: '42 dlrs', amount: 42, currency: 'USD', perShare: true }]);
    const d = only(findDeals(doc));
    expect(d).toMatchObject({ type: 'acquisition', parties: ['Wingtip Toys', 'Blue Yonder'], value: null, status: 'pending' });
  });

  it('lists the buyer, the unit and the seller for the sale of a unit', () => {
    const doc = makeDoc('Tailspin Holdings said it completed the sale of its Coho Foods unit to Lucerne Publishing for 30 mln dlrs.', {
      'Tailspin Holdings': ['Tailspin Holdings'],
      'Coho Foods': ['Coho Foods'],
      'Lucerne Publishing': ['Lucerne Publishing'],
    }, [{ text: '30 mln dlrs', amount: 30_000_000, currency: 'USD' }]);
    const d = only(findDeals(doc));
    expect(d).toMatchObject({ type: 'acquisition', parties: ['Lucerne Publishing', 'Coho Foods', 'Tailspin Holdings'], status: 'completed' });
    expect(d.value?.amount).toBe(30_000_000);
  });

  it('keeps a rejected offer rejected, bidder first', () => {
    const doc = makeDoc('Contoso has rejected a takeover offer worth $2bn from Northwind.', {
      Contoso: ['Contoso'],
      Northwind: ['Northwind'],
    }, [{ text: '$2bn', amount: 2e9, currency: 'USD' }]);
    expect(only(findDeals(doc))).toMatchObject({ type: 'acquisition', parties: ['Northwind', 'Contoso'], status: 'rejected', value: { amount: 2e9, currency: 'USD' } });
  });

  it('marks talks as rumored and hedged, and a withdrawn bid as cancelled', () => {
    const talks = makeDoc('Sources said Fabrikam is in talks to buy Litware.', { Fabrikam: ['Fabrikam'], Litware: ['Litware'] });
    expect(only(findDeals(talks))).toMatchObject({ status: 'rumored', hedged: true });
    const off = makeDoc('Fabrikam has withdrawn its offer for Litware.', { Fabrikam: ['Fabrikam'], Litware: ['Litware'] });
    expect(only(findDeals(off))).toMatchObject({ status: 'cancelled', hedged: false });
  });

  it('does not report a counterfactual as a deal', () => {
    const doc = makeDoc('Fabrikam would have been larger had it also taken over Litware.', { Fabrikam: ['Fabrikam'], Litware: ['Litware'] });
    expect(findDeals(doc)).toEqual([]);
  });
});

describe('deals: stakes and investments', () => {
  it('types a minority stake purchase as an investment and a majority one as an acquisition', () => {
    const minority = makeDoc('Proseware has bought a 20% stake in Adatum.', { Proseware: ['Proseware'], Adatum: ['Adatum'] });
    expect(only(findDeals(minority))).toMatchObject({ type: 'investment', parties: ['Proseware', 'Adatum'], status: 'completed' });
    const majority = makeDoc('Proseware acquired 67.5% of Adatum.', { Proseware: ['Proseware'], Adatum: ['Adatum'] });
    expect(only(findDeals(majority)).type).toBe('acquisition');
  });

  it('puts the lead investor of a round first', () => {
    const doc = makeDoc('Blue Yonder raised $20m in a funding round led by Northwind Ventures.', {
      'Blue Yonder': ['Blue Yonder'],
      'Northwind Ventures': ['Northwind Ventures'],
    }, [{ text: '$20m', amount: 2e7, currency: 'USD' }]);
    expect(only(findDeals(doc))).toMatchObject({ type: 'investment', parties: ['Northwind Ventures', 'Blue Yonder'], value: { amount: 2e7, currency: 'USD' } });
  });
});

describe('deals: mergers, ventures, agreements, contracts', () => {
  it('reads "the merger of X and Y" and resolves "the two companies"', () => {
    const doc = makeDoc('Contoso and Fabrikam make chips. The two companies agreed to merge in March.', {
      Contoso: ['Contoso'],
      Fabrikam: ['Fabrikam'],
    });
    const d = only(findDeals(doc));
    expect(d.type).toBe('merger');
    expect([...d.parties].sort()).toEqual(['Contoso', 'Fabrikam']);
    const noun = makeDoc('The merger of steelmaker Contoso and Fabrikam is pending approval.', { Contoso: ['Contoso'], Fabrikam: ['Fabrikam'] });
    expect(only(findDeals(noun))).toMatchObject({ type: 'merger', parties: ['Contoso', 'Fabrikam'], status: 'pending' });
  });

  it('reads a merger called off by both parties as cancelled', () => {
    const doc = makeDoc('Tailspin and Wingtip called off their planned merger.', { Tailspin: ['Tailspin'], Wingtip: ['Wingtip'] });
    expect(only(findDeals(doc))).toMatchObject({ type: 'merger', parties: ['Tailspin', 'Wingtip'], status: 'cancelled' });
  });

  it('names a project presented as the deal', () => {
    const doc = makeDoc("The event marked the unveiling of Stargate, Contoso's new infrastructure deal with Fabrikam and Litware.", {
      Contoso: ['Contoso'],
      Fabrikam: ['Fabrikam'],
      Litware: ['Litware'],
    });
    expect(only(findDeals(doc))).toMatchObject({ parties: ['Contoso', 'Fabrikam', 'Litware'], name: 'Stargate' });
  });

  it('reads a right of first refusal as an agreement', () => {
    const doc = makeDoc('Contoso has the right of first refusal on any future sale of Fabrikam.', { Contoso: ['Contoso'], Fabrikam: ['Fabrikam'] });
    expect(only(findDeals(doc))).toMatchObject({ type: 'agreement', parties: ['Contoso', 'Fabrikam'] });
  });

  it('reads joint ventures and partnerships, with a venture name', () => {
    const jv = makeDoc('The product is a joint venture between Litware and Proseware, called Lumen.', { Litware: ['Litware'], Proseware: ['Proseware'] });
    expect(only(findDeals(jv))).toMatchObject({ type: 'joint_venture', parties: ['Litware', 'Proseware'], name: 'Lumen' });
    const partner = makeDoc('Wingtip Toys has partnered with Coho Foods on packaging.', { 'Wingtip Toys': ['Wingtip Toys'], 'Coho Foods': ['Coho Foods'] });
    expect(only(findDeals(partner))).toMatchObject({ type: 'partnership', parties: ['Wingtip Toys', 'Coho Foods'] });
  });

  it('lists the buyer first in aircraft orders, whichever way the sentence runs', () => {
    const order = makeDoc('Tailspin Airways ordered 30 aircraft from Aerodyne in a deal worth $2.4bn.', {
      'Tailspin Airways': ['Tailspin Airways'],
      Aerodyne: ['Aerodyne'],
    }, [{ text: '$2.4bn', amount: 2.4e9, currency: 'USD' }]);
    expect(only(findDeals(order))).toMatchObject({ type: 'contract', parties: ['Tailspin Airways', 'Aerodyne'], value: { amount: 2.4e9, currency: 'USD' } });
    const supply = makeDoc('Aerodyne is to supply Tailspin Airways with up to 40 jets.', { 'Tailspin Airways': ['Tailspin Airways'], Aerodyne: ['Aerodyne'] });
    expect(only(findDeals(supply))).toMatchObject({ type: 'contract', parties: ['Tailspin Airways', 'Aerodyne'], status: 'announced' });
    // buying aircraft is not buying the company that makes them
    expect(findDeals(order).some((d) => d.type === 'acquisition')).toBe(false);
  });

  it('does not take "partner" as a noun for a partnership, or a hyphenated word as a trigger', () => {
    const doc = makeDoc('Contoso paid former partner Fabrikam a fee. Litware sells Proseware-partnered devices.', {
      Contoso: ['Contoso'],
      Fabrikam: ['Fabrikam'],
      Litware: ['Litware'],
      Proseware: ['Proseware'],
    });
    expect(findDeals(doc)).toEqual([]);
  });
});

describe('deals: merging reports', () => {
  it('reports one transaction told in several sentences once, keeping the value', () => {
    const doc = makeDoc(
      'Adatum agreed to buy Proseware for $900m. Analysts said the price was high. Adatum will buy Proseware with cash.',
      { Adatum: ['Adatum'], Proseware: ['Proseware'] },
      [{ text: '$900m', amount: 9e8, currency: 'USD' }],
    );
    const d = only(findDeals(doc));
    expect(d.value).toEqual({ amount: 9e8, currency: 'USD' });
    expect(d.evidence.sentence.index).toBe(0);
  });

  it('keeps two offers with different amounts apart', () => {
    const doc = makeDoc('Adatum bid $900m for Proseware. Adatum later bid $1.2bn for Proseware.', { Adatum: ['Adatum'], Proseware: ['Proseware'] }, [
      { text: '$900m', amount: 9e8, currency: 'USD' },
      { text: '$1.2bn', amount: 1.2e9, currency: 'USD' },
    ]);
    expect(findDeals(doc).map((d) => d.value?.amount)).toEqual([9e8, 1.2e9]);
  });

  it('takes the status and value of a follow-up sentence about "the acquisition"', () => {
    const doc = makeDoc(
      'Northwind said it agreed to acquire Contoso. The acquisition is subject to regulatory approval. The deal is valued at 120 mln dlrs.',
      { Northwind: ['Northwind'], Contoso: ['Contoso'] },
      [{ text: '120 mln dlrs', amount: 120_000_000, currency: 'USD' }],
    );
    expect(only(findDeals(doc))).toMatchObject({ status: 'pending', value: { amount: 120_000_000, currency: 'USD' } });
  });

  it('gives "it" of a later purchase the buyer of the one just reported', () => {
    const doc = makeDoc('In 2003 Contoso bought Litware, and last month it bought Proseware.', {
      Contoso: ['Contoso'],
      Litware: ['Litware'],
      Proseware: ['Proseware'],
    });
    expect(findDeals(doc).map((d) => d.parties)).toEqual([
      ['Contoso', 'Litware'],
      ['Contoso', 'Proseware'],
    ]);
  });

  it('takes the bidder of an offer from the next sentence', () => {
    const doc = makeDoc(
      'Contoso has received a $3bn takeover offer. The bid has come from investment firm Fabrikam, which owns 5% of Contoso.',
      { Contoso: ['Contoso'], Fabrikam: ['Fabrikam'] },
      [{ text: '$3bn', amount: 3e9, currency: 'USD' }],
    );
    expect(only(findDeals(doc))).toMatchObject({
      type: 'acquisition',
      parties: ['Fabrikam', 'Contoso'],
      value: { amount: 3e9, currency: 'USD' },
      status: 'announced',
    });
  });

  it('does not take a bidder from an unrelated later sentence', () => {
    const doc = makeDoc('Contoso has received a $3bn takeover offer. Fabrikam said sales rose.', { Contoso: ['Contoso'], Fabrikam: ['Fabrikam'] }, [
      { text: '$3bn', amount: 3e9, currency: 'USD' },
    ]);
    expect(findDeals(doc)).toEqual([]);
  });

  it('puts the bidder first when the target says it rejected an approach', () => {
    const doc = makeDoc('Contoso said it had rejected a takeover approach from Fabrikam.', { Contoso: ['Contoso'], Fabrikam: ['Fabrikam'] });
    expect(only(findDeals(doc))).toMatchObject({ parties: ['Fabrikam', 'Contoso'], status: 'rejected' });
  });

  it('ends a party list at "and others"', () => {
    const doc = makeDoc("Contoso unveiled a deal with Fabrikam, Litware, and others, Northwind has signed a new agreement that gives it first call on Contoso's capacity.", {
      Contoso: ['Contoso'],
      Fabrikam: ['Fabrikam'],
      Litware: ['Litware'],
      Northwind: ['Northwind'],
    });
    const deals = findDeals(doc);
    expect(deals.map((d) => d.parties)).toEqual([
      ['Contoso', 'Fabrikam', 'Litware'],
      ['Northwind', 'Contoso'],
    ]);
  });

  it('reads a lead investor of a funding round', () => {
    const doc = makeDoc('Contoso Ventures led a $50m funding round in Fabrikam.', { 'Contoso Ventures': ['Contoso Ventures'], Fabrikam: ['Fabrikam'] }, [
      { text: '$50m', amount: 5e7, currency: 'USD' },
    ]);
    expect(only(findDeals(doc))).toMatchObject({ type: 'investment', parties: ['Contoso Ventures', 'Fabrikam'], value: { amount: 5e7, currency: 'USD' } });
  });

  it.each([
    ['Contoso has approached Fabrikam about a possible takeover bid.', 'acquisition', ['Contoso', 'Fabrikam']],
    ['Fabrikam filed for bankruptcy in 1994 and was sold to Dutch firm Contoso.', 'acquisition', ['Contoso', 'Fabrikam']],
    ['Fabrikam is in talks with French carmaker Contoso about a possible alliance.', 'partnership', ['Fabrikam', 'Contoso']],
    ['If the $2bn agreement Contoso signed with Fabrikam goes through, it will end an era.', 'agreement', ['Contoso', 'Fabrikam']],
    ['Fabrikam is resisting efforts by Contoso to acquire its assets.', 'acquisition', ['Contoso', 'Fabrikam']],
    ['Fabrikam has decided to back the takeover bid by Swedish group Contoso.', 'acquisition', ['Contoso', 'Fabrikam']],
    ['Contoso has bought a three to five pct share of Fabrikam.', 'investment', ['Contoso', 'Fabrikam']],
    ['The agency agreed to sell Contoso its 20 pct stake in Fabrikam.', 'investment', ['Contoso', 'Fabrikam']],
    ['Fabrikam is resisting efforts by Contoso <CGP> to acquire its assets.', 'acquisition', ['Contoso', 'Fabrikam']],
  ])('reads %s', (text, type, parties) => {
    const doc = makeDoc(text, { Contoso: ['Contoso'], Fabrikam: ['Fabrikam'] }, text.includes('$2bn') ? [{ text: '$2bn', amount: 2e9, currency: 'USD' }] : []);
    expect(only(findDeals(doc))).toMatchObject({ type, parties });
  });

  it('marks talks as rumored and hedged', () => {
    const doc = makeDoc('Fabrikam is in talks with Contoso about a merger.', { Contoso: ['Contoso'], Fabrikam: ['Fabrikam'] });
    expect(only(findDeals(doc))).toMatchObject({ status: 'rumored', hedged: true });
  });

  it('finds nothing in text without a transaction', () => {
    const doc = makeDoc("Contoso's sales rose 5% and Fabrikam said demand was strong.", { Contoso: ['Contoso'], Fabrikam: ['Fabrikam'] });
    expect(findDeals(doc)).toEqual([]);
  });
});

describe('deals: sellers, control, target-side bids', () => {
  const two = { Contoso: ['Contoso'], Fabrikam: ['Fabrikam'] };
  it.each([
    // buyer, what is bought, seller
    ['Contoso said it bought the battery business from Fabrikam for an undisclosed sum.', 'acquisition', ['Contoso', 'Fabrikam'], 'completed'],
    ['Contoso purchased a 19.9 pct parcel of shares from Fabrikam in March.', 'investment', ['Contoso', 'Fabrikam'], 'completed'],
    ['Contoso acquired Tailwind from Fabrikam in 1984.', 'acquisition', ['Contoso', 'Fabrikam'], 'completed'],
    // control
    ['Fabrikam said Contoso had assumed control of the company under a reorganisation plan.', 'acquisition', ['Contoso', 'Fabrikam'], 'completed'],
    ['Contoso gained effective control of Fabrikam last year.', 'acquisition', ['Contoso', 'Fabrikam'], 'completed'],
    ['Fabrikam said it agreed in principle to become a wholly owned subsidiary of Contoso.', 'acquisition', ['Contoso', 'Fabrikam'], 'announced'],
    // bids seen from the target
    ['Fabrikam said its board decided not to accept the pending proposal of Contoso.', 'acquisition', ['Contoso', 'Fabrikam'], 'rejected'],
    ["Fabrikam's board rejected Contoso's bid as inadequate.", 'acquisition', ['Contoso', 'Fabrikam'], 'rejected'],
    ["Fabrikam said it is continuing to evaluate Contoso's tender offer.", 'acquisition', ['Contoso', 'Fabrikam'], 'pending'],
    ['Fabrikam said it has been approached by Contoso about a possible combination.', 'acquisition', ['Contoso', 'Fabrikam'], 'rumored'],
    ['Fabrikam, which has been sought by Contoso, rose 2 dlrs.', 'acquisition', ['Contoso', 'Fabrikam'], 'announced'],
    ['Fabrikam said it received an unsolicited merger offer from Contoso.', 'acquisition', ['Contoso', 'Fabrikam'], 'announced'],
    // mergers
    ['Fabrikam shareholders will vote on its merger into Contoso next month.', 'merger', ['Fabrikam', 'Contoso'], 'announced'],
    ['Fabrikam said it and Contoso have agreed to merge.', 'merger', ['Fabrikam', 'Contoso'], 'announced'],
    ['It was the largest bank merger, between Fabrikam and Contoso, in 1999.', 'merger', ['Fabrikam', 'Contoso'], 'announced'],
    // an aircraft order naming the maker before the model
    ['Under the agreement, Contoso will buy 15 new Fabrikam 72-500 planes.', 'contract', ['Contoso', 'Fabrikam'], 'announced'],
    // a bid "by X for Y"
    ['The move recalls a similar bid by oil giant Contoso for Fabrikam in 2001.', 'acquisition', ['Contoso', 'Fabrikam'], 'announced'],
    // the seller's own shares, sold to a named buyer
    ['Fabrikam had sold Contoso a stake in 2000, as part of an alliance.', 'investment', ['Contoso', 'Fabrikam'], 'completed'],
    // a nominal investment
    ["Contoso's proposed $1bn investment in Fabrikam is awaiting approval by regulators.", 'investment', ['Contoso', 'Fabrikam'], 'pending'],
    // "the X-Y alliance"
    ['The Fabrikam-Contoso alliance came about in 2000.', 'partnership', ['Fabrikam', 'Contoso'], 'announced'],
    // the shares it does not already own: the rest of the company
    ['Contoso will buy the shares in Fabrikam it does not already own.', 'acquisition', ['Contoso', 'Fabrikam'], 'announced'],
    // a price per share is not a stake
    ['Contoso offered 30 dlrs a share for Fabrikam.', 'acquisition', ['Contoso', 'Fabrikam'], 'announced'],
  ])('reads %s', (text, type, parties, status) => {
    expect(only(findDeals(makeDoc(text, two)))).toMatchObject({ type, parties, status });
  });

  it('lists buyer, units and seller when named units are bought from a seller', () => {
    const doc = makeDoc('Contoso said it agreed to buy Litware and Proseware from Fabrikam.', {
      Contoso: ['Contoso'],
      Litware: ['Litware'],
      Proseware: ['Proseware'],
      Fabrikam: ['Fabrikam'],
    });
    expect(only(findDeals(doc)).parties).toEqual(['Contoso', 'Litware', 'Proseware', 'Fabrikam']);
  });

  it('resolves "the group" that rejected an offer to the company just named', () => {
    const doc = makeDoc('Fabrikam shares rose on Monday. Last week, the group rejected a takeover offer from Contoso.', two);
    expect(only(findDeals(doc))).toMatchObject({ type: 'acquisition', parties: ['Contoso', 'Fabrikam'], status: 'rejected' });
  });

  it('reports rival bidders and withdrawn bidders as one bid each, for the company being sold', () => {
    const companies = { Fabrikam: ['Fabrikam'], Contoso: ['Contoso'], Litware: ['Litware'], Proseware: ['Proseware'], Northwind: ['Northwind'] };
    const doc = makeDoc(
      'The government is selling Fabrikam. Fabrikam employs 9,000 people. The bidders for the company were Contoso and Litware. ' +
        'Proseware and Northwind both pulled out of the bidding last month.',
      companies,
    );
    const deals = findDeals(doc);
    expect(deals.map((d) => [d.parties, d.status])).toEqual([
      [['Contoso', 'Fabrikam'], 'announced'],
      [['Litware', 'Fabrikam'], 'announced'],
      [['Proseware', 'Fabrikam'], 'cancelled'],
      [['Northwind', 'Fabrikam'], 'cancelled'],
    ]);
  });

  it('splits offers received from several bidders, and keeps a joint bidder list together elsewhere', () => {
    const companies = { Fabrikam: ['Fabrikam'], Contoso: ['Contoso'], Litware: ['Litware'] };
    const rival = makeDoc('Fabrikam has received opposing bids from Contoso and Litware.', companies);
    expect(findDeals(rival).map((d) => d.parties)).toEqual([
      ['Contoso', 'Fabrikam'],
      ['Litware', 'Fabrikam'],
    ]);
  });

  it('gives the target of a topped offer to the higher bidder', () => {
    const doc = makeDoc("Contoso offered $30 a share for Fabrikam. Contoso's offer was topped by a higher offer from Litware.", {
      Contoso: ['Contoso'],
      Fabrikam: ['Fabrikam'],
      Litware: ['Litware'],
    });
    expect(findDeals(doc).map((d) => d.parties)).toEqual([
      ['Contoso', 'Fabrikam'],
      ['Litware', 'Fabrikam'],
    ]);
  });

  it('gives the winner of a lost contest the target of the failed attempt', () => {
    const doc = makeDoc('Last year Contoso tried to buy Fabrikam, a maker of pumps, but lost out to Litware.', {
      Contoso: ['Contoso'],
      Fabrikam: ['Fabrikam'],
      Litware: ['Litware'],
    });
    expect(findDeals(doc).map((d) => d.parties)).toEqual([
      ['Contoso', 'Fabrikam'],
      ['Litware', 'Fabrikam'],
    ]);
  });

  it('resolves "the German firm" to the company introduced as German', () => {
    const doc = makeDoc(
      'In 2000 US group Contoso and German carmaker Litware raced to ally with Fabrikam. Fabrikam chose Contoso. The German firm wanted to buy Fabrikam outright.',
      { Contoso: ['Contoso'], Litware: ['Litware'], Fabrikam: ['Fabrikam'] },
    );
    expect(findDeals(doc).find((d) => d.evidence.sentence.text.startsWith('The German firm'))?.parties).toEqual(['Litware', 'Fabrikam']);
  });

  it('takes the story topic as the other party of an attempted merger with no subject', () => {
    const doc = makeDoc(
      'Fabrikam shares rose 5%. Fabrikam is the largest exchange in Europe. There has been talk of a takeover of the company since an attempted merger with Contoso failed in 2000.',
      two,
    );
    expect(only(findDeals(doc))).toMatchObject({ type: 'merger', parties: ['Fabrikam', 'Contoso'], status: 'cancelled' });
  });

  it('lets a relative clause about the subject companies reach the trigger', () => {
    const doc = makeDoc('Investor Jones and Contoso, who are seeking to acquire Fabrikam, cut their stake.', two);
    expect(only(findDeals(doc))).toMatchObject({ type: 'acquisition', parties: ['Contoso', 'Fabrikam'] });
  });

  it('keeps the seller of a stake bought through a possessive', () => {
    const doc = makeDoc("Contoso agreed to acquire Litware Inc's <LIT> 13 pct stake in Fabrikam.", { Contoso: ['Contoso'], Litware: ['Litware Inc'], Fabrikam: ['Fabrikam'] });
    expect(only(findDeals(doc))).toMatchObject({ type: 'investment', parties: ['Contoso', 'Fabrikam', 'Litware'] });
  });

  it('reads names in angle brackets as wire copy writes them', () => {
    const doc = makeDoc('Contoso Plc <CON.L> said it agreed to sell its <Litware Co Ltd> unit to <Fabrikam Ltd> for 2.1 mln stg.', {
      Contoso: ['Contoso Plc'],
      Litware: ['Litware Co Ltd'],
      Fabrikam: ['Fabrikam Ltd'],
    });
    expect(only(findDeals(doc))).toMatchObject({ type: 'acquisition', parties: ['Fabrikam', 'Litware', 'Contoso'] });
  });

  it('does not take a person of the firm for the seller', () => {
    const doc = makeDoc("Contoso bought 20 pct of Fabrikam from the firm's deputy chairman.", two);
    expect(only(findDeals(doc))).toMatchObject({ type: 'investment', parties: ['Contoso', 'Fabrikam'] });
  });

  it('types a bare "agreement" from the sentence before', () => {
    const doc = makeDoc('Fabrikam sold its PC unit to Contoso last year. The $1bn agreement Contoso signed with Fabrikam closed in May.', two, [
      { text: '$1bn', amount: 1e9, currency: 'USD' },
    ]);
    expect(findDeals(doc).map((d) => d.type)).toEqual(['acquisition']);
  });

  it.each([
    // a relative clause, not a buyer
    ['Contoso said it sold the units, to buyers it did not name, due to losses.', { Contoso: ['Contoso'] }],
    // a condition
    ['If Contoso buys a stake in Fabrikam it will be the largest foreign investment this year.', two],
    // another party would be the buyer
    ['Contoso said it would support an acquisition of Fabrikam by another party.', two],
    // negated bidders
    ['The other two bidders are not Contoso and Fabrikam, analysts said.', two],
    // a standing holding, and the sale of one to people
    ['Acme Corp, which has a five mln dlr investment in Fabrikam, said it was not approached.', { 'Acme Corp': ['Acme Corp'], Fabrikam: ['Fabrikam'] }],
    ['Contoso said it will sell its investment in Fabrikam to the company chairman.', two],
    // a relative clause about people: their deal, not the subject's
    ['Contoso has spoken of issues between the two brothers, who took over control of the Fabrikam empire in 2002.', two],
    // someone else would be the buyer
    ['Contoso said it would contact third parties who might be interested in an acquisition of Fabrikam.', two],
    // a group reorganising itself
    ['Contoso Petroleum will become a subsidiary of Contoso.', { 'Contoso Petroleum': ['Contoso Petroleum'], Contoso: ['Contoso'] }],
  ])('finds no deal in %s', (text, companies) => {
    expect(findDeals(makeDoc(text, companies))).toEqual([]);
  });
});

describe('deals: templates', () => {
  it('names an unknown macro in the error', () => {
    expect(() => compileTemplate('{a} <NOPE> {b}')).toThrow(/unknown macro <NOPE>/);
  });
});

describe('deals: every rule reads its own invented example', () => {
  // the invented companies of the examples; each surface form is a company of its own
  const names = ['Acme Ventures', 'Acme Corp', 'Acme Air', 'Acme', 'Widget Inc', 'Widget', 'Gadget Corp', 'Gadget', 'Sprocket', 'Planemaker'];
  const companies = Object.fromEntries(names.map((n) => [n, [n]]));

  it.each(DEAL_RULES.map((r) => [r.rule, r] as const))('%s', (_name, rule) => {
    const found = findCandidates(makeDoc(rule.example, companies));
    expect(found.sentences.flatMap((s) => s.matches).map((m) => m.rule.rule)).toContain(rule.rule);
  });

  it('the two-sentence offer', () => {
    expect(findDeals(makeDoc(OFFER_RULE.example, companies)).map((d) => [d.rule, d.parties])).toEqual([[OFFER_RULE.rule, ['Acme', 'Widget']]]);
  });

  it.each([...STATUS_CUES, ...KIND_TYPE, ...CONTEXT_TYPE].map((c) => [c.example, c] as const))('cue: %s', (_example, cue) => {
    expect(cue.match.test(cue.example)).toBe(true);
  });

  it('names each rule once', () => {
    expect(new Set(DEAL_RULES.map((r) => r.rule)).size).toBe(DEAL_RULES.length);
  });
});

describe('deals: through the pipeline', () => {
  it('extracts deals from an invented wire story with valid records', () => {
    const record = getPipeline().run({
      title: 'NORTHWIND TO BUY CONTOSO',
      text:
        'Northwind Traders Inc said it agreed to acquire Contoso Ltd for 120 mln dlrs in cash.\n\n' +
        'Separately, Fabrikam Corp has formed a joint venture with Litware Inc to make batteries.\n\n' +
        'Tailspin Airways ordered 30 aircraft from Aerodyne Corp in a deal worth $2.4bn.',
    });
    const byType = Object.fromEntries(record.deals.map((d) => [d.type, d]));
    expect(byType['acquisition']?.value).toEqual({ amount: 120_000_000, currency: 'USD' });
    expect(byType['acquisition']?.parties).toHaveLength(2);
    expect(byType['joint_venture']?.parties).toHaveLength(2);
    expect(byType['contract']?.value?.amount).toBe(2.4e9);
    for (const d of record.deals) expect(record.text.slice(d.evidence.start, d.evidence.end)).toBe(d.evidence.text);
  });
});

describe('deals: each party with its role', () => {
  const three = { Contoso: ['Contoso'], Fabrikam: ['Fabrikam'], Tailwind: ['Tailwind'] };
  it.each([
    // buyer, target, seller (a seller named after the price; a seller named with "from")
    ['Tailwind was sold for $10m by Fabrikam to investment firm Contoso.', 'acquisition', ['Contoso', 'Tailwind', 'Fabrikam'], ['acquirer', 'target', 'seller']],
    ['Contoso acquired Tailwind from Fabrikam in 1984.', 'acquisition', ['Contoso', 'Tailwind', 'Fabrikam'], ['acquirer', 'target', 'seller']],
    // a fronted clause: the buyer is the main clause's subject
    ['After acquiring Tailwind, Contoso became the largest pump maker.', 'acquisition', ['Contoso', 'Tailwind'], ['acquirer', 'target']],
    ['Contoso bought a 20 pct stake in Tailwind.', 'investment', ['Contoso', 'Tailwind'], ['investor', 'target']],
    // peers
    ['Contoso and Fabrikam agreed to merge.', 'merger', ['Contoso', 'Fabrikam'], ['party', 'party']],
  ])('%s', (text, type, parties, roles) => {
    const d = only(findDeals(makeDoc(text, three, text.includes('$10m') ? [{ text: '$10m', amount: 10_000_000, currency: 'USD' }] : [])));
    expect({ type: d.type, parties: d.parties, roles: d.roles }).toEqual({ type, parties, roles });
    expect(DealSchema.safeParse(d).success).toBe(true);
  });
});

describe('deals: advisers are no parties', () => {
  const four = { Contoso: ['Contoso'], Fabrikam: ['Fabrikam'], Tailwind: ['Tailwind'], Northwind: ['Northwind'] };
  it('a board that cites its advisers, and a buyer advised by a bank', () => {
    expect(findDeals(makeDoc('The Fabrikam board rejected the bid from Contoso, citing opinions from its advisers, Tailwind and Northwind.', four)).flatMap((d) => d.parties)).not.toContain('Tailwind');
    const d = only(findDeals(makeDoc('Contoso, advised by Northwind, agreed to buy Fabrikam.', four)));
    expect(d.parties).toEqual(['Contoso', 'Fabrikam']);
  });
});

describe('deals: a list with an appositive aside', () => {
  it('"X, the maker, and Y agreed to merge"; "a deal with X, an investor group, and Y"', () => {
    const three = { Contoso: ['Contoso'], Fabrikam: ['Fabrikam'], Tailwind: ['Tailwind'] };
    expect(only(findDeals(makeDoc('Contoso, the pump maker, and Fabrikam agreed to merge.', three))).parties).toEqual(['Contoso', 'Fabrikam']);
    expect(only(findDeals(makeDoc('Tailwind cut a deal with Contoso, a Los Angeles investor group, and Fabrikam.', three))).parties).toEqual(['Tailwind', 'Contoso', 'Fabrikam']);
  });
});

describe('deals: the lead investor of a funding round', () => {
  it('"raised $20m in a round led by X": X is the lead investor', () => {
    const two = { Contoso: ['Contoso Ventures'], Fabrikam: ['Fabrikam'] };
    const text = 'Fabrikam raised $20m in a Series B round led by Contoso Ventures.';
    const d = only(findDeals(makeDoc(text, two, [{ text: '$20m', amount: 20_000_000, currency: 'USD' }])));
    expect({ type: d.type, parties: d.parties, roles: d.roles }).toEqual({ type: 'investment', parties: ['Contoso', 'Fabrikam'], roles: ['lead_investor', 'target'] });
  });
});

describe('deals: "the latter" and "the former"', () => {
  it('point at the last company named and at the one before it', () => {
    const three = { Contoso: ['Contoso'], Fabrikam: ['Fabrikam'], Tailwind: ['Tailwind'] };
    const latter = findDeals(makeDoc('Contoso held talks with Fabrikam. The latter is to acquire the majority of Tailwind.', three));
    expect(latter.map((d) => d.parties)).toContainEqual(['Fabrikam', 'Tailwind']);
    const former = findDeals(makeDoc('Contoso held talks with Fabrikam. The former agreed to buy Tailwind.', three));
    expect(former.map((d) => d.parties)).toContainEqual(['Contoso', 'Tailwind']);
  });
});

describe('deals: a finite past-tense trigger is a done deal', () => {
  const two = { Contoso: ['Contoso'], Fabrikam: ['Fabrikam'] };
  it.each([
    ['Contoso said it bought Fabrikam for an undisclosed sum, the company announced.', 'completed'],
    ['Fabrikam was acquired by Contoso, the companies announced.', 'completed'],
    ['Fabrikam announced that it has agreed to be acquired by Contoso.', 'announced'],
    ['Fabrikam will be acquired by Contoso, the companies announced.', 'announced'],
  ])('%s -> %s', (text, status) => {
    expect(only(findDeals(makeDoc(text, two))).status).toBe(status);
  });
});

import { describe, expect, it } from 'vitest';
import { newDoc } from '../../src/doc.ts';
import type { Doc } from '../../src/doc.ts';
import { foldText } from '../../src/components/normalize.ts';
import { splitSentences } from '../../src/components/sentences.ts';
import { compileTemplate, findDeals } from '../../src/components/deals.ts';
import { getPipeline } from '../../src/pipeline.ts';
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

describe('deals: templates', () => {
  it('names an unknown macro in the error', () => {
    expect(() => compileTemplate('{a} <NOPE> {b}')).toThrow(/unknown macro <NOPE>/);
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

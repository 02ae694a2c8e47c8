import { describe, expect, it } from 'vitest';
import {
  compatibleTypes,
  looseMatch,
  normalizeCompanyName,
  prf,
  scoreArticle,
  scoreCompanies,
  valueMatch,
} from '../../src/eval/score.ts';
import type { Gold, PredClaim, PredDeal, Prediction } from '../../src/eval/score.ts';
import type { GoldClaim, GoldDeal } from '../../src/eval/schema.ts';
import { LabelFileSchema } from '../../src/eval/schema.ts';
import { EvalDataError, parseLabels } from '../../src/eval/run.ts';

const co = (name: string, ...aliases: string[]) => ({ name, aliases });

const gold = (g: Partial<Gold>): Gold => ({ companies: [], optionalCompanies: [], deals: [], marketShareClaims: [], ...g });
const pred = (p: Partial<Prediction>): Prediction => ({ companies: [], deals: [], marketShareClaims: [], ...p });

const gClaim = (company: string, share: number, extra: Partial<GoldClaim> = {}): GoldClaim => ({
  company,
  share,
  market: null,
  region: null,
  period: null,
  attributedTo: null,
  quote: 'q',
  ...extra,
});
const pClaim = (company: string, share: number, extra: Partial<PredClaim> = {}): PredClaim => ({
  company,
  share,
  market: null,
  region: null,
  period: null,
  attributedTo: null,
  ...extra,
});
const gDeal = (type: GoldDeal['type'], parties: string[], extra: Partial<GoldDeal> = {}): GoldDeal => ({
  type,
  parties,
  value: null,
  name: null,
  status: 'announced',
  quote: 'q',
  ...extra,
});
const pDeal = (type: PredDeal['type'], parties: string[], extra: Partial<PredDeal> = {}): PredDeal => ({
  type,
  parties,
  value: null,
  name: null,
  status: 'announced',
  ...extra,
});

describe('normalizeCompanyName', () => {
  it.each([
    ['Acme Inc', 'acme'],
    ['Acme Inc.', 'acme'],
    ['ACME, Inc.', 'acme'],
    ['Acme Corp', 'acme'],
    ['Acme Corporation', 'acme'],
    ['Acme Co', 'acme'],
    ['Acme Ltd', 'acme'],
    ['Acme plc', 'acme'],
    ['Acme PLC', 'acme'],
    ['Acme LLC', 'acme'],
    ['Acme Group', 'acme'],
    ['Acme Holdings', 'acme'],
    ['Acme & Co', 'acme'],
    ['Acme AG', 'acme'],
    ['Acme S.A.', 'acme'],
    ['Acme SA', 'acme'],
    ['Acme N.V.', 'acme'],
    ['Acme SpA', 'acme'],
    ['Acme Holdings Co Ltd', 'acme'],
    ['<Acme Corp>', 'acme'],
    ['"Acme"', 'acme'],
    ['  Acme   Widgets  Inc ', 'acme widgets'],
    ['W.R. Grace and Co', 'w.r. grace'],
  ])('%s -> %s', (input, expected) => {
    expect(normalizeCompanyName(input)).toBe(expected);
  });

  it('keeps inner punctuation and words that only look like suffixes inside a name', () => {
    expect(normalizeCompanyName('Pratt & Whitney')).toBe('pratt & whitney');
    expect(normalizeCompanyName('Coca-Cola')).toBe('coca-cola');
    expect(normalizeCompanyName('Group Lotus Cars')).toBe('group lotus cars');
    expect(normalizeCompanyName('Incorporated Television')).toBe('incorporated television');
  });

  it('does not strip a name down to nothing', () => {
    expect(normalizeCompanyName('Group')).toBe('group');
    expect(normalizeCompanyName('AG')).toBe('ag');
  });

  it('folds typographic apostrophes', () => {
    expect(normalizeCompanyName('Macy\u2019s Inc')).toBe(normalizeCompanyName("Macy's"));
  });
});

describe('scoreCompanies', () => {
  it('matches case-insensitively, ignoring suffixes, through gold aliases and predicted aliases', () => {
    const r = scoreCompanies(
      [co('ACME CORP'), co('Widget Works'), co('Bolt', 'Bolt Industries Ltd'), co('Nothing Here')],
      [co('Acme'), co('Widgetco', 'Widget Works'), co('Bolt Industries'), co('Missing Co')],
    );
    expect(r.counts).toEqual({ tp: 3, fp: 1, fn: 1, neutral: 0 });
    expect(r.falsePositives.map((p) => p.name)).toEqual(['Nothing Here']);
    expect(r.falseNegatives.map((g) => g.name)).toEqual(['Missing Co']);
  });

  it('treats predictions of optional names as neutral, but gold wins over optional', () => {
    const r = scoreCompanies([co('Regulator Board'), co('Acme'), co('Stray')], [co('Acme')], ['Regulator Board', 'Acme']);
    expect(r.counts).toEqual({ tp: 1, fp: 1, fn: 0, neutral: 1 });
  });

  it('matches one-to-one: a duplicate prediction is a false positive', () => {
    const r = scoreCompanies([co('Acme Inc'), co('Acme')], [co('Acme')]);
    expect(r.counts).toEqual({ tp: 1, fp: 1, fn: 0, neutral: 0 });
  });

  it('a duplicate of a gold company that is also optional stays a false positive only if not optional', () => {
    const r = scoreCompanies([co('Acme'), co('ACME')], [co('Acme')], ['Acme']);
    expect(r.counts).toEqual({ tp: 1, fp: 0, fn: 0, neutral: 1 });
  });

  it('prefers exact name pairs, so a parent given as an alias does not steal the division', () => {
    // Gold: the parent, and a division whose alias is the parent's name.
    const g = [co('Division One', 'Parent Corp'), co('Parent Corp')];
    const r = scoreCompanies([co('Division One'), co('Parent Corp')], g);
    expect(r.counts).toEqual({ tp: 2, fp: 0, fn: 0, neutral: 0 });
    const reversed = scoreCompanies([co('Parent Corp'), co('Division One')], g);
    expect(reversed.counts).toEqual({ tp: 2, fp: 0, fn: 0, neutral: 0 });
  });

  it('tells apart two gold companies that differ only by suffix', () => {
    const g = [co('General Widget Co Plc', 'GWC'), co('General Widget Co', 'GW')];
    // Each prediction pairs with its own company, whatever the order.
    const r = scoreCompanies([co('General Widget Co', 'GW'), co('General Widget Co Plc')], g);
    expect(r.counts).toEqual({ tp: 2, fp: 0, fn: 0, neutral: 0 });
    expect(r.matches.map((m) => [m.pred.name, m.gold.name])).toEqual([
      ['General Widget Co', 'General Widget Co'],
      ['General Widget Co Plc', 'General Widget Co Plc'],
    ]);
    const one = scoreCompanies([co('General Widget', 'GW')], g);
    expect(one.matches.map((m) => m.gold.name)).toEqual(['General Widget Co']);
  });
});

describe('market-share claims', () => {
  const companies = [co('Acme', 'Acme Widgets'), co('Bolt')];

  it('matches on company (with aliases and suffixes) and share within 0.05', () => {
    const s = scoreArticle(
      pred({
        companies: [co('Acme Widgets Inc')],
        marketShareClaims: [pClaim('Acme Widgets Inc', 34.05), pClaim('Bolt', 12.1), pClaim('Bolt', 20)],
      }),
      gold({ companies, marketShareClaims: [gClaim('Acme', 34), gClaim('Bolt', 12), gClaim('Bolt', 7)] }),
    );
    expect(s.marketShareClaims.counts).toEqual({ tp: 1, fp: 2, fn: 2, neutral: 0 });
  });

  it('uses the predicted company entity aliases for the claim company', () => {
    const s = scoreArticle(
      pred({ companies: [co('AW', 'Acme Widgets')], marketShareClaims: [pClaim('AW', 40)] }),
      gold({ companies, marketShareClaims: [gClaim('Acme', 40)] }),
    );
    expect(s.marketShareClaims.counts.tp).toBe(1);
  });

  it('right share, wrong company is no match', () => {
    const s = scoreArticle(pred({ marketShareClaims: [pClaim('Bolt', 34)] }), gold({ companies, marketShareClaims: [gClaim('Acme', 34)] }));
    expect(s.marketShareClaims.counts).toEqual({ tp: 0, fp: 1, fn: 1, neutral: 0 });
  });

  it('pairs claims one-to-one, closest share first, and counts attribute accuracy loosely', () => {
    const s = scoreArticle(
      pred({
        marketShareClaims: [
          pClaim('Acme', 30.04, { market: 'smartphones', region: 'U.S.', period: null, attributedTo: 'Some Research' }),
          pClaim('Acme', 30, { market: 'PC shipments', region: 'Europe', period: '2004', attributedTo: null }),
        ],
      }),
      gold({
        companies,
        marketShareClaims: [
          gClaim('Acme', 30, { market: 'global smartphone sales', region: 'US', period: null, attributedTo: 'Some Research Ltd' }),
          gClaim('Acme', 30, { market: 'PC', region: 'Europe', period: 'Q3 2004', attributedTo: 'Acme' }),
        ],
      }),
    );
    expect(s.marketShareClaims.counts).toEqual({ tp: 2, fp: 0, fn: 0, neutral: 0 });
    // Pairs: (30, PC...) <-> gold 2 (diff 0); (30.04, smartphones) <-> gold 1.
    // market: "smartphones" vs "global smartphone sales" -> no containment; "PC shipments" contains "pc" -> yes.
    expect(s.attrs.marketShareClaims.market).toEqual({ correct: 1, total: 2 });
    expect(s.attrs.marketShareClaims.region).toEqual({ correct: 2, total: 2 });
    expect(s.attrs.marketShareClaims.period).toEqual({ correct: 2, total: 2 });
    expect(s.attrs.marketShareClaims.attributedTo).toEqual({ correct: 1, total: 2 });
  });

  it('prefers the pairing that agrees on attributes when shares tie', () => {
    const g = gold({
      companies,
      marketShareClaims: [gClaim('Acme', 10, { market: 'tea' }), gClaim('Acme', 10, { market: 'coffee' })],
    });
    const s = scoreArticle(pred({ marketShareClaims: [pClaim('Acme', 10, { market: 'coffee' }), pClaim('Acme', 10, { market: 'tea' })] }), g);
    expect(s.marketShareClaims.counts.tp).toBe(2);
    expect(s.attrs.marketShareClaims.market).toEqual({ correct: 2, total: 2 });
  });
});

describe('deals', () => {
  const companies = [co('Acme', 'Acme Widgets'), co('Bolt'), co('Crane'), co('Parent Corp')];

  it('knows the compatible types', () => {
    expect(compatibleTypes('acquisition', 'merger')).toBe(true);
    expect(compatibleTypes('investment', 'acquisition')).toBe(true);
    expect(compatibleTypes('joint_venture', 'agreement')).toBe(true);
    expect(compatibleTypes('partnership', 'joint_venture')).toBe(true);
    expect(compatibleTypes('agreement', 'contract')).toBe(true);
    expect(compatibleTypes('merger', 'investment')).toBe(false);
    expect(compatibleTypes('contract', 'partnership')).toBe(false);
    expect(compatibleTypes('contract', 'acquisition')).toBe(false);
  });

  it('needs a compatible type and two gold parties matched, order ignored', () => {
    const s = scoreArticle(
      pred({
        deals: [
          pDeal('merger', ['Bolt', 'Acme Widgets']), // acquisition ~ merger, parties reversed: match
          pDeal('contract', ['Acme', 'Crane']), // contract vs partnership: incompatible
          pDeal('acquisition', ['Acme', 'Somebody']), // one party only
        ],
      }),
      gold({
        companies,
        deals: [gDeal('acquisition', ['Acme', 'Bolt']), gDeal('partnership', ['Acme', 'Crane']), gDeal('acquisition', ['Acme', 'Parent Corp'])],
      }),
    );
    expect(s.deals.counts).toEqual({ tp: 1, fp: 2, fn: 2, neutral: 0 });
  });

  it('two of three gold parties suffice; one predicted party cannot count twice', () => {
    const g = gold({
      companies: [co('Buyer'), co('Unit One', 'Seller'), co('Seller')],
      deals: [gDeal('acquisition', ['Buyer', 'Unit One', 'Seller'])],
    });
    expect(scoreArticle(pred({ deals: [pDeal('acquisition', ['Buyer', 'Seller'])] }), g).deals.counts.tp).toBe(1);
    // "Seller" reaches both Unit One (alias) and Seller, but is one party: 1 matched party < 2.
    expect(scoreArticle(pred({ deals: [pDeal('acquisition', ['Seller'])] }), g).deals.counts.tp).toBe(0);
  });

  it('a gold deal with a single party needs just that party', () => {
    const g = gold({ companies, deals: [gDeal('investment', ['Acme'])] });
    expect(scoreArticle(pred({ deals: [pDeal('acquisition', ['Acme', 'Bolt'])] }), g).deals.counts.tp).toBe(1);
    expect(scoreArticle(pred({ deals: [pDeal('acquisition', ['Bolt'])] }), g).deals.counts.tp).toBe(0);
  });

  it('one-to-one: two predictions of one gold deal give one tp and one fp', () => {
    const g = gold({ companies, deals: [gDeal('merger', ['Acme', 'Bolt'])] });
    const s = scoreArticle(pred({ deals: [pDeal('acquisition', ['Acme', 'Bolt']), pDeal('merger', ['Bolt', 'Acme'])] }), g);
    expect(s.deals.counts).toEqual({ tp: 1, fp: 1, fn: 0, neutral: 0 });
    // The identical type wins the pair.
    expect(s.deals.matches[0]!.pred.type).toBe('merger');
    expect(s.attrs.deals.type).toEqual({ correct: 1, total: 1 });
  });

  it('pairs two deals between the same firms by status and value', () => {
    const g = gold({
      companies,
      deals: [gDeal('acquisition', ['Acme', 'Bolt'], { status: 'rejected' }), gDeal('acquisition', ['Acme', 'Bolt'], { status: 'announced', value: { amount: 9, currency: 'EUR' } })],
    });
    const s = scoreArticle(
      pred({
        deals: [pDeal('acquisition', ['Acme', 'Bolt'], { status: 'announced', value: { amount: 9, currency: 'EUR' } }), pDeal('acquisition', ['Acme', 'Bolt'], { status: 'rejected' })],
      }),
      g,
    );
    expect(s.deals.counts.tp).toBe(2);
    expect(s.attrs.deals.status).toEqual({ correct: 2, total: 2 });
    expect(s.attrs.deals.value).toEqual({ correct: 2, total: 2 });
  });

  it('scores status, value (1%, same currency) and name on matched deals', () => {
    const g = gold({
      companies,
      deals: [
        gDeal('acquisition', ['Acme', 'Bolt'], { status: 'completed', value: { amount: 1_000_000_000, currency: 'USD' }, name: 'Project Bolt' }),
        gDeal('merger', ['Crane', 'Parent Corp'], { status: 'pending', value: null, name: null }),
      ],
    });
    const s = scoreArticle(
      pred({
        deals: [
          pDeal('acquisition', ['Acme', 'Bolt'], { status: 'completed', value: { amount: 1_009_000_000, currency: 'USD' }, name: 'bolt' }),
          pDeal('merger', ['Crane', 'Parent'], { status: 'announced', value: { amount: 5, currency: 'USD' }, name: null }),
        ],
      }),
      g,
    );
    expect(s.deals.counts.tp).toBe(2);
    expect(s.attrs.deals.status).toEqual({ correct: 1, total: 2 });
    expect(s.attrs.deals.value).toEqual({ correct: 1, total: 2 });
    expect(s.attrs.deals.name).toEqual({ correct: 2, total: 2 });
  });

  it('valueMatch', () => {
    expect(valueMatch(null, null)).toBe(true);
    expect(valueMatch({ amount: 1, currency: 'USD' }, null)).toBe(false);
    expect(valueMatch({ amount: 101, currency: 'USD' }, { amount: 100, currency: 'USD' })).toBe(true);
    expect(valueMatch({ amount: 102, currency: 'USD' }, { amount: 100, currency: 'USD' })).toBe(false);
    expect(valueMatch({ amount: 100, currency: 'GBP' }, { amount: 100, currency: 'USD' })).toBe(false);
  });
});

describe('looseMatch and prf', () => {
  it('looseMatch: null only matches null; case, dots and containment', () => {
    expect(looseMatch(null, null)).toBe(true);
    expect(looseMatch('', null)).toBe(true);
    expect(looseMatch('UK', null)).toBe(false);
    expect(looseMatch(null, 'UK')).toBe(false);
    expect(looseMatch('U.S.', 'US')).toBe(true);
    expect(looseMatch('mobile phones', 'UK mobile phones market')).toBe(true);
    expect(looseMatch('tea', 'coffee')).toBe(false);
  });

  it('prf micro counts and empty conventions', () => {
    expect(prf({ tp: 3, fp: 1, fn: 2, neutral: 5 })).toMatchObject({ precision: 0.75, recall: 0.6 });
    expect(prf({ tp: 3, fp: 1, fn: 2, neutral: 0 }).f1).toBeCloseTo(2 / 3, 10);
    expect(prf({ tp: 0, fp: 0, fn: 0, neutral: 0 })).toMatchObject({ precision: 1, recall: 1, f1: 1 });
    expect(prf({ tp: 0, fp: 0, fn: 4, neutral: 0 })).toMatchObject({ precision: 0, recall: 0, f1: 0 });
    expect(prf({ tp: 0, fp: 2, fn: 0, neutral: 0 })).toMatchObject({ precision: 0, recall: 0, f1: 0 });
  });
});

describe('label files', () => {
  const ok = {
    companies: [co('Acme'), co('Bolt')],
    optionalCompanies: [],
    deals: [{ type: 'merger', parties: ['Acme', 'Bolt'], value: null, name: null, status: 'pending', quote: 'Acme and Bolt merge.' }],
    marketShareClaims: [],
    notes: '',
  };

  it('accepts a well-formed file', () => {
    expect(LabelFileSchema.parse(ok).deals).toHaveLength(1);
    expect(parseLabels('labels/01.json', ok, 'Acme and Bolt merge. More text.').companies).toHaveLength(2);
  });

  it('names the file, the path and the problem', () => {
    const bad = { ...ok, deals: [{ ...ok.deals[0], type: 'takeover' }] };
    expect(() => parseLabels('labels/07.json', bad)).toThrow(EvalDataError);
    expect(() => parseLabels('labels/07.json', bad)).toThrow(/labels\/07\.json.*deals\.0\.type/);
    expect(() => parseLabels('labels/08.json', { ...ok, marketshareClaims: [] })).toThrow(/labels\/08\.json/);
    expect(() => parseLabels('labels/09.json', { ...ok, deals: [{ ...ok.deals[0], parties: ['Acme', 'Crane'] }] })).toThrow(
      /deals\.0\.parties\.1: "Crane" is not one of companies\[\]\.name/,
    );
    expect(() => parseLabels('labels/10.json', ok, 'Other text.')).toThrow(/labels\/10\.json: quote not found.*deals\.0\.quote/);
  });
});

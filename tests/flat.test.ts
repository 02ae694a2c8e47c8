/** Flat record streams: one record per article, company, mention, deal and claim, all valid and keyed. */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { FLAT_SCHEMAS, flatten, FlatRecordSchema } from '../src/flat.ts';
import type { FlatRecord } from '../src/flat.ts';
import { getPipeline } from '../pipelines/news/index.ts';
import { fixtureRecords } from './sinks/conformance.ts';

const WIDGETS = {
  title: 'Widget makers',
  url: 'https://news.example.com/widgets',
  text:
    'Acme Corp had a 34% share of the European widget market in 2024, according to research firm Foo Analytics. ' +
    'Globex agreed to buy Initech Corp for $2 billion on Monday.',
};

describe('flatten', () => {
  const records = [...fixtureRecords(), getPipeline().run(WIDGETS)];

  it('emits one record per company, deal and claim, each valid, with articleId and type', () => {
    for (const r of records) {
      const flat = [...flatten(r)];
      const of = (t: FlatRecord['type']) => flat.filter((f) => f.type === t);
      expect(of('article')).toHaveLength(1);
      expect(of('company')).toHaveLength(r.companies.length);
      expect(of('deal')).toHaveLength(r.deals.length);
      expect(of('market_share_claim')).toHaveLength(r.marketShareClaims.length);
      expect(of('mention')).toHaveLength(0);
      for (const f of flat) {
        expect(f.articleId).toBe(r.id);
        expect(FlatRecordSchema.parse(JSON.parse(JSON.stringify(f)))).toEqual(f);
      }
      const keys = flat.map((f) => `${f.type}|${f.articleId}|${f.id}`);
      expect(new Set(keys).size).toBe(keys.length);
    }
  });

  it('keeps the facts of the nested record: deal type as dealType, evidence offsets, company mentions', () => {
    const r = records.at(-1)!;
    const flat = [...flatten(r, { mentions: true })];
    const deal = flat.find((f) => f.type === 'deal');
    expect(deal).toMatchObject({ type: 'deal', dealType: r.deals[0]!.type, parties: r.deals[0]!.parties, value: r.deals[0]!.value });
    const claim = flat.find((f) => f.type === 'market_share_claim');
    expect(claim).toMatchObject({ share: 34, company: r.marketShareClaims[0]!.company });
    if (claim?.type === 'market_share_claim') expect(r.text.slice(claim.evidence.start, claim.evidence.end)).toBe(claim.evidence.text);
    const mentions = flat.filter((f) => f.type === 'mention');
    expect(mentions).toHaveLength(r.companies.reduce((n, c) => n + c.mentions.length, 0));
    for (const m of mentions) if (m.type === 'mention') expect(r.text.slice(m.start, m.end)).toBe(m.text);
    expect(flat[0]).toMatchObject({ type: 'article', id: r.id, title: 'Widget makers', deals: r.deals.length });
  });

  it('rejects a record without a known type, and generates a JSON Schema with one branch per type', () => {
    expect(FlatRecordSchema.safeParse({ type: 'person', articleId: 'x' }).success).toBe(false);
    type Node = { $ref?: string; oneOf?: Node[]; properties?: { type?: { const?: string } } };
    const js = z.toJSONSchema(FLAT_SCHEMAS.FlatRecord, { io: 'output' }) as Node & { $defs: Record<string, Node> };
    const deref = (n: Node): Node => (n.$ref ? deref(js.$defs[n.$ref.replace('#/$defs/', '')]!) : n);
    const branches = deref(js).oneOf ?? [];
    expect(branches.map((b) => deref(b).properties?.type?.const).sort()).toEqual(['article', 'company', 'deal', 'market_share_claim', 'mention']);
  });
});

/**
 * The example SQL given to users (README, "Querying PostgreSQL"): each query runs against tables
 * filled by the sink from real records, and answers what it says.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../src/db/migrate.ts';
import { getPipeline } from '../../pipelines/news/index.ts';
import { PostgresSink, recordEnvelope } from '../../src/sinks/postgres.ts';
import { fixtureRecords } from '../sinks/conformance.ts';
import { freshSchema } from './pg.ts';
import type { TestSchema } from './pg.ts';

/** Market share of a company over time and by source. */
export const SHARE_OVER_TIME = `
SELECT to_char(coalesce(a.published_at, a.written_at), 'YYYY-MM') AS month,
       a.source, m.market, m.region,
       round(avg(m.share)::numeric, 1) AS avg_share, count(*) AS claims
FROM market_share_claims m
JOIN companies c ON c.id = m.company_id
JOIN articles  a ON a.id = m.article_id
WHERE c.canonical = $1              -- or: c.ticker = 'ACME'
GROUP BY 1, 2, 3, 4
ORDER BY 1, 2`;

/** The deals a company took part in. */
export const DEALS_OF = `
SELECT a.published_at::date AS day, d.type, d.status, d.value_amount, d.value_currency,
       array_agg(p.name ORDER BY p.position) AS parties, array_agg(p.role ORDER BY p.position) AS roles,
       d.evidence_text, a.url
FROM deal_parties me
JOIN deals        d ON d.article_id = me.article_id AND d.id = me.deal_id
JOIN deal_parties p ON p.article_id = d.article_id AND p.deal_id = d.id
JOIN articles     a ON a.id = d.article_id
WHERE me.company_id = (SELECT id FROM companies WHERE canonical = $1)
GROUP BY a.id, d.article_id, d.id
ORDER BY day DESC NULLS LAST`;

/** The companies mentioned most this week. */
export const MOST_MENTIONED = `
SELECT c.canonical, c.ticker,
       count(DISTINCT ac.article_id) AS articles, sum(ac.mention_count) AS mentions
FROM article_companies ac
JOIN companies c ON c.id = ac.company_id
JOIN articles  a ON a.id = ac.article_id
WHERE coalesce(a.published_at, a.written_at) >= now() - interval '7 days'
GROUP BY c.id
ORDER BY articles DESC, mentions DESC
LIMIT 20`;

const WIDGETS = (n: number, source: string, publishedAt: string) => ({
  title: `Widget makers ${n}`,
  url: `https://news.example.com/widgets/${n}`,
  publishedAt,
  source,
  text: `Acme Corp had a ${30 + n}% share of the European widget market, according to research firm Foo Analytics. Globex agreed to buy Initech Corp for $2 billion.`,
});

describe('example SQL', () => {
  let db: TestSchema;
  const recentDay = new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10);
  beforeAll(async () => {
    db = await freshSchema();
    await migrate(db.pool);
    const p = getPipeline();
    const widgets = [
      p.run(WIDGETS(1, 'Example Wire', '2025-01-10')),
      p.run(WIDGETS(2, 'Example Wire', '2025-01-20')),
      p.run(WIDGETS(3, 'Other Daily', '2025-02-03')),
      p.run(WIDGETS(4, 'Other Daily', recentDay)),
    ];
    const sink = new PostgresSink(db.url, { pool: db.newPool() });
    await sink.write([...fixtureRecords(), ...widgets].map(recordEnvelope));
    await sink.dispose();
  });
  afterAll(async () => {
    await db.drop();
  });

  it('market share over time and by source', async () => {
    const { rows } = await db.pool.query(SHARE_OVER_TIME, ['Acme']);
    expect(rows.map((r) => [r.month, r.source, r.market, Number(r.avg_share), Number(r.claims)])).toEqual([
      ['2025-01', 'Example Wire', 'widget', 31.5, 2],
      ['2025-02', 'Other Daily', 'widget', 33, 1],
      [recentDay.slice(0, 7), 'Other Daily', 'widget', 34, 1],
    ]);
  });

  it('deals a company took part in', async () => {
    const { rows } = await db.pool.query(DEALS_OF, ['Initech']);
    expect(rows).toHaveLength(4);
    expect(rows[0]).toMatchObject({ type: 'acquisition', parties: ['Globex', 'Initech'], roles: ['acquirer', 'target'], value_amount: 2e9, value_currency: 'USD' });
    const fixtureDeal = fixtureRecords().flatMap((r) => r.deals)[0]!;
    const { rows: f } = await db.pool.query(DEALS_OF, [fixtureDeal.parties[0]]);
    expect(f.map((r) => r.parties)).toContainEqual(fixtureDeal.parties);
  });

  it('companies mentioned most this week', async () => {
    const { rows } = await db.pool.query(MOST_MENTIONED);
    // Only the recent widgets article (and fixtures without a date, written now) count.
    const acme = rows.find((r) => r.canonical === 'Acme');
    expect(acme).toMatchObject({ articles: '1' });
    const undated = fixtureRecords().filter((r) => !r.publishedAt).flatMap((r) => r.companies.map((c) => c.name));
    expect(rows.map((r) => r.canonical)).toEqual(expect.arrayContaining([...new Set(undated)].slice(0, 3)));
  });
});

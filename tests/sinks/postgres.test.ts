/**
 * The PostgreSQL driver: the shared conformance suite, then what only a database promises: rows
 * per table, evidence offsets, replacement by a newer pipeline, concurrent writers, a server that
 * is down. Every test runs in its own schema (tests/db/pg.ts).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate } from '../../src/db/migrate.ts';
import { getPipeline } from '../../pipelines/news/index.ts';
import type { ArticleRecord } from '../../src/schema.ts';
import { PostgresSink, pgJson, recordEnvelope } from '../../src/sinks/postgres.ts';
import { SinkError, SinkUnavailableError } from '../../src/sinks/types.ts';
import { freshSchema } from '../db/pg.ts';
import { freePort } from '../helpers/ports.ts';
import type { TestSchema } from '../db/pg.ts';
import { fixtureEnvelopes, fixtureRecords } from './conformance.ts';
import { sinkConformance } from './conformance.ts';

sinkConformance('postgres', {
  async open() {
    const db = await freshSchema();
    await migrate(db.pool);
    const sink = new PostgresSink(db.url, { pool: db.newPool() });
    return {
      sink,
      second: () => new PostgresSink(db.url, { schema: db.schema }),
      async readBack() {
        const { rows } = await db.pool.query('SELECT id, record, ingest FROM articles ORDER BY id');
        return rows;
      },
      cleanup: () => db.drop(),
    };
  },
  async unreachable() {
    return new PostgresSink(`postgres://postgres@127.0.0.1:${await freePort()}/test`, { connectTimeoutMs: 2000 });
  },
  concurrentWriters: true,
});

/** An invented article with a market-share claim and a deal (generic text, not from a corpus). */
const WIDGETS = {
  title: 'Widget makers',
  url: 'https://news.example.com/widgets',
  publishedAt: '2025-03-04',
  source: 'Example Wire',
  text:
    'Acme Corp had a 34% share of the European widget market in 2024, according to research firm Foo Analytics. ' +
    'Globex agreed to buy Initech Corp for $2 billion on Monday.',
};

describe('PostgreSQL sink', () => {
  let db: TestSchema;
  let sink: PostgresSink;
  beforeEach(async () => {
    db = await freshSchema();
    await migrate(db.pool);
    sink = new PostgresSink(db.url, { pool: db.newPool() });
  });
  afterEach(async () => {
    await sink.dispose();
    await db.drop();
  });
  const count = async (table: string, where = 'true', params: unknown[] = []) =>
    Number((await db.pool.query<{ n: string }>(`SELECT count(*) AS n FROM ${table} WHERE ${where}`, params)).rows[0]!.n);

  it('writes one row per company, deal, party and claim, with evidence offsets into the stored text', async () => {
    const widgets = getPipeline().run(WIDGETS);
    expect(widgets.marketShareClaims.length).toBeGreaterThan(0);
    expect(widgets.deals.length).toBeGreaterThan(0);
    const recs = [...fixtureRecords(), widgets];
    expect(await sink.write(recs.map(recordEnvelope))).toBe(recs.length);
    for (const r of recs) {
      expect(await count('article_companies', 'article_id = $1', [r.id])).toBe(r.companies.length);
      expect(await count('deals', 'article_id = $1', [r.id])).toBe(r.deals.length);
      expect(await count('deal_parties', 'article_id = $1', [r.id])).toBe(r.deals.reduce((n, d) => n + d.parties.length, 0));
      expect(await count('market_share_claims', 'article_id = $1', [r.id])).toBe(r.marketShareClaims.length);
      // each party's role beside its name, in the record's order
      const parties = await db.pool.query<{ deal_id: string; name: string; role: string }>(
        'SELECT deal_id, name, role FROM deal_parties WHERE article_id = $1 ORDER BY deal_id, position',
        [r.id],
      );
      const want = [...r.deals].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0)).flatMap((d) => d.parties.map((name, i) => ({ deal_id: d.id, name, role: d.roles[i] })));
      expect(parties.rows).toEqual(want);
    }
    expect(recs.flatMap((r) => r.deals.flatMap((d) => d.roles))).toEqual(expect.arrayContaining(['acquirer', 'target']));
    // Offsets are UTF-16 units into record.text, end exclusive.
    const { rows } = await db.pool.query<{ text: string; evidence_text: string; evidence_start: number; evidence_end: number }>(
      `SELECT a.record->>'text' AS text, e.evidence_text, e.evidence_start, e.evidence_end
       FROM (SELECT article_id, evidence_text, evidence_start, evidence_end FROM deals
             UNION ALL SELECT article_id, evidence_text, evidence_start, evidence_end FROM market_share_claims) e
       JOIN articles a ON a.id = e.article_id`,
    );
    expect(rows.length).toBe(recs.reduce((n, r) => n + r.deals.length + r.marketShareClaims.length, 0));
    for (const r of rows) expect(r.text.slice(r.evidence_start, r.evidence_end)).toBe(r.evidence_text);
    const claim = await db.pool.query(
      `SELECT m.share, m.company, c.canonical, m.attributed_to, a.published_at, a.source
       FROM market_share_claims m JOIN companies c ON c.id = m.company_id JOIN articles a ON a.id = m.article_id`,
    );
    expect(claim.rows[0]).toMatchObject({
      share: 34,
      company: widgets.marketShareClaims[0]!.company,
      canonical: widgets.marketShareClaims[0]!.company,
      source: 'Example Wire',
    });
    expect((claim.rows[0] as { published_at: Date }).published_at.toISOString()).toBe('2025-03-04T00:00:00.000Z');
    // Tickers and CIKs from the gazetteer land on the canonical company.
    const withTicker = fixtureRecords().flatMap((r) => r.companies).find((c) => c.ticker && c.cik);
    expect(withTicker).toBeDefined();
    const co = await db.pool.query('SELECT canonical, ticker, cik FROM companies WHERE id = $1', [withTicker!.id]);
    expect(co.rows[0]).toEqual({ canonical: withTicker!.name, ticker: withTicker!.ticker, cik: String(withTicker!.cik) });
  });

  it('a newer pipeline version replaces the article rows; an older one or the same one changes nothing', async () => {
    const r = getPipeline().run(WIDGETS);
    const [major, minor, patch] = r.pipeline.split('@')[1]!.split('.').map(Number) as [number, number, number];
    const newer: ArticleRecord = { ...r, pipeline: `news.v1@${major}.${minor + 1}.${patch}`, deals: [], marketShareClaims: r.marketShareClaims };
    const older: ArticleRecord = { ...r, pipeline: `news.v1@${major}.${minor}.${patch + 1}`, marketShareClaims: [] };
    expect(await sink.write([recordEnvelope(r)])).toBe(1);
    expect(await sink.write([recordEnvelope(r)])).toBe(0);
    expect(await count('deals')).toBe(r.deals.length);
    expect(await sink.write([recordEnvelope(newer)])).toBe(1);
    expect(await count('deals')).toBe(0);
    expect(await count('deal_parties')).toBe(0);
    expect(await count('market_share_claims')).toBe(r.marketShareClaims.length);
    expect(await count('articles')).toBe(1);
    // A retried job of an older pipeline version must not roll the article back.
    expect(await sink.write([recordEnvelope(older)])).toBe(0);
    expect(await count('market_share_claims')).toBe(r.marketShareClaims.length);
    const stored = await sink.read([r.id]);
    expect(stored[0]!.pipeline).toBe(newer.pipeline);
    expect(stored[0]!.record).toEqual(newer);
    // A duplicate envelope (record null) never erases a stored record.
    const dup = { ...fixtureEnvelopes().at(-1)!, id: r.id };
    expect(await sink.write([dup])).toBe(0);
    expect((await sink.read([r.id]))[0]!.record).toEqual(newer);
  });

  it('two writers with their own pools, many overlapping batches at once: no duplicate rows', async () => {
    const recs = [...fixtureRecords(), getPipeline().run(WIDGETS)];
    const envs = recs.map(recordEnvelope);
    const a = sink;
    const b = new PostgresSink(db.url, { schema: db.schema });
    try {
      const jobs: Promise<number>[] = [];
      for (let i = 0; i < 6; i++) {
        jobs.push(a.write(i % 2 ? envs : [...envs].reverse()));
        jobs.push(b.write(envs.slice(i % envs.length)));
      }
      const counts = await Promise.all(jobs);
      expect(counts.reduce((x, y) => x + y, 0)).toBe(envs.length);
    } finally {
      await b.dispose();
    }
    expect(await count('articles')).toBe(recs.length);
    expect(await count('article_companies')).toBe(recs.reduce((n, r) => n + r.companies.length, 0));
    expect(await count('deals')).toBe(recs.reduce((n, r) => n + r.deals.length, 0));
    const ids = new Set(recs.flatMap((r) => r.companies.map((c) => c.id)));
    expect(await count('companies', 'id = ANY($1)', [[...ids]])).toBe(ids.size);
  });

  it('keeps a ticker once seen, and fills one learnt later', async () => {
    const base = getPipeline().run(WIDGETS);
    const c0 = base.companies[0]!;
    const plain: ArticleRecord = { ...base, companies: [{ ...c0, ticker: null, cik: null }] };
    const later: ArticleRecord = { ...base, id: 'later-' + base.id, companies: [{ ...c0, ticker: 'ACME', cik: 12345 }] };
    const again: ArticleRecord = { ...base, id: 'again-' + base.id, companies: [{ ...c0, ticker: null, cik: null }] };
    await sink.write([recordEnvelope(plain)]);
    await sink.write([recordEnvelope(later)]);
    await sink.write([recordEnvelope(again)]);
    const { rows } = await db.pool.query('SELECT ticker, cik FROM companies WHERE id = $1', [c0.id]);
    expect(rows).toEqual([{ ticker: 'ACME', cik: '12345' }]);
  });

  it('stores text PostgreSQL cannot hold (U+0000, a lone surrogate) as U+FFFD, keeping offsets', async () => {
    expect(JSON.parse(pgJson({ a: 'x\u0000y', b: 'p\ud800q', c: 'a\\u0000b', d: '😀' }))).toEqual({
      a: 'x\ufffdy',
      b: 'p\ufffdq',
      c: 'a\\u0000b',
      d: '😀',
    });
    const r = getPipeline().run(WIDGETS);
    const odd: ArticleRecord = { ...r, title: 'Widgets\u0000 \ud83d', text: r.text };
    expect(await sink.write([recordEnvelope(odd)])).toBe(1);
    const { rows } = await db.pool.query<{ title: string }>('SELECT title FROM articles');
    expect(rows[0]!.title).toBe('Widgets\ufffd \ufffd');
  });

  it('says to migrate when the tables are missing', async () => {
    const empty = await freshSchema();
    const s = new PostgresSink(empty.url, { schema: empty.schema });
    try {
      await expect(s.write(fixtureEnvelopes().slice(0, 1))).rejects.toThrow(/run `newsnlp db migrate`/);
    } finally {
      await s.dispose();
      await empty.drop();
    }
  });

  it('migrates before the first write when asked', async () => {
    const empty = await freshSchema();
    const s = new PostgresSink(empty.url, { schema: empty.schema, migrate: true });
    try {
      expect(await s.write(fixtureEnvelopes())).toBe(fixtureEnvelopes().length);
    } finally {
      await s.dispose();
      await empty.drop();
    }
  });

  it('a connection the server ends in the middle of a write fails that write, not the process; the next write succeeds', async () => {
    // A second session holds the articles table, so the sink's write waits inside its transaction;
    // then the server terminates the sink's connection ("terminating connection due to
    // administrator command", as when PostgreSQL is stopped). Before, the checked-out client had
    // no 'error' listener and the unhandled 'error' event ended the process.
    const app = `newsnlp-test-${db.schema.slice(-12)}`;
    const own = new PostgresSink(db.url, { schema: db.schema, applicationName: app });
    const holder = await db.newPool().connect();
    try {
      await holder.query('BEGIN');
      await holder.query('LOCK TABLE articles IN ACCESS EXCLUSIVE MODE');
      const pending = own.write(fixtureEnvelopes().slice(0, 2)).then(
        () => null,
        (e: unknown) => e,
      );
      let pid: number | undefined;
      for (let i = 0; i < 100 && pid === undefined; i++) {
        const { rows } = await db.pool.query<{ pid: number }>("SELECT pid FROM pg_stat_activity WHERE application_name = $1 AND wait_event_type = 'Lock'", [app]);
        pid = rows[0]?.pid;
        if (pid === undefined) await new Promise((r) => setTimeout(r, 50));
      }
      expect(pid, 'the sink is waiting for the lock').toBeDefined();
      await db.pool.query('SELECT pg_terminate_backend($1)', [pid]);
      const err = await pending;
      expect(err).toBeInstanceOf(SinkError);
      expect((err as Error).message).toMatch(/write of 2 envelope\(s\).*failed \((terminating connection due to administrator command|Connection terminated unexpectedly)/);
      // an 'error' event after the failure (the socket closing) must not surface either
      await new Promise((r) => setTimeout(r, 200));
      await holder.query('ROLLBACK');
      expect(await own.write(fixtureEnvelopes().slice(0, 2))).toBe(2);
    } finally {
      holder.release();
      await own.dispose();
    }
  });

  it('check() says at once, in one line, that a server cannot be reached (a run then stops before it starts)', async () => {
    const port = await freePort();
    const down = new PostgresSink(`postgres://postgres:secret@127.0.0.1:${port}/test`, { connectTimeoutMs: 2000 });
    try {
      const t0 = Date.now();
      const err = await down.check().catch((e: unknown) => e);
      expect(Date.now() - t0).toBeLessThan(3000);
      expect(err).toBeInstanceOf(SinkUnavailableError);
      expect((err as SinkUnavailableError).exitCode).toBe(3);
      expect((err as Error).message).toBe(`[sink] [postgres] postgres://postgres:***@127.0.0.1:${port}/test: cannot connect (connect ECONNREFUSED 127.0.0.1:${port})`);
      await expect(sink.check()).resolves.toBeUndefined();
    } finally {
      await down.dispose();
    }
  });

  it('a server that is down makes write() throw a SinkError (a queue job then retries)', async () => {
    const port = await freePort();
    const down = new PostgresSink(`postgres://postgres:secret@127.0.0.1:${port}/test`, { connectTimeoutMs: 2000 });
    try {
      const err = await down.write(fixtureEnvelopes()).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(SinkError);
      expect((err as Error).message).toMatch(new RegExp(`^\\[sink\\] \\[postgres\\] postgres://postgres:\\*\\*\\*@127\\.0\\.0\\.1:${port}/test: write of \\d+ envelope`));
      expect((err as Error).message).toMatch(/ECONNREFUSED/);
      expect((err as Error).message).not.toContain('secret');
    } finally {
      await down.dispose();
    }
  });
});

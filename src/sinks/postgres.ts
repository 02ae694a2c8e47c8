/**
 * PostgreSQL sink: envelopes to the tables of migrations/ (articles, companies, article_companies,
 * deals, deal_parties, market_share_claims), the full record kept as JSONB beside the columns.
 *
 * One write() is one transaction, a fixed number of statements whatever the batch size: each table
 * gets one INSERT ... SELECT FROM jsonb_to_recordset($1), the batch passed as one JSON parameter.
 *
 * Idempotent on the article id. The articles upsert decides, row by row and under the row lock:
 *   - a new id                                  -> inserted with all its rows
 *   - same record as stored (same record_hash)  -> nothing (re-ingest, retried job, second worker)
 *   - a different record whose pipeline is not older than the stored one (a new pipeline version,
 *     or an updated article under the same url) -> that article's rows replaced in the same transaction
 *   - an older pipeline's record, or a duplicate (record null) over a stored record -> nothing
 * Two writers writing the same article at once: the second waits on the first one's row lock,
 * then finds the same hash and writes nothing. Rows are locked in id order so overlapping batches
 * cannot deadlock; a deadlock or serialization failure anyway is retried twice.
 *
 * write() returns how many articles were inserted or replaced. A database that cannot be reached
 * or refuses the write makes write() throw a SinkError (in a queue, the job retries).
 */
import { createHash } from 'node:crypto';
import type pg from 'pg';
import { checkConnection, createPool, inTransaction, pgErrorText, redactUrl } from '../db/pool.ts';
import type { PoolOptions } from '../db/pool.ts';
import { migrate } from '../db/migrate.ts';
import type { Envelope } from '../contracts.ts';
import type { ArticleRecord } from '../schema.ts';
import { slug } from '../util/ids.ts';
import { envelopeOf, SinkError, SinkUnavailableError } from './types.ts';
import type { SerializedEnvelope, SinkDriver } from './types.ts';

export interface PostgresSinkOptions extends PoolOptions {
  /** Apply pending migrations before the first write. Default false (run `newsnlp db migrate`). */
  migrate?: boolean;
  /** Use this pool instead of opening one (it is then not ended by dispose()). */
  pool?: pg.Pool;
}

/** A record to write without ingestion metadata (`newsnlp db load`, the CLI's --sink). */
export interface RecordEnvelope {
  id: string;
  record: ArticleRecord;
  ingest: null;
}
export type SinkInput = Envelope | RecordEnvelope;

/** What the articles table gives back. */
export interface StoredEnvelope {
  id: string;
  record: ArticleRecord | null;
  ingest: Envelope['ingest'] | null;
  pipeline: string | null;
}

export const recordEnvelope = (record: ArticleRecord): RecordEnvelope => ({ id: record.id, record, ingest: null });

const RETRYABLE = new Set(['40P01', '40001']); // deadlock_detected, serialization_failure

/**
 * JSON for a jsonb parameter. PostgreSQL text and jsonb cannot hold U+0000, nor a lone surrogate
 * (which JSON.stringify escapes as \udXXX); both become U+FFFD, one UTF-16 unit for one, so every
 * offset stays valid. Escaped backslashes are matched first so "\\u0000" (a literal) is left alone.
 */
export function pgJson(value: unknown): string {
  return JSON.stringify(value).replace(/\\(\\|u0000|ud[89a-f][0-9a-f]{2})/g, (m, g: string) => (g === '\\' ? m : '\\ufffd'));
}

/** [major, minor, patch] of "name@1.2.3", else null. */
function semver(pipeline: string | null): number[] | null {
  const m = pipeline ? /@(\d+)\.(\d+)\.(\d+)$/.exec(pipeline) : null;
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : null;
}

/** An ISO timestamp when `s` parses as a date, else null (the raw value stays in the JSONB). */
function timestamp(s: string | null | undefined): string | null {
  if (!s) return null;
  const t = Date.parse(s);
  return Number.isFinite(t) ? new Date(t).toISOString() : null;
}

// ------------------------------------------------------------------ rows of one record

interface Rows {
  companies: Map<string, { id: string; canonical: string; ticker: string | null; cik: number | null; parent: string | null }>;
  articleCompanies: object[];
  deals: object[];
  dealParties: object[];
  claims: object[];
}

function newRows(): Rows {
  return { companies: new Map(), articleCompanies: [], deals: [], dealParties: [], claims: [] };
}

/** Add the child rows of one record to `rows` (companies merged across the batch). */
function addRecordRows(rows: Rows, articleId: string, r: ArticleRecord): void {
  const byName = new Map<string, string>();
  const company = (id: string, canonical: string, ticker: string | null, cik: number | null, parent: string | null) => {
    const prior = rows.companies.get(id);
    if (!prior) rows.companies.set(id, { id, canonical, ticker, cik, parent });
    else {
      prior.ticker ??= ticker;
      prior.cik ??= cik;
      prior.parent ??= parent;
    }
    return id;
  };
  /** The company row of a name a deal or claim gives: the article's company of that name, else its slug. */
  const companyOf = (name: string) => byName.get(name) ?? company(slug(name), name, null, null, null);

  const seen = new Set<string>();
  for (const c of r.companies) {
    const id = company(c.id, c.name, c.ticker, c.cik, c.parent);
    byName.set(c.name, id);
    if (seen.has(id)) continue; // one row per company per article
    seen.add(id);
    rows.articleCompanies.push({
      article_id: articleId,
      company_id: id,
      name: c.name,
      aliases: c.aliases,
      mentions: c.mentions,
      mention_count: c.mentions.length,
      first_start: c.mentions.length ? Math.min(...c.mentions.map((m) => m.start)) : null,
      confidence: c.confidence,
      rule: c.rule,
    });
  }
  const dealIds = new Set<string>();
  for (const d of r.deals) {
    if (dealIds.has(d.id)) continue;
    dealIds.add(d.id);
    rows.deals.push({
      article_id: articleId,
      id: d.id,
      type: d.type,
      name: d.name,
      value_amount: d.value?.amount ?? null,
      value_currency: d.value?.currency ?? null,
      status: d.status,
      hedged: d.hedged,
      ...evidenceCols(d.evidence),
      confidence: d.confidence,
      rule: d.rule,
    });
    d.parties.forEach((p, position) =>
      rows.dealParties.push({ article_id: articleId, deal_id: d.id, position, name: p, role: d.roles[position] ?? null, company_id: companyOf(p) }),
    );
  }
  const claimIds = new Set<string>();
  for (const m of r.marketShareClaims) {
    if (claimIds.has(m.id)) continue;
    claimIds.add(m.id);
    rows.claims.push({
      article_id: articleId,
      id: m.id,
      company: m.company,
      company_id: companyOf(m.company),
      brand: m.brand,
      share: m.share,
      bound: m.bound,
      market: m.market,
      region: m.region,
      period: m.period,
      attributed_to: m.attributedTo,
      ...evidenceCols(m.evidence),
      confidence: m.confidence,
      rule: m.rule,
    });
  }
}

function evidenceCols(e: ArticleRecord['deals'][number]['evidence']) {
  return {
    evidence_text: e.text,
    evidence_start: e.start,
    evidence_end: e.end,
    sentence_index: e.sentence.index,
    sentence_start: e.sentence.start,
    sentence_end: e.sentence.end,
  };
}

// ------------------------------------------------------------------ SQL

const UPSERT_ARTICLES = `
INSERT INTO articles AS a (id, url, title, source, published_at, pipeline, pipeline_semver, schema_version,
  record_hash, duplicate_of, content_hash, discovered_at, record, ingest)
SELECT x.id, x.url, x.title, x.source, x.published_at, x.pipeline, x.pipeline_semver, x.schema_version,
  x.record_hash, x.duplicate_of, x.content_hash, x.discovered_at, x.record, x.ingest
FROM jsonb_to_recordset($1::jsonb) AS x(id text, url text, title text, source text, published_at timestamptz,
  pipeline text, pipeline_semver integer[], schema_version text, record_hash text, duplicate_of text,
  content_hash text, discovered_at timestamptz, record jsonb, ingest jsonb)
ORDER BY x.id
ON CONFLICT (id) DO UPDATE SET
  url = excluded.url, title = excluded.title, source = excluded.source, published_at = excluded.published_at,
  pipeline = excluded.pipeline, pipeline_semver = excluded.pipeline_semver, schema_version = excluded.schema_version,
  record_hash = excluded.record_hash, duplicate_of = excluded.duplicate_of, content_hash = excluded.content_hash,
  discovered_at = coalesce(a.discovered_at, excluded.discovered_at), record = excluded.record,
  ingest = coalesce(excluded.ingest, a.ingest), written_at = now()
WHERE a.record_hash IS DISTINCT FROM excluded.record_hash
  AND (excluded.record IS NOT NULL OR a.record IS NULL)
  AND (a.pipeline_semver IS NULL OR excluded.pipeline_semver IS NULL OR excluded.pipeline_semver >= a.pipeline_semver)
RETURNING id, (xmax = 0) AS inserted`;

const DELETE_CHILDREN = [
  'DELETE FROM article_companies WHERE article_id = ANY($1::text[])',
  'DELETE FROM deals WHERE article_id = ANY($1::text[])', // deal_parties cascade
  'DELETE FROM market_share_claims WHERE article_id = ANY($1::text[])',
];

// Fill what is known, never erase it: a ticker seen once stays.
const UPSERT_COMPANIES = `
INSERT INTO companies AS c (id, canonical, ticker, cik, parent)
SELECT x.id, x.canonical, x.ticker, x.cik, x.parent
FROM jsonb_to_recordset($1::jsonb) AS x(id text, canonical text, ticker text, cik bigint, parent text)
ORDER BY x.id
ON CONFLICT (id) DO UPDATE SET
  ticker = coalesce(excluded.ticker, c.ticker), cik = coalesce(excluded.cik, c.cik),
  parent = coalesce(excluded.parent, c.parent), updated_at = now()
WHERE (excluded.ticker IS NOT NULL AND excluded.ticker IS DISTINCT FROM c.ticker)
   OR (excluded.cik IS NOT NULL AND excluded.cik IS DISTINCT FROM c.cik)
   OR (excluded.parent IS NOT NULL AND excluded.parent IS DISTINCT FROM c.parent)`;

const INSERT_ARTICLE_COMPANIES = `
INSERT INTO article_companies (article_id, company_id, name, aliases, mentions, mention_count, first_start, confidence, rule)
SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(article_id text, company_id text, name text, aliases text[],
  mentions jsonb, mention_count integer, first_start integer, confidence real, rule text)`;

const EVIDENCE_COLS = 'evidence_text text, evidence_start integer, evidence_end integer, sentence_index integer, sentence_start integer, sentence_end integer';

const INSERT_DEALS = `
INSERT INTO deals (article_id, id, type, name, value_amount, value_currency, status, hedged, evidence_text,
  evidence_start, evidence_end, sentence_index, sentence_start, sentence_end, confidence, rule)
SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(article_id text, id text, type text, name text,
  value_amount double precision, value_currency text, status text, hedged boolean, ${EVIDENCE_COLS},
  confidence real, rule text)`;

const INSERT_DEAL_PARTIES = `
INSERT INTO deal_parties (article_id, deal_id, position, name, role, company_id)
SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(article_id text, deal_id text, position integer, name text, role text, company_id text)`;

const INSERT_CLAIMS = `
INSERT INTO market_share_claims (article_id, id, company, company_id, brand, share, bound, market, region, period,
  attributed_to, evidence_text, evidence_start, evidence_end, sentence_index, sentence_start, sentence_end, confidence, rule)
SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(article_id text, id text, company text, company_id text, brand text,
  share double precision, bound text, market text, region text, period text, attributed_to text, ${EVIDENCE_COLS},
  confidence real, rule text)`;

// ------------------------------------------------------------------ driver

export class PostgresSink implements SinkDriver {
  readonly name: string;
  private readonly pool: pg.Pool;
  private readonly ownPool: boolean;
  private readonly url: string;
  private readonly inFlight = new Set<Promise<unknown>>();
  private migrated: Promise<unknown> | null = null;
  private disposed: Promise<void> | null = null;

  constructor(
    url: string,
    private readonly opts: PostgresSinkOptions = {},
  ) {
    this.url = redactUrl(url);
    this.name = `postgres:${this.url}`;
    this.ownPool = !opts.pool;
    this.pool = opts.pool ?? createPool(url, opts);
  }

  write(items: readonly (SinkInput | SerializedEnvelope)[]): Promise<number> {
    if (this.disposed) return Promise.reject(new SinkError('postgres', `${this.url}: sink is disposed`));
    let envelopes: SinkInput[];
    try {
      envelopes = items.map((e) => envelopeOf<SinkInput>(e, 'postgres'));
    } catch (err) {
      return Promise.reject(err instanceof SinkError ? err : new SinkError('postgres', `${this.url}: unreadable envelope (${(err as Error).message})`, { cause: err }));
    }
    const run = this.writeNow(envelopes);
    this.inFlight.add(run);
    const done = () => this.inFlight.delete(run);
    run.then(done, done);
    return run;
  }

  /** Every write() is committed when it resolves; flush waits for the ones still running. */
  async flush(): Promise<void> {
    await Promise.allSettled([...this.inFlight]);
  }

  dispose(): Promise<void> {
    this.disposed ??= (async () => {
      await this.flush();
      if (this.ownPool) await this.pool.end();
    })();
    return this.disposed;
  }

  /** Stored envelopes (all, or those of `ids`), by id: for tests, inspection and the conformance suite. */
  async read(ids?: readonly string[]): Promise<StoredEnvelope[]> {
    const { rows } = await this.query<{ id: string; record: ArticleRecord | null; ingest: Envelope['ingest'] | null; pipeline: string | null }>(
      ids
        ? 'SELECT id, record, ingest, pipeline FROM articles WHERE id = ANY($1::text[]) ORDER BY id'
        : 'SELECT id, record, ingest, pipeline FROM articles ORDER BY id',
      ids ? [ids] : [],
    );
    return rows;
  }

  private async query<R extends pg.QueryResultRow>(sql: string, params: unknown[]): Promise<pg.QueryResult<R>> {
    try {
      return await this.pool.query<R>(sql, params);
    } catch (err) {
      throw this.error('read', err);
    }
  }

  private error(what: string, err: unknown): SinkError {
    let msg = pgErrorText(err);
    if ((err as { code?: string }).code === '42P01') msg += ' (tables missing: run `newsnlp db migrate`)';
    return new SinkError('postgres', `${this.url}: ${what} failed (${msg})`, { cause: err });
  }

  /**
   * Whether the database answers now (SELECT 1, connecting within connectTimeoutMs): a run checks
   * before it starts, so a database that is down is one line at once, not a failure per article
   * after every retry. Throws a SinkUnavailableError naming the URL and the cause.
   */
  async check(): Promise<void> {
    try {
      await checkConnection(this.pool, this.url);
    } catch (err) {
      throw new SinkUnavailableError('postgres', this.url, pgErrorText((err as Error).cause ?? err), { cause: err });
    }
  }

  private async writeNow(envelopes: readonly SinkInput[]): Promise<number> {
    if (envelopes.length === 0) return 0;
    // Last envelope of an id wins within a batch (one row may be upserted once per statement).
    const byId = new Map<string, SinkInput>();
    for (const e of envelopes) byId.set(e.id, e);
    const batch = [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    try {
      if (this.opts.migrate) {
        this.migrated ??= migrate(this.pool).catch((err: unknown) => {
          this.migrated = null;
          throw err;
        });
        await this.migrated;
      }
    } catch (err) {
      throw this.error('migrate', err);
    }
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.transaction(batch);
      } catch (err) {
        if (attempt < 2 && RETRYABLE.has((err as { code?: string }).code ?? '')) continue;
        throw this.error(`write of ${batch.length} envelope(s) [${batch[0]!.id}${batch.length > 1 ? ', ...' : ''}]`, err);
      }
    }
  }

  private async transaction(batch: readonly SinkInput[]): Promise<number> {
    const articles = batch.map((e) => {
      const r = e.record;
      const recordJson = r ? pgJson(r) : null;
      return {
        id: e.id,
        url: r?.url ?? e.ingest?.url ?? null,
        title: r?.title ?? null,
        source: r?.source ?? null,
        published_at: timestamp(r?.publishedAt ?? e.ingest?.publishedAt),
        pipeline: r?.pipeline ?? null,
        pipeline_semver: semver(r?.pipeline ?? null),
        schema_version: r?.schemaVersion ?? null,
        record_hash: createHash('sha256').update(recordJson ?? `duplicate:${e.ingest?.duplicateOf ?? ''}`).digest('hex'),
        duplicate_of: e.ingest?.duplicateOf ?? null,
        content_hash: e.ingest?.contentHash ?? null,
        discovered_at: timestamp(e.ingest?.discoveredAt),
        record: r,
        ingest: e.ingest ?? null,
      };
    });
    return inTransaction(this.pool, async (client) => {
      const { rows } = await client.query<{ id: string; inserted: boolean }>(UPSERT_ARTICLES, [pgJson(articles)]);
      if (rows.length) {
        const replaced = rows.filter((r) => !r.inserted).map((r) => r.id);
        if (replaced.length) for (const sql of DELETE_CHILDREN) await client.query(sql, [replaced]);
        const written = new Set(rows.map((r) => r.id));
        const child = newRows();
        for (const e of batch) if (e.record && written.has(e.id)) addRecordRows(child, e.id, e.record);
        const companies = [...child.companies.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
        if (companies.length) await client.query(UPSERT_COMPANIES, [pgJson(companies)]);
        if (child.articleCompanies.length) await client.query(INSERT_ARTICLE_COMPANIES, [pgJson(child.articleCompanies)]);
        if (child.deals.length) await client.query(INSERT_DEALS, [pgJson(child.deals)]);
        if (child.dealParties.length) await client.query(INSERT_DEAL_PARTIES, [pgJson(child.dealParties)]);
        if (child.claims.length) await client.query(INSERT_CLAIMS, [pgJson(child.claims)]);
      }
      return rows.length;
    });
  }
}

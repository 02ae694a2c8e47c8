-- newsnlp 0001: the tables an ArticleRecord is written to. Every row of an article hangs off
-- articles(id) and is replaced together with it; the full record is kept as JSONB beside the columns.
-- Offsets (start, end) are UTF-16 code units into articles.record->>'text', end exclusive.

CREATE TABLE articles (
  id              text PRIMARY KEY,            -- deterministic article id (record.id / envelope id)
  url             text,
  title           text,
  source          text,
  published_at    timestamptz,                 -- record.publishedAt when it parses as a date
  pipeline        text,                        -- name@version that made the record
  pipeline_semver integer[],                   -- [major, minor, patch] of pipeline, for "not older" checks
  schema_version  text,
  record_hash     text,                        -- sha256 of the record as written: same hash = same rows
  duplicate_of    text,                        -- id of the first article with the same text (no record then)
  content_hash    text,
  discovered_at   timestamptz,
  record          jsonb,                       -- the full ArticleRecord (null for a duplicate)
  ingest          jsonb,                       -- ingestion metadata of the envelope, when there was one
  written_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX articles_published_at_idx ON articles (published_at);
CREATE INDEX articles_source_idx ON articles (source);
CREATE INDEX articles_duplicate_of_idx ON articles (duplicate_of) WHERE duplicate_of IS NOT NULL;

-- Canonical companies across articles. id is the slug of the canonical name (Company.id).
CREATE TABLE companies (
  id          text PRIMARY KEY,
  canonical   text NOT NULL,
  ticker      text,
  cik         bigint,
  parent      text,
  first_seen  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX companies_ticker_idx ON companies (ticker) WHERE ticker IS NOT NULL;
CREATE INDEX companies_cik_idx ON companies (cik) WHERE cik IS NOT NULL;

-- One row per company per article: the surface forms seen and every mention span.
CREATE TABLE article_companies (
  article_id    text NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  company_id    text NOT NULL REFERENCES companies (id),
  name          text NOT NULL,
  aliases       text[] NOT NULL,
  mentions      jsonb NOT NULL,                -- [{text, start, end}, ...]
  mention_count integer NOT NULL,
  first_start   integer,
  confidence    real NOT NULL,
  rule          text NOT NULL,
  PRIMARY KEY (article_id, company_id)
);
CREATE INDEX article_companies_company_idx ON article_companies (company_id);

-- Deal ids are deterministic within an article; the key is (article_id, id).
CREATE TABLE deals (
  article_id      text NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  id              text NOT NULL,
  type            text NOT NULL,
  name            text,
  value_amount    double precision,
  value_currency  text,
  status          text,
  hedged          boolean NOT NULL,
  evidence_text   text NOT NULL,
  evidence_start  integer NOT NULL,
  evidence_end    integer NOT NULL,
  sentence_index  integer NOT NULL,
  sentence_start  integer NOT NULL,
  sentence_end    integer NOT NULL,
  confidence      real NOT NULL,
  rule            text NOT NULL,
  PRIMARY KEY (article_id, id)
);

-- Parties in the order the record gives them (acquirer/investor first). company_id is set when the
-- party is one of the article's companies.
CREATE TABLE deal_parties (
  article_id   text NOT NULL,
  deal_id      text NOT NULL,
  position     integer NOT NULL,
  name         text NOT NULL,
  company_id   text REFERENCES companies (id),
  PRIMARY KEY (article_id, deal_id, position),
  FOREIGN KEY (article_id, deal_id) REFERENCES deals (article_id, id) ON DELETE CASCADE
);
CREATE INDEX deal_parties_company_idx ON deal_parties (company_id);

CREATE TABLE market_share_claims (
  article_id      text NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  id              text NOT NULL,
  company         text NOT NULL,
  company_id      text REFERENCES companies (id),
  brand           text,
  share           double precision NOT NULL,
  bound           text NOT NULL,
  market          text,
  region          text,
  period          text,
  attributed_to   text,
  evidence_text   text NOT NULL,
  evidence_start  integer NOT NULL,
  evidence_end    integer NOT NULL,
  sentence_index  integer NOT NULL,
  sentence_start  integer NOT NULL,
  sentence_end    integer NOT NULL,
  confidence      real NOT NULL,
  rule            text NOT NULL,
  PRIMARY KEY (article_id, id)
);
CREATE INDEX market_share_claims_company_idx ON market_share_claims (company_id);

/** Migrations: in order, once, in one transaction, safe twice and from two processes at once. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadMigrations, migrate, MigrationError } from '../../src/db/migrate.ts';
import { freshSchema } from './pg.ts';
import type { TestSchema } from './pg.ts';

const TABLES = ['article_companies', 'articles', 'companies', 'deal_parties', 'deals', 'market_share_claims', 'schema_migrations'];

const tables = async (db: TestSchema) =>
  (
    await db.pool.query<{ t: string }>(
      'SELECT table_name AS t FROM information_schema.tables WHERE table_schema = $1 ORDER BY 1',
      [db.schema],
    )
  ).rows.map((r) => r.t);

function migrationDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'newsnlp-mig-'));
  for (const [name, sql] of Object.entries(files)) writeFileSync(join(dir, name), sql);
  return dir;
}

describe('db migrate', () => {
  let db: TestSchema;
  beforeEach(async () => {
    db = await freshSchema();
  });
  afterEach(async () => {
    await db.drop();
  });

  it('applies migrations/ in order, records them, and is a no-op the second time', async () => {
    const files = loadMigrations();
    expect(files.map((m) => m.name)[0]).toBe('0001_init.sql');
    expect(files.map((m) => m.version)).toEqual([...files.map((m) => m.version)].sort((a, b) => a - b));
    const first = await migrate(db.pool);
    expect(first.applied).toEqual(files.map((m) => m.name));
    expect(await tables(db)).toEqual(TABLES);
    const second = await migrate(db.pool);
    expect(second).toEqual({ applied: [], version: first.version });
    const { rows } = await db.pool.query('SELECT version, name FROM schema_migrations ORDER BY version');
    expect(rows).toEqual(files.map((m) => ({ version: m.version, name: m.name })));
  });

  it('two processes migrating at once: one applies, the other waits and finds it done', async () => {
    const other = db.newPool();
    const results = await Promise.all([migrate(db.pool), migrate(other), migrate(db.newPool())]);
    const applied = results.map((r) => r.applied.length);
    expect(applied.sort()).toEqual([0, 0, loadMigrations().length]);
    expect(await tables(db)).toEqual(TABLES);
  });

  it('a failing migration leaves nothing behind, and names the file', async () => {
    const dir = migrationDir({
      '0001_a.sql': 'CREATE TABLE a (x int);',
      '0002_b.sql': 'CREATE TABLE b (x int); SELECT no_such_function();',
    });
    const err = await migrate(db.pool, loadMigrations(dir)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MigrationError);
    expect((err as Error).message).toMatch(/^\[db\] \[migrate\] 0002_b\.sql: function no_such_function\(\) does not exist/);
    expect(await tables(db)).toEqual([]);
  });

  it('applies only the new migration of a later release, and refuses an edited one', async () => {
    const v1 = { '0001_a.sql': 'CREATE TABLE a (x int);' };
    expect((await migrate(db.pool, loadMigrations(migrationDir(v1)))).applied).toEqual(['0001_a.sql']);
    const v2 = { ...v1, '0002_b.sql': 'ALTER TABLE a ADD COLUMN y text;' };
    expect(await migrate(db.pool, loadMigrations(migrationDir(v2)))).toEqual({ applied: ['0002_b.sql'], version: 2 });
    const edited = { ...v2, '0001_a.sql': 'CREATE TABLE a (x bigint);' };
    await expect(migrate(db.pool, loadMigrations(migrationDir(edited)))).rejects.toThrow(/0001_a\.sql: changed after it was applied/);
  });

  it('rejects badly named or duplicate migration files', () => {
    expect(() => loadMigrations(migrationDir({ 'init.sql': 'select 1' }))).toThrow(/named NNNN_name\.sql/);
    expect(() => loadMigrations(migrationDir({ '0001_a.sql': 'select 1', '0001_b.sql': 'select 1' }))).toThrow(/version 1 used twice/);
  });
});

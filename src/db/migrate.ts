/**
 * Versioned SQL migrations: migrations/NNNN_name.sql, applied in version order.
 *
 * One run is one transaction under a transaction-level advisory lock keyed on the current schema,
 * so two processes migrating at once serialise (the second finds everything applied) and a failed
 * migration leaves nothing half-applied. schema_migrations records version, name and a sha256 of
 * each file; a file edited after it was applied is an error, not a silent skip.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type pg from 'pg';
import { packagePath } from '../util/package-root.ts';
import { inTransaction } from './pool.ts';

export const MIGRATIONS_DIR = packagePath('migrations/');

export interface Migration {
  version: number;
  name: string;
  sql: string;
  checksum: string;
}

export interface MigrateResult {
  /** Migrations applied by this run, in order. */
  applied: string[];
  /** Highest version now in the database. */
  version: number;
}

export class MigrationError extends Error {
  override name = 'MigrationError';
}

const FILE_RE = /^(\d{4})_([a-z0-9_]+)\.sql$/;

/** The migration files of `dir`, sorted by version; duplicates and strays are errors. */
export function loadMigrations(dir: string = MIGRATIONS_DIR): Migration[] {
  const out: Migration[] = [];
  for (const file of readdirSync(dir).sort()) {
    if (!file.endsWith('.sql')) continue;
    const m = FILE_RE.exec(file);
    if (!m) throw new MigrationError(`[db] [migrate] ${file}: migration files are named NNNN_name.sql`);
    const version = Number(m[1]);
    if (out.some((x) => x.version === version)) throw new MigrationError(`[db] [migrate] ${file}: version ${version} used twice`);
    const sql = readFileSync(join(dir, file), 'utf8');
    out.push({ version, name: file, sql, checksum: createHash('sha256').update(sql).digest('hex') });
  }
  return out;
}

/** Apply the pending migrations of `migrations` (default: migrations/) over one client of `pool`. */
export async function migrate(pool: pg.Pool, migrations: readonly Migration[] = loadMigrations()): Promise<MigrateResult> {
  return inTransaction(pool, async (client) => {
    const { rows: schemaRows } = await client.query<{ s: string | null }>('SELECT current_schema() AS s');
    const schema = schemaRows[0]?.s;
    if (!schema) throw new MigrationError('[db] [migrate] no current schema: the search_path names no existing schema');
    await client.query("SELECT pg_advisory_xact_lock(hashtext('newsnlp.migrate'), hashtext($1))", [schema]);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      checksum text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const { rows } = await client.query<{ version: number; name: string; checksum: string }>(
      'SELECT version, name, checksum FROM schema_migrations ORDER BY version',
    );
    const done = new Map(rows.map((r) => [r.version, r]));
    const applied: string[] = [];
    for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
      const prior = done.get(m.version);
      if (prior) {
        if (prior.checksum !== m.checksum) {
          throw new MigrationError(
            `[db] [migrate] ${m.name}: changed after it was applied (as ${prior.name}); add a new migration instead`,
          );
        }
        continue;
      }
      try {
        await client.query(m.sql);
      } catch (err) {
        throw new MigrationError(`[db] [migrate] ${m.name}: ${(err as Error).message}`, { cause: err });
      }
      await client.query('INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [m.version, m.name, m.checksum]);
      applied.push(m.name);
    }
    const version = Math.max(0, ...rows.map((r) => r.version), ...migrations.map((m) => m.version));
    return { applied, version };
  });
}

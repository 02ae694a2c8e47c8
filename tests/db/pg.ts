/**
 * A real PostgreSQL for tests: DATABASE_URL, else postgres://postgres@127.0.0.1:5432/test (what
 * .ci/run starts). Each test gets its own schema (newsnlp_test_<random>), set as the search_path of
 * the pools it opens, and drops it afterwards; no other schema is touched.
 */
import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import { createPool } from '../../src/db/pool.ts';

export const DATABASE_URL = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';

export interface TestSchema {
  schema: string;
  url: string;
  /** A pool on the schema (ended by drop()). */
  pool: pg.Pool;
  /** Another pool on the same schema (a second process, as far as the server can tell). */
  newPool(): pg.Pool;
  drop(): Promise<void>;
}

export async function freshSchema(): Promise<TestSchema> {
  const schema = `newsnlp_test_${randomBytes(6).toString('hex')}`;
  const admin = createPool(DATABASE_URL, { max: 1 });
  try {
    await admin.query(`CREATE SCHEMA ${schema}`);
  } catch (err) {
    await admin.end();
    throw new Error(`[test] PostgreSQL at ${DATABASE_URL} is needed (set DATABASE_URL): ${(err as Error).message}`, { cause: err });
  }
  const pools: pg.Pool[] = [];
  const newPool = () => {
    const p = createPool(DATABASE_URL, { schema, max: 4 });
    pools.push(p);
    return p;
  };
  const pool = newPool();
  return {
    schema,
    url: DATABASE_URL,
    pool,
    newPool,
    async drop() {
      await Promise.all(pools.map((p) => p.end().catch(() => undefined)));
      await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await admin.end();
    },
  };
}


/**
 * PostgreSQL connections: one pg.Pool per sink or command, configured from a connection URL.
 *
 *   createPool(url, { schema })   a pool whose sessions use `schema` as search_path (tests use one
 *                                 schema per test; production leaves it unset: "public")
 *   redactUrl(url)                the URL with its password replaced, for messages and logs
 *   inTransaction(pool, fn)       fn(client) between BEGIN and COMMIT on a client checked out with an
 *                                 'error' listener (a server that goes away fails the queries, it
 *                                 does not crash the process)
 *   checkConnection(pool, url)    SELECT 1 within the connect timeout, else DatabaseUnavailableError
 *
 * TLS for managed servers comes from the URL (`?sslmode=verify-full&sslrootcert=/path/ca.pem`),
 * which node-postgres reads; nothing here reads the environment (config is passed down).
 */
import pg from 'pg';

export interface PoolOptions {
  /** search_path for every session of the pool (a plain identifier). Default: the server's. */
  schema?: string;
  /** Most connections the pool opens. Default 4. */
  max?: number;
  /** Give up connecting after this long. Default 5000 ms. */
  connectTimeoutMs?: number;
  /** application_name seen in pg_stat_activity. */
  applicationName?: string;
}

const IDENT = /^[a-z_][a-z0-9_]{0,62}$/;

/** Throw unless `name` is a plain lower-case identifier (so it can be put in SQL unquoted). */
export function assertIdentifier(name: string, what = 'schema'): string {
  if (!IDENT.test(name)) throw new Error(`[db] ${what} name ${JSON.stringify(name)} must match ${IDENT}`);
  return name;
}

export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
  }
}

/** Exit code of a CLI command whose database cannot be reached (as for Redis: README, newsnlp --help). */
export const DB_UNREACHABLE_EXIT_CODE = 3;

/**
 * A database that cannot be used, in one line naming the URL (password hidden) and the cause:
 * "[db] postgres://app:***@db:5432/news: cannot connect (connect ECONNREFUSED 10.0.0.5:5432)".
 */
export class DatabaseUnavailableError extends Error {
  override name = 'DatabaseUnavailableError';
  readonly exitCode = DB_UNREACHABLE_EXIT_CODE;
  constructor(url: string, reason: string, options?: { cause?: unknown }) {
    super(`[db] ${redactUrl(url)}: ${reason}`, options);
  }
}

/** SQLSTATE classes and codes that mean the server cannot be used at all, not that a statement failed. */
const UNAVAILABLE_CODES = /^(?:08|28|3D|53|57P0[1-4])/; // connection, authorization, catalog (no database), resources, shutdown

/** The text of a node-postgres error (an AggregateError of one per address has an empty message). */
export function pgErrorText(err: unknown): string {
  const e = err as { message?: string; code?: string } | null;
  if (!e?.message && err instanceof AggregateError) return err.errors.map((x: { message?: string }) => x.message).join('; ');
  return (e?.message || e?.code || String(err)).replace(/\s*\n\s*/g, ' ');
}

/** True when `err` says the server cannot be reached or used (as opposed to a statement's own error). */
export function isUnavailable(err: unknown): boolean {
  const e = err as { code?: string; message?: string } | null;
  const code = e?.code ?? '';
  if (UNAVAILABLE_CODES.test(code)) return true;
  if (/^E[A-Z]+$/.test(code)) return true; // ECONNREFUSED, ENOTFOUND, ETIMEDOUT, ECONNRESET...
  if (err instanceof AggregateError) return true;
  return /timeout exceeded when trying to connect|Connection terminated|connection timeout|ECONNREFUSED|ENOTFOUND|EAI_AGAIN/i.test(e?.message ?? '');
}

/**
 * Check that the database of `pool` answers (SELECT 1; connecting is bounded by the pool's
 * connectTimeoutMs): a DatabaseUnavailableError naming `url` and the cause otherwise.
 */
export async function checkConnection(pool: pg.Pool, url: string): Promise<void> {
  try {
    await pool.query('SELECT 1');
  } catch (err) {
    throw new DatabaseUnavailableError(url, `cannot connect (${pgErrorText(err)})`, { cause: err });
  }
}

/**
 * `fn(client)` in one transaction on a client of `pool`. While the client is checked out it has
 * an 'error' listener: a server that stops or restarts meanwhile ("terminating connection due to
 * administrator command") makes fn's queries fail, and the error is thrown here, instead of an
 * unhandled 'error' event ending the process. A client that reported an error, or whose ROLLBACK
 * failed, is destroyed rather than returned to the pool.
 */
export async function inTransaction<T>(pool: pg.Pool, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  const onError = (err: Error) => {
    broken ??= err;
  };
  client.on('error', onError);
  try {
    await client.query('BEGIN');
    const out = await fn(client);
    await client.query('COMMIT');
    return out;
  } catch (err) {
    await client.query('ROLLBACK').catch((e: Error) => (broken ??= e));
    throw err;
  } finally {
    client.off('error', onError);
    client.release(broken);
  }
}

export function createPool(url: string, opts: PoolOptions = {}): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max: opts.max ?? 4,
    connectionTimeoutMillis: opts.connectTimeoutMs ?? 5000,
    idleTimeoutMillis: 10_000,
    application_name: opts.applicationName ?? 'newsnlp',
    ...(opts.schema ? { options: `-c search_path=${assertIdentifier(opts.schema)}` } : {}),
  });
  // An idle client losing its connection (server restart) must not crash the process: the next
  // query gets a fresh connection or a thrown error.
  pool.on('error', () => undefined);
  return pool;
}

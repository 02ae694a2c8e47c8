/**
 * PostgreSQL connections: one pg.Pool per sink or command, configured from a connection URL.
 *
 *   createPool(url, { schema })   a pool whose sessions use `schema` as search_path (tests use one
 *                                 schema per test; production leaves it unset: "public")
 *   redactUrl(url)                the URL with its password replaced, for messages and logs
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

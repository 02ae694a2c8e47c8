/**
 * `newsnlp db ...`: the PostgreSQL side.
 *
 *   newsnlp db migrate [--url URL] [--schema NAME]            apply pending migrations (safe to repeat,
 *                                                             safe from two processes at once)
 *   newsnlp db load <files...> [--url URL] [--schema NAME]    write NDJSON records or sink envelopes
 *                  [--migrate] [--batch N]                    (`newsnlp extract --format ndjson` output)
 *
 * The URL is --url, else the databaseUrl passed in (the CLI passes DATABASE_URL). Messages go to
 * stderr; nothing is printed on stdout. A URL that is not postgres:// is a usage error (exit 2); a
 * database that cannot be reached is one line naming the URL and the cause (exit 3), after at
 * most the connect timeout (5 s).
 */
import type { Command } from 'commander';
import { DatabaseUnavailableError, checkConnection, createPool, isUnavailable, pgErrorText, redactUrl } from './db/pool.ts';
import { migrate } from './db/migrate.ts';
import { readRecordFile, RecordReadError } from './records/read.ts';
import { PostgresSink } from './sinks/postgres.ts';
import type { SinkInput } from './sinks/postgres.ts';

export interface DbCliConfig {
  /** Default connection URL (DATABASE_URL). */
  databaseUrl?: string | undefined;
  /** Where messages go. Default: stderr. */
  log?: (line: string) => void;
}

interface ConnOpts {
  url?: string;
  schema?: string;
}

/** A bad --url or DATABASE_URL: one line, exit code 2. */
class DbUsageError extends Error {
  override name = 'DbUsageError';
  readonly exitCode = 2;
}

const PG_URL = /^postgres(?:ql)?:\/\/[^\s]+$/;

export function registerDbCommands(program: Command, config: DbCliConfig): Command {
  const log = config.log ?? ((line: string) => process.stderr.write(line + '\n'));
  const urlOf = (o: ConnOpts): string => {
    const url = o.url || config.databaseUrl;
    if (!url) throw new DbUsageError('[db] no database: pass --url postgres://... or set DATABASE_URL');
    if (!PG_URL.test(url)) throw new DbUsageError(`[db] ${o.url ? '--url' : 'DATABASE_URL'}: not a postgres:// URL: ${JSON.stringify(redactUrl(url))}`);
    return url;
  };
  const db = program.command('db').description('PostgreSQL: migrations and loading records');

  db.command('migrate')
    .description('apply pending SQL migrations (versioned; each run is one transaction under an advisory lock)')
    .option('--url <url>', 'PostgreSQL URL (default: DATABASE_URL)')
    .option('--schema <name>', 'schema to migrate (default: the server search_path, usually public)')
    .action(async (o: ConnOpts) => {
      const url = urlOf(o);
      const pool = createPool(url, { max: 1, ...(o.schema ? { schema: o.schema } : {}) });
      try {
        await checkConnection(pool, url);
        const r = await migrate(pool).catch((err: unknown) => {
          // the server went away between the check and the migration
          throw isUnavailable(err) ? new DatabaseUnavailableError(url, `cannot connect (${pgErrorText(err)})`, { cause: err }) : err;
        });
        if (r.applied.length) log(`[db] ${redactUrl(url)}: applied ${r.applied.join(', ')}; now at version ${r.version}`);
        else log(`[db] ${redactUrl(url)}: up to date at version ${r.version}`);
      } finally {
        await pool.end();
      }
    });

  db.command('load')
    .description('write NDJSON ArticleRecords (or sink envelopes) to PostgreSQL, idempotently')
    .argument('<files...>', 'NDJSON files ("-" for stdin)')
    .option('--url <url>', 'PostgreSQL URL (default: DATABASE_URL)')
    .option('--schema <name>', 'schema holding the tables')
    .option('--migrate', 'apply pending migrations first')
    .option('--batch <n>', 'records per transaction', (v) => Number.parseInt(v, 10), 200)
    .action(async (files: string[], o: ConnOpts & { migrate?: boolean; batch: number }) => {
      if (!Number.isInteger(o.batch) || o.batch < 1) throw new Error('[db] --batch must be a positive integer');
      const sink = new PostgresSink(urlOf(o), { migrate: !!o.migrate, ...(o.schema ? { schema: o.schema } : {}) });
      try {
        await sink.check();
      } catch (err) {
        await sink.dispose();
        throw err;
      }
      let read = 0;
      let written = 0;
      let failed = 0;
      const onError = (err: RecordReadError) => {
        failed++;
        log(err.message);
      };
      let batch: SinkInput[] = [];
      const drain = async () => {
        if (!batch.length) return;
        written += await sink.write(batch);
        batch = [];
      };
      try {
        for (const file of files) {
          try {
            for await (const item of readRecordFile(file, onError)) {
              read++;
              if (item.ingest) batch.push({ id: item.id, record: item.record, ingest: item.ingest });
              else if (item.record) batch.push({ id: item.id, record: item.record, ingest: null });
              else continue; // a duplicate without ingest metadata says nothing
              if (batch.length >= o.batch) await drain();
            }
          } catch (err) {
            if (!(err instanceof RecordReadError)) throw err;
            onError(err); // the file itself could not be read
          }
        }
        await drain();
      } finally {
        await sink.dispose();
      }
      log(`[db] ${read} record(s) read, ${written} written (new or replaced), ${read - written} unchanged${failed ? `, ${failed} error(s)` : ''}`);
      if (failed) process.exitCode = 1;
    });
  return db;
}

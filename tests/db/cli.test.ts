/** `newsnlp db migrate` and `newsnlp db load`, run in-process on a fresh commander program. */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { Command } from 'commander';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { registerDbCommands } from '../../src/cli-db.ts';
import { fixtureEnvelopes, fixtureRecords } from '../sinks/conformance.ts';
import { freePort } from '../helpers/ports.ts';
import { DATABASE_URL, freshSchema } from './pg.ts';
import type { TestSchema } from './pg.ts';

async function run(args: string[], databaseUrl?: string): Promise<string[]> {
  const lines: string[] = [];
  const program = new Command('newsnlp').exitOverride();
  registerDbCommands(program, { databaseUrl, log: (l) => lines.push(l) });
  await program.parseAsync(args, { from: 'user' });
  return lines;
}

describe('newsnlp db', () => {
  let db: TestSchema;
  beforeEach(async () => {
    db = await freshSchema();
  });
  afterEach(async () => {
    await db.drop();
    process.exitCode = undefined;
  });

  it('migrate applies, then reports up to date (URL from the config, password hidden)', async () => {
    expect(await run(['db', 'migrate', '--schema', db.schema], db.url)).toEqual([expect.stringMatching(/applied 0001_init\.sql, 0002_deal_party_roles\.sql; now at version \d+$/)]);
    expect(await run(['db', 'migrate', '--url', db.url, '--schema', db.schema])).toEqual([expect.stringMatching(/up to date at version \d+$/)]);
    await expect(run(['db', 'migrate', '--schema', db.schema])).rejects.toThrow(/no database: pass --url/);
    await expect(run(['db', 'migrate', '--url', 'mysql://x/y'])).rejects.toMatchObject({ exitCode: 2, message: '[db] --url: not a postgres:// URL: "mysql://x/y"' });
  });

  it('load writes records and envelopes from NDJSON, idempotently, and reports bad lines', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'newsnlp-load-'));
    const recs = fixtureRecords();
    const envs = fixtureEnvelopes();
    const a = join(dir, 'records.ndjson');
    writeFileSync(a, recs.map((r) => JSON.stringify(r)).join('\n') + '\n{"not": "a record"}\n');
    const b = join(dir, 'envelopes.ndjson');
    writeFileSync(b, envs.map((e) => JSON.stringify(e)).join('\n') + '\n');
    const out = await run(['db', 'load', a, b, '--schema', db.schema, '--migrate', '--batch', '2'], db.url);
    expect(out[0]).toMatch(/records\.ndjson:5: not an ArticleRecord: schemaVersion is missing/);
    // The envelopes repeat the records' ids: only the duplicate envelope is new.
    expect(out.at(-1)).toBe(`[db] ${recs.length + envs.length} record(s) read, ${recs.length + 1} written (new or replaced), ${envs.length - 1} unchanged, 1 error(s)`);
    expect(process.exitCode).toBe(1);
    const { rows } = await db.pool.query<{ n: string }>('SELECT count(*) AS n FROM articles');
    expect(Number(rows[0]!.n)).toBe(envs.length);
    const again = await run(['db', 'load', b, '--schema', db.schema], db.url);
    expect(again.at(-1)).toBe(`[db] ${envs.length} record(s) read, 0 written (new or replaced), ${envs.length} unchanged`);
  });
});

describe('newsnlp db and a postgres sink, when the database cannot be used (the real CLI)', () => {
  const exec = promisify(execFile);
  const BIN = fileURLToPath(new URL('../../bin/newsnlp.js', import.meta.url));
  const SEEDS = fileURLToPath(new URL('../../seeds/', import.meta.url));
  const cli = async (args: string[], env: Record<string, string | undefined>) => {
    const t0 = Date.now();
    try {
      const r = await exec(process.execPath, [BIN, ...args], { env: { ...process.env, REDIS_URL: '', ...env }, timeout: 30_000 });
      return { code: 0, stderr: r.stderr, ms: Date.now() - t0 };
    } catch (e) {
      const x = e as { code: number; stderr: string };
      return { code: x.code, stderr: x.stderr, ms: Date.now() - t0 };
    }
  };
  const lines = (s: string) => s.split('\n').filter(Boolean);

  it('db migrate: no URL or a URL that is not postgres:// is one line, exit 2; a closed port, an unknown host or a missing database one line naming the URL, exit 3', async () => {
    const port = await freePort();
    const noDb = Object.assign(new URL(DATABASE_URL), { pathname: '/newsnlp_no_such_db' }).toString();
    const cases: [Record<string, string>, number, RegExp][] = [
      [{ DATABASE_URL: '' }, 2, /^\[db\] no database: pass --url postgres:\/\/\.\.\. or set DATABASE_URL$/],
      [{ DATABASE_URL: 'notaurl' }, 2, /^\[db\] DATABASE_URL: not a postgres:\/\/ URL: "notaurl"$/],
      [{ DATABASE_URL: `postgres://app:secret@127.0.0.1:${port}/news` }, 3, new RegExp(`^\\[db\\] postgres://app:\\*\\*\\*@127\\.0\\.0\\.1:${port}/news: cannot connect \\(connect ECONNREFUSED 127\\.0\\.0\\.1:${port}\\)$`)],
      [{ DATABASE_URL: noDb }, 3, new RegExp(`^\\[db\\] ${noDb.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: cannot connect \\(database "newsnlp_no_such_db" does not exist\\)$`)],
      [{ DATABASE_URL: 'postgres://app:secret@no-such-host.invalid/news' }, 3, /^\[db\] postgres:\/\/app:\*\*\*@no-such-host\.invalid\/news: cannot connect \(getaddrinfo (ENOTFOUND|EAI_AGAIN) no-such-host\.invalid\)$/],
    ];
    for (const [env, code, line] of cases) {
      const r = await cli(['db', 'migrate'], env);
      expect({ env, code: r.code, stderr: lines(r.stderr) }).toEqual({ env, code, stderr: [expect.stringMatching(line)] });
    }
  });

  it('run with a postgres sink on a closed port fails at once with one line, exit 3 (it took ~80 s of retries per article before)', async () => {
    const port = await freePort();
    const r = await cli(['run', SEEDS, '--sink', `postgres:postgres://postgres@127.0.0.1:${port}/test`], { NEWSNLP_LOG_LEVEL: 'warn' });
    expect(r.code).toBe(3);
    expect(lines(r.stderr)).toEqual([`[sink] [postgres] postgres://postgres@127.0.0.1:${port}/test: cannot connect (connect ECONNREFUSED 127.0.0.1:${port})`]);
    expect(r.ms).toBeLessThan(15_000);
  });
});

/** `newsnlp db migrate` and `newsnlp db load`, run in-process on a fresh commander program. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { registerDbCommands } from '../../src/cli-db.ts';
import { fixtureEnvelopes, fixtureRecords } from '../sinks/conformance.ts';
import { freshSchema } from './pg.ts';
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
    expect(await run(['db', 'migrate', '--schema', db.schema], db.url)).toEqual([expect.stringMatching(/applied 0001_init\.sql; now at version \d+$/)]);
    expect(await run(['db', 'migrate', '--url', db.url, '--schema', db.schema])).toEqual([expect.stringMatching(/up to date at version \d+$/)]);
    await expect(run(['db', 'migrate', '--schema', db.schema])).rejects.toThrow(/no database: pass --url/);
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

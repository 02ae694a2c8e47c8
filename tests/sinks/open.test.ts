/** openSink: drivers chosen by spec. */
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { JsonlSink, openSink, PostgresSink } from '../../src/sinks/index.ts';
import { fixtureEnvelopes } from './conformance.ts';
import { DATABASE_URL, freshSchema } from '../db/pg.ts';

describe('openSink', () => {
  it('opens a rotating JSONL sink from "jsonl:<path>?options"', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'newsnlp-open-'));
    const sink = openSink(`jsonl:${join(dir, 'records.ndjson')}?rotate=day`);
    expect(sink).toBeInstanceOf(JsonlSink);
    expect(await sink.write(fixtureEnvelopes())).toBe(fixtureEnvelopes().length);
    await sink.dispose();
    expect(readdirSync(dir).filter((f) => f.endsWith('.ndjson'))).toEqual([`records-${new Date().toISOString().slice(0, 10)}.ndjson`]);
  });

  it('opens PostgreSQL from "postgres:<url>" or a bare URL, hiding the password in its name', async () => {
    const a = openSink('postgres:postgres://u:pw@127.0.0.1:1/db');
    const b = openSink('postgresql://u:pw@127.0.0.1:1/db');
    expect(a).toBeInstanceOf(PostgresSink);
    expect(b).toBeInstanceOf(PostgresSink);
    expect(a.name).toBe('postgres:postgres://u:***@127.0.0.1:1/db');
    await a.dispose();
    await b.dispose();
    expect(() => openSink('postgres:db')).toThrow(/\[sink\] \[postgres\] sink spec needs a postgres:\/\/ URL/);
    expect(() => openSink('mysql://db/x')).toThrow(/\[sink\] \[mysql\] unknown sink spec "mysql:\/\/db\/x"; known: jsonl:<path>, flat:<path>, postgres:/);
  });

  it('passes PostgreSQL options through (migrate on first write)', async () => {
    const db = await freshSchema();
    const sink = openSink(`postgres:${DATABASE_URL}`, { postgres: { schema: db.schema, migrate: true } });
    try {
      expect(await sink.write(fixtureEnvelopes())).toBe(fixtureEnvelopes().length);
    } finally {
      await sink.dispose();
      await db.drop();
    }
  });
});

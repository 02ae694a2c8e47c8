/** Reading records back: same major accepted, newer major refused with a clear message. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseItem, parseLine, parseRecord, readRecordFile, RecordReadError } from '../../src/records/read.ts';
import { SCHEMA_VERSION } from '../../src/schema.ts';
import { fixtureEnvelopes, fixtureRecords } from '../sinks/conformance.ts';

const major = Number(SCHEMA_VERSION.split('.')[0]);

describe('record reader', () => {
  const rec = fixtureRecords()[1]!;

  it('reads a record this version wrote, unchanged', () => {
    expect(parseRecord(JSON.parse(JSON.stringify(rec)))).toEqual(rec);
  });

  it('accepts a newer minor version and keeps the fields it does not know', () => {
    const newer = { ...rec, schemaVersion: `${major}.9.0`, sentiment: 'positive' };
    const r = parseRecord(newer, 'x');
    expect(r.schemaVersion).toBe(`${major}.9.0`);
    expect((r as unknown as { sentiment: string }).sentiment).toBe('positive');
  });

  it('refuses a newer major version with a message naming the versions and what to do', () => {
    const next = { ...rec, schemaVersion: `${major + 1}.0.0` };
    expect(() => parseRecord(next, 'out/records.ndjson:3')).toThrow(RecordReadError);
    expect(() => parseRecord(next, 'out/records.ndjson:3')).toThrow(
      `[records] out/records.ndjson:3: record ${rec.id} has schemaVersion ${major + 1}.0.0, a newer major version than this newsnlp reads (${major}.x, writes ${SCHEMA_VERSION}); upgrade newsnlp to read it`,
    );
    // Even when the rest would not validate: the version is checked first.
    expect(() => parseRecord({ schemaVersion: `${major + 1}.0.0`, shape: 'new' })).toThrow(/newer major version/);
  });

  it('names what is wrong with an invalid record or line', () => {
    expect(() => parseRecord({ ...rec, companies: 'none' }, 'f:1')).toThrow(/^\[records\] f:1: invalid ArticleRecord at companies: /);
    expect(() => parseRecord({ ...rec, schemaVersion: 'one' }, 'f:1')).toThrow(/"one" is not a semantic version/);
    if (major > 0) expect(() => parseRecord({ ...rec, schemaVersion: `${major - 1}.5.0` })).toThrow(/older major version/);
    expect(() => parseRecord([rec], 'f:1')).toThrow(/expected a record object, got an array/);
    expect(() => parseLine('{"id":', 'f:2')).toThrow(/^\[records\] f:2: not JSON/);
  });

  it('reads sink envelopes too (a duplicate has no record), and checks the ids agree', () => {
    const envs = fixtureEnvelopes();
    const dup = envs.at(-1)!;
    expect(parseItem(JSON.parse(JSON.stringify(dup)), 'e')).toEqual({ where: 'e', id: dup.id, record: null, ingest: dup.ingest });
    const e0 = envs[0]!;
    expect(parseItem(JSON.parse(JSON.stringify(e0)), 'e').record).toEqual(e0.record);
    expect(() => parseItem({ ...e0, id: 'other' }, 'e')).toThrow(/envelope id other differs from record id/);
  });

  it('reads an NDJSON file line by line; a bad line throws, or goes to onError and reading goes on', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'newsnlp-read-'));
    const path = join(dir, 'r.ndjson');
    const recs = fixtureRecords();
    const next = { ...recs[0]!, schemaVersion: `${major + 1}.0.0` };
    writeFileSync(path, '\uFEFF' + JSON.stringify(recs[0]) + '\n\n' + JSON.stringify(next) + '\n' + JSON.stringify(recs[1]) + '\n');
    await expect(async () => {
      for await (const _ of readRecordFile(path));
    }).rejects.toThrow(`${path}:3: record ${recs[0]!.id} has schemaVersion`);
    const errors: string[] = [];
    const ids: string[] = [];
    for await (const item of readRecordFile(path, (e) => errors.push(e.where))) ids.push(item.id);
    expect(ids).toEqual([recs[0]!.id, recs[1]!.id]);
    expect(errors).toEqual([`${path}:3`]);
    await expect(async () => {
      for await (const _ of readRecordFile(join(dir, 'missing.ndjson')));
    }).rejects.toThrow(/missing\.ndjson: cannot read \(ENOENT/);
  });
});

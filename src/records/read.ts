/**
 * Reading records back: validate an ArticleRecord (or a sink envelope holding one) written by this
 * or another newsnlp version.
 *
 *   parseRecord(value, where)   -> ArticleRecord           throws RecordReadError
 *   parseLine(line, where)      -> ReadItem                 a record, or an envelope from a sink
 *   readRecordFile(path)        -> AsyncGenerator<ReadItem> NDJSON; errors name "path:line"
 *
 * schemaVersion is semver. Same major: accepted, including a newer minor or patch (fields are only
 * ever added within a major; fields this version does not know are kept as they are). A newer major
 * fails with a message that says to upgrade; an older major fails too (no upgrader exists yet).
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { z } from 'zod';
import { ArticleRecordSchema, SCHEMA_VERSION } from '../schema.ts';
import type { ArticleRecord } from '../schema.ts';
import type { IngestMeta } from '../contracts.ts';

export class RecordReadError extends Error {
  override name = 'RecordReadError';
  constructor(
    readonly where: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`[records] ${where}: ${message}`, options);
  }
}

const SEMVER = /^(\d+)\.(\d+)\.(\d+)(?:[-+].*)?$/;
const CURRENT_MAJOR = Number(SEMVER.exec(SCHEMA_VERSION)![1]);

/** The record schema with schemaVersion any same-major version and unknown fields kept. */
const ReadableRecordSchema = ArticleRecordSchema.extend({ schemaVersion: z.string() }).loose();

/** What one line gives: a record, or a sink envelope ({id, record, ingest}; record null for a duplicate). */
export interface ReadItem {
  where: string;
  id: string;
  record: ArticleRecord | null;
  ingest: IngestMeta | null;
}

function checkVersion(value: unknown, where: string): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new RecordReadError(where, `expected a record object, got ${Array.isArray(value) ? 'an array' : value === null ? 'null' : typeof value}`);
  }
  const v = (value as { schemaVersion?: unknown }).schemaVersion;
  if (v === undefined) throw new RecordReadError(where, 'not an ArticleRecord: schemaVersion is missing');
  const m = typeof v === 'string' ? SEMVER.exec(v) : null;
  if (!m) throw new RecordReadError(where, `schemaVersion ${JSON.stringify(v)} is not a semantic version`);
  const major = Number(m[1]);
  const id = (value as { id?: unknown }).id;
  const which = typeof id === 'string' ? `record ${id}` : 'record';
  if (major > CURRENT_MAJOR) {
    throw new RecordReadError(
      where,
      `${which} has schemaVersion ${v}, a newer major version than this newsnlp reads (${CURRENT_MAJOR}.x, writes ${SCHEMA_VERSION}); upgrade newsnlp to read it`,
    );
  }
  if (major < CURRENT_MAJOR) {
    throw new RecordReadError(where, `${which} has schemaVersion ${v}, an older major version than this newsnlp reads (${CURRENT_MAJOR}.x); re-extract the article`);
  }
}

/** Validate one ArticleRecord. */
export function parseRecord(value: unknown, where = 'record'): ArticleRecord {
  checkVersion(value, where);
  const r = ReadableRecordSchema.safeParse(value);
  if (!r.success) {
    const first = r.error.issues[0];
    const path = first?.path.length ? first.path.join('.') : '(root)';
    throw new RecordReadError(where, `invalid ArticleRecord at ${path}: ${first?.message ?? r.error.message}`, { cause: r.error });
  }
  return r.data as ArticleRecord;
}

const isEnvelope = (v: unknown): v is { id: unknown; record: unknown; ingest?: unknown } =>
  typeof v === 'object' && v !== null && 'record' in v && !('schemaVersion' in v);

/** Parse one value: an ArticleRecord, or an envelope a sink wrote. */
export function parseItem(value: unknown, where: string): ReadItem {
  if (isEnvelope(value)) {
    if (typeof value.id !== 'string') throw new RecordReadError(where, 'envelope without a string id');
    const record = value.record === null ? null : parseRecord(value.record, where);
    if (record && record.id !== value.id) throw new RecordReadError(where, `envelope id ${value.id} differs from record id ${record.id}`);
    return { where, id: value.id, record, ingest: (value.ingest ?? null) as IngestMeta | null };
  }
  const record = parseRecord(value, where);
  return { where, id: record.id, record, ingest: null };
}

export function parseLine(line: string, where: string): ReadItem {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (err) {
    throw new RecordReadError(where, `not JSON (${(err as Error).message})`, { cause: err });
  }
  return parseItem(value, where);
}

/**
 * Records or envelopes of an NDJSON file ("-" for stdin), in order; blank lines skipped. A bad line
 * throws, unless `onError` is given: then it gets the error and reading goes on.
 */
export async function* readRecordFile(path: string, onError?: (err: RecordReadError) => void): AsyncGenerator<ReadItem> {
  const input = path === '-' ? process.stdin : createReadStream(path, { encoding: 'utf8' });
  const lines = createInterface({ input, crlfDelay: Infinity });
  let n = 0;
  try {
    for await (const line of lines) {
      n++;
      if (line.trim() === '') continue;
      let item: ReadItem;
      try {
        item = parseLine(n === 1 ? line.replace(/^\uFEFF/, '') : line, `${path}:${n}`);
      } catch (err) {
        if (!onError || !(err instanceof RecordReadError)) throw err;
        onError(err);
        continue;
      }
      yield item;
    }
  } catch (err) {
    if (err instanceof RecordReadError) throw err;
    throw new RecordReadError(path, `cannot read (${(err as Error).message})`, { cause: err });
  }
}

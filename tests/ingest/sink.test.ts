/** JSONL sink: idempotent on the envelope id, within one driver, across reopenings and across two drivers on one file. */
import { mkdtempSync, readFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { JsonlSink, openSink } from '../../src/sinks/index.ts';
import type { Envelope } from '../../src/contracts.ts';

const env = (id: string): Envelope => ({
  id,
  record: null,
  ingest: {
    url: `https://example.com/${id}`,
    canonicalUrl: `https://example.com/${id}`,
    feedId: null,
    via: 'page',
    discoveredAt: '2025-03-04T10:00:00.000Z',
    publishedAt: null,
    updatedAt: null,
    contentHash: 'h',
    simhash: null,
    duplicateOf: 'x',
    duplicateKind: 'content',
    sources: 2,
    fallbackReason: null,
  },
});
const lines = (p: string) => readFileSync(p, 'utf8').trim().split('\n').map((l) => (JSON.parse(l) as Envelope).id);

describe('JSONL sink', () => {
  it('writes each id once, in one batch, across batches and after reopening', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'sink-')), 'sub', 'out.ndjson');
    const a = new JsonlSink(path);
    expect(await a.write([env('a'), env('b'), env('a')])).toBe(2);
    expect(await a.write([env('b'), env('c')])).toBe(1);
    await a.dispose();
    await a.dispose(); // idempotent
    const b = openSink(`jsonl:${path}`);
    expect(await b.write([env('c'), env('d')])).toBe(1);
    await b.dispose();
    expect(lines(path)).toEqual(['a', 'b', 'c', 'd']);
    await expect(a.write([env('e')])).rejects.toThrow(/disposed/);
  });

  it('sees lines appended by another writer, and ignores a partial last line until it is complete', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'sink-')), 'out.ndjson');
    const one = new JsonlSink(path);
    const two = new JsonlSink(path);
    expect(await one.write([env('a')])).toBe(1);
    expect(await two.write([env('a'), env('b')])).toBe(1);
    expect(await one.write([env('b')])).toBe(0);
    appendFileSync(path, '{"id":"half');
    expect(await one.write([env('c')])).toBe(1);
    await one.dispose();
    await two.dispose();
    expect(readFileSync(path, 'utf8').split('\n').filter((l) => l.startsWith('{"id":"a"'))).toHaveLength(1);
  });

  it('names an unknown driver', () => {
    expect(() => openSink('mysql://db/x')).toThrow(/\[sink\] \[mysql\] unknown sink spec/);
  });
});

/**
 * The sink conformance suite: every SinkDriver runs it (unstorage-style). It writes real records,
 * made by the pipeline from the fixture articles, plus a duplicate envelope (record null), and
 * checks what the SinkDriver contract promises:
 *   - a batch write returns how many ids were new; ids repeated in one batch count once
 *   - writing the same envelopes again (same driver, or a second driver on the same store) is a no-op
 *   - what was written reads back equal to what was given
 *   - flush() resolves with everything durable and visible to another driver
 *   - dispose() twice is fine; write() after dispose() rejects
 *   - a back end that cannot be reached makes write() reject with a SinkError (never swallowed)
 */
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getPipeline } from '../../pipelines/news/index.ts';
import type { ArticleRecord } from '../../src/schema.ts';
import type { Envelope, IngestMeta } from '../../src/contracts.ts';
import { SinkError } from '../../src/sinks/types.ts';
import type { SinkDriver } from '../../src/sinks/types.ts';

const FIXTURES = [
  '010_bbc_business_039_illva_changyu.json',
  '011_bbc_business_070_circuit_city.json',
  '020_reuters_868_ford_europe_share.json',
  '021_reuters_125_wrather_stake.json',
];

let records: ArticleRecord[] | null = null;
/** Records of the fixture articles (made once per test file). */
export function fixtureRecords(): ArticleRecord[] {
  records ??= FIXTURES.map((f) => getPipeline().run(JSON.parse(readFileSync(new URL(`../../fixtures/${f}`, import.meta.url), 'utf8'))));
  return records;
}

export function ingestMeta(id: string, over: Partial<IngestMeta> = {}): IngestMeta {
  return {
    url: `https://news.example.com/${id}`,
    canonicalUrl: `https://news.example.com/${id}`,
    feedId: 'example-business',
    via: 'page',
    discoveredAt: '2025-03-04T10:00:00.000Z',
    publishedAt: '2025-03-04T08:30:00.000Z',
    updatedAt: null,
    contentHash: `sha256-${id}`,
    simhash: null,
    duplicateOf: null,
    duplicateKind: null,
    sources: 1,
    fallbackReason: null,
    ...over,
  };
}

/** Envelopes of the fixture records, and one duplicate (record null) of the first. */
export function fixtureEnvelopes(): Envelope[] {
  const recs = fixtureRecords();
  const out: Envelope[] = recs.map((r) => ({ id: r.id, record: r, ingest: ingestMeta(r.id) }));
  const first = recs[0]!;
  out.push({
    id: 'dup-of-' + first.id,
    record: null,
    ingest: ingestMeta('dup', { duplicateOf: first.id, duplicateKind: 'content', sources: 2 }),
  });
  return out;
}

export interface StoreUnderTest {
  /** A driver on the store. */
  sink: SinkDriver;
  /** Another driver on the same store (a second worker). */
  second(): SinkDriver;
  /** Everything stored, as {id, record, ingest}, each stored row once. */
  readBack(): Promise<Envelope[]>;
  cleanup(): Promise<void>;
}

export interface SinkHarness {
  /** A fresh, empty store. */
  open(): Promise<StoreUnderTest>;
  /** A driver whose back end cannot be reached. */
  unreachable(): Promise<SinkDriver>;
  /**
   * Two drivers writing the same ids at the same moment still store each id once. A driver that
   * cannot promise it says false (the test is then reported as skipped, not passed).
   */
  concurrentWriters: boolean;
  /** Name of the describe block when a driver runs the suite in more than one configuration. */
  label?: string;
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function sinkConformance(driver: string, harness: SinkHarness): void {
  describe(`sink conformance: ${harness.label ?? driver}`, () => {
    let store: StoreUnderTest;
    const extra: SinkDriver[] = [];
    beforeEach(async () => {
      store = await harness.open();
    });
    afterEach(async () => {
      for (const s of extra.splice(0)) await s.dispose();
      await store.sink.dispose();
      await store.cleanup();
    });
    const second = () => {
      const s = store.second();
      extra.push(s);
      return s;
    };

    it('writes a batch, counts new ids once, and reads back what it was given', async () => {
      const envs = fixtureEnvelopes();
      expect(await store.sink.write([])).toBe(0);
      expect(await store.sink.write([...envs, envs[1]!])).toBe(envs.length);
      await store.sink.flush();
      const back = await store.readBack();
      expect(back.map((e) => e.id).sort()).toEqual(envs.map((e) => e.id).sort());
      expect([...back].sort(byId)).toEqual([...envs].sort(byId));
      const dup = back.find((e) => e.record === null);
      expect(dup?.ingest.duplicateOf).toBe(envs[0]!.id);
    });

    it('takes envelopes still serialized (as the queue stores them): stored the same as objects; idempotent across both forms', async () => {
      const envs = fixtureEnvelopes();
      const serialized = envs.map((e) => ({ id: e.id, json: JSON.stringify(e) }));
      expect(await store.sink.write(serialized.slice(0, 3))).toBe(3);
      expect(await store.sink.write([...envs.slice(0, 2), ...serialized.slice(3)])).toBe(envs.length - 3);
      await store.sink.flush();
      const back = await store.readBack();
      expect([...back].sort(byId)).toEqual([...envs].sort(byId));
      // A serialized envelope whose text names another id is refused, not stored under either.
      const bad = await store.sink.write([{ id: 'claimed-id', json: JSON.stringify({ ...envs[0]!, id: 'other-id' }) }]).catch((e: unknown) => e);
      expect(bad).toBeInstanceOf(SinkError);
      expect((await store.readBack()).map((e) => e.id)).not.toContain('claimed-id');
    });

    it('is idempotent: the same envelopes again, from this driver or a second one, add nothing', async () => {
      const envs = fixtureEnvelopes();
      expect(await store.sink.write(envs.slice(0, 2))).toBe(2);
      expect(await store.sink.write(envs)).toBe(envs.length - 2);
      expect(await store.sink.write(envs)).toBe(0);
      await store.sink.flush();
      const other = second();
      expect(await other.write(envs)).toBe(0);
      await other.flush();
      expect((await store.readBack()).length).toBe(envs.length);
    });

    it.skipIf(!harness.concurrentWriters)('two drivers writing the same envelopes at once store each id once', async () => {
      const envs = fixtureEnvelopes();
      const other = second();
      const reversed = [...envs].reverse();
      const counts = await Promise.all([
        store.sink.write(envs),
        other.write(reversed),
        store.sink.write(envs.slice(1)),
        other.write(envs.slice(0, 2)),
      ]);
      expect(counts.reduce((a, b) => a + b, 0)).toBe(envs.length);
      await Promise.all([store.sink.flush(), other.flush()]);
      const back = await store.readBack();
      expect(back.map((e) => e.id).sort()).toEqual(envs.map((e) => e.id).sort());
    });

    it('flush makes writes visible to another driver; dispose twice is fine; write after dispose rejects', async () => {
      const envs = fixtureEnvelopes();
      const pending = store.sink.write(envs.slice(0, 3));
      await store.sink.flush();
      expect(await pending).toBe(3);
      const other = second();
      expect(await other.write(envs.slice(0, 3))).toBe(0);
      await store.sink.dispose();
      await store.sink.dispose();
      const err = await store.sink.write(envs).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(SinkError);
      expect((err as Error).message).toMatch(/disposed/);
      expect((await store.readBack()).length).toBe(3);
    });

    it('throws a SinkError naming the driver when the back end cannot be reached', async () => {
      const bad = await harness.unreachable();
      try {
        const err = await bad.write(fixtureEnvelopes().slice(0, 1)).catch((e: unknown) => e);
        expect(err).toBeInstanceOf(SinkError);
        expect((err as Error).message).toContain(`[sink] [${driver}]`);
      } finally {
        await bad.dispose().catch(() => undefined);
      }
    });
  });
}

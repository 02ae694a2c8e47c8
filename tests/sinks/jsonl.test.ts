/** The JSONL driver: the shared sink conformance suite (plain and rotating), then rotation and locking. */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { JsonlSink, parseJsonlSpec } from '../../src/sinks/jsonl.ts';
import type { JsonlOptions } from '../../src/sinks/jsonl.ts';
import type { Envelope } from '../../src/contracts.ts';
import { SinkError } from '../../src/sinks/types.ts';
import { openSink } from '../../src/sinks/index.ts';
import { FlatRecordSchema } from '../../src/flat.ts';
import { fixtureEnvelopes, sinkConformance } from './conformance.ts';

const tmp = () => mkdtempSync(join(tmpdir(), 'newsnlp-sink-'));

/** Every envelope in the sink's files, in file then line order. */
async function readAll(sink: JsonlSink): Promise<Envelope[]> {
  const out: Envelope[] = [];
  for (const f of await sink.files()) {
    let text = '';
    try {
      text = readFileSync(f, 'utf8');
    } catch {
      continue;
    }
    for (const l of text.split('\n')) if (l.trim()) out.push(JSON.parse(l) as Envelope);
  }
  return out;
}

function harness(label: string, options: JsonlOptions) {
  return {
    label,
    concurrentWriters: true,
    async open() {
      const dir = tmp();
      const path = join(dir, 'out', 'records.ndjson');
      const sink = new JsonlSink(path, options);
      return {
        sink,
        second: () => new JsonlSink(path, options),
        readBack: () => readAll(new JsonlSink(path, options)),
        async cleanup() {
          rmSync(dir, { recursive: true, force: true });
        },
      };
    },
    async unreachable() {
      // A path below a regular file cannot be created.
      const dir = tmp();
      writeFileSync(join(dir, 'file'), 'x');
      return new JsonlSink(join(dir, 'file', 'sub', 'records.ndjson'), options);
    },
  };
}

sinkConformance('jsonl', harness('jsonl', {}));
sinkConformance('jsonl', harness('jsonl (rotating by day and size)', { rotate: 'day', maxBytes: 20_000 }));

describe('JSONL rotation and locking', () => {
  const envs = fixtureEnvelopes();

  it('starts a new segment when a batch would pass maxBytes, never splitting a batch, ids unique across segments', async () => {
    const dir = tmp();
    const path = join(dir, 'records.ndjson');
    const maxBytes = 12_000;
    const a = new JsonlSink(path, { maxBytes });
    for (const e of envs) expect(await a.write([e, envs[0]!])).toBe(1);
    await a.dispose();
    const files = readdirSync(dir).filter((f) => f.endsWith('.ndjson')).sort();
    expect(files.length).toBeGreaterThan(1);
    expect(files[0]).toBe('records-00001.ndjson');
    for (const f of files) {
      const lines = readFileSync(join(dir, f), 'utf8').trim().split('\n');
      if (lines.length > 1) expect(statSync(join(dir, f)).size).toBeLessThanOrEqual(maxBytes);
    }
    // A new driver indexes every segment: nothing is written twice.
    const b = new JsonlSink(path, { maxBytes });
    expect(await b.write(envs)).toBe(0);
    expect((await readAll(b)).map((e) => e.id)).toEqual(envs.map((e) => e.id));
    await b.dispose();
  });

  it('writes one file per UTC day, and an id written yesterday is not written again today', async () => {
    const dir = tmp();
    const path = join(dir, 'records.ndjson');
    let now = new Date('2025-03-04T23:59:00Z');
    const s = new JsonlSink(path, { rotate: 'day', now: () => now });
    expect(await s.write(envs.slice(0, 2))).toBe(2);
    now = new Date('2025-03-05T00:01:00Z');
    expect(await s.write(envs.slice(1, 4))).toBe(2);
    await s.flush();
    expect(readdirSync(dir).filter((f) => f.endsWith('.ndjson')).sort()).toEqual(['records-2025-03-04.ndjson', 'records-2025-03-05.ndjson']);
    expect(readFileSync(join(dir, 'records-2025-03-05.ndjson'), 'utf8').trim().split('\n')).toHaveLength(2);
    await s.dispose();
  });

  it('takes over a lock left by a crashed writer, and times out on one that is held', async () => {
    const dir = tmp();
    const path = join(dir, 'records.ndjson');
    writeFileSync(`${path}.lock`, '99999\n');
    const old = new Date(Date.now() - 60_000);
    utimesSync(`${path}.lock`, old, old);
    const s = new JsonlSink(path);
    expect(await s.write(envs.slice(0, 1))).toBe(1);
    writeFileSync(`${path}.lock`, '99999\n');
    const held = new JsonlSink(path, { lockTimeoutMs: 100 });
    const err = await held.write(envs.slice(1, 2)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SinkError);
    expect((err as Error).message).toMatch(/held by another writer/);
    await s.dispose();
    await held.dispose();
  });

  it('reads rotation options from the spec', () => {
    expect(parseJsonlSpec('out/records.ndjson')).toEqual({ path: 'out/records.ndjson', options: {} });
    expect(parseJsonlSpec('out/records.ndjson?rotate=day&maxBytes=50mb')).toEqual({
      path: 'out/records.ndjson',
      options: { rotate: 'day', maxBytes: 50 * 1024 * 1024 },
    });
    expect(() => parseJsonlSpec('out/r.ndjson?rotate=hour')).toThrow(/only rotate=day/);
    expect(() => parseJsonlSpec('out/r.ndjson?size=1')).toThrow(/unknown option size/);
  });
});

describe('JSONL group commit', () => {
  const base = fixtureEnvelopes()[0]!;
  const env = (id: string): Envelope => ({ ...base, id });
  const ids = (path: string) => readFileSync(path, 'utf8').trim().split('\n').map((l) => (JSON.parse(l) as Envelope).id);

  it('writes the calls made while a batch is being written as one append, each told its own new count', async () => {
    const path = join(tmp(), 'records.ndjson');
    const sink = new JsonlSink(path);
    // As a sink worker with many jobs in flight calls it: write, then flush, per job.
    const job = async (batch: string[]) => {
      const n = await sink.write(batch.map(env));
      await sink.flush();
      return n;
    };
    const one = Array.from({ length: 40 }, (_, i) => `j${i}`);
    const counts = await Promise.all([...one.map((id) => job([id])), job(['j0', 'j1']), job(['j39', 'extra'])]);
    // The first call goes alone; the 41 that came while it was written go together.
    expect(sink.appends).toBe(2);
    expect(counts).toEqual([...one.map(() => 1), 0, 1]);
    expect(ids(path)).toEqual([...one, 'extra']);
    // Nothing new: no append at all.
    expect(await sink.write([env('j5')])).toBe(0);
    expect(sink.appends).toBe(2);
    await sink.dispose();
  });

  it('with lingerMs, calls wait for company: one append for all, or at once when maxBatch is reached', async () => {
    const path = join(tmp(), 'records.ndjson');
    const lingering = new JsonlSink(path, { lingerMs: 30 });
    const counts = await Promise.all(['a', 'b', 'c', 'd', 'e'].map((id) => lingering.write([env(id)])));
    expect(counts).toEqual([1, 1, 1, 1, 1]);
    expect(lingering.appends).toBe(1);
    await lingering.dispose();
    const capped = new JsonlSink(join(tmp(), 'records.ndjson'), { lingerMs: 60_000, maxBatch: 3 });
    // Three envelopes make a batch go at once; the other two wait until dispose() writes them.
    const first = await Promise.all([capped.write([env('a')]), capped.write([env('b'), env('c')])]);
    expect(first).toEqual([1, 2]);
    const rest = [capped.write([env('d')]), capped.write([env('e')])];
    await capped.dispose();
    expect(await Promise.all(rest)).toEqual([1, 1]);
    expect(capped.appends).toBe(2);
  });

  it('flushes made while a segment is rotated out wait for its closing sync; every line lands once', async () => {
    const dir = tmp();
    // Every batch starts a new segment; jobs spread over ~30 ms make many batches, so flushes of
    // earlier jobs run while later batches rotate the file out under them.
    const sink = new JsonlSink(join(dir, 'records.ndjson'), { maxBytes: 1, lingerMs: 1 });
    const job = async (id: string, i: number) => {
      await new Promise((r) => setTimeout(r, i));
      const n = await sink.write([env(id)]);
      await sink.flush();
      return n;
    };
    const all = Array.from({ length: 30 }, (_, i) => `r${i}`);
    expect(await Promise.all(all.map(job))).toEqual(all.map(() => 1));
    await sink.dispose();
    const files = readdirSync(dir).filter((f) => f.endsWith('.ndjson')).sort();
    expect(files.length).toBeGreaterThan(2);
    expect(files.flatMap((f) => ids(join(dir, f))).sort()).toEqual([...all].sort());
  });

  it('a failed batch fails every call in it; later calls go through', async () => {
    const path = join(tmp(), 'records.ndjson');
    writeFileSync(`${path}.lock`, '99999\n'); // held by another writer
    const sink = new JsonlSink(path, { lockTimeoutMs: 100 });
    const first = sink.write([env('a')]);
    const rest = [sink.write([env('b')]), sink.write([env('c')])];
    const results = await Promise.allSettled([first, ...rest]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(String((results[1] as PromiseRejectedResult).reason)).toMatch(/held by another writer/);
    rmSync(`${path}.lock`);
    expect(await sink.write([env('a'), env('b')])).toBe(2);
    await sink.flush();
    expect(ids(path)).toEqual(['a', 'b']);
    await sink.dispose();
  });

  it('indexes lines appended by another writer between its own batches', async () => {
    const path = join(tmp(), 'records.ndjson');
    const one = new JsonlSink(path);
    const two = new JsonlSink(path);
    expect(await one.write([env('a')])).toBe(1);
    expect(await two.write([env('b')])).toBe(1);
    expect(await one.write([env('b'), env('c')])).toBe(1);
    expect(await two.write([env('a'), env('c'), env('d')])).toBe(1);
    await one.dispose();
    await two.dispose();
    expect(ids(path)).toEqual(['a', 'b', 'c', 'd']);
  });
});

describe('jsonl sink: serialized envelopes', () => {
  it('appends a serialized envelope as it is: the file is byte for byte what writing the objects gives', async () => {
    const envs = fixtureEnvelopes();
    const dir = tmp();
    try {
      const a = new JsonlSink(join(dir, 'objects.ndjson'));
      const b = new JsonlSink(join(dir, 'serialized.ndjson'));
      await a.write(envs);
      // Serialized with another key order, as a foreign producer might: re-serialized, id first.
      const reordered = envs.map((e, i) => ({ id: e.id, json: i === 1 ? JSON.stringify({ record: e.record, ingest: e.ingest, id: e.id }) : JSON.stringify(e) }));
      await b.write(reordered);
      await Promise.all([a.dispose(), b.dispose()]);
      const bytes = readFileSync(join(dir, 'serialized.ndjson'), 'utf8');
      expect(bytes).toBe(readFileSync(join(dir, 'objects.ndjson'), 'utf8'));
      expect(bytes.split('\n').filter(Boolean).map((l) => l.slice(0, 7))).toEqual(envs.map(() => '{"id":"'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('flat sink (flat:<path>)', () => {
  it('writes one line per article, company, deal and claim; a second driver on the file writes nothing again; a duplicate has no lines', async () => {
    const envs = fixtureEnvelopes(); // four records and one duplicate (record null)
    const dir = tmp();
    try {
      const path = join(dir, 'flat.ndjson');
      const a = openSink(`flat:${path}`);
      expect(await a.write(envs.slice(0, 2))).toBe(2);
      // Serialized envelopes are parsed for their records.
      expect(await a.write(envs.slice(2).map((e) => ({ id: e.id, json: JSON.stringify(e) })))).toBe(envs.length - 3);
      await a.dispose();
      const lines = readFileSync(path, 'utf8').trim().split('\n').map((l) => FlatRecordSchema.parse(JSON.parse(l)));
      const records = envs.flatMap((e) => (e.record ? [e.record] : []));
      expect(lines).toHaveLength(records.reduce((n, r) => n + 1 + r.companies.length + r.deals.length + r.marketShareClaims.length, 0));
      expect(lines.filter((l) => l.type === 'article').map((l) => l.articleId)).toEqual(records.map((r) => r.id));
      const b = openSink(`flat:${path}`);
      expect(await b.write(envs)).toBe(0);
      await b.dispose();
      expect(readFileSync(path, 'utf8').trim().split('\n')).toHaveLength(lines.length);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

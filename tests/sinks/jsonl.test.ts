/** The JSONL driver: the shared sink conformance suite (plain and rotating), then rotation and locking. */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { JsonlSink, parseJsonlSpec } from '../../src/sinks/jsonl.ts';
import type { JsonlOptions } from '../../src/sinks/jsonl.ts';
import type { Envelope } from '../../src/ingest/types.ts';
import { SinkError } from '../../src/sinks/types.ts';
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

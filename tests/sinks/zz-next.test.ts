/** The JSONL driver under the shared sink conformance suite. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JsonlSink } from '../../tmpI/jsonl.ts';
import type { Envelope } from '../../src/ingest/types.ts';
import { sinkConformance } from './conformance.ts';

sinkConformance('jsonl', {
  async open() {
    const dir = mkdtempSync(join(tmpdir(), 'newsnlp-sink-'));
    const path = join(dir, 'out', 'records.ndjson');
    return {
      sink: new JsonlSink(path),
      second: () => new JsonlSink(path),
      async readBack() {
        let text = '';
        try {
          text = readFileSync(path, 'utf8');
        } catch {
          return [];
        }
        return text
          .split('\n')
          .filter((l) => l.trim() !== '')
          .map((l) => JSON.parse(l) as Envelope);
      },
      async cleanup() {
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
  async unreachable() {
    // A path below a regular file cannot be created.
    const dir = mkdtempSync(join(tmpdir(), 'newsnlp-sink-'));
    writeFileSync(join(dir, 'file'), 'x');
    return new JsonlSink(join(dir, 'file', 'sub', 'records.ndjson'));
  },
  // Documented limit of the JSONL driver (src/sinks/jsonl.ts): two writers appending the same id
  // in the same instant can both pass the check.
  concurrentWriters: true,
});

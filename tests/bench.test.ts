import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { buildLadder, loadBbc, utf8Bytes } from '../scripts/bench/corpus.ts';
import { percentile } from '../scripts/bench/measure.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BBC = join(ROOT, 'corpus/bbc-news');
const run = promisify(execFile);

describe('bench corpus and figures', () => {
  it('builds ladder rungs of real text close to their target size', () => {
    const bodies = loadBbc(BBC).slice(0, 200).map((a) => a.article.text);
    const rungs = buildLadder(bodies, 40_000, [1_000, 10_000]);
    expect(rungs.map((r) => [r.label, r.articles.length])).toEqual([
      ['1 KB', 40],
      ['10 KB', 4],
    ]);
    for (const r of rungs) {
      for (const a of r.articles) {
        expect(a.bytes).toBe(utf8Bytes(a.article.text));
        expect(a.bytes).toBeLessThanOrEqual(r.target);
        expect(a.bytes).toBeGreaterThan(r.target * 0.5);
      }
      // Pieces start at different places of the corpus.
      expect(new Set(r.articles.map((a) => a.article.text.slice(0, 80))).size).toBe(r.articles.length);
    }
  });

  it('takes nearest-rank percentiles', () => {
    const xs = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(percentile(xs, 50)).toBe(5);
    expect(percentile(xs, 99)).toBe(10);
    expect(percentile([], 50)).toBe(0);
  });
});

describe('npm run bench -- --quick --only extraction', () => {
  const dir = mkdtempSync(join(tmpdir(), 'newsnlp-bench-test-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes results.json with positive figures for newsnlp and the naive baseline', async () => {
    const out = join(dir, 'results.json');
    const { stdout } = await run(
      process.execPath,
      ['--import', 'tsx', 'scripts/bench.ts', '--quick', '--only', 'extraction', '--limit', '8', '--naive-limit', '4', '--out', out],
      { cwd: ROOT, timeout: 120_000 },
    );
    const r = JSON.parse(readFileSync(out, 'utf8'));
    expect(r.meta.corpus.articles).toBe(8);
    expect(r.meta.corpus.bytes).toBeGreaterThan(8 * 500);
    for (const part of [r.extraction, r.naive]) {
      for (const k of ['bytes', 'seconds', 'mbPerSec', 'articlesPerSec', 'meanMs', 'p50Ms', 'p99Ms', 'peakRssMb']) {
        expect(part[k], k).toBeGreaterThan(0);
      }
      expect(part.p99Ms).toBeGreaterThanOrEqual(part.p50Ms);
      // MB/s and articles/s are two views of the same run (both rounded in the file: within 2%).
      const meanMb = part.bytes / part.articles / 1e6;
      expect(Math.abs(part.mbPerSec / part.articlesPerSec - meanMb) / meanMb).toBeLessThan(0.02);
    }
    expect(r.extraction.articles).toBe(8);
    expect(r.extraction.errors).toBe(0);
    expect(r.naive.articles).toBe(4);
    expect(r.extraction.coldPass.mbPerSec).toBeGreaterThan(0);
    expect(r.ratioVsNaive).toBeCloseTo(r.extraction.mbPerSec / r.naive.mbPerSec, 1);
    const names = r.targets.map((t: { name: string }) => t.name);
    expect(names).toContain('extraction throughput, 1 core');
    expect(names).toContain('extraction vs naive compromise');
    for (const t of r.targets) expect(['PASS', 'FAIL']).toContain(t.verdict);
    // Parts not asked for are not in the file; the table names the targets.
    expect(r.ladder).toBeUndefined();
    expect(r.queue).toBeUndefined();
    expect(stdout).toMatch(/extraction throughput, 1 core .* (PASS|FAIL)/);
  });
});

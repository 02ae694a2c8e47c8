/**
 * Timing one runner over a list of articles on the main thread: throughput (MB/s, articles/s),
 * per-article latency percentiles and the process's peak RSS.
 */
import type { BenchArticle } from './corpus.ts';

export interface Throughput {
  articles: number;
  /** Articles whose run threw (counted in the time, listed by id in `failed`). */
  errors: number;
  failed: { id: string; error: string }[];
  bytes: number;
  seconds: number;
  mbPerSec: number;
  articlesPerSec: number;
  meanMs: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Peak resident set of this process so far (resourceUsage().maxRSS), MB (2^20 bytes). */
  peakRssMb: number;
}

export const MB = 1_000_000;

/** Nearest-rank percentile of an ascending array. */
export function percentile(sorted: readonly number[], p: number): number {
  if (!sorted.length) return 0;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export const peakRssMb = () => process.resourceUsage().maxRSS / 1024;

/**
 * Run `fn` over every article once, in order, timing each call. A throw is recorded and the
 * loop goes on (the extraction code is being edited while benchmarks run; one bad article must
 * not hide the figures of the rest).
 */
export function timeRun(items: readonly BenchArticle[], fn: (a: BenchArticle) => unknown): Throughput {
  const lat = new Float64Array(items.length);
  const failed: { id: string; error: string }[] = [];
  let bytes = 0;
  const t0 = performance.now();
  for (let i = 0; i < items.length; i++) {
    const it = items[i]!;
    const s = performance.now();
    try {
      fn(it);
    } catch (err) {
      failed.push({ id: it.id, error: String((err as Error)?.message ?? err).slice(0, 200) });
    }
    lat[i] = performance.now() - s;
    bytes += it.bytes;
  }
  const ms = performance.now() - t0;
  return summarise(items.length, bytes, ms, lat, failed);
}

export function summarise(n: number, bytes: number, ms: number, lat: Float64Array, failed: Throughput['failed'] = []): Throughput {
  const sorted = Array.from(lat).sort((a, b) => a - b);
  const seconds = ms / 1000;
  return {
    articles: n,
    errors: failed.length,
    failed: failed.slice(0, 20),
    bytes,
    seconds: round(seconds, 3),
    mbPerSec: round(bytes / MB / seconds, 4),
    articlesPerSec: round(n / seconds, 2),
    meanMs: round(ms / Math.max(1, n), 3),
    p50Ms: round(percentile(sorted, 50), 3),
    p99Ms: round(percentile(sorted, 99), 3),
    maxMs: round(sorted[sorted.length - 1] ?? 0, 3),
    peakRssMb: round(peakRssMb(), 1),
  };
}

export function round(x: number, digits: number): number {
  if (!Number.isFinite(x)) return x;
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

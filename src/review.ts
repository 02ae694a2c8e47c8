/**
 * Golden-record review: every input article in fixtures/ has its hand-reviewed record beside it
 * (`<name>.golden.json`). `review` compares current output with the golden records and prints a
 * readable per-field diff; `--update` rewrites them (after a human has read the diff).
 * `reviewInputs` does the same for any files or folders, keeping each record and its golden record
 * for the HTML review page (review-html.ts).
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, join, extname } from 'node:path';
import { extractInputs } from './extract.ts';
import { expandInputs } from './input/expand.ts';
import type { Pipeline } from '../pipelines/news/index.ts';
import { getPipeline } from '../pipelines/news/index.ts';
import type { ArticleRecord } from './schema.ts';

const INPUT_EXTS = new Set(['.txt', '.json', '.html', '.htm']);
const GOLDEN_SUFFIX = '.golden.json';
/** Fields left out of the comparison: the input text itself and the pipeline's version stamp. */
const IGNORED = new Set(['text', 'pipeline']);

export interface FixtureResult {
  input: string;
  golden: string;
  /** Human-readable differences; empty when the output matches the golden record. */
  diffs: string[];
  status: 'same' | 'different' | 'missing-golden' | 'error' | 'updated';
  /** The current record (absent when extraction failed). */
  record?: ArticleRecord;
  /** The golden record as stored (absent when there is none). */
  expected?: Record<string, unknown>;
}

export async function listFixtures(dir: string): Promise<{ input: string; golden: string }[]> {
  const names = (await readdir(dir)).sort();
  return names
    .filter((n) => INPUT_EXTS.has(extname(n)) && !n.endsWith(GOLDEN_SUFFIX))
    .map((n) => ({ input: join(dir, n), golden: join(dir, n.slice(0, -extname(n).length) + GOLDEN_SUFFIX) }));
}

/** Where an input's golden record is kept: `<name>.golden.json` beside it. */
export function goldenPathOf(input: string): string {
  const name = basename(input);
  return join(dirname(input), name.slice(0, name.length - extname(name).length) + GOLDEN_SUFFIX);
}

/** The part of a record that golden files pin. */
export function reviewable(record: ArticleRecord): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([k]) => !IGNORED.has(k)));
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const short = (v: unknown) => {
  const s = JSON.stringify(v);
  return s.length > 160 ? `${s.slice(0, 157)}...` : s;
};

/** A compact label for an array element, so a diff line says which company/deal/claim it is about. */
function label(v: Json): string | null {
  if (v && typeof v === 'object' && !Array.isArray(v)) {
    const o = v as Record<string, Json>;
    if (typeof o.name === 'string' && typeof o.id === 'string' && Array.isArray(o.aliases)) return o.name;
    if (typeof o.company === 'string' && typeof o.share === 'number') return `${o.company} ${o.share}%`;
    if (typeof o.type === 'string' && Array.isArray(o.parties)) return `${o.type}: ${o.parties.join(' + ')}`;
    if (typeof o.id === 'string') return o.id;
    // a summary sentence: by its index in the article
    if (typeof o.index === 'number' && typeof o.text === 'string') return `sentence ${o.index}`;
  }
  return null;
}

/** Per-field differences between expected and actual, as readable lines. */
export function diffJson(expected: unknown, actual: unknown, path = ''): string[] {
  return diffValues(expected as Json, actual as Json, path);
}

function diffValues(expected: Json, actual: Json, path: string): string[] {
  if (JSON.stringify(expected) === JSON.stringify(actual)) return [];
  const isObj = (v: Json): v is Record<string, Json> => !!v && typeof v === 'object' && !Array.isArray(v);
  if (Array.isArray(expected) && Array.isArray(actual)) {
    const labelled = [...expected, ...actual].every((v) => label(v) !== null);
    if (labelled) {
      const exp = new Map(expected.map((v) => [label(v)!, v]));
      const act = new Map(actual.map((v) => [label(v)!, v]));
      const out: string[] = [];
      for (const [k, v] of exp) {
        if (!act.has(k)) out.push(`- ${path}[${k}] missing: ${short(v)}`);
        else out.push(...diffValues(v, act.get(k)!, `${path}[${k}]`));
      }
      for (const [k, v] of act) if (!exp.has(k)) out.push(`+ ${path}[${k}] unexpected: ${short(v)}`);
      return out;
    }
    return [`~ ${path}: expected ${short(expected)}, got ${short(actual)}`];
  }
  if (isObj(expected) && isObj(actual)) {
    const keys = [...new Set([...Object.keys(expected), ...Object.keys(actual)])];
    return keys.flatMap((k) => diffValues(expected[k] ?? null, actual[k] ?? null, path ? `${path}.${k}` : k));
  }
  return [`~ ${path}: expected ${short(expected)}, got ${short(actual)}`];
}

export async function review(
  dir: string,
  opts: { update?: boolean; pipeline?: Pipeline } = {},
): Promise<FixtureResult[]> {
  const pipeline = opts.pipeline ?? getPipeline();
  const results: FixtureResult[] = [];
  for (const fixture of await listFixtures(dir)) results.push(...(await reviewOne(fixture, pipeline, !!opts.update)));
  return results;
}

/**
 * Review files or folders of article inputs (folders: their article files, golden records left
 * out), each against the golden record beside it. An input that holds several articles has no
 * golden record: each of its articles comes back as `missing-golden`.
 */
export async function reviewInputs(
  paths: readonly string[],
  opts: { update?: boolean; pipeline?: Pipeline } = {},
): Promise<FixtureResult[]> {
  const pipeline = opts.pipeline ?? getPipeline();
  const results: FixtureResult[] = [];
  for (const input of await expandInputs(paths)) {
    const golden = input === '-' ? '' : goldenPathOf(input);
    results.push(...(await reviewOne({ input, golden }, pipeline, !!opts.update)));
  }
  return results;
}

async function reviewOne(
  { input, golden }: { input: string; golden: string },
  pipeline: Pipeline,
  update: boolean,
): Promise<FixtureResult[]> {
  const outcomes = [];
  for await (const o of extractInputs([input], pipeline)) outcomes.push(o);
  const first = outcomes[0];
  if (!first) return [{ input, golden, diffs: ['expected one article, got 0'], status: 'error' }];
  if (outcomes.length > 1 || !golden) {
    // several articles in one input (or stdin): shown, not compared
    return outcomes.map((o): FixtureResult =>
      o.ok
        ? { input, golden, diffs: [`${input} holds ${outcomes.length} articles: golden records are kept for one-article inputs`], status: 'missing-golden', record: o.record }
        : { input, golden, diffs: [o.error.message], status: 'error' },
    );
  }
  if (!first.ok) return [{ input, golden, diffs: [first.error.message], status: 'error' }];
  const record = first.record;
  const actual = reviewable(record) as Json;
  let expected: Json | undefined;
  try {
    expected = JSON.parse(await readFile(golden, 'utf8')) as Json;
  } catch {
    expected = undefined;
  }
  if (update) {
    await writeFile(golden, JSON.stringify(actual, null, 2) + '\n');
    const diffs = expected === undefined ? [] : diffJson(expected, actual);
    return [{ input, golden, diffs, status: 'updated', record, expected: actual as Record<string, unknown> }];
  }
  if (expected === undefined) {
    return [{ input, golden, diffs: [`no golden record at ${golden}`], status: 'missing-golden', record }];
  }
  const diffs = diffJson(reviewable(expected as unknown as ArticleRecord) as Json, actual);
  const stored = expected as Record<string, unknown>;
  return [{ input, golden, diffs, status: diffs.length ? 'different' : 'same', record, expected: stored }];
}

export function formatReview(results: FixtureResult[]): string {
  const lines: string[] = [];
  for (const r of results) {
    lines.push(`${r.status === 'same' ? 'ok  ' : r.status === 'updated' ? 'upd ' : 'DIFF'} ${r.input}`);
    for (const d of r.diffs) lines.push(`     ${d}`);
  }
  const bad = results.filter((r) => r.status !== 'same' && r.status !== 'updated').length;
  lines.push(`${results.length} fixtures, ${results.length - bad} same, ${bad} different`);
  return lines.join('\n');
}

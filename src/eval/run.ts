/**
 * The evaluation harness behind `newsnlp eval`: load a labelled corpus (articles/NN.json +
 * labels/NN.json, format in corpus/news-dev/README.md), run the pipeline over every article and
 * score the records with score.ts. Returns a plain report object (EvalReportSchema); formatting
 * lives in report.ts.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { getPipeline } from '../../pipelines/news/index.ts';
import type { ArticleInput } from '../schema.ts';
import { PACKAGE_ROOT } from '../util/package-root.ts';
import type { ArticleReport, ArticleErrors, CorpusArticle, EvalReport, Field, LabelFile, Scores } from './schema.ts';
import { CLAIM_ATTRS, CorpusArticleSchema, DEAL_ATTRS, FIELDS, LabelFileSchema } from './schema.ts';
import type { ArticleScore, AttrTally, FieldResult, Prediction } from './score.ts';
import { NameResolver, ZERO, accuracy, addCounts, claimAttrMatch, dealAttrApplies, dealAttrMatch, emptyTally, predictedAcquirer, prf, scoreArticle } from './score.ts';

export { formatReport } from './report.ts';
export type { FormatOptions } from './report.ts';
export type { EvalReport } from './schema.ts';

/** A labelled corpus that cannot be read: names the file and the cause. */
export class EvalDataError extends Error {
  override name = 'EvalDataError';
  constructor(
    readonly file: string,
    cause: string,
  ) {
    super(`[eval] ${file}: ${cause}`);
  }
}

const REPO_ROOT = PACKAGE_ROOT;

/**
 * The dev corpus directory: `override` (the CLI passes NEWSNLP_DEV_CORPUS or --corpus) resolved
 * against the working directory, else corpus/news-dev in the repository (vendored with its README).
 */
export function defaultCorpusDir(override?: string | null): string {
  return override ? path.resolve(override) : path.resolve(REPO_ROOT, 'corpus/news-dev');
}

/**
 * The test part of news-dev: ids 41-140 divisible by 3 (33 stories), fixed before any error of
 * 41-140 was read. It is only ever scored: its articles never appear in the per-article report or an
 * error listing (runEval keeps their scores in the aggregates only). Every other id is development.
 */
export function partOf(id: string): 'dev' | 'test' {
  const n = Number(id);
  return Number.isInteger(n) && n >= 41 && n <= 140 && n % 3 === 0 ? 'test' : 'dev';
}

/** The source of a news-dev id (corpus/news-dev/README.md): BBC, Reuters 1987 or Wikinews. */
export const SOURCES: ReadonlyArray<{ name: string; ranges: ReadonlyArray<readonly [number, number]> }> = [
  { name: 'bbc', ranges: [[1, 20], [81, 110]] },
  { name: 'reuters', ranges: [[21, 40], [111, 140]] },
  { name: 'wikinews', ranges: [[41, 80], [141, 999]] },
];

export function sourceOf(id: string): string | null {
  const n = Number(id);
  if (!Number.isInteger(n)) return null;
  return SOURCES.find((s) => s.ranges.some(([a, b]) => n >= a && n <= b))?.name ?? null;
}

/** The split an article is reported under, e.g. "dev:bbc" or "test:wikinews". */
export function splitOf(id: string): string | null {
  const src = sourceOf(id);
  return src ? `${partOf(id)}:${src}` : null;
}

/** Splits in report order: each part, then each part by source. */
export const SPLIT_NAMES: readonly string[] = ['dev', 'test', ...['dev', 'test'].flatMap((p) => SOURCES.map((s) => `${p}:${s.name}`))];

export interface LabelledArticle {
  article: CorpusArticle;
  labels: LabelFile;
}

function readJson(file: string): unknown {
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch (e) {
    throw new EvalDataError(file, `cannot read (${(e as Error).message})`);
  }
  try {
    return JSON.parse(raw);
  } catch (e) {
    throw new EvalDataError(file, `invalid JSON (${(e as Error).message})`);
  }
}

function parseWith<T>(file: string, schema: z.ZodType<T>, data: unknown): T {
  const r = schema.safeParse(data);
  if (r.success) return r.data;
  const issues = r.error.issues.map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`);
  throw new EvalDataError(file, `does not match the corpus file format: ${issues.join('; ')}`);
}

/** Parse and check one label file (also that every quote is verbatim in the article text). */
export function parseLabels(file: string, data: unknown, text?: string): LabelFile {
  const labels = parseWith(file, LabelFileSchema, data);
  if (text !== undefined) {
    const bad = [...labels.deals.map((d, i) => [`deals.${i}.quote`, d.quote]), ...labels.marketShareClaims.map((c, i) => [`marketShareClaims.${i}.quote`, c.quote])].filter(
      ([, q]) => !text.includes(q!),
    );
    if (bad.length) throw new EvalDataError(file, `quote not found verbatim in the article text: ${bad.map(([p]) => p).join(', ')}`);
  }
  return labels;
}

/** Normalise a requested id: "1" -> "01" when the corpus uses two-digit ids. */
function canonicalId(id: string, known: ReadonlySet<string>): string {
  const t = id.trim();
  if (known.has(t)) return t;
  const padded = t.padStart(2, '0');
  return known.has(padded) ? padded : t;
}

/** Load articles and labels (all, or the given ids) from a corpus directory. */
export function loadCorpus(corpusDir: string, ids?: readonly string[]): LabelledArticle[] {
  const articlesDir = path.join(corpusDir, 'articles');
  const labelsDir = path.join(corpusDir, 'labels');
  if (!existsSync(articlesDir)) throw new EvalDataError(articlesDir, 'no such directory (is the corpus there? see --corpus / NEWSNLP_DEV_CORPUS)');
  const all = readdirSync(articlesDir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -5))
    .sort();
  const known = new Set(all);
  let wanted = all;
  if (ids && ids.length) {
    wanted = [...new Set(ids.map((i) => canonicalId(i, known)))];
    const missing = wanted.filter((i) => !known.has(i));
    if (missing.length) throw new EvalDataError(articlesDir, `no article with id ${missing.join(', ')}`);
  }
  return wanted.map((id) => {
    const articleFile = path.join(articlesDir, `${id}.json`);
    const labelFile = path.join(labelsDir, `${id}.json`);
    const article = parseWith(articleFile, CorpusArticleSchema, readJson(articleFile));
    if (!existsSync(labelFile)) throw new EvalDataError(labelFile, 'missing: every article needs a label file');
    return { article, labels: parseLabels(labelFile, readJson(labelFile), article.text) };
  });
}

export interface Predictor {
  readonly id: string;
  run(article: ArticleInput): Prediction;
}

export interface EvalOptions {
  /** Corpus directory; default `defaultCorpusDir()`. */
  corpusDir?: string;
  /** Only these article ids ("01", "7"...); default all. */
  ids?: string[];
  /**
   * What to evaluate; default the default pipeline (`getPipeline()`). Anything with an id and a
   * `run(article)` returning the scored parts of an ArticleRecord will do.
   */
  pipeline?: Predictor;
}

// ---------------------------------------------------------------------------------------------

// What the error lists show of each item: what is scored, nothing else (no evidence spans).
const showCompany = (c: { name: string; aliases: readonly string[] }) => ({ name: c.name, aliases: [...c.aliases] });
const showClaim = (c: { company: string; share: number; market: string | null; region: string | null; period: string | null; attributedTo: string | null; quote?: string; evidence?: { sentence: { text: string } } }) => ({
  company: c.company,
  share: c.share,
  market: c.market,
  region: c.region,
  period: c.period,
  attributedTo: c.attributedTo,
  sentence: c.quote ?? c.evidence?.sentence.text ?? null,
});
const showDeal = (d: { type: string; parties: readonly string[]; status: string | null; value: unknown; name: string | null; quote?: string; evidence?: { sentence: { text: string } } }) => ({
  type: d.type,
  parties: [...d.parties],
  status: d.status,
  value: d.value,
  name: d.name,
  sentence: d.quote ?? d.evidence?.sentence.text ?? null,
});

function errorsOf<P, G>(r: FieldResult<P, G>, show: (x: P | G) => Record<string, unknown>, mismatches: ArticleErrors['attributeMismatches'] = []): ArticleErrors {
  return {
    falsePositives: r.falsePositives.map(show),
    falseNegatives: r.falseNegatives.map(show),
    neutral: r.neutral.map(show),
    attributeMismatches: mismatches,
  };
}

function articleReport(a: LabelledArticle, s: ArticleScore, failure: string | null, prediction: Prediction): ArticleReport {
  const names = { pred: new NameResolver(prediction.companies), gold: new NameResolver(a.labels.companies) };
  const claimMis: ArticleErrors['attributeMismatches'] = [];
  for (const { pred: p, gold: g } of s.marketShareClaims.matches) {
    for (const attr of CLAIM_ATTRS) {
      if (!claimAttrMatch(attr, p, g)) claimMis.push({ item: `${g.company} ${g.share}%`, attribute: attr, predicted: p[attr], gold: g[attr] });
    }
  }
  const dealMis: ArticleErrors['attributeMismatches'] = [];
  for (const { pred: p, gold: g } of s.deals.matches) {
    for (const attr of DEAL_ATTRS) {
      if (!dealAttrApplies(attr, g) || dealAttrMatch(attr, p, g, names)) continue;
      const [predicted, gold] = attr === 'acquirer' ? [predictedAcquirer(p), g.parties[0] ?? null] : [p[attr], g[attr]];
      dealMis.push({ item: `${g.type} [${g.parties.join(' | ')}]`, attribute: attr, predicted, gold });
    }
  }
  return {
    id: a.article.id,
    title: a.article.title,
    split: splitOf(a.article.id),
    notes: a.labels.notes ?? null,
    failure,
    counts: { companies: s.companies.counts, marketShareClaims: s.marketShareClaims.counts, deals: s.deals.counts },
    errors: {
      companies: errorsOf(s.companies, showCompany),
      marketShareClaims: errorsOf(s.marketShareClaims, showClaim, claimMis),
      deals: errorsOf(s.deals, showDeal, dealMis),
    },
  };
}

/** Micro-averaged scores over a set of scored articles. */
export function aggregate(items: ReadonlyArray<{ id: string; score: ArticleScore }>): Scores {
  const counts: Record<Field, typeof ZERO> = { companies: ZERO, marketShareClaims: ZERO, deals: ZERO };
  const tally: AttrTally = emptyTally();
  for (const { score } of items) {
    for (const f of FIELDS) counts[f] = addCounts(counts[f], score[f].counts);
    for (const a of CLAIM_ATTRS) {
      tally.marketShareClaims[a].correct += score.attrs.marketShareClaims[a].correct;
      tally.marketShareClaims[a].total += score.attrs.marketShareClaims[a].total;
    }
    for (const a of DEAL_ATTRS) {
      tally.deals[a].correct += score.attrs.deals[a].correct;
      tally.deals[a].total += score.attrs.deals[a].total;
    }
  }
  const acc = <K extends string>(t: Record<K, { correct: number; total: number }>) =>
    Object.fromEntries(Object.entries<{ correct: number; total: number }>(t).map(([k, v]) => [k, accuracy(v.correct, v.total)])) as Record<K, ReturnType<typeof accuracy>>;
  return {
    ids: items.map((i) => i.id),
    fields: { companies: prf(counts.companies), marketShareClaims: prf(counts.marketShareClaims), deals: prf(counts.deals) },
    accuracy: { marketShareClaims: acc(tally.marketShareClaims), deals: acc(tally.deals) },
  };
}

const EMPTY_PREDICTION: Prediction = { companies: [], marketShareClaims: [], deals: [] };

/** Run the pipeline over the labelled corpus and score it. */
export async function runEval(opts: EvalOptions = {}): Promise<EvalReport> {
  const corpusDir = opts.corpusDir ? path.resolve(opts.corpusDir) : defaultCorpusDir();
  const corpus = loadCorpus(corpusDir, opts.ids);
  const pipeline: Predictor = opts.pipeline ?? getPipeline();
  const t0 = performance.now();
  const scored: Array<{ id: string; split: string | null; score: ArticleScore }> = [];
  const articles: ArticleReport[] = [];
  const failures: string[] = [];
  for (const a of corpus) {
    let prediction: Prediction = EMPTY_PREDICTION;
    let failure: string | null = null;
    try {
      prediction = pipeline.run(a.article);
    } catch (e) {
      // A crash on one article is reported (and fails the dev-set test), not hidden: every gold
      // item of the article then counts as missed.
      failure = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
      failures.push(a.article.id);
    }
    const score = scoreArticle(prediction, a.labels);
    scored.push({ id: a.article.id, split: splitOf(a.article.id), score });
    // The test part is scored, never read: its articles stay out of the per-article report.
    if (partOf(a.article.id) === 'dev') articles.push(articleReport(a, score, failure, prediction));
  }
  const splits: Record<string, Scores> = {};
  for (const name of SPLIT_NAMES) {
    const items = scored.filter((x) => x.split !== null && (x.split === name || x.split.startsWith(`${name}:`)));
    if (items.length) splits[name] = aggregate(items);
  }
  return {
    pipeline: pipeline.id,
    corpusDir,
    overall: aggregate(scored),
    splits,
    articles,
    failures,
    seconds: (performance.now() - t0) / 1000,
  };
}

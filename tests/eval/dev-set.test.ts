/**
 * The evaluation gate: the default pipeline over the labelled dev corpus must stay at or above
 * the floors in floors.json (raise them as the extractors improve; never lower them silently).
 * Also checks the harness itself end to end: an oracle built from the labels scores 1.0.
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EvalReportSchema } from '../../src/eval/schema.ts';
import type { LabelFile } from '../../src/eval/schema.ts';
import { defaultCorpusDir, formatReport, loadCorpus, partOf, runEval } from '../../src/eval/run.ts';
import type { Predictor } from '../../src/eval/run.ts';
import { expectAtOrAboveFloors, readFloors } from './floors.ts';

// Like the CLI, let NEWSNLP_DEV_CORPUS point at a relocated corpus.
const corpusDir = defaultCorpusDir(process.env['NEWSNLP_DEV_CORPUS']);
const haveCorpus = existsSync(`${corpusDir}/labels`) && existsSync(`${corpusDir}/articles`);

const floors = readFloors(new URL('./floors.json', import.meta.url));
/** Labelled articles in corpus/news-dev (README): 01-140, then 141-224 drawn for development. */
const CORPUS_SIZE = 224;

describe(`dev corpus (${corpusDir})`, () => {
  it('is there (vendored in corpus/news-dev)', () => {
    expect(haveCorpus).toBe(true);
  });

  it('an oracle made from the labels scores 1.0 on every field (the scorer agrees with itself)', async () => {
    const byText = new Map<string, LabelFile>(loadCorpus(corpusDir).map((a) => [a.article.text, a.labels]));
    const oracle: Predictor = {
      id: 'oracle',
      run(article) {
        const l = byText.get(article.text)!;
        // House-style noise the scorer must ignore: suffixes, case, brackets.
        return {
          companies: l.companies.map((c) => ({ name: `<${c.name.toUpperCase()} Inc.>`, aliases: c.aliases })),
          marketShareClaims: l.marketShareClaims.map((c) => ({ ...c, share: c.share + 0.04 })),
          deals: l.deals.map((d) => ({ ...d, parties: [...d.parties].reverse() })),
        };
      },
    };
    const r = await runEval({ corpusDir, pipeline: oracle });
    const gold = { companies: 0, deals: 0, marketShareClaims: 0 };
    for (const { labels } of loadCorpus(corpusDir)) {
      gold.companies += labels.companies.length;
      gold.deals += labels.deals.length;
      gold.marketShareClaims += labels.marketShareClaims.length;
    }
    expect(r.overall.ids).toHaveLength(CORPUS_SIZE);
    expect(r.overall.fields.companies).toMatchObject({ tp: gold.companies, fp: 0, fn: 0, f1: 1 });
    expect(r.overall.fields.deals).toMatchObject({ tp: gold.deals, fp: 0, fn: 0, f1: 1 });
    expect(r.overall.fields.marketShareClaims).toMatchObject({ tp: gold.marketShareClaims, fp: 0, fn: 0, f1: 1 });
    // 01-140 as labelled before the test part was drawn (README tables).
    expect(r.splits['dev:bbc']!.fields.companies.tp + r.splits['test:bbc']!.fields.companies.tp).toBe(97 + 131);
    expect(r.splits['dev:reuters']!.fields.marketShareClaims.tp + r.splits['test:reuters']!.fields.marketShareClaims.tp).toBe(28 + 12);
    expect(r.overall.accuracy.deals.value).toMatchObject({ correct: gold.deals, total: gold.deals });
    expect(r.overall.accuracy.marketShareClaims.market).toMatchObject({ correct: gold.marketShareClaims, total: gold.marketShareClaims });
  });

  it('keeps the test part (41-140, ids divisible by 3) out of every per-article listing', async () => {
    expect([41, 42, 99, 140, 141, 7].map((n) => partOf(String(n)))).toEqual(['dev', 'test', 'test', 'dev', 'dev', 'dev']);
    const r = await runEval({ corpusDir, ids: ['41', '42', '43', '99'] });
    expect(r.articles.map((a) => a.id)).toEqual(['41', '43']);
    expect(r.splits['test']!.ids).toEqual(['42', '99']);
    expect(r.splits['dev']!.ids).toEqual(['41', '43']);
    const text = formatReport(r, { errors: true });
    expect(text).toContain('4 articles: 2 dev, 2 test, scored only');
    expect(text).not.toMatch(/^(42|99) /m);
  });

  it('counts dropped and invented items per article and lists them with --errors', async () => {
    const byText = new Map<string, LabelFile>(loadCorpus(corpusDir).map((a) => [a.article.text, a.labels]));
    const lossy: Predictor = {
      id: 'lossy',
      run(article) {
        const l = byText.get(article.text)!;
        return {
          companies: [...l.companies.slice(1), { name: 'Invented Widget Holdings', aliases: [] }],
          // Every claim 0.06 points off: outside the tolerance.
          marketShareClaims: l.marketShareClaims.map((c) => ({ ...c, share: c.share + 0.06 })),
          deals: l.deals.map((d) => ({ ...d, parties: d.parties.slice(0, 1) })),
        };
      },
    };
    const r = await runEval({ corpusDir, ids: ['1', '17', '36'], pipeline: lossy });
    expect(r.articles.map((a) => a.id)).toEqual(['01', '17', '36']);
    expect(r.overall.fields.companies).toMatchObject({ tp: 11 - 1 + 1 - 1 + 4 - 1, fp: 3, fn: 3 });
    expect(r.overall.fields.marketShareClaims).toMatchObject({ tp: 0, fp: 5, fn: 5 });
    expect(r.overall.fields.deals).toMatchObject({ tp: 0, fp: 3, fn: 3 });
    expect(Object.keys(r.splits)).toEqual(['dev', 'dev:bbc', 'dev:reuters']);
    const text = formatReport(r, { errors: true });
    expect(text).toContain('company FN  Gazprom');
    expect(text).toContain('company FP  Invented Widget Holdings');
    expect(text).not.toContain('PIPELINE FAILED');
  });

  it('reports an article the pipeline throws on, with its gold items as misses', async () => {
    const broken: Predictor = {
      id: 'broken',
      run() {
        throw new Error('component exploded');
      },
    };
    const r = await runEval({ corpusDir, ids: ['21'], pipeline: broken });
    expect(r.failures).toEqual(['21']);
    expect(r.articles[0]!.failure).toBe('Error: component exploded');
    expect(r.overall.fields.marketShareClaims).toMatchObject({ tp: 0, fp: 0, fn: 4 });
    expect(formatReport(r)).toContain('PIPELINE FAILED on 1 article(s): 21');
  });

  it('the default pipeline stays at or above the floors', async () => {
    const report = await runEval({ corpusDir });
    console.log(formatReport(report));
    expect(() => EvalReportSchema.parse(report)).not.toThrow();
    expect(report.failures, 'the pipeline threw on these articles').toEqual([]);
    expectAtOrAboveFloors(report, floors);
  });
});

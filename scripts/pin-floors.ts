/**
 * Re-pin an eval floors file at the figures reached: `node --import tsx scripts/pin-floors.ts
 * [--corpus DIR] [--out FILE]` runs the evaluation and writes precision/recall/F1 (rounded down to
 * two decimals) overall and per split. Run it only after a change that raises the figures; a floor
 * that goes down must be argued in the commit that lowers it.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { defaultCorpusDir, runEval } from '../src/eval/run.ts';
import { FIELDS } from '../src/eval/schema.ts';
import type { Scores } from '../src/eval/schema.ts';

const { values } = parseArgs({ options: { corpus: { type: 'string' }, out: { type: 'string' }, splits: { type: 'string' } } });
const report = await runEval({ corpusDir: defaultCorpusDir(values.corpus ?? process.env['NEWSNLP_DEV_CORPUS']) });
const down = (x: number) => Math.floor(x * 100 + 1e-9) / 100;
const floorsOf = (s: Scores, all: boolean) =>
  Object.fromEntries(
    FIELDS.map((f) => {
      const p = s.fields[f];
      return [f, all ? { precision: down(p.precision), recall: down(p.recall), f1: down(p.f1) } : { f1: down(p.f1) }];
    }),
  );
const wanted = values.splits ? values.splits.split(',') : Object.keys(report.splits);
const floors = {
  overall: floorsOf(report.overall, true),
  splits: Object.fromEntries(wanted.filter((n) => report.splits[n]).map((n) => [n, floorsOf(report.splits[n]!, n === 'dev' || n === 'test')])),
};
const text = JSON.stringify(floors, null, 2) + '\n';
if (values.out) writeFileSync(values.out, text);
else process.stdout.write(text);

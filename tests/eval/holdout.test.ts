/**
 * The second labelled set, corpus/holdout (24 BBC and Reuters articles labelled by the dev-set
 * rules, independently of the extractor's output): how the extractor does on articles its rules
 * were not written from. Its floors are pinned like the dev set's, so generalisation cannot
 * silently regress.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { FIELDS } from '../../src/eval/schema.ts';
import { formatReport, runEval } from '../../src/eval/run.ts';

const corpusDir = fileURLToPath(new URL('../../corpus/holdout', import.meta.url));
const Floor = z.strictObject({ precision: z.number().optional(), recall: z.number().optional(), f1: z.number().optional() });
const FloorsSchema = z.strictObject({ overall: z.record(z.enum(FIELDS), Floor), splits: z.record(z.string(), z.partialRecord(z.enum(FIELDS), Floor)) });
const floors = FloorsSchema.parse(JSON.parse(readFileSync(new URL('./holdout-floors.json', import.meta.url), 'utf8')));

describe('holdout corpus', () => {
  it('the default pipeline stays at or above the holdout floors', async () => {
    const report = await runEval({ corpusDir });
    console.log(formatReport(report));
    expect(report.failures).toEqual([]);
    const check = (where: string, fields: Record<string, { precision: number; recall: number; f1: number }>, f: Partial<typeof floors.overall>) => {
      for (const field of FIELDS) {
        for (const [metric, floor] of Object.entries(f[field] ?? {})) {
          const got = fields[field]![metric as 'precision' | 'recall' | 'f1'];
          expect(got, `${where} ${field}.${metric} = ${got.toFixed(3)} < floor ${floor}`).toBeGreaterThanOrEqual(floor - 1e-9);
        }
      }
    };
    check('overall', report.overall.fields, floors.overall);
    for (const [name, f] of Object.entries(floors.splits)) check(name, report.splits[name]!.fields, f);
  });
});

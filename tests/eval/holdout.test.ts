/**
 * The second labelled set, corpus/holdout (24 BBC and Reuters articles labelled by the dev-set
 * rules, independently of the extractor's output): how the extractor does on articles its rules
 * were not written from. Its floors are pinned like the dev set's, so generalisation cannot
 * silently regress.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatReport, runEval } from '../../src/eval/run.ts';
import { expectAtOrAboveFloors, readFloors } from './floors.ts';

const corpusDir = fileURLToPath(new URL('../../corpus/holdout', import.meta.url));
const floors = readFloors(new URL('./holdout-floors.json', import.meta.url));

describe('holdout corpus', () => {
  it('the default pipeline stays at or above the holdout floors', async () => {
    const report = await runEval({ corpusDir });
    console.log(formatReport(report));
    expect(report.failures).toEqual([]);
    expectAtOrAboveFloors(report, floors);
  });
});

/**
 * The second labelled set, corpus/holdout (24 BBC and Reuters articles labelled by the dev-set
 * rules). Rules were later written from its sentences, so it is development data now, not a
 * measure of generalisation (that is news-dev's test part): its floors still guard regressions.
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

/** Floors files (tests/eval/*floors.json) and the check that a report stays at or above them. */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { z } from 'zod';
import { FIELDS } from '../../src/eval/schema.ts';
import type { EvalReport } from '../../src/eval/schema.ts';

const Floor = z.strictObject({ precision: z.number().optional(), recall: z.number().optional(), f1: z.number().optional() });
const FieldFloors = z.partialRecord(z.enum(FIELDS), Floor);
export const FloorsSchema = z.strictObject({ overall: FieldFloors, splits: z.record(z.string(), FieldFloors).optional() });
export type Floors = z.infer<typeof FloorsSchema>;

export function readFloors(file: URL): Floors {
  return FloorsSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
}

/** Every metric named in the floors, overall and per split, is at or above its floor. */
export function expectAtOrAboveFloors(report: EvalReport, floors: Floors): void {
  const check = (where: string, fields: Record<string, { precision: number; recall: number; f1: number }>, f: z.infer<typeof FieldFloors>) => {
    for (const field of FIELDS) {
      for (const [metric, floor] of Object.entries(f[field] ?? {})) {
        const got = fields[field]![metric as 'precision' | 'recall' | 'f1'];
        // floating-point slack: 22/25 is 0.8799999...
        expect(got, `${where} ${field}.${metric} = ${got.toFixed(3)} < floor ${floor}`).toBeGreaterThanOrEqual(floor - 1e-9);
      }
    }
  };
  check('overall', report.overall.fields, floors.overall);
  for (const [name, f] of Object.entries(floors.splits ?? {})) {
    const s = report.splits[name];
    expect(s, `split ${name} in the floors is not in the report`).toBeDefined();
    check(name, s!.fields, f);
  }
}

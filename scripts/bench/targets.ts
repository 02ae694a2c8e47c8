/** The targets of issue 5, checked against one run's figures. */

export interface TargetCheck {
  name: string;
  /** "≥ 1 MB/s" */
  target: string;
  /** The measured figure, formatted; "n/a" when the part was not run. */
  value: string;
  raw: number | null;
  pass: boolean | null;
}

type Cmp = 'ge' | 'le';

export function check(name: string, raw: number | null | undefined, cmp: Cmp, limit: number, unit: string, digits = 2): TargetCheck {
  const target = `${cmp === 'ge' ? '>=' : '<='} ${limit}${unit}`;
  if (raw === null || raw === undefined || !Number.isFinite(raw)) return { name, target, value: 'n/a', raw: null, pass: null };
  const pass = cmp === 'ge' ? raw >= limit : raw <= limit;
  return { name, target, value: `${raw.toFixed(digits)}${unit}`, raw, pass };
}

export const verdict = (c: TargetCheck) => (c.pass === null ? 'SKIP' : c.pass ? 'PASS' : 'FAIL');

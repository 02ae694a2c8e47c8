/**
 * Throwaway scorer for the companies component on corpus/news-dev (README scoring rules: names match
 * case-insensitively ignoring corporate suffixes; gold aliases accepted; optionalCompanies neutral;
 * one-to-one per article). "name" mode matches only the predicted canonical name; "any" mode lets
 * any predicted surface form match.
 *
 *   npx tsx scripts/eval-companies.ts [--verbose] [--ids 01,02]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { newDoc } from '../src/doc.ts';
import { normalize } from '../src/components/normalize.ts';
import { sentences } from '../src/components/sentences.ts';
import { companies } from '../src/components/companies.ts';
import { ArticleSchema } from '../src/schema.ts';

const DIR = process.env.DEV_DIR ?? '/work/shared/corpus/news-dev';
const verbose = process.argv.includes('--verbose');
const idsArg = process.argv[process.argv.indexOf('--ids') + 1];
const ids = process.argv.includes('--ids') && idsArg ? idsArg.split(',') : Array.from({ length: 40 }, (_, i) => String(i + 1).padStart(2, '0'));

const SUFFIX = new Set(['inc', 'corp', 'corporation', 'ltd', 'plc', 'llc', 'group', 'holdings', 'ag', 'sa', 'nv', 'co', 'cos', 'company', 'limited', 'se', 'spa', 'bv', 'n.v.', 's.a.']);
function norm(s: string): string {
  let w = s.toLowerCase().replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '').replace(/\./g, (m, i: number, str: string) => (/[a-z]\.[a-z]/.test(str.slice(i - 1, i + 2)) ? m : '')).split(/[\s,]+/);
  for (;;) {
    const last = w[w.length - 1];
    if (w.length > 1 && last && SUFFIX.has(last)) { w = w.slice(0, -1); continue; }
    if (w.length > 2 && (last === 'co' || last === 'company') && (w[w.length - 2] === '&' || w[w.length - 2] === 'and')) { w = w.slice(0, -2); continue; }
    break;
  }
  return w.join(' ').replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '');
}

interface Gold { companies: { name: string; aliases: string[] }[]; optionalCompanies: string[] }
const tot = { name: { tp: 0, fp: 0, fn: 0 }, any: { tp: 0, fp: 0, fn: 0 } };
const halves: Record<string, { tp: number; fp: number; fn: number }> = { a: { tp: 0, fp: 0, fn: 0 }, b: { tp: 0, fp: 0, fn: 0 } };
for (const id of ids) {
  const art = JSON.parse(readFileSync(join(DIR, 'articles', `${id}.json`), 'utf8'));
  const gold = JSON.parse(readFileSync(join(DIR, 'labels', `${id}.json`), 'utf8')) as Gold;
  const doc = newDoc(ArticleSchema.parse(art));
  normalize.run(doc, { pipeline: 'x' });
  sentences.run(doc, { pipeline: 'x' });
  companies.run(doc, { pipeline: 'x' });
  const opt = new Set(gold.optionalCompanies.map(norm));
  for (const mode of ['name', 'any'] as const) {
    const used = new Set<number>();
    const fps: string[] = [];
    for (const p of doc.companies) {
      const forms = mode === 'name' ? [p.name] : [p.name, ...p.aliases];
      const nf = forms.map(norm);
      const gi = gold.companies.findIndex((g, i) => !used.has(i) && [g.name, ...g.aliases].map(norm).some((x) => nf.includes(x)));
      if (gi >= 0) { used.add(gi); tot[mode].tp++; if (mode === 'name') halves[+id <= 20 ? 'a' : 'b']!.tp++; }
      else if (nf.some((x) => opt.has(x))) { /* neutral */ }
      else { tot[mode].fp++; fps.push(`${p.name} [${p.rule} ${p.confidence}]`); if (mode === 'name') halves[+id <= 20 ? 'a' : 'b']!.fp++; }
    }
    const fns = gold.companies.filter((_, i) => !used.has(i)).map((g) => g.name);
    tot[mode].fn += fns.length;
    if (mode === 'name') halves[+id <= 20 ? 'a' : 'b']!.fn += fns.length;
    if (verbose && mode === 'name' && (fps.length || fns.length)) console.log(`${id}  FP: ${fps.join(' | ')}\n    FN: ${fns.join(' | ')}`);
  }
}
const prf = (x: { tp: number; fp: number; fn: number }) => {
  const p = x.tp / (x.tp + x.fp || 1);
  const r = x.tp / (x.tp + x.fn || 1);
  return `P ${p.toFixed(3)} R ${r.toFixed(3)} F1 ${((2 * p * r) / (p + r || 1)).toFixed(3)} (tp ${x.tp} fp ${x.fp} fn ${x.fn})`;
};
console.log(`01-20 name: ${prf(halves.a!)}`);
console.log(`21-40 name: ${prf(halves.b!)}`);
console.log(`all   name: ${prf(tot.name)}`);
console.log(`all   any : ${prf(tot.any)}`);

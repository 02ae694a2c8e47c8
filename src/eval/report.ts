/**
 * Text rendering of an EvalReport: a table of precision/recall/F1 per field and split, the
 * attribute accuracies on matched items, and optionally the errors of every article.
 */
import type { Accuracy, ArticleErrors, EvalReport, Prf, Scores } from './schema.ts';
import { CLAIM_ATTRS, DEAL_ATTRS, FIELDS } from './schema.ts';

export interface FormatOptions {
  /** List false positives, false negatives and attribute mismatches per article. */
  errors?: boolean;
}

const pct = (x: number | null) => (x === null ? '    -' : (x * 100).toFixed(1).padStart(5));
const num = (n: number, w = 4) => String(n).padStart(w);

function prfRow(field: string, split: string, p: Prf): string {
  return `${field.padEnd(18)} ${split.padEnd(14)} ${num(p.tp)} ${num(p.fp)} ${num(p.fn)} ${num(p.neutral)}  ${pct(p.precision)}  ${pct(p.recall)}  ${pct(p.f1)}`;
}

function accCell(a: Accuracy | undefined): string {
  if (!a || a.total === 0) return '-'.padStart(15);
  return `${a.correct}/${a.total} ${pct(a.accuracy)}%`.padStart(15);
}

function compact(x: unknown): string {
  if (x === null || x === undefined) return 'null';
  if (typeof x !== 'object') return JSON.stringify(x);
  const o = x as Record<string, unknown>;
  if ('amount' in o && 'currency' in o) return `${String(o['amount'])} ${String(o['currency'])}`;
  // Companies: name [aliases]; claims: company share% market/region/period/source; deals: type parties.
  if ('share' in o) {
    const extra = ['market', 'region', 'period', 'attributedTo'].map((k) => `${k}=${o[k] ?? 'null'}`).join(' ');
    return `${String(o['company'])} ${String(o['share'])}%  ${extra}${o['sentence'] ? `\n          | ${String(o['sentence'])}` : ''}`;
  }
  if ('parties' in o) {
    const v = o['value'] as { amount: number; currency: string } | null;
    const value = v ? `${v.amount} ${v.currency}` : 'null';
    return `${String(o['type'])} [${(o['parties'] as string[]).join(' | ')}] status=${String(o['status'])} value=${value} name=${String(o['name'] ?? 'null')}${o['sentence'] ? `\n          | ${String(o['sentence'])}` : ''}`;
  }
  const aliases = (o['aliases'] as string[] | undefined) ?? [];
  return `${String(o['name'])}${aliases.length ? ` (${aliases.join(', ')})` : ''}`;
}

function errorLines(field: string, e: ArticleErrors): string[] {
  const out: string[] = [];
  for (const x of e.falseNegatives) out.push(`  ${field} FN  ${compact(x)}`);
  for (const x of e.falsePositives) out.push(`  ${field} FP  ${compact(x)}`);
  for (const x of e.neutral) out.push(`  ${field} opt ${compact(x)}`);
  for (const m of e.attributeMismatches) out.push(`  ${field} ~${m.attribute} of ${m.item}: predicted ${compact(m.predicted)}, gold ${compact(m.gold)}`);
  return out;
}

/** A readable report for a terminal (stderr or stdout). */
export function formatReport(report: EvalReport, opts: FormatOptions = {}): string {
  const lines: string[] = [];
  const scoredOnly = report.overall.ids.length - report.articles.length;
  lines.push(
    `eval ${report.pipeline} on ${report.corpusDir} (${report.overall.ids.length} articles: ${report.articles.length} dev` +
      `${scoredOnly ? `, ${scoredOnly} test, scored only` : ''}; ${report.seconds.toFixed(2)} s)`,
  );
  lines.push('');
  lines.push(`${'field'.padEnd(18)} ${'split'.padEnd(14)} ${'  tp'} ${'  fp'} ${'  fn'} ${' opt'}  ${' prec'}  ${'  rec'}  ${'   f1'}`);
  const splits: Array<[string, Scores]> = [['all', report.overall], ...Object.entries(report.splits)];
  for (const f of FIELDS) {
    for (const [name, s] of splits) lines.push(prfRow(name === 'all' ? f : '', name, s.fields[f]));
  }
  lines.push('');
  lines.push('accuracy on matched items (correct/total %)');
  lines.push(`${'attribute'.padEnd(30)}${splits.map(([n]) => n.padStart(15)).join('')}`);
  for (const a of CLAIM_ATTRS) lines.push(`${`marketShareClaims.${a}`.padEnd(30)}${splits.map(([, s]) => accCell(s.accuracy.marketShareClaims[a])).join('')}`);
  for (const a of DEAL_ATTRS) lines.push(`${`deals.${a}`.padEnd(30)}${splits.map(([, s]) => accCell(s.accuracy.deals[a])).join('')}`);
  if (report.failures.length) {
    lines.push('');
    lines.push(`PIPELINE FAILED on ${report.failures.length} article(s): ${report.failures.join(', ')}`);
    for (const a of report.articles) if (a.failure) lines.push(`  ${a.id}: ${a.failure}`);
  }
  if (opts.errors) {
    lines.push('');
    lines.push('errors per article (FN missed gold, FP wrong prediction, opt optional/neutral, ~ attribute mismatch)');
    for (const a of report.articles) {
      const body = FIELDS.flatMap((f) => errorLines(f === 'marketShareClaims' ? 'claim' : f === 'companies' ? 'company' : 'deal', a.errors[f]));
      if (!body.length && !a.failure) continue;
      lines.push('');
      lines.push(`${a.id} ${a.title}${a.failure ? `  [FAILED: ${a.failure}]` : ''}`);
      lines.push(...body);
    }
  }
  return lines.join('\n') + '\n';
}

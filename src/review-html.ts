/**
 * The HTML review page (`newsnlp review --html FILE`): one self-contained file, in the manner of
 * spaCy's displaCy. Each article's text with company mentions, percentages and money highlighted,
 * the evidence of market-share claims and deals underlined; claims, deals and companies as tables
 * whose rows link to their evidence and back; for fixtures, the differences from the golden record
 * marked (missing, extra, changed field). Pure: records in, a string out.
 *
 * No network: no external resource, and a Content-Security-Policy that allows only the page's own
 * style and script (by hash). Everything from a record is escaped; links are made only from
 * http(s) URLs.
 */
import { createHash } from 'node:crypto';
import type { FixtureResult } from './review.ts';
import type { Company, Deal, MarketShareClaim, Money, Percentage, Span } from './schema.ts';

// ---------------------------------------------------------------------------------------------
// Escaping

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Escape for HTML text and double- or single-quoted attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}
const esc = escapeHtml;

// ---------------------------------------------------------------------------------------------
// The text layer: spans over the article text, nested (split where they cross)

export type MarkKind = 'company' | 'percent' | 'money' | 'claim' | 'deal';
export type DiffStatus = 'missing' | 'extra' | 'changed';

/** A highlighted span of the text: UTF-16 offsets, end exclusive. */
export interface Mark {
  start: number;
  end: number;
  kind: MarkKind;
  /** Unique in the page: the first element of the mark gets it as `id`; every piece as `data-m`. */
  key: string;
  /** Badge shown after the span (CSS, not text: the text layer's textContent stays the article text). */
  label: string;
  /** Tooltip. */
  title: string;
  /** The table row this span is evidence for: clicking the span goes there. */
  target?: string;
  diff?: DiffStatus;
}

/** Evidence bands outside, entities inside them. */
const RANK: Record<MarkKind, number> = { claim: 0, deal: 0, company: 1, percent: 2, money: 2 };

/**
 * The text as HTML with the marks as nested elements. Marks that cross are split into pieces: the
 * first piece carries the `id`, later ones `data-cont`, the last one the class `last` (its label).
 * Marks are sorted outermost first (start, then longer, then evidence before entities), and that
 * one order decides the nesting in every stretch of text, so the markup is always well formed.
 */
export function layerMarks(text: string, marks: readonly Mark[]): string {
  const sorted = marks
    .filter((m) => m.start < m.end && m.start >= 0 && m.end <= text.length)
    .map((m, i) => ({ m, i }))
    .sort((a, b) => a.m.start - b.m.start || b.m.end - a.m.end || RANK[a.m.kind] - RANK[b.m.kind] || a.i - b.i)
    .map(({ m }) => m);
  const cuts = [...new Set([0, text.length, ...sorted.flatMap((m) => [m.start, m.end])])].sort((a, b) => a - b);
  type Open = { mark: Mark; cont: boolean; last: boolean };
  const out: (string | Open)[] = [];
  const opened = new Set<Mark>();
  let stack: Open[] = [];
  for (let c = 0; c + 1 < cuts.length; c++) {
    const from = cuts[c]!;
    const to = cuts[c + 1]!;
    const want = sorted.filter((m) => m.start <= from && m.end >= to);
    let same = 0;
    while (same < stack.length && same < want.length && stack[same]!.mark === want[same]) same++;
    for (let k = stack.length - 1; k >= same; k--) {
      const o = stack[k]!;
      if (o.mark.end === from) o.last = true;
      out.push(`</${tagOf(o.mark)}>`);
    }
    stack = stack.slice(0, same);
    for (const mark of want.slice(same)) {
      const o: Open = { mark, cont: opened.has(mark), last: false };
      opened.add(mark);
      stack.push(o);
      out.push(o);
    }
    out.push(esc(text.slice(from, to)));
  }
  for (let k = stack.length - 1; k >= 0; k--) {
    stack[k]!.last = true;
    out.push(`</${tagOf(stack[k]!.mark)}>`);
  }
  return out.map((x) => (typeof x === 'string' ? x : openTag(x.mark, x.cont, x.last))).join('');
}

const tagOf = (m: Mark) => (m.kind === 'claim' || m.kind === 'deal' ? 'span' : 'mark');

function openTag(m: Mark, cont: boolean, last: boolean): string {
  const cls = [m.kind === 'claim' || m.kind === 'deal' ? 'ev' : 'ent', m.kind, m.diff ? `diff-${m.diff}` : '', last ? 'last' : '']
    .filter(Boolean)
    .join(' ');
  const attrs = [
    cont ? 'data-cont' : `id="${esc(m.key)}"`,
    `class="${cls}"`,
    `data-m="${esc(m.key)}"`,
    `data-start="${m.start}"`,
    `data-end="${m.end}"`,
    `data-label="${esc(m.label)}"`,
    `title="${esc(m.title)}"`,
  ];
  if (m.target) attrs.push(`data-target="${esc(m.target)}"`, 'role="link"', cont ? 'tabindex="-1"' : 'tabindex="0"');
  return `<${tagOf(m)} ${attrs.join(' ')}>`;
}

// ---------------------------------------------------------------------------------------------
// Differences from the golden record, item by item

export interface Paired<T> {
  /** The current item (absent when missing). */
  actual?: T;
  /** The golden item (absent when extra). */
  expected?: T;
  /** null: no golden record to compare with. */
  status: 'same' | DiffStatus | null;
  /** Fields whose values differ, when changed. */
  changed: string[];
}

/** JSON with sorted object keys: equal values, equal strings. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o).sort().map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`).join(',')}}`;
  }
  return JSON.stringify(v ?? null);
}

/**
 * Pair current and golden items: by the first key, then what is left by the next key, and so on
 * (e.g. a claim by its id, then by company and evidence offset, so a changed share shows as a
 * changed field rather than one missing and one extra claim). Current items keep their order;
 * unpaired golden items follow as missing.
 */
export function pairItems<T extends object>(
  actual: readonly T[],
  expected: readonly T[] | undefined,
  keys: readonly ((t: T) => string)[],
): Paired<T>[] {
  if (!expected) return actual.map((a) => ({ actual: a, status: null, changed: [] }));
  const match = new Map<number, number>(); // actual index -> expected index
  const taken = new Set<number>();
  for (const key of keys) {
    const free = new Map<string, number[]>();
    expected.forEach((e, j) => {
      if (taken.has(j)) return;
      const k = key(e);
      free.set(k, [...(free.get(k) ?? []), j]);
    });
    actual.forEach((a, i) => {
      if (match.has(i)) return;
      const j = free.get(key(a))?.shift();
      if (j === undefined) return;
      match.set(i, j);
      taken.add(j);
    });
  }
  const rows: Paired<T>[] = actual.map((a, i) => {
    const j = match.get(i);
    if (j === undefined) return { actual: a, status: 'extra', changed: [] };
    const e = expected[j]!;
    const fields = [...new Set([...Object.keys(e), ...Object.keys(a)])];
    const changed = fields.filter(
      (f) => canonical((a as Record<string, unknown>)[f]) !== canonical((e as Record<string, unknown>)[f]),
    );
    return { actual: a, expected: e, status: changed.length ? 'changed' : 'same', changed };
  });
  expected.forEach((e, j) => {
    if (!taken.has(j)) rows.push({ expected: e, status: 'missing', changed: [] });
  });
  return rows;
}

const spanKey = (s: Span) => `${s.start}-${s.end}`;
const COMPANY_KEYS = [(c: Company) => c.id, (c: Company) => c.name];
const CLAIM_KEYS = [
  (c: MarketShareClaim) => c.id,
  (c: MarketShareClaim) => `${c.company}@${spanKey(c.evidence)}`,
  (c: MarketShareClaim) => `${c.company}@${c.evidence.start}`,
];
const DEAL_KEYS = [(d: Deal) => d.id, (d: Deal) => `${d.type}@${spanKey(d.evidence)}`, (d: Deal) => spanKey(d.evidence)];
const QUANTITY_KEYS = [(q: Span) => spanKey(q), (q: Span) => `${q.start}`];
const MENTION_KEYS = [(m: Span) => spanKey(m)];

/** A golden record's array field, when it is one (a hand-edited golden file may be anything). */
function goldenArray<T>(expected: Record<string, unknown> | undefined, field: string): T[] | undefined {
  if (!expected) return undefined;
  const v = expected[field];
  return Array.isArray(v) ? (v.filter((x) => x && typeof x === 'object') as T[]) : [];
}

// ---------------------------------------------------------------------------------------------
// One article

interface Built {
  html: string;
  marks: Record<MarkKind, number>;
}

const pct = (n: number) => `${Number.isInteger(n) ? n : Number(n.toFixed(4))}%`;
const BOUND: Record<MarketShareClaim['bound'], string> = { exact: '', at_least: '≥ ', at_most: '≤ ', about: '~' };
const fmtShare = (c: MarketShareClaim) => `${BOUND[c.bound] ?? ''}${pct(c.share)}`;
const fmtMoney = (v: { amount: number; currency: string } | null | undefined) =>
  v ? `${v.currency} ${v.amount.toLocaleString('en-US', { maximumFractionDigits: 2 })}` : '';
const fmtPercent = (p: Percentage) => `${p.value}${p.high !== null && p.high !== undefined ? `–${p.high}` : ''} ${p.unit}`;
const fmtMoneyMark = (m: Money) =>
  `${fmtMoney(m)}${m.high !== null && m.high !== undefined ? `–${m.high.toLocaleString('en-US')}` : ''}${m.perShare ? ' per share' : ''}`;
const fmtConf = (c: number | undefined) => (typeof c === 'number' ? c.toFixed(2) : '');
const text = (v: unknown): string => (v === null || v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v));
const diffTitle: Record<DiffStatus, string> = {
  missing: 'missing: in the golden record, not in the output',
  extra: 'extra: in the output, not in the golden record',
  changed: 'changed: differs from the golden record',
};

/** A table cell: the current value; when that field changed, the golden value beside it. */
function cell<T>(row: Paired<T>, field: keyof T & string, show: (t: T) => string, cls = ''): string {
  const item = (row.actual ?? row.expected)!;
  const now = esc(show(item));
  if (row.status === 'changed' && row.changed.includes(field)) {
    return `<td class="chg ${cls}" data-field="${esc(field)}">${now}<span class="was" title="golden value">${esc(show(row.expected!))}</span></td>`;
  }
  return `<td class="${cls}">${now}</td>`;
}

function diffCell<T>(row: Paired<T>): string {
  if (row.status === null) return '';
  if (row.status === 'same') return '<td class="diff">=</td>';
  const what = row.status === 'changed' ? `changed: ${row.changed.join(', ')}` : row.status;
  return `<td class="diff"><span class="badge diff-${row.status}" title="${esc(diffTitle[row.status])}">${esc(what)}</span></td>`;
}

function buildArticle(r: FixtureResult, a: string): Built {
  const counts: Record<MarkKind, number> = { company: 0, percent: 0, money: 0, claim: 0, deal: 0 };
  const rec = r.record!;
  const exp = r.expected && typeof r.expected === 'object' && !Array.isArray(r.expected) ? r.expected : undefined;
  const golden = exp !== undefined;
  const marks: Mark[] = [];
  const warnings: string[] = [];
  const add = (m: Mark, span: Span) => {
    if (span.start < 0 || span.end > rec.text.length || span.start >= span.end || rec.text.slice(span.start, span.end) !== span.text) {
      warnings.push(`${m.diff === 'missing' ? 'golden ' : ''}${m.kind} ${JSON.stringify(span.text)} at ${span.start}-${span.end} does not match the article text`);
      return;
    }
    marks.push(m);
    if (m.diff !== 'missing') counts[m.kind]++;
  };
  const rowDiff = (s: Paired<unknown>['status']) => (s === 'missing' || s === 'extra' || s === 'changed' ? s : undefined);

  // companies and their mentions
  const companies = pairItems(rec.companies, goldenArray<Company>(exp, 'companies'), COMPANY_KEYS);
  companies.forEach((row, i) => {
    const c = (row.actual ?? row.expected)!;
    const mentions =
      row.status === 'missing'
        ? pairItems<Span>([], c.mentions ?? [], MENTION_KEYS)
        : pairItems<Span>(c.mentions, row.status === null ? undefined : row.expected ? row.expected.mentions ?? [] : [], MENTION_KEYS);
    mentions.forEach((m, k) => {
      const span = (m.actual ?? m.expected)!;
      const diff = row.status === 'missing' ? 'missing' : rowDiff(m.status);
      add(
        {
          start: span.start,
          end: span.end,
          kind: 'company',
          key: `${a}-co-${i}-${k}`,
          label: 'ORG',
          title: `${c.name}${c.ticker ? ` (${c.ticker})` : ''} · ${c.rule} · ${fmtConf(c.confidence)}${diff ? ` · ${diffTitle[diff]}` : ''}`,
          diff,
        },
        span,
      );
    });
  });

  // quantities
  const quantity = <Q extends Span>(kind: 'percent' | 'money', rows: Paired<Q>[], label: string, show: (q: Q) => string) =>
    rows.forEach((row, i) => {
      const q = (row.actual ?? row.expected)!;
      const diff = rowDiff(row.status);
      const was = row.status === 'changed' ? ` · golden: ${show(row.expected!)}` : '';
      add({ start: q.start, end: q.end, kind, key: `${a}-${kind}-${i}`, label, title: `${show(q)}${was}${diff ? ` · ${diffTitle[diff]}` : ''}`, diff }, q);
    });
  quantity('percent', pairItems(rec.percentages, goldenArray<Percentage>(exp, 'percentages'), QUANTITY_KEYS), '%', fmtPercent);
  quantity('money', pairItems(rec.money, goldenArray<Money>(exp, 'money'), QUANTITY_KEYS), 'MONEY', fmtMoneyMark);

  // claims and deals: their evidence in the text, their rows in the tables
  const claims = pairItems(rec.marketShareClaims, goldenArray<MarketShareClaim>(exp, 'marketShareClaims'), CLAIM_KEYS);
  const deals = pairItems(rec.deals, goldenArray<Deal>(exp, 'deals'), DEAL_KEYS);
  const evidence = <T extends { evidence: Span }>(kind: 'claim' | 'deal', rows: Paired<T>[], prefix: string, describe: (t: T) => string) =>
    rows.forEach((row, i) => {
      const item = (row.actual ?? row.expected)!;
      if (!item.evidence) return;
      const diff = rowDiff(row.status);
      add(
        {
          start: item.evidence.start,
          end: item.evidence.end,
          kind,
          key: `${a}-ev-${kind}-${i}`,
          label: `${prefix}${i + 1}`,
          title: `${prefix}${i + 1}: ${describe(item)}${diff ? ` · ${diffTitle[diff]}` : ''}`,
          target: `${a}-${kind}-${i}`,
          diff,
        },
        item.evidence,
      );
    });
  evidence('claim', claims, 'C', (c) => `${c.company} ${fmtShare(c)}${c.market ? ` of ${c.market}` : ''}`);
  evidence('deal', deals, 'D', (d) => `${d.type}: ${(d.parties ?? []).join(' + ')}`);

  const legend = [
    ['company', 'Company', counts.company],
    ['percent', 'Percent', counts.percent],
    ['money', 'Money', counts.money],
    ['claim', 'Claim evidence', counts.claim],
    ['deal', 'Deal evidence', counts.deal],
  ]
    .map(([k, name, n]) => `<li><span class="swatch ${k}"></span>${name} <span class="n">${n}</span></li>`)
    .join('');
  const diffLegend = golden
    ? `<ul class="legend diff-legend"><li><span class="swatch diff-missing"></span>missing (golden only)</li><li><span class="swatch diff-extra"></span>extra (not in golden)</li><li><span class="swatch diff-changed"></span>changed field</li></ul>`
    : '';

  const rowAttrs = <T>(row: Paired<T>, id: string) =>
    `id="${esc(id)}" class="${row.status && row.status !== 'same' ? `diff-${row.status}` : ''}"`;
  const diffHead = golden ? '<th>golden</th>' : '';
  const evLink = (id: string, label: string, span: Span | undefined) =>
    span ? `<a class="ref" href="#${esc(id)}" title="go to the evidence in the text">${esc(label)}</a>` : esc(label);

  const claimRows = claims
    .map((row, i) => {
      const c = (row.actual ?? row.expected)!;
      const ev = `${a}-ev-claim-${i}`;
      return `<tr ${rowAttrs(row, `${a}-claim-${i}`)}><td>${evLink(ev, `C${i + 1}`, c.evidence)}</td>${cell(row, 'company', (x) => x.company)}${cell(row, 'brand', (x) => text(x.brand))}${cell(row, 'share', fmtShare, 'num')}${cell(row, 'market', (x) => text(x.market))}${cell(row, 'region', (x) => text(x.region))}${cell(row, 'period', (x) => text(x.period))}${cell(row, 'attributedTo', (x) => text(x.attributedTo))}<td class="evtext">${c.evidence ? `<a href="#${esc(ev)}">${esc(c.evidence.text)}</a>` : ''}</td>${cell(row, 'confidence', (x) => fmtConf(x.confidence), 'num')}${cell(row, 'rule', (x) => text(x.rule), 'rule')}${diffCell(row)}</tr>`;
    })
    .join('');
  const dealRows = deals
    .map((row, i) => {
      const d = (row.actual ?? row.expected)!;
      const ev = `${a}-ev-deal-${i}`;
      return `<tr ${rowAttrs(row, `${a}-deal-${i}`)}><td>${evLink(ev, `D${i + 1}`, d.evidence)}</td>${cell(row, 'type', (x) => x.type)}${cell(row, 'parties', (x) => partiesWithRoles(x))}${cell(row, 'name', (x) => text(x.name))}${cell(row, 'value', (x) => fmtMoney(x.value), 'num')}${cell(row, 'status', (x) => text(x.status))}${cell(row, 'hedged', (x) => (x.hedged ? 'hedged' : ''))}<td class="evtext">${d.evidence ? `<a href="#${esc(ev)}">${esc(d.evidence.text)}</a>` : ''}</td>${cell(row, 'confidence', (x) => fmtConf(x.confidence), 'num')}${cell(row, 'rule', (x) => text(x.rule), 'rule')}${diffCell(row)}</tr>`;
    })
    .join('');
  const companyRows = companies
    .map((row, i) => {
      const c = (row.actual ?? row.expected)!;
      const first = `${a}-co-${i}-0`;
      const mentions = (c.mentions ?? []).length;
      return `<tr ${rowAttrs(row, `${a}-company-${i}`)}><td>${mentions ? `<a class="ref" href="#${esc(first)}" title="first mention in the text">${esc(c.name)}</a>` : esc(c.name)}</td>${cell(row, 'ticker', (x) => text(x.ticker))}${cell(row, 'cik', (x) => text(x.cik), 'num')}${cell(row, 'parent', (x) => text(x.parent))}${cell(row, 'aliases', (x) => (x.aliases ?? []).join(', '))}${cell(row, 'mentions', (x) => String((x.mentions ?? []).length), 'num')}${cell(row, 'confidence', (x) => fmtConf(x.confidence), 'num')}${cell(row, 'rule', (x) => text(x.rule), 'rule')}${diffCell(row)}</tr>`;
    })
    .join('');

  const table = (cls: string, caption: string, head: string[], rows: string, n: number) =>
    `<table class="${cls}"><caption>${caption} <span class="n">${n}</span></caption><thead><tr>${head.map((h) => `<th>${h}</th>`).join('')}${diffHead}</tr></thead><tbody>${rows || `<tr class="none"><td colspan="${head.length + (golden ? 1 : 0)}">none</td></tr>`}</tbody></table>`;

  // record-level fields (title, url, summary, ...) that differ from the golden record
  const fieldDiffs = exp
    ? ['schemaVersion', 'id', 'url', 'title', 'source', 'publishedAt', 'summary']
        .filter((f) => canonical((rec as Record<string, unknown>)[f]) !== canonical(exp[f]))
        .map((f) => `<li class="diff-changed" data-field="${esc(f)}"><b>${esc(f)}</b>: golden <code>${esc(JSON.stringify(exp[f] ?? null))}</code>, now <code>${esc(JSON.stringify((rec as Record<string, unknown>)[f]))}</code></li>`)
        .join('')
    : '';

  const html = [
    `<div class="legends"><ul class="legend">${legend}</ul>${diffLegend}</div>`,
    warnings.length ? `<ul class="warnings">${warnings.map((w) => `<li>${esc(w)}</li>`).join('')}</ul>` : '',
    fieldDiffs ? `<ul class="field-diffs">${fieldDiffs}</ul>` : '',
    `<div class="text" lang="en">${layerMarks(rec.text, marks)}</div>`,
    rec.summary.length ? `<details class="summary"><summary>Summary</summary><ol>${rec.summary.map((s) => `<li>${esc(s.text)}</li>`).join('')}</ol></details>` : '',
    table('claims', 'Market-share claims', ['#', 'company', 'brand', 'share', 'market', 'region', 'period', 'according to', 'evidence', 'confidence', 'rule'], claimRows, rec.marketShareClaims.length),
    table('deals', 'Deals', ['#', 'type', 'parties', 'name', 'value', 'status', 'hedged', 'evidence', 'confidence', 'rule'], dealRows, rec.deals.length),
    table('companies', 'Companies', ['name', 'ticker', 'CIK', 'parent', 'aliases', 'mentions', 'confidence', 'rule'], companyRows, rec.companies.length),
  ].join('\n');
  return { html, marks: counts };
}

// ---------------------------------------------------------------------------------------------
// The page

const STATUS: Record<FixtureResult['status'], string> = {
  same: 'same as golden',
  different: 'differs from golden',
  'missing-golden': 'no golden record',
  error: 'error',
  updated: 'golden updated',
};

const safeUrl = (u: string | null | undefined) => (u && /^https?:\/\//i.test(u) ? u : null);

function articleSection(r: FixtureResult, index: number): string {
  const a = `a${index}`;
  const rec = r.record;
  const title = rec?.title || r.input;
  const url = safeUrl(rec?.url);
  const meta = [
    rec?.source ? esc(rec.source) : '',
    rec?.publishedAt ? esc(rec.publishedAt) : '',
    rec?.url ? (url ? `<a href="${esc(url)}" rel="noreferrer noopener">${esc(rec.url)}</a>` : `<span>${esc(rec.url)}</span>`) : '',
    `<span class="input">${esc(r.input)}</span>`,
    rec ? `<span>id <code>${esc(rec.id)}</code></span>` : '',
    rec ? `<span>${esc(rec.pipeline)}</span>` : '',
  ].filter(Boolean);
  const diffCount = r.status === 'different' ? ` (${r.diffs.length})` : '';
  const head = `<header><h2><a class="self" href="#${a}">${esc(title)}</a> <span class="status st-${r.status}">${esc(STATUS[r.status])}${diffCount}</span></h2><p class="meta">${meta.join(' · ')}</p></header>`;
  const body = rec ? buildArticle(r, a).html : '';
  const problems =
    r.status === 'error' || r.status === 'missing-golden'
      ? `<p class="note">${r.diffs.map(esc).join('<br>')}</p>`
      : r.diffs.length
        ? `<details class="all-diffs" open><summary>All differences, as <code>newsnlp review</code> prints them (${r.diffs.length})</summary><pre>${r.diffs.map(esc).join('\n')}</pre></details>`
        : '';
  return `<article id="${a}" class="article art-${r.status}">${head}${problems}${body}</article>`;
}

const STYLE = `
:root{--company:#7aecec;--percent:#feca74;--money:#bfeeb7;--claim:#8a6bd1;--deal:#e0618f;--missing:#d62728;--extra:#1a9c3a;--changed:#e69500;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#222;background:#fafafa}
body{margin:0 auto;max-width:72rem;padding:1rem 1.5rem 4rem}
h1{font-size:1.4rem;margin:.5rem 0}
h2{font-size:1.15rem;margin:0 0 .25rem}
h2 a.self{color:inherit;text-decoration:none}
.meta{color:#666;font-size:.85rem;margin:0 0 .5rem;word-break:break-all}
.toc{font-size:.9rem;padding-left:1.2rem}
.article{background:#fff;border:1px solid #ddd;border-radius:6px;padding:1rem 1.25rem;margin:1.25rem 0}
.status{font-size:.75rem;font-weight:600;border-radius:3px;padding:.1rem .4rem;vertical-align:middle;background:#eee;color:#444}
.st-same{background:#dff3e3;color:#17632b}.st-different,.st-error{background:#fde2e1;color:#9b1c1c}.st-updated{background:#e6ecfb;color:#254a9b}
.legends{display:flex;flex-wrap:wrap;gap:.25rem 1.5rem}
.legend{list-style:none;display:flex;flex-wrap:wrap;gap:.25rem 1rem;padding:0;margin:.25rem 0;font-size:.85rem}
.swatch{display:inline-block;width:1.1em;height:.9em;border-radius:3px;vertical-align:middle;margin-right:.3em;box-sizing:border-box}
.swatch.company{background:var(--company)}.swatch.percent{background:var(--percent)}.swatch.money{background:var(--money)}
.swatch.claim{border-bottom:3px solid var(--claim)}.swatch.deal{border-bottom:3px solid var(--deal)}
.swatch.diff-missing{border:2px dashed var(--missing)}.swatch.diff-extra{border:2px solid var(--extra)}.swatch.diff-changed{border:2px solid var(--changed)}
.text{white-space:pre-wrap;line-height:2.5;font-size:1rem;margin:.75rem 0;padding:.5rem .75rem;border-left:3px solid #eee}
mark.ent{border-radius:.35em;padding:.15em .3em;margin:0 .05em;color:inherit;box-decoration-break:clone;-webkit-box-decoration-break:clone}
mark.company{background:var(--company)}mark.percent{background:var(--percent)}mark.money{background:var(--money)}
mark.ent.last::after{content:attr(data-label);font-size:.6em;font-weight:700;text-transform:uppercase;vertical-align:middle;margin-left:.4em;opacity:.75}
span.ev{border-bottom:3px solid;padding-bottom:2px;cursor:pointer;scroll-margin:30vh}
span.ev.claim{border-color:var(--claim)}span.ev.deal{border-color:var(--deal)}
span.ev.last::after{content:attr(data-label);font-size:.65em;font-weight:700;vertical-align:super;margin-left:.15em;color:var(--claim)}
span.ev.deal.last::after{color:var(--deal)}
span.ev:hover,span.ev:focus{background:#f3effc;outline:none}
span.ev:target,span.ev.hl,mark.ent:target,mark.ent.hl{background:#fff3a8;box-shadow:0 0 0 2px #f0c000}
.text .diff-missing{outline:2px dashed var(--missing);outline-offset:1px;opacity:.7}
.text .diff-extra{outline:2px solid var(--extra);outline-offset:1px}
.text .diff-changed{outline:2px solid var(--changed);outline-offset:1px}
table{border-collapse:collapse;width:100%;margin:1rem 0;font-size:.85rem}
caption{text-align:left;font-weight:600;padding:.25rem 0}
caption .n{color:#888;font-weight:400}
.legend .n{font-weight:700}
th,td{border-bottom:1px solid #eee;padding:.3rem .4rem;text-align:left;vertical-align:top}
th{background:#f4f4f4;font-weight:600}
td.num{text-align:right;font-variant-numeric:tabular-nums}
td.rule{font-family:ui-monospace,monospace;font-size:.8rem}
td.evtext{max-width:24rem}
tr{scroll-margin:30vh}
tr:target,tr.hl{background:#fff3a8}
tr.diff-missing{box-shadow:inset 4px 0 var(--missing);color:#7a1d1d}
tr.diff-missing td:not(.diff){text-decoration:line-through;text-decoration-color:rgba(214,39,40,.5)}
tr.diff-extra{box-shadow:inset 4px 0 var(--extra)}
tr.diff-changed{box-shadow:inset 4px 0 var(--changed)}
td.chg{background:#fff1d6}
td.chg .was{display:block;color:#8a5a00;font-size:.8em;text-decoration:line-through}
td.chg .was::before{content:"golden: "}
.badge{border-radius:3px;padding:.05rem .35rem;font-size:.75rem;font-weight:600;white-space:nowrap}
.badge.diff-missing{background:#fde2e1;color:#9b1c1c}.badge.diff-extra{background:#dff3e3;color:#17632b}.badge.diff-changed{background:#fff1d6;color:#8a5a00}
.field-diffs,.warnings{font-size:.85rem;margin:.5rem 0;padding-left:1.2rem}
.field-diffs li{color:#8a5a00}.warnings li{color:#9b1c1c}
.all-diffs pre{font-size:.8rem;white-space:pre-wrap;background:#f7f7f7;padding:.5rem}
.note{color:#9b1c1c;font-size:.9rem}
tr.none td{color:#999}
a.ref{font-weight:600}
`;

/** Rows and evidence link to each other; the browser scrolls to the target of a plain link. */
const SCRIPT = `
(function () {
  function go(el) { var t = el.getAttribute('data-target'); if (t) location.hash = '#' + t; }
  document.addEventListener('click', function (e) {
    var el = e.target.closest('[data-target]');
    if (el && !e.target.closest('a')) go(el);
  });
  document.addEventListener('keydown', function (e) {
    if (e.key === 'Enter' && e.target.getAttribute && e.target.getAttribute('data-target')) go(e.target);
  });
  function mark() {
    document.querySelectorAll('.hl').forEach(function (x) { x.classList.remove('hl'); });
    var el = location.hash.length > 1 && document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (!el) return;
    var m = el.getAttribute('data-m');
    if (m) document.querySelectorAll('[data-m="' + m + '"]').forEach(function (x) { x.classList.add('hl'); });
  }
  window.addEventListener('hashchange', mark);
  mark();
})();
`;

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('base64');
const CSP = `default-src 'none'; style-src 'sha256-${sha256(STYLE)}'; script-src 'sha256-${sha256(SCRIPT)}'; base-uri 'none'; form-action 'none'`;

export interface PageOptions {
  /** Shown in the page header (e.g. the inputs given). */
  heading?: string;
}

/** One line: how many articles, and how many of each status ("6 articles · 5 same as golden · 1 differs from golden"). */
export function summarize(results: readonly FixtureResult[]): string {
  const count = (s: FixtureResult['status']) => results.filter((r) => r.status === s).length;
  return [
    `${results.length} article${results.length === 1 ? '' : 's'}`,
    ...(['same', 'different', 'missing-golden', 'error', 'updated'] as const)
      .filter((s) => count(s))
      .map((s) => `${count(s)} ${STATUS[s]}`),
  ].join(' · ');
}

/** The review page for these results, as one HTML document. */
export function renderReviewHtml(results: readonly FixtureResult[], opts: PageOptions = {}): string {
  const summary = summarize(results);
  const toc = results
    .map((r, i) => `<li><a href="#a${i}">${esc(r.record?.title || r.input)}</a> <span class="status st-${r.status}">${esc(STATUS[r.status])}</span></li>`)
    .join('');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${esc(CSP)}">
<meta name="referrer" content="no-referrer">
<title>newsnlp review</title>
<style>${STYLE}</style>
</head>
<body>
<header class="page"><h1>newsnlp review</h1>${opts.heading ? `<p class="meta">${esc(opts.heading)}</p>` : ''}<p class="summary">${esc(summary)}</p><ol class="toc">${toc}</ol></header>
<main>
${results.map(articleSection).join('\n')}
</main>
<script>${SCRIPT}</script>
</body>
</html>
`;
}

/** "Acme (acquirer) + Widget (target)"; peers of a merger or partnership without a role word. */
function partiesWithRoles(d: { parties?: readonly string[]; roles?: readonly string[] }): string {
  return (d.parties ?? []).map((p, i) => (d.roles?.[i] && d.roles[i] !== 'party' ? `${p} (${d.roles[i]})` : p)).join(' + ');
}

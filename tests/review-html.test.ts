import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import fc from 'fast-check';
import { parseHTML } from 'linkedom';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escapeHtml, layerMarks, pairItems, renderReviewHtml } from '../src/review-html.ts';
import type { Mark } from '../src/review-html.ts';
import { reviewInputs } from '../src/review.ts';
import type { FixtureResult } from '../src/review.ts';
import type { ArticleRecord, Span } from '../src/schema.ts';
import { launchChromium } from './helpers/chromium.ts';
import type { Browser } from './helpers/chromium.ts';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const FIXTURES = join(ROOT, 'fixtures');
const BIN = join(ROOT, 'bin/newsnlp.js');
const ARTIFACTS = join(ROOT, 'test-artifacts');
const SEED = '000_4eb8863552187eec';
const FORD = '020_reuters_868_ford_europe_share';

const tmp: string[] = [];
afterAll(async () => {
  for (const d of tmp) await rm(d, { recursive: true, force: true });
});
async function tempDir() {
  const d = await mkdtemp(join(tmpdir(), 'newsnlp-review-html-'));
  tmp.push(d);
  return d;
}
async function golden(name: string): Promise<ArticleRecord> {
  return JSON.parse(await readFile(join(FIXTURES, `${name}.golden.json`), 'utf8')) as ArticleRecord;
}

/** Tags of the text layer must nest: every close matches the last open. */
function balanced(html: string): boolean {
  const stack: string[] = [];
  for (const [, close, tag] of html.matchAll(/<(\/?)(mark|span)\b[^>]*>/g)) {
    if (!close) stack.push(tag!);
    else if (stack.pop() !== tag) return false;
  }
  return stack.length === 0;
}

/** The little of the DOM that the page callbacks use (the project compiles without lib "dom"). */
interface El {
  id: string;
  textContent: string | null;
  classList: { contains(c: string): boolean };
  getBoundingClientRect(): { top: number; bottom: number; height: number };
}
interface Win {
  document: { querySelector(s: string): El | null; querySelectorAll(s: string): ArrayLike<El> & Iterable<El> };
  innerHeight: number;
}

const mark = (start: number, end: number, kind: Mark['kind'], key: string): Mark => ({ start, end, kind, key, label: kind, title: key });

describe('layerMarks: the text with its spans as nested elements', () => {
  it('an entity inside an evidence span nests in it; the text is kept and escaped', () => {
    const text = 'Acme <b>won</b> 34% share';
    const html = layerMarks(text, [mark(0, 4, 'company', 'c'), mark(0, 19, 'claim', 'e'), mark(16, 19, 'percent', 'p')]);
    expect(html).toBe(
      '<span id="e" class="ev claim last" data-m="e" data-start="0" data-end="19" data-label="claim" title="e">' +
        '<mark id="c" class="ent company last" data-m="c" data-start="0" data-end="4" data-label="company" title="c">Acme</mark>' +
        ' &lt;b&gt;won&lt;/b&gt; ' +
        '<mark id="p" class="ent percent last" data-m="p" data-start="16" data-end="19" data-label="percent" title="p">34%</mark>' +
        '</span> share',
    );
  });

  it('spans that cross are split: one id on the first piece, data-cont on the rest, the label on the last', () => {
    const text = 'Alpha Beta Gamma';
    // 'Alpha Beta' and 'Beta Gamma' cross
    const html = layerMarks(text, [mark(0, 10, 'deal', 'd1'), mark(6, 16, 'claim', 'c1')]);
    expect(balanced(html)).toBe(true);
    const { document } = parseHTML(`<div>${html}</div>`);
    const pieces = (key: string) => [...document.querySelectorAll(`[data-m="${key}"]`)];
    expect(pieces('d1').map((e) => e.textContent)).toEqual(['Alpha Beta']);
    expect(pieces('c1').map((e) => e.textContent)).toEqual(['Beta', ' Gamma']);
    expect(pieces('c1').map((e) => [e.id, e.hasAttribute('data-cont'), e.classList.contains('last')])).toEqual([
      ['c1', false, false],
      ['', true, true],
    ]);
    expect(document.querySelector('div')!.textContent).toBe(text);
  });

  it('spans outside the text or empty are left out', () => {
    expect(layerMarks('abc', [mark(2, 9, 'company', 'x'), mark(1, 1, 'money', 'y')])).toBe('abc');
  });

  it('any spans over any text: well-formed markup, the text unchanged, each span whole and once', () => {
    const kinds = ['company', 'percent', 'money', 'claim', 'deal'] as const;
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', ' ', '<', '&', '"', 'é', '😀', '\n'), maxLength: 40 }),
        fc.array(fc.tuple(fc.nat(40), fc.nat(40), fc.constantFrom(...kinds)), { maxLength: 8 }),
        (text, raw) => {
          const marks = raw
            .map(([a, b, kind], i) => mark(Math.min(a, b), Math.max(a, b), kind, `k${i}`))
            .filter((m) => m.start < m.end && m.end <= text.length);
          const html = layerMarks(text, marks);
          expect(balanced(html)).toBe(true);
          const { document } = parseHTML(`<div id="root">${html}</div>`);
          expect(document.getElementById('root')!.textContent).toBe(text);
          for (const m of marks) {
            const pieces = [...document.querySelectorAll(`[data-m="${m.key}"]`)];
            expect(pieces.map((p) => p.textContent).join('')).toBe(text.slice(m.start, m.end));
            expect(pieces.filter((p) => p.id === m.key)).toHaveLength(1);
            expect(pieces.filter((p) => p.classList.contains('last'))).toHaveLength(1);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('pairItems: current items against golden ones', () => {
  type Item = { id: string; at: number; share: number };
  const keys = [(x: Item) => x.id, (x: Item) => String(x.at)];
  it('pairs by id, then by the next key; reports changed fields, extra and missing items', () => {
    const actual: Item[] = [
      { id: 'a', at: 1, share: 10 },
      { id: 'b2', at: 2, share: 21 },
      { id: 'c', at: 3, share: 30 },
    ];
    const expected: Item[] = [
      { id: 'a', at: 1, share: 10 },
      { id: 'b', at: 2, share: 20 },
      { id: 'z', at: 9, share: 90 },
    ];
    expect(pairItems(actual, expected, keys).map((r) => [r.actual?.id, r.expected?.id, r.status, r.changed])).toEqual([
      ['a', 'a', 'same', []],
      ['b2', 'b', 'changed', ['id', 'share']],
      ['c', undefined, 'extra', []],
      [undefined, 'z', 'missing', []],
    ]);
  });
  it('without a golden record nothing is compared', () => {
    expect(pairItems([{ id: 'a', at: 1, share: 1 }], undefined, keys).map((r) => r.status)).toEqual([null]);
  });
});

/** An article that holds markup and script, with a javascript: URL. */
const EVIL = {
  url: 'javascript:window.__pwned=4',
  title: 'Evil <script>window.__pwned=1</script> title',
  source: '<b>Source</b>',
  text:
    'Acme Corp agreed to buy Widget Inc for $5 million, the companies said. ' +
    '<img src=x onerror="window.__pwned=2"> <script>window.__pwned=3</script> Acme holds 34% of the widget market.',
};

describe('renderReviewHtml', () => {
  let evil: FixtureResult[];
  beforeAll(async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'evil.json'), JSON.stringify(EVIL));
    evil = await reviewInputs([join(dir, 'evil.json')]);
  });

  it('escapes everything from the record: markup in an article shows as text, no element is injected', () => {
    const html = renderReviewHtml(evil);
    expect(evil[0]!.record!.text).toContain('<script>window.__pwned=3</script>');
    expect(html).toContain('&lt;img src=x onerror=&quot;window.__pwned=2&quot;&gt; &lt;script&gt;window.__pwned=3&lt;/script&gt;');
    expect(html).toContain('Evil &lt;script&gt;window.__pwned=1&lt;/script&gt; title');
    expect(html).toContain('&lt;b&gt;Source&lt;/b&gt;');
    expect(html).not.toMatch(/<img|<b>|window\.__pwned=\d<\/script>|href="javascript:/i);
    expect(html.match(/<script\b/g)).toHaveLength(1); // the page's own
    const { document } = parseHTML(html);
    expect(document.querySelectorAll('img, b').length).toBe(0);
    expect(document.querySelector('.text')!.textContent).toBe(evil[0]!.record!.text);
  });

  it('is self-contained: no external resource, a CSP that allows only its own style and script', () => {
    const html = renderReviewHtml(evil);
    expect(html).not.toMatch(/<(img|link|iframe|object|embed|video|audio|source|base)\b|@import|url\(/i);
    const csp = parseHTML(html).document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content');
    expect(csp).toMatch(/^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'; script-src 'sha256-[A-Za-z0-9+/=]+'/);
  });

  it('marks a fixture that differs from its golden record: changed field, extra and missing items', async () => {
    const [ford] = await reviewInputs([join(FIXTURES, `${FORD}.json`)]);
    const g = structuredClone(ford!.expected) as unknown as ArticleRecord;
    g.marketShareClaims[0]!.share = 12.5;
    g.companies = g.companies.filter((c) => c.name !== 'Ford');
    g.deals = [];
    const html = renderReviewHtml([{ ...ford!, status: 'different', diffs: ['(see the page)'], expected: g as unknown as Record<string, unknown> }]);
    const { document } = parseHTML(html);
    const claim = document.getElementById('a0-claim-0')!;
    expect(claim.className).toBe('diff-changed');
    expect(claim.querySelector('td.chg[data-field="share"] .was')!.textContent).toBe('12.5%');
    expect(claim.querySelector('td.diff')!.textContent).toBe('changed: share');
    const fordRow = [...document.querySelectorAll('table.companies tr.diff-extra')].map((r) => r.querySelector('td')!.textContent);
    expect(fordRow).toEqual(['Ford']);
    expect(document.querySelectorAll('.text mark.company.diff-extra:not([data-cont])').length).toBe(
      ford!.record!.companies.find((c) => c.name === 'Ford')!.mentions.length,
    );
    expect(document.querySelectorAll('.text .diff-missing, tr.diff-missing').length).toBe(0);
  });
});

describe('newsnlp review --html, in Chromium', () => {
  let browser: Promise<Browser> | undefined;
  let dir: string;
  let page: Page;
  let fixturesPage: string;
  let fixturesRun: { code: number; stdout: string; stderr: string };
  /** Requests the page made that were not for its own file. */
  const outside: string[] = [];
  const consoleErrors: string[] = [];

  async function reviewHtml(out: string, inputs: string[]) {
    return run('node', [BIN, 'review', '--html', out, ...inputs]).then(
      (r) => ({ code: 0, ...r }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
    );
  }
  async function open(file: string) {
    // launched by the first test that needs it, so each test fails (never skips) without chromium
    browser ??= launchChromium();
    page = await (await browser).context.newPage();
    page.on('request', (r) => {
      if (!r.url().startsWith('file://')) outside.push(r.url());
    });
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    page.on('pageerror', (e) => consoleErrors.push(e.message));
    await page.goto(pathToFileURL(file).href);
    return page;
  }
  const hash = () => page.evaluate<string>('location.hash');
  const targetId = () => page.evaluate<string | undefined>("document.querySelector(':target')?.id");
  /** Is the element inside the viewport? */
  const inView = (sel: string) =>
    page.evaluate((s) => {
      const w = globalThis as unknown as Win;
      const r = w.document.querySelector(s)!.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= w.innerHeight && r.height > 0;
    }, sel);
  /** The whole text of a span, its pieces joined. */
  const spanText = (key: string) =>
    page.evaluate((k) => [...(globalThis as unknown as Win).document.querySelectorAll(`[data-m="${k}"]`)].map((e) => e.textContent).join(''), key);

  beforeAll(async () => {
    dir = await tempDir();
    await mkdir(ARTIFACTS, { recursive: true });
    fixturesPage = join(dir, 'review.html');
    fixturesRun = await reviewHtml(fixturesPage, [FIXTURES]);
  });
  afterAll(async () => {
    await (await browser?.catch(() => undefined))?.close();
  });

  it('the fixtures: every company, percent and money of the golden records highlighted, the text intact', async () => {
    const { code, stdout, stderr } = fixturesRun;
    expect(code, stderr).toBe(0);
    expect(stdout).toBe('');
    expect(stderr).toBe(`newsnlp review: wrote ${fixturesPage}: 6 articles · 6 same as golden\n`);
    await open(fixturesPage);
    const records = await reviewInputs([FIXTURES]);
    for (const [i, name] of [[0, SEED], [4, FORD]] as const) {
      const g = await golden(name);
      expect(records[i]!.input).toContain(name);
      const count = (kind: string) => page.locator(`#a${i} .text mark.${kind}:not([data-cont])`).count();
      expect(await count('company')).toBe(g.companies.reduce((n, c) => n + c.mentions.length, 0));
      expect(await count('percent')).toBe(g.percentages.length);
      expect(await count('money')).toBe(g.money.length);
      expect(await page.locator(`#a${i} .text :is(.diff-missing, .diff-extra, .diff-changed)`).count()).toBe(0);
      // the text layer's text is the record's text, and each mark covers exactly its span
      expect(await page.locator(`#a${i} .text`).textContent()).toBe(records[i]!.record!.text);
      for (const m of [...g.percentages, ...g.money] as Span[]) {
        const key = await page.locator(`#a${i} .text mark[data-start="${m.start}"][data-end="${m.end}"]:not([data-cont])`).getAttribute('data-m');
        expect(await spanText(key!)).toBe(m.text);
      }
    }
    // the seed: 23 company mentions, 3 percentages, no money; Ford Europe: 4, 2 and 3
    expect(await page.locator('#a0 .text mark.company:not([data-cont])').count()).toBe(23);
    expect(await page.locator('#a4 .text mark.money:not([data-cont])').count()).toBe(3);
    // the legend names each kind with its count, and the page is self-contained
    expect(await page.locator('#a0 .legend:not(.diff-legend) li').allTextContents()).toEqual([
      'Company 23',
      'Percent 3',
      'Money 0',
      'Claim evidence 3',
      'Deal evidence 2',
    ]);
    expect(await page.locator('#a0 .diff-legend li').allTextContents()).toEqual(['missing (golden only)', 'extra (not in golden)', 'changed field']);
    expect(outside).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, 'review-fixtures.png') });
  });

  it('a claim or deal row scrolls to its evidence in the text, and the evidence back to the row', async () => {
    await open(fixturesPage);
    const g = await golden(SEED);
    const items = [
      ...g.marketShareClaims.map((c, i) => ({ kind: 'claim', i, evidence: c.evidence })),
      ...g.deals.map((d, i) => ({ kind: 'deal', i, evidence: d.evidence })),
    ];
    expect(items).toHaveLength(5);
    for (const { kind, i, evidence } of items) {
      const row = `a0-${kind}-${i}`;
      const ev = `a0-ev-${kind}-${i}`;
      await page.locator(`#${row} a.ref`).click();
      expect(await hash()).toBe(`#${ev}`);
      expect(await targetId()).toBe(ev);
      expect(await inView(`#${ev}`)).toBe(true);
      expect(await inView(`#${row}`)).toBe(false); // it scrolled: the row is out of sight
      expect(await spanText(ev)).toBe(evidence.text);
      // every piece of the span lights up, not only the one holding the id
      await page.waitForFunction(
        (k) => [...(globalThis as unknown as Win).document.querySelectorAll(`[data-m="${k}"]`)].every((e) => e.classList.contains('hl')),
        ev,
      );
      await page.locator(`#${ev}`).click();
      expect(await hash()).toBe(`#${row}`);
      expect(await targetId()).toBe(row);
      expect(await inView(`#${row}`)).toBe(true);
      expect(await inView(`#${ev}`)).toBe(false);
    }
    expect(consoleErrors).toEqual([]);
  });

  it('a fixture whose golden record differs: changed field, extra and missing items marked, exit 1', async () => {
    const fx = await tempDir();
    await cp(join(FIXTURES, `${FORD}.json`), join(fx, 'ford.json'));
    const g = await golden(FORD);
    const [ford] = await reviewInputs([join(FIXTURES, `${FORD}.json`)]);
    const text = ford!.record!.text;
    g.title = 'A changed title';
    g.marketShareClaims[0]!.share = 12.5; // changed field
    g.companies = g.companies.filter((c) => c.name !== 'Ford'); // Ford extra, with its mentions
    g.percentages = g.percentages.slice(1); // the first percentage extra
    g.money[0]!.amount = 1; // changed
    const sentence = g.summary[1]!; // a deal the output lacks: missing, with its evidence
    g.deals.push({
      id: 'golden-only',
      type: 'agreement',
      parties: ['Ford Europe', 'Ford'],
      roles: ['party', 'party'],
      name: null,
      value: null,
      status: 'announced',
      hedged: false,
      evidence: { text: sentence.text, start: sentence.start, end: sentence.end, sentence },
      confidence: 0.5,
      rule: 'hand.made',
    });
    expect(text.slice(sentence.start, sentence.end)).toBe(sentence.text);
    await writeFile(join(fx, 'ford.golden.json'), JSON.stringify(g, null, 2));

    const out = join(fx, 'review.html');
    const { code, stderr } = await reviewHtml(out, [join(fx, 'ford.json')]);
    expect(code, stderr).toBe(1);
    expect(stderr).toBe(`newsnlp review: wrote ${out}: 1 article · 1 differs from golden\n`);
    await open(out);
    expect(await page.locator('#a0 h2 .status').textContent()).toMatch(/^differs from golden \(\d+\)$/);
    // claims: the share changed, the golden value beside the current one
    expect(await page.locator('#a0-claim-0').getAttribute('class')).toBe('diff-changed');
    expect(await page.locator('#a0-claim-0 td.chg[data-field="share"]').textContent()).toBe('11.8%12.5%');
    expect(await page.locator('#a0-claim-0 td.diff').textContent()).toBe('changed: share');
    // companies: Ford extra, in the table and on each of its mentions
    expect(await page.locator('#a0 table.companies tr.diff-extra td:first-child').allTextContents()).toEqual(['Ford']);
    expect(await page.locator('#a0 .text mark.company.diff-extra:not([data-cont])').allTextContents()).toEqual(['Ford Motor Co', 'Ford']);
    // quantities: one percent extra, one money changed (its golden value in the tooltip)
    expect(await page.locator('#a0 .text mark.percent.diff-extra').allTextContents()).toEqual(['71 per cent']);
    const money = page.locator('#a0 .text mark.money.diff-changed');
    expect(await money.count()).toBe(1);
    expect(await money.getAttribute('title')).toContain('golden: USD 1');
    // deals: the golden-only deal is a missing row, its evidence a missing span; the two link
    const missing = page.locator('#a0 table.deals tr.diff-missing');
    expect(await missing.count()).toBe(1);
    expect(await missing.locator('td.diff').textContent()).toBe('missing');
    const evId = (await missing.locator('a.ref').getAttribute('href'))!.slice(1);
    expect(await page.locator(`#${evId}`).getAttribute('class')).toMatch(/\bev deal diff-missing\b/);
    await missing.locator('a.ref').click();
    expect(await hash()).toBe(`#${evId}`);
    expect(await spanText(evId)).toBe(sentence.text);
    // record fields: the title
    expect(await page.locator('#a0 .field-diffs li[data-field="title"]').textContent()).toContain('"A changed title"');
    expect(await page.locator('#a0 .all-diffs pre').textContent()).toContain('~ title: expected "A changed title"');
    await page.evaluate('window.scrollTo(0, 0)');
    await page.screenshot({ path: join(ARTIFACTS, 'review-diff.png'), fullPage: true });
    expect(outside).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });

  it('an article holding HTML and script shows it as text: nothing runs, no element is injected', async () => {
    const file = join(dir, 'evil.json');
    await writeFile(file, JSON.stringify(EVIL));
    const out = join(dir, 'evil.html');
    const { code, stderr } = await reviewHtml(out, [file]);
    expect(code, stderr).toBe(0);
    expect(stderr).toBe(`newsnlp review: wrote ${out}: 1 article · 1 no golden record\n`);
    await open(out);
    await page.waitForTimeout(200); // an onerror would have fired by now
    expect(await page.evaluate('window.__pwned')).toBeUndefined();
    expect(await page.locator('img, b').count()).toBe(0);
    expect(await page.locator('script').count()).toBe(1);
    expect(await page.locator('#a0 h2 a.self').textContent()).toBe(EVIL.title);
    expect(await page.locator('#a0 .text').textContent()).toContain('<img src=x onerror="window.__pwned=2"> <script>window.__pwned=3</script>');
    expect(await page.locator('#a0 .meta').textContent()).toContain('javascript:window.__pwned=4');
    expect(await page.locator('a[href^="javascript:"]').count()).toBe(0);
    expect(await page.locator('#a0 .text mark.company:not([data-cont])').count()).toBeGreaterThanOrEqual(1);
    expect(outside).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});

describe('escapeHtml', () => {
  it('escapes the five characters that matter in text and attributes', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });
});

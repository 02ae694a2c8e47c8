import { describe, expect, it } from 'vitest';
import { calendarProblem, normaliseDate } from '../../src/input/date.ts';
import { articleFromHtml } from '../../src/input/html.ts';
import { InputError, parseInput } from '../../src/input/read.ts';
import { ArticleSchema } from '../../src/schema.ts';

describe('normaliseDate', () => {
  const cases: [string, string | null][] = [
    ['2025-01-22', '2025-01-22'],
    ['2025-01-22T10:30:00Z', '2025-01-22T10:30:00Z'],
    ['2025-01-22T10:30:00.123+0100', '2025-01-22T10:30:00.123+01:00'],
    ['2025-01-22T10:30Z', '2025-01-22T10:30:00Z'],
    ['2025-01-22 10:30:00 +01:00', '2025-01-22T10:30:00+01:00'],
    ['2025-01-22T10:30:00-05', '2025-01-22T10:30:00-05:00'],
    // a time without a zone: keep the date, never invent a zone
    ['2025-01-22T10:30:00', '2025-01-22'],
    ['2025/1/5', '2025-01-05'],
    ['20250122', '2025-01-22'],
    ['Wed, 22 Jan 2025 10:30:00 GMT', '2025-01-22T10:30:00Z'],
    ['22 January 2025', '2025-01-22'],
    ['January 22, 2025', '2025-01-22'],
    ['Wednesday, Jan. 22, 2025 at 9:05 UTC', '2025-01-22T09:05:00Z'],
    ['3rd March 2024', '2024-03-03'],
    ['2024-02-29', '2024-02-29'],
    ['2023-02-29', null],
    ['2025-13-01', null],
    ['yesterday', null],
    ['', null],
    ['22 Smarch 2025', null],
  ];
  it.each(cases)('%s -> %s', (raw, want) => {
    expect(normaliseDate(raw)).toBe(want);
    if (want) expect(ArticleSchema.shape.publishedAt.parse(want)).toBe(want);
  });
});

describe('impossible dates: never rolled over into the next month', () => {
  it.each([
    ['2023-02-29', 'February 2023 has 28 days'],
    ['2024-02-30', 'February 2024 has 29 days'],
    ['2025-04-31T10:00:00Z', 'April has 30 days'],
    ['February 30, 2023', 'February 2023 has 28 days'],
    ['31 Sept 2020', 'September has 30 days'],
    ['2024-13-01', 'there is no month 13'],
    ['2024-02-29', null],
    ['22 Smarch 2025', null],
    ['yesterday', null],
  ])('%s: %s', (raw, why) => {
    expect(calendarProblem(raw)).toBe(why);
    if (why) expect(normaliseDate(raw)).toBeNull();
  });

  // A date someone wrote as the article's field is rejected, naming the input and the field (as any bad field is)
  it('a JSON publishedAt that is no calendar day is an error naming the input and the field', () => {
    const bytes = Buffer.from(
      [
        JSON.stringify({ title: 'a', publishedAt: '2023-02-30', text: 'Acme Corp sold widgets.' }),
        JSON.stringify({ title: 'b', publishedAt: 'April 31, 2024 10:00 UTC', text: 'Acme Corp sold widgets.' }),
        JSON.stringify({ title: 'c', publishedAt: '2024-02-29', text: 'Acme Corp sold widgets.' }),
      ].join('\n'),
    );
    const items = parseInput('feed.ndjson', bytes);
    expect(items.map((x) => (x instanceof InputError ? x.message : x.publishedAt))).toEqual([
      '[input] feed.ndjson:1: wrong shape: publishedAt: "2023-02-30" is not a calendar date (February 2023 has 28 days)',
      '[input] feed.ndjson:2: wrong shape: publishedAt: "April 31, 2024 10:00 UTC" is not a calendar date (April has 30 days)',
      '2024-02-29',
    ]);
  });

  // Page metadata offers several dates; a bad one is skipped like any unreadable one (a seed text's
  // impossible date is null too: tests/input/text.test.ts)
  it('an HTML page: an impossible meta date is skipped for the next candidate, else null', () => {
    const page = (metas: string) =>
      `<html><head><title>Acme buys Widget</title>${metas}</head><body><article>` +
      '<p>Acme Corp said on Monday that it had agreed to buy Widget Inc for five million dollars in cash.</p>' +
      '<p>The companies said the deal would close in the third quarter, subject to approval.</p></article></body></html>';
    const bad = '<meta property="article:published_time" content="2023-02-30T10:00:00Z">';
    expect(articleFromHtml(page(bad)).publishedAt).toBeNull();
    expect(articleFromHtml(page(`${bad}<meta name="date" content="2023-02-28">`)).publishedAt).toBe('2023-02-28');
  });
});

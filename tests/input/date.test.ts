import { describe, expect, it } from 'vitest';
import { normaliseDate } from '../../src/input/date.ts';
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

/**
 * The evidence contract, property-tested: for any article text, every offset in the record slices
 * back to the text it claims, and every evidence lies inside the sentence it names.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getPipeline } from '../pipelines/news/index.ts';
import { ArticleRecordSchema } from '../src/schema.ts';
import type { ArticleRecord } from '../src/schema.ts';

const pipeline = getPipeline();

function checkOffsets(r: ArticleRecord) {
  const t = r.text;
  const span = (s: { text: string; start: number; end: number }, what: string) => {
    expect(s.start, what).toBeLessThanOrEqual(s.end);
    expect(s.end, what).toBeLessThanOrEqual(t.length);
    expect(t.slice(s.start, s.end), what).toBe(s.text);
  };
  for (const s of r.summary) span(s, 'summary');
  for (const c of r.companies) for (const m of c.mentions) span(m, `mention of ${c.name}`);
  for (const q of [...r.percentages, ...r.money]) span(q, 'quantity');
  for (const x of [...r.deals, ...r.marketShareClaims]) {
    span(x.evidence, 'evidence');
    span(x.evidence.sentence, 'evidence sentence');
    expect(x.evidence.start).toBeGreaterThanOrEqual(x.evidence.sentence.start);
    expect(x.evidence.end).toBeLessThanOrEqual(x.evidence.sentence.end);
  }
}

// Sentences in several house styles, plus text that stresses offsets: astral-plane characters
// (two UTF-16 units), curly quotes, dashes, non-breaking spaces, CRLF line ends.
const PIECES = [
  'Acme Corp agreed to acquire Widget Inc for $5 billion.',
  'Globex Holdings plc said its share of the UK market rose to 21 per cent in 2004.',
  'Initech Inc <INTC> said it agreed to buy <Hooli Corp> for 25 mln dlrs.',
  'According to Synergy Research Group, Amazon Web Services (AWS) holds 34% of cloud infrastructure services, followed by Microsoft Azure at 21% and Google Cloud at 11%.',
  'Shares of Umbrella Co fell 3.5 pct, or 25 basis points more than expected.',
  'Microsoft\u2019s \u201cright of first refusal\u201d \u2014 a\u00a0deal with OpenAI.',
  'Stark Industries and Wayne Enterprises formed a joint venture worth \u20ac2.5bn.',
  'Emoji \u{1F4C8} and \u{1D400}-style letters sit here.\r\n',
  '\n\nThe Cloud Wars: a heading\n\n',
];

describe('evidence offsets', () => {
  it('hold for the seed article', () => {
    const text = readFileSync(new URL('../seeds/000_4eb8863552187eec.txt', import.meta.url), 'utf8');
    const r = pipeline.run({ title: 'seed', text });
    ArticleRecordSchema.parse(r);
    checkOffsets(r);
    expect(r.companies.length).toBeGreaterThan(0);
  });

  it('hold for any mix of sentences and odd characters (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ unit: 'grapheme', maxLength: 30 })), {
          minLength: 1,
          maxLength: 12,
        }),
        fc.constantFrom(' ', '\n', '\n\n', '  '),
        (parts, sep) => {
          const text = parts.join(sep);
          fc.pre(text.trim().length > 0);
          const r = pipeline.run({ title: 't', text });
          checkOffsets(r);
        },
      ),
      { numRuns: 150 },
    );
  });
});

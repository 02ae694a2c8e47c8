import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { getPipeline } from '../../pipelines/news/index.ts';
import { articleFromText } from '../../src/input/read.ts';

describe('summary', () => {
  it('picks 1-3 verbatim sentences, in text order, favouring the lead and the sentences with facts', () => {
    const text = readFileSync(new URL('../../seeds/000_4eb8863552187eec.txt', import.meta.url), 'utf8');
    const r = getPipeline().run(articleFromText(text, 'seed.txt'));
    expect(r.summary.length).toBeGreaterThanOrEqual(1);
    expect(r.summary.length).toBeLessThanOrEqual(3);
    for (const s of r.summary) expect(r.text.slice(s.start, s.end)).toBe(s.text);
    expect(r.summary.map((s) => s.start)).toEqual([...r.summary.map((s) => s.start)].sort((a, b) => a - b));
    expect(r.summary[0]!.index).toBe(0);
    // the sentence stating the market shares is a key sentence
    expect(r.summary.some((s) => s.text.includes('34% market share'))).toBe(true);
    // never a heading
    expect(r.summary.some((s) => s.text === 'The Cloud Wars: Battleground for AI Supremacy')).toBe(false);
  });

  it('falls back to the first sentence of a short text', () => {
    const r = getPipeline().run({ title: 't', text: 'Short note.' });
    expect(r.summary.map((s) => s.text)).toEqual(['Short note.']);
  });
});

/**
 * The rule tables of rules/companies.ts: every invented example is an instance of its own row
 * (the row fires on the [bracketed] name, no earlier row shadows it).
 */
import { describe, expect, it } from 'vitest';
import { newDoc } from '../../pipelines/news/doc.ts';
import type { Doc } from '../../pipelines/news/doc.ts';
import { normalize } from '../../pipelines/news/components/normalize.ts';
import { sentences } from '../../pipelines/news/components/sentences.ts';
import { companies, companySpans } from '../../pipelines/news/components/companies.ts';
import { classify } from '../../pipelines/news/components/companies/classify.ts';
import { cueScore, matchCue } from '../../pipelines/news/components/companies/cues.ts';
import type { CompanySpan } from '../../pipelines/news/components/companies/types.ts';
import { CLASS_RULES, CUE_RULES, LIST_CUES } from '../../pipelines/news/rules/companies.ts';

const ctx = { pipeline: 'test@0.0.0' };

/** The example without its first pair of brackets, and the offsets of the bracketed name. */
function unbracket(example: string): { text: string; start: number; end: number } {
  const open = example.indexOf('[');
  const close = example.indexOf(']', open);
  const text = (example.slice(0, open) + example.slice(open + 1, close) + example.slice(close + 1)).replace(/[[\]]/g, '');
  return { text, start: open, end: close - 1 };
}

function spanOf(example: string): { doc: Doc; sp: CompanySpan } {
  const { text, start, end } = unbracket(example);
  const doc = newDoc({ url: null, title: 't', publishedAt: null, source: null, text });
  normalize.run(doc, ctx);
  sentences.run(doc, ctx);
  companySpans.run(doc, ctx);
  const toks = doc.companyTokens;
  const sp = doc.companySpans.find((x) => toks[x.a]!.s === start && toks[x.b - 1]!.e === end);
  if (!sp) {
    const seen = doc.companySpans.map((x) => text.slice(toks[x.a]!.s, toks[x.b - 1]!.e));
    throw new Error(`no span "${text.slice(start, end)}" in "${text}"; spans: ${seen.join(' | ')}`);
  }
  return { doc, sp };
}

describe('company cue rules', () => {
  it('have distinct matchers, scores in 0..1 and an example each', () => {
    expect(new Set(CUE_RULES.map((r) => r.match)).size).toBe(CUE_RULES.length);
    for (const r of CUE_RULES) {
      expect(r.score).toBeGreaterThanOrEqual(0);
      expect(r.score).toBeLessThanOrEqual(1);
      expect(r.example).toMatch(/\[[^\]]+\]/);
    }
  });

  for (const r of CUE_RULES) {
    it(`${r.match}: ${r.example}`, () => {
      const { doc, sp } = spanOf(r.example);
      expect(matchCue(doc.companyTokens, sp)?.rule).toBe(r);
      const cue = cueScore(doc.companyTokens, sp);
      if (r.score === 0) expect(cue).toEqual({ score: 0, cue: '' });
      else expect([cue.score, cue.cue.split(':')[0]]).toEqual([r.score, r.rule]);
    });
  }
});

describe('company class rules', () => {
  for (const [name, r] of Object.entries(CLASS_RULES)) {
    if (!r.example) continue;
    it(`${name}: ${r.example}`, () => {
      const { doc, sp } = spanOf(r.example);
      const c = classify(doc.companyTokens, sp, new Set());
      expect([c.kind, c.conf, c.rule]).toEqual([r.kind, r.confidence, r.rule]);
    });
  }
});

describe('company list cues', () => {
  for (const [name, r] of Object.entries(LIST_CUES)) {
    it(`${name}: ${r.example}`, () => {
      const { text, start } = unbracket(r.example);
      const doc = newDoc({ url: null, title: 't', publishedAt: null, source: null, text });
      normalize.run(doc, ctx);
      sentences.run(doc, ctx);
      companies.run(doc, ctx);
      const c = doc.companies.find((x) => x.mentions.some((m) => m.start === start));
      expect(c?.rule).toBe(`cue:${r.rule}`);
    });
  }
});

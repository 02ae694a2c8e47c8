import { describe, expect, it } from 'vitest';
import { PipelineBuildError } from '../src/pipeline.ts';
import { COMPONENTS, createPipeline as buildPipeline, getPipeline, loadPipelineDef } from '../pipelines/news/index.ts';
import type { Component } from '../pipelines/news/index.ts';

describe('pipeline build', () => {
  it('loads news.v1 from pipelines/news/ and stamps name@version on records', () => {
    const def = loadPipelineDef('news.v1');
    expect(def.name).toBe('news.v1');
    const p = getPipeline();
    expect(p.id).toBe(`news.v1@${def.version}`);
    expect(p.components.map((c) => c.name)).toEqual(def.components);
    const r = p.run({ title: 'T', text: 'Acme Corp said on Monday it would hire staff.' });
    expect(r.pipeline).toBe(p.id);
  });

  it('fails at build time when a component requires what no earlier component assigns', () => {
    expect(() =>
      buildPipeline({ name: 'bad', version: '1.0.0', components: ['normalize', 'deals', 'sentences', 'record'] }),
    ).toThrow(/component "deals" requires "sentences", which no earlier component assigns/);
  });

  it('names an unknown component', () => {
    expect(() => buildPipeline({ name: 'bad', version: '1.0.0', components: ['normalize', 'nope'] })).toThrow(
      PipelineBuildError,
    );
    expect(() => buildPipeline({ name: 'bad', version: '1.0.0', components: ['normalize', 'nope'] })).toThrow(
      /unknown component "nope"/,
    );
  });

  it('requires a component that assigns the record', () => {
    expect(() => buildPipeline({ name: 'x', version: '1.0.0', components: ['normalize', 'sentences'] })).toThrow(
      /no component assigns "record"/,
    );
  });

  it('runs a custom registry: components see what earlier ones assigned', () => {
    const seen: string[] = [];
    const spy: Component = {
      name: 'spy',
      requires: ['sentences'],
      assigns: [],
      run(doc) {
        seen.push(...doc.sentences.map((s) => s.text));
      },
    };
    const p = buildPipeline(
      { name: 'custom', version: '0.0.1', components: ['normalize', 'sentences', 'spy', 'companies', 'discourse', 'quantities', 'market_share', 'deals', 'summary', 'record'] },
      { ...COMPONENTS, spy },
    );
    p.run({ title: 'T', text: 'One sentence here. Another one follows.' });
    expect(seen).toEqual(['One sentence here.', 'Another one follows.']);
  });

  it('rejects an article of the wrong shape with the field named', () => {
    expect(() => getPipeline().run({ title: 'T', text: '' })).toThrow(/text is empty/);
  });
});

describe('the Doc contracts (zod, types inferred)', () => {
  it('what the components hand each other parses with the Doc schemas', async () => {
    const { CompanyEntitySchema, PercentageQSchema, MoneyQSchema, PeriodQSchema } = await import('../pipelines/news/doc.ts');
    const doc = getPipeline().runDoc({
      title: 'T',
      text: 'Acme Corp said on Monday it would buy Widget Inc for $5m. Acme holds 34% of the market, up from 30% in the first quarter of 2004.',
    });
    expect(doc.companies.map((c) => CompanyEntitySchema.parse(c).name)).toEqual(['Acme', 'Widget']);
    expect(doc.percentages.map((p) => PercentageQSchema.parse(p).value)).toEqual([34, 30]);
    expect(doc.money.map((m) => MoneyQSchema.parse(m).amount)).toEqual([5e6]);
    expect(doc.periods.map((p) => PeriodQSchema.parse(p).value)).toEqual(['Q1 2004']);
    expect(() => CompanyEntitySchema.parse({ ...doc.companies[0], mentions: [{ start: 0, end: 4 }] })).toThrow();
  });
});

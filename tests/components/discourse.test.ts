import { describe, expect, it } from 'vitest';
import { antecedentsAt, parentOf } from '../../pipelines/news/components/discourse.ts';
import { getPipeline } from '../../pipelines/news/index.ts';
import { findPeriods, referenceDateOf, resolveRelative } from '../../pipelines/news/quantities/periods.ts';

const run = (text: string, publishedAt: string | null = '2016-03-04') => getPipeline().runDoc({ title: 'T', text, publishedAt });
const anaphors = (text: string) => run(text).discourse.anaphors.map((a) => [a.text, a.antecedents.join('+')]);

describe('discourse: anaphors', () => {
  it('a definite description at the start of a sentence is the company the story is about', () => {
    expect(anaphors('Acme Corp reported a loss on Monday. The Seattle-based group said sales fell.')).toEqual([['The Seattle-based group', 'Acme']]);
  });

  it('a definite description after another company in its sentence names a different company', () => {
    const a = anaphors('Acme Corp reported a loss on Monday. In May, Beta Inc agreed to acquire the company.');
    expect(a).toEqual([['the company', 'Acme']]);
  });

  it('"it" and "its" take the subject of their own sentence first', () => {
    expect(anaphors('Beta Inc rose. Acme Corp said it would cut its costs.')).toEqual([
      ['it', 'Acme'],
      ['its', 'Acme'],
    ]);
  });

  it('"we" in a quotation is the quoted person\'s company', () => {
    const doc = run('"We will hold 20% of the market," said Jo Smith, chief executive of Acme Corp. Beta Corp disagreed.');
    expect(doc.discourse.anaphors.map((a) => [a.text, a.rule, a.antecedents])).toEqual([['We', 'speaker', ['Acme']]]);
    expect(antecedentsAt(doc, 1)).toEqual(['Acme']);
    expect(antecedentsAt(doc, 2)).toEqual([]);
  });

  it('"the two companies" takes the two most recent companies', () => {
    expect(anaphors('Acme Corp and Beta Inc said the two companies would merge.')).toEqual([['the two companies', 'Acme+Beta']]);
  });
});

describe('discourse: parent and unit, topic, date', () => {
  it('reads "X, a unit of Y" and "Y\'s ... arm X"', () => {
    const doc = run("Gamma Software, a unit of Delta Holdings, said profit rose. Acme Corp's software arm Zeta Labs grew.");
    expect(parentOf(doc, 'Gamma Software')).toBe('Delta Holdings');
    expect(parentOf(doc, 'Zeta Labs')).toBe('Acme');
    expect(parentOf(doc, 'Acme')).toBeNull();
  });

  it('names a dominant topic and no topic for two rivals', () => {
    expect(run('Acme Corp grew. Acme Corp hired. Acme Corp sold. Beta Inc fell.').discourse.topic).toBe('Acme');
    expect(run('Acme Corp grew. Beta Inc fell. Acme Corp sold. Beta Inc hired.').discourse.topic).toBeNull();
    expect(run('Acme Corp grew.', null).discourse.date).toBeNull();
    expect(run('Acme Corp grew.', '2016-03-04T10:00:00Z').discourse.date).toEqual({ year: 2016, month: 3 });
  });
});

describe('periods resolved against the article date', () => {
  const ref = referenceDateOf('2016-03-04');
  it('resolves relative years and quarters', () => {
    expect(resolveRelative('last year', ref)).toBe('2015');
    expect(resolveRelative('a year earlier', ref)).toBe('2015');
    expect(resolveRelative('this year', ref)).toBe('2016');
    expect(resolveRelative('next year', ref)).toBe('2017');
    expect(resolveRelative('last quarter', ref)).toBe('Q4 2015');
    expect(resolveRelative('this quarter', ref)).toBe('Q1 2016');
    expect(resolveRelative('last year', null)).toBeNull();
  });
  it('gives a quarter or month without a year the latest such period begun by the article date', () => {
    const text = 'Sales rose in the first quarter. They fell in the fourth quarter and in December.';
    expect(findPeriods(text, undefined, ref).map((p) => p.value)).toEqual(['Q1 2016', 'Q4 2015', 'December 2015']);
    expect(findPeriods(text).map((p) => p.value)).toEqual(['first quarter', 'fourth quarter', 'December']);
    // a year in the sentence still wins
    expect(findPeriods('Sales rose in the first quarter of 2014.', undefined, ref).map((p) => p.value)).toEqual(['Q1 2014']);
  });
});

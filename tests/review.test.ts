import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { readArticles } from '../src/input/read.ts';
import { ArticleRecordSchema } from '../src/schema.ts';
import type { Span } from '../src/schema.ts';
import { diffJson, formatReview, goldenPathOf, listFixtures, review, reviewInputs } from '../src/review.ts';

const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));
const tmp: string[] = [];
afterAll(async () => {
  for (const d of tmp) await rm(d, { recursive: true, force: true });
});

describe('golden fixtures', () => {
  it('every fixture article has a golden record, the seed first', async () => {
    const fixtures = await listFixtures(FIXTURES);
    expect(fixtures.length).toBeGreaterThanOrEqual(4);
    expect(fixtures[0]!.input).toMatch(/000_4eb8863552187eec\.txt$/);
    // each golden record is a whole record (all but text and pipeline) of its own article: its
    // title, and offsets that point at the same words in that article's text
    const GoldenSchema = ArticleRecordSchema.omit({ text: true, pipeline: true }).strict();
    for (const f of fixtures) {
      const golden = GoldenSchema.parse(JSON.parse(await readFile(f.golden, 'utf8')));
      const [article, ...more] = await readArticles(f.input);
      expect(more, f.input).toEqual([]);
      expect(golden.title, f.golden).toBe(article!.title);
      const spans: Span[] = [
        ...golden.companies.flatMap((c) => c.mentions),
        ...golden.deals.map((d) => d.evidence),
        ...golden.marketShareClaims.map((c) => c.evidence),
        ...golden.percentages,
        ...golden.money,
        ...golden.summary,
      ];
      expect(golden.companies.length, f.golden).toBeGreaterThan(0);
      for (const s of spans) expect(article!.text.slice(s.start, s.end), `${f.golden} ${s.start}-${s.end}`).toBe(s.text);
    }
  });

  it('current output equals every golden record (newsnlp review)', async () => {
    const results = await review(FIXTURES);
    const report = formatReview(results);
    expect(results.filter((r) => r.status !== 'same'), report).toEqual([]);
  });

  it('a changed golden record is reported field by field, and --update rewrites it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'newsnlp-review-'));
    tmp.push(dir);
    await cp(join(FIXTURES, '000_4eb8863552187eec.txt'), join(dir, 'seed.txt'));
    await cp(join(FIXTURES, '000_4eb8863552187eec.golden.json'), join(dir, 'seed.golden.json'));
    const golden = JSON.parse(await readFile(join(dir, 'seed.golden.json'), 'utf8'));
    golden.title = 'Changed title';
    golden.marketShareClaims[0].share = 99;
    await writeFile(join(dir, 'seed.golden.json'), JSON.stringify(golden));
    const [r] = await review(dir);
    expect(r!.status).toBe('different');
    expect(r!.diffs).toContain('~ title: expected "Changed title", got "Microsoft’s Evolving Partnership with OpenAI"');
    expect(r!.diffs.some((d) => d.startsWith('- marketShareClaims[') && d.includes('99'))).toBe(true);
    expect(r!.diffs.some((d) => d.startsWith('+ marketShareClaims['))).toBe(true);
    await review(dir, { update: true });
    const [again] = await review(dir);
    expect(again!.status).toBe('same');
  });
});

describe('reviewInputs (files or folders, golden record beside each)', () => {
  it('the fixtures folder gives what review(dir) gives, with each record and golden record kept', async () => {
    const byDir = await review(FIXTURES);
    const byInputs = await reviewInputs([FIXTURES]);
    expect(byInputs.map((r) => [r.input, r.golden, r.status])).toEqual(byDir.map((r) => [r.input, r.golden, r.status]));
    for (const r of byInputs) {
      expect(r.golden).toBe(goldenPathOf(r.input));
      expect(r.record!.id).toBe((r.expected as { id: string }).id);
      expect(r.record!.text.length).toBeGreaterThan(100);
    }
  });

  it('an input without a golden record, and one holding several articles, are kept, not compared', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'newsnlp-review-'));
    tmp.push(dir);
    const one = join(dir, 'one.json');
    const many = join(dir, 'many.ndjson');
    await writeFile(one, JSON.stringify({ title: 'Acme buys Widget', text: 'Acme Corp agreed to buy Widget Inc for $5 million.' }));
    await writeFile(many, ['Alpha', 'Beta'].map((t) => JSON.stringify({ title: t, text: `${t} Corp rose 5% on Monday.` })).join('\n'));
    const results = await reviewInputs([one, many]);
    expect(results.map((r) => [r.input, r.status, r.record?.title])).toEqual([
      [one, 'missing-golden', 'Acme buys Widget'],
      [many, 'missing-golden', 'Alpha'],
      [many, 'missing-golden', 'Beta'],
    ]);
    expect(results[0]!.diffs).toEqual([`no golden record at ${join(dir, 'one.golden.json')}`]);
    expect(results[1]!.diffs[0]).toMatch(/holds 2 articles/);
    expect(results[0]!.record!.money.map((m) => m.amount)).toEqual([5_000_000]);
  });
});

describe('diffJson', () => {
  it('names the field and the item', () => {
    const exp = { companies: [{ id: 'acme', name: 'Acme', aliases: ['Acme'], ticker: null }] };
    const act = { companies: [{ id: 'acme', name: 'Acme', aliases: ['Acme', 'Acme Corp'], ticker: null }, { id: 'b', name: 'B', aliases: [] }] };
    expect(diffJson(exp, act)).toEqual([
      '~ companies[Acme].aliases: expected ["Acme"], got ["Acme","Acme Corp"]',
      '+ companies[B] unexpected: {"id":"b","name":"B","aliases":[]}',
    ]);
  });
});

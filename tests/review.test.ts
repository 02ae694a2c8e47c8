import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { diffJson, formatReview, listFixtures, review } from '../src/review.ts';

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
    for (const f of fixtures) await expect(readFile(f.golden, 'utf8')).resolves.toBeTruthy();
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

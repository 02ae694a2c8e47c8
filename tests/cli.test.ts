import { execFile } from 'node:child_process';
import { mkdtemp, writeFile, rm, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ArticleRecordSchema } from '../src/schema.ts';
import { FlatRecordSchema } from '../src/flat.ts';

const run = promisify(execFile);
const BIN = new URL('../bin/newsnlp.js', import.meta.url).pathname;
const SEED = new URL('../seeds/000_4eb8863552187eec.txt', import.meta.url).pathname;

async function newsnlp(args: string[], input?: string, env: Record<string, string> = {}) {
  const child = run('node', [BIN, ...args], { maxBuffer: 64 * 1024 * 1024, env: { ...process.env, ...env } });
  if (input !== undefined) {
    child.child.stdin!.end(input);
  }
  try {
    const { stdout, stderr } = await child;
    return { code: 0, stdout, stderr };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, stdout: x.stdout, stderr: x.stderr };
  }
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'newsnlp-cli-'));
  await writeFile(join(dir, 'bad.json'), '{"title": "x", "text": ');
  await writeFile(join(dir, 'shape.json'), JSON.stringify({ title: 'x', text: '' }));
  await writeFile(join(dir, 'empty.txt'), '');
  await writeFile(join(dir, 'latin1.txt'), Buffer.from([0x54, 0x69, 0x74, 0x6c, 0x65, 0x0a, 0x0a, 0x43, 0x61, 0x66, 0xe9, 0x2e]));
  await writeFile(
    join(dir, 'good.json'),
    JSON.stringify({ title: 'Acme buys Widget', text: 'Acme Corp agreed to buy Widget Inc for $5 million on Monday.' }),
  );
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('newsnlp CLI', () => {
  it('extract prints only JSON on stdout: valid records, one per input, in order', async () => {
    const { code, stdout } = await newsnlp(['extract', SEED, join(dir, 'good.json')]);
    expect(code).toBe(0);
    const records = JSON.parse(stdout) as unknown[];
    expect(records).toHaveLength(2);
    const [seed, good] = records.map((r) => ArticleRecordSchema.parse(r));
    expect(seed!.title).toBe('Microsoft’s Evolving Partnership with OpenAI');
    expect(seed!.publishedAt).toBe('2025-01-22');
    expect(seed!.source).toBe('TechCrunch');
    expect(good!.title).toBe('Acme buys Widget');
  });

  it('ndjson: one record per line; stdin with -', async () => {
    const text = await readFile(SEED, 'utf8');
    const { code, stdout } = await newsnlp(['extract', '-', '--format', 'ndjson'], text);
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(ArticleRecordSchema.parse(JSON.parse(lines[0]!)).source).toBe('TechCrunch');
  });

  it('bad inputs: one stderr line each naming the file and reason; the rest still processed; exit 1', async () => {
    const files = ['bad.json', 'good.json', 'shape.json', 'empty.txt', 'latin1.txt', 'missing.txt'].map((f) => join(dir, f));
    const { code, stdout, stderr } = await newsnlp(['extract', ...files, '--format', 'ndjson']);
    expect(code).toBe(1);
    const records = stdout.trim().split('\n').map((l) => JSON.parse(l) as { title: string });
    expect(records.map((r) => r.title)).toEqual(['Acme buys Widget']);
    const lines = stderr.trim().split('\n');
    expect(lines).toHaveLength(5);
    expect(lines[0]).toMatch(/bad\.json: invalid JSON/);
    expect(lines[1]).toMatch(/shape\.json: .*text/);
    expect(lines[2]).toMatch(/empty\.txt: empty/);
    expect(lines[3]).toMatch(/latin1\.txt: not UTF-8/);
    expect(lines[4]).toMatch(/missing\.txt: .*(ENOENT|not found|unreadable)/);
  });

  it('an article over the size limit (a 50 MB text file) is one error line; the batch goes on; exit 1', async () => {
    const big = join(dir, 'big.txt');
    await writeFile(big, Buffer.alloc(50 * 1024 * 1024, 'Acme Corp said it sold more widgets. '));
    const { code, stdout, stderr } = await newsnlp(['extract', big, join(dir, 'good.json'), '--format', 'ndjson']);
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toEqual([
      `[input] ${big}: article text is 52,428,800 bytes, over the 2,097,152-byte limit (NEWSNLP_MAX_ARTICLE_BYTES)`,
    ]);
    const records = stdout.trim().split('\n').map((l) => ArticleRecordSchema.parse(JSON.parse(l)));
    expect(records.map((r) => r.title)).toEqual(['Acme buys Widget']);
    await rm(big);
  });

  it('the limit comes from NEWSNLP_MAX_ARTICLE_BYTES or --max-article-bytes (which wins); a bad value is one line, exit 2', async () => {
    const mid = join(dir, 'mid.txt');
    await writeFile(mid, `Widget news\n\n${'Acme Corp said it sold more widgets. '.repeat(60)}`); // 2,233 bytes
    const env = { NEWSNLP_MAX_ARTICLE_BYTES: '2048' };
    const viaEnv = await newsnlp(['extract', mid, join(dir, 'good.json'), '--format', 'ndjson'], undefined, env);
    expect(viaEnv.code).toBe(1);
    expect(viaEnv.stderr).toBe(`[input] ${mid}: article text is 2,233 bytes, over the 2,048-byte limit (NEWSNLP_MAX_ARTICLE_BYTES)\n`);
    expect(viaEnv.stdout.trim().split('\n')).toHaveLength(1);
    const viaFlag = await newsnlp(['extract', mid, '--max-article-bytes', '4096', '--format', 'ndjson'], undefined, env);
    expect(viaFlag.code).toBe(0);
    expect(JSON.parse(viaFlag.stdout) as { title: string }).toMatchObject({ title: 'Widget news' });
    const bad = await newsnlp(['extract', mid, '--max-article-bytes', '2MB']);
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toBe('[config] --max-article-bytes: must be a whole number of bytes (got "2MB")\n');
  });

  it('--out writes the file and leaves stdout empty', async () => {
    const out = join(dir, 'out.json');
    const { code, stdout } = await newsnlp(['extract', SEED, '--out', out]);
    expect(code).toBe(0);
    expect(stdout).toBe('');
    expect(JSON.parse(await readFile(out, 'utf8'))).toHaveLength(1);
  });

  it('schema prints JSON Schema generated from zod', async () => {
    const { code, stdout } = await newsnlp(['schema', 'ArticleRecord']);
    expect(code).toBe(0);
    const schema = JSON.parse(stdout) as { $defs: Record<string, { properties: Record<string, unknown> }> };
    const props = Object.keys(schema.$defs.ArticleRecord!.properties);
    for (const f of ['schemaVersion', 'id', 'url', 'title', 'source', 'publishedAt', 'pipeline', 'summary', 'companies', 'deals', 'marketShareClaims', 'percentages', 'money']) {
      expect(props).toContain(f);
    }
  });

  it('review FILE compares it with the golden record beside it; --html writes one page instead, stdout empty', async () => {
    const fixture = new URL('../fixtures/020_reuters_868_ford_europe_share', import.meta.url).pathname;
    await writeFile(join(dir, 'ford.json'), await readFile(`${fixture}.json`));
    const golden = JSON.parse(await readFile(`${fixture}.golden.json`, 'utf8')) as { title: string };
    golden.title = 'Changed';
    await writeFile(join(dir, 'ford.golden.json'), JSON.stringify(golden));
    const text = await newsnlp(['review', join(dir, 'ford.json')]);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain(`DIFF ${join(dir, 'ford.json')}\n     ~ title: expected "Changed", got "FORD <F> EUROPE EARNINGS UP 71 PCT LAST YEAR"`);
    const page = join(dir, 'pages', 'review.html');
    const html = await newsnlp(['review', '--html', page, join(dir, 'ford.json'), join(dir, 'good.json')]);
    expect(html.code).toBe(1); // a fixture differs; good.json has no golden record, which is no failure
    expect(html.stdout).toBe('');
    expect(html.stderr).toBe(`newsnlp review: wrote ${page}: 2 articles · 1 differs from golden · 1 no golden record\n`);
    const written = await readFile(page, 'utf8');
    expect(written.startsWith('<!doctype html>')).toBe(true);
    expect(written).toContain('<h2><a class="self" href="#a1">Acme buys Widget</a> <span class="status st-missing-golden">no golden record</span></h2>');
  });

  it('run (embedded, no REDIS_URL) writes each article once to the JSONL sink, a summary on stderr only', async () => {
    const out = join(dir, 'records.ndjson');
    const { code, stdout, stderr } = await newsnlp(['run', SEED, SEED, join(dir, 'good.json'), '--out', out], undefined, { REDIS_URL: '' });
    expect(code).toBe(0);
    expect(stdout).toBe('');
    const lines = (await readFile(out, 'utf8')).trim().split('\n');
    expect(lines).toHaveLength(2); // the same article twice is written once
    const first = JSON.parse(lines[0]!) as { record: unknown };
    expect(ArticleRecordSchema.parse(first.record).source).toBe('TechCrunch');
    expect(stderr).toMatch(/newsnlp run \(embedded\): 0 feeds polled .* 3 articles, 2 written/);
  });

  it('run --flat also writes flat records, each article once, as extract --flat makes them (articleId first)', async () => {
    const out = join(dir, 'env.ndjson');
    const flat = join(dir, 'flat.ndjson');
    const viaExtract = join(dir, 'extract-flat.ndjson');
    for (let pass = 0; pass < 2; pass++) {
      const { code } = await newsnlp(['run', SEED, join(dir, 'good.json'), '--out', out, '--flat', flat], undefined, { REDIS_URL: '' });
      expect(code).toBe(0);
    }
    expect((await readFile(out, 'utf8')).trim().split('\n')).toHaveLength(2);
    const lines = (await readFile(flat, 'utf8')).trim().split('\n');
    expect(lines.every((l) => l.startsWith('{"articleId":"'))).toBe(true);
    const records = lines.map((l) => FlatRecordSchema.parse(JSON.parse(l)));
    expect(records.filter((r) => r.type === 'article')).toHaveLength(2); // the second run added nothing
    const { code } = await newsnlp(['extract', SEED, join(dir, 'good.json'), '--out', join(dir, 'x.json'), '--flat', viaExtract]);
    expect(code).toBe(0);
    const expected = (await readFile(viaExtract, 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as object);
    expect(records).toEqual(expected);
  });
});

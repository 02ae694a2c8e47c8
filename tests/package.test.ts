/**
 * The npm package as a user gets it: `npm pack`, installed into a new project in a temporary
 * folder, then imported from plain Node ESM and from TypeScript, and run as a command.
 *
 * Offline: `npm install <tarball> --offline` cannot work here, because npm wants the registry's
 * metadata of every dependency to resolve their ranges and `npm ci` never caches it. So the test
 * gives the temporary project a package-lock.json: the tarball as `file:` plus every production
 * entry of the repository's own lock (names, versions, integrity), and runs `npm ci --offline
 * --ignore-scripts`, which takes each dependency's tarball from the npm cache by its integrity
 * (the repository's `npm ci` put them there). The dependencies are real installed copies in the
 * temporary project: nothing resolves through the repository's node_modules (NODE_PATH does not
 * apply to ES modules anyway), except TypeScript itself and @types/node for the type check.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'newsnlp-pack-'));
const proj = join(dir, 'proj');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
  license: string;
  bin: Record<string, string>;
  engines: Record<string, string>;
  dependencies: Record<string, string>;
};
const ARTICLE = {
  title: 'Acme buys Widget',
  text: 'Acme Corp agreed to buy Widget Inc for $5 million on Monday. Acme has a 34% share of the widget market, according to Synergy Research.',
};

/** True when dist/ was built after every source file changed (as bin/newsnlp.js decides). */
function distFresh(): boolean {
  const stamp = join(ROOT, 'dist/.build-stamp');
  if (!existsSync(stamp)) return false;
  const since = statSync(stamp).mtimeMs;
  for (const top of ['src', 'pipelines', 'workers']) {
    for (const f of readdirSync(join(ROOT, top), { recursive: true, encoding: 'utf8' })) {
      const st = statSync(join(ROOT, top, f));
      if (st.isFile() && st.mtimeMs > since) return false;
    }
  }
  return true;
}

let tarball = '';
beforeAll(async () => {
  if (!distFresh()) await run('npm', ['run', 'build'], { cwd: ROOT, timeout: 300_000 });
  const { stdout } = await run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], { cwd: ROOT, timeout: 120_000 });
  tarball = join(dir, (JSON.parse(stdout) as { filename: string }[])[0]!.filename);

  // the project: the tarball as a file: dependency, its dependencies pinned by the repository's lock
  const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean }> };
  const spec = `file:../${tarball.slice(dir.length + 1)}`;
  const packages: Record<string, unknown> = {
    '': { name: 'proj', version: '1.0.0', dependencies: { [pkg.name]: spec } },
    [`node_modules/${pkg.name}`]: {
      version: pkg.version,
      resolved: spec,
      integrity: `sha512-${createHash('sha512').update(readFileSync(tarball)).digest('base64')}`,
      license: pkg.license,
      dependencies: pkg.dependencies,
      bin: pkg.bin,
      engines: pkg.engines,
    },
  };
  for (const [path, entry] of Object.entries(lock.packages)) if (path.startsWith('node_modules/') && !entry.dev) packages[path] = entry;
  mkdirSync(proj);
  writeFileSync(join(proj, 'package.json'), JSON.stringify({ name: 'proj', version: '1.0.0', private: true, type: 'module', dependencies: { [pkg.name]: spec } }, null, 2));
  writeFileSync(join(proj, 'package-lock.json'), JSON.stringify({ name: 'proj', version: '1.0.0', lockfileVersion: 3, requires: true, packages }, null, 2));
  await run('npm', ['ci', '--offline', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: proj, timeout: 300_000 });
}, 600_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the npm package', () => {
  it('ships dist, migrations, schemas, README and LICENSE only', async () => {
    const { stdout } = await run('tar', ['-tzf', tarball]);
    const top = new Set(stdout.split('\n').filter(Boolean).map((p) => p.split('/')[1]));
    expect([...top].sort()).toEqual(['LICENSE', 'README.md', 'dist', 'migrations', 'package.json', 'schemas']);
    // the compiled pipeline with its data, the prepared tables and the command
    for (const f of ['dist/index.js', 'dist/index.d.ts', 'dist/bin/newsnlp.js', 'dist/.build-stamp', 'dist/pipelines/news/news.v1.json', 'dist/pipelines/news/lexicon/data/prepared-gazetteer.json', 'dist/pipelines/news/lexicon/data/sec-company-tickers.README.md']) {
      expect(stdout, f).toContain(`package/${f}\n`);
    }
    expect(stdout).not.toMatch(/^package\/(src|tests|corpus|fixtures|seeds)\//m);
  });

  it('imports and extracts from a plain Node ESM project', async () => {
    writeFileSync(
      join(proj, 'esm.mjs'),
      `import { extract, createPipeline, ArticleRecordSchema } from 'newsnlp';
const r = ArticleRecordSchema.parse(extract(${JSON.stringify(ARTICLE)}));
console.log(JSON.stringify({ pipeline: createPipeline().id, companies: r.companies.map((c) => c.name), deals: r.deals.map((d) => [d.type, d.parties]), shares: r.marketShareClaims.map((c) => [c.company, c.share]) }));
`,
    );
    const { stdout } = await run(process.execPath, ['esm.mjs'], { cwd: proj });
    expect(JSON.parse(stdout)).toEqual({
      pipeline: expect.stringMatching(/^news\.v1@/),
      companies: expect.arrayContaining(['Acme', 'Widget']),
      deals: [['acquisition', ['Acme', 'Widget']]],
      shares: [['Acme', 34]],
    });
  });

  it('type-checks and runs from a TypeScript project (NodeNext, strict, declarations checked)', async () => {
    writeFileSync(
      join(proj, 'main.ts'),
      `import { extract, createPipeline, ArticleRecordSchema } from 'newsnlp';
import type { ArticleRecord, Pipeline } from 'newsnlp';
const record: ArticleRecord = extract(${JSON.stringify(ARTICLE)});
const pipeline: Pipeline = createPipeline();
const names: string[] = ArticleRecordSchema.parse(record).companies.map((c) => c.name);
// @ts-expect-error: a record has no such field
record.nope;
console.log(pipeline.id, names.join(','));
`,
    );
    writeFileSync(
      join(proj, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, outDir: 'out', skipLibCheck: false, types: ['node'], typeRoots: [join(ROOT, 'node_modules/@types')] },
        files: ['main.ts'],
      }),
    );
    await run(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', proj], { cwd: proj, timeout: 120_000 });
    const { stdout } = await run(process.execPath, ['out/main.js'], { cwd: proj });
    expect(stdout).toMatch(/^news\.v1@\S+ .*Acme/);
  });

  it('installs the command: --version, extract; run without inputs is a usage error, not the package seeds', async () => {
    const bin = join(proj, 'node_modules/.bin/newsnlp');
    expect((await run(bin, ['--version'], { cwd: proj })).stdout.trim()).toBe(pkg.version);
    writeFileSync(join(proj, 'a.txt'), `${ARTICLE.title}\n\n${ARTICLE.text}\n`);
    const r = JSON.parse((await run(bin, ['extract', 'a.txt'], { cwd: proj })).stdout) as { title: string; companies: unknown[] }[];
    expect(r[0]!.title).toBe(ARTICLE.title);
    const e = await run(bin, ['run'], { cwd: proj }).then(
      () => null,
      (x: { code: number; stderr: string }) => x,
    );
    expect(e?.code).toBe(2);
    expect(e?.stderr).toMatch(/^\[usage\] newsnlp run: no inputs/);
    expect(existsSync(join(proj, 'out/records.ndjson'))).toBe(false);
  });
});

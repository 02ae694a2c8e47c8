/**
 * `npm run build` (also run by `prepare`, so `npm ci` and `npm pack` build): the compiled package in dist/.
 *
 *   1. tsc -p tsconfig.build.json: src/, pipelines/ and workers/ to dist/ as JavaScript with .d.ts
 *      (relative imports rewritten from .ts to .js), in the same layout one folder deeper;
 *   2. the files the compiled modules read beside themselves: the pipeline definitions and lexicon
 *      data with their READMEs (pipelines/**\/*.json, *.md; the SEC list only until step 3), the sandboxed-processor entry (src/ingest/extract-sandbox.js);
 *      the command (bin/newsnlp.js -> dist/bin/newsnlp.js, package.json "bin") and the library's
 *      entry (dist/index.js and index.d.ts re-export dist/src/index.js: package.json "exports");
 *   3. the prepared lexicon tables (pipelines/news/lexicon/prepare.ts, prepared.ts): what the lexicon modules
 *      would otherwise compute at every start (compromise's word lists, the SEC gazetteer), written
 *      once as compact JSON that they load instead;
 *   4. dist/.build-stamp, last: bin/newsnlp.js runs dist only when the stamp is newer than every
 *      source file (else the sources through tsx), so an edit never runs stale code.
 *
 * It builds into a temporary folder beside dist/ and swaps it in, so a command started during a
 * build never sees half a dist.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = join(ROOT, 'dist');
const tmp = join(ROOT, `.dist-build-${process.pid}`);
const t0 = performance.now();
const log = (s: string) => process.stderr.write(`[build] ${s}\n`);

/** Files under `dir` (relative to ROOT) whose name matches. */
function filesUnder(dir: string, re: RegExp): string[] {
  const abs = join(ROOT, dir);
  if (!existsSync(abs)) return [];
  return readdirSync(abs, { recursive: true, encoding: 'utf8' })
    .filter((f) => re.test(f))
    .map((f) => join(dir, f));
}

function copy(rel: string) {
  const to = join(tmp, rel);
  mkdirSync(dirname(to), { recursive: true });
  cpSync(join(ROOT, rel), to);
}

rmSync(tmp, { recursive: true, force: true });
try {
  const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  execFileSync(process.execPath, [tsc, '-p', join(ROOT, 'tsconfig.build.json'), '--outDir', tmp], { stdio: 'inherit', cwd: ROOT });
  const assets = [...filesUnder('pipelines', /\.(json|md)$/), 'src/ingest/extract-sandbox.js', 'bin/newsnlp.js'];
  for (const a of assets) copy(a);
  chmodSync(join(tmp, 'bin/newsnlp.js'), 0o755);
  // the package's entry points at the top of dist/ (package.json "exports" and "types")
  writeFileSync(join(tmp, 'index.js'), "export * from './src/index.js';\n");
  writeFileSync(join(tmp, 'index.d.ts'), "export * from './src/index.js';\n");

  // The prepared tables, computed by the compiled lexicon code itself (the same code the sources run).
  execFileSync(process.execPath, [join(tmp, 'pipelines/news/lexicon/prepare.js'), join(tmp, 'pipelines/news/lexicon/data')], { stdio: 'inherit', cwd: ROOT });
  // the SEC list itself is read only to prepare the gazetteer (its README, the provenance, stays)
  rmSync(join(tmp, 'pipelines/news/lexicon/data/sec-company-tickers.json'));

  writeFileSync(join(tmp, '.build-stamp'), `${new Date().toISOString()}\n`);
  const old = join(ROOT, `.dist-old-${process.pid}`);
  if (existsSync(DIST)) renameSync(DIST, old);
  renameSync(tmp, DIST);
  rmSync(old, { recursive: true, force: true });
  log(`dist/ built in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
} catch (err) {
  rmSync(tmp, { recursive: true, force: true });
  throw err;
}

#!/usr/bin/env -S node --single-threaded-gc --max-semi-space-size=4 --max-old-space-size=512 --no-regexp-tier-up
// Entry point of the `newsnlp` command. The flags on the first line are the worker flags of
// src/ingest/node-flags.ts (WORKER_NODE_FLAGS), then the command's own (CLI_NODE_FLAGS: regexps
// straight to native code, given at start; a test keeps the line equal to both). `npm run build` copies
// this file to dist/bin/newsnlp.js, the package's "bin", where it finds the package root two
// folders up instead of one.
//
// It runs the compiled build, dist/src/cli.js (`npm run build`; `npm ci` and `npm pack` build
// through `prepare`). An installed package has no sources and always runs dist. In a clone it runs
// dist only when dist/.build-stamp is newer than every file under src/, pipelines/ and workers/;
// otherwise (an edit since the build, or no build) it runs the TypeScript sources through tsx, so
// an edit is never run stale. NEWSNLP_SOURCES=1 runs the sources even when dist is fresh.
import { existsSync, readdirSync, statSync } from 'node:fs';

// (V8's --no-regexp-tier-up is given on the first line, never set here: set at run time with
// v8.setFlagsFromString it made some runs crash with SIGSEGV, about one start in a hundred under
// load; V8 does not support changing that flag once regexps have been compiled.)

const root = new URL(/\/dist\/bin\/[^/]*$/.test(import.meta.url) ? '../../' : '../', import.meta.url);
const stamp = new URL('dist/.build-stamp', root);

/** True when some file under these folders changed after `since` (ms). */
function changedSince(dirs, since) {
  for (const dir of dirs) {
    const path = new URL(dir, root);
    if (!existsSync(path)) continue;
    const st = statSync(path);
    if (st.isFile()) {
      if (st.mtimeMs > since) return true;
      continue;
    }
    for (const entry of readdirSync(path, { recursive: true, withFileTypes: true })) {
      if (entry.isFile() && statSync(`${entry.parentPath ?? entry.path}/${entry.name}`).mtimeMs > since) return true;
    }
  }
  return false;
}

function useDist() {
  if (!existsSync(stamp)) return false;
  if (!existsSync(new URL('src/', root))) return true; // an installed package: dist only
  if (process.env.NEWSNLP_SOURCES === '1') return false;
  return !changedSince(['src/', 'pipelines/', 'workers/', 'tsconfig.json', 'tsconfig.build.json'], statSync(stamp).mtimeMs);
}

let tsx = null;
if (!useDist()) {
  // tsx is a development dependency: where it is not installed (an image with production
  // dependencies only) a built dist runs even if a source file looks newer
  tsx = await import('tsx/esm/api').catch((e) => (existsSync(stamp) ? null : Promise.reject(e)));
}
if (tsx) {
  tsx.register();
  await import(new URL('src/cli.ts', root).href);
} else {
  await import(new URL('dist/src/cli.js', root).href);
}

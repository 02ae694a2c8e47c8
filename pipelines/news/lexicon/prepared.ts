/**
 * Prepared lexicon tables. Some lexicon modules compute their tables at load from larger sources:
 * words.ts reads compromise's lexicon (loading compromise costs about half a second),
 * gazetteer.ts cleans and keys the 10,000 names of the SEC list. `npm run build` (scripts/build.ts,
 * through prepare.ts) runs that computation once and writes its result beside the compiled modules
 * (dist/pipelines/news/lexicon/data/prepared-<name>.json); the compiled modules read it instead of
 * computing. In the sources there is no such file beside the module, so they compute, and the
 * build's tables are the same code's output: records are identical either way.
 */
import { existsSync, readFileSync } from 'node:fs';

const fileOf = (name: string) => new URL(`./data/prepared-${name}.json`, import.meta.url);

/** The prepared table `name`, or null where none was written (the sources). */
export function readPrepared<T>(name: string): T | null {
  const file = fileOf(name);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as T) : null;
}

/** Where `npm run build` writes the table `name` for the modules in `dataDir`. */
export function preparedFile(dataDir: string, name: string): string {
  return `${dataDir.replace(/\/$/, '')}/prepared-${name}.json`;
}

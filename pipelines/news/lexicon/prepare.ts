/**
 * Build step: compute the lexicon tables that are otherwise computed at every start and write them
 * where prepared.ts finds them. scripts/build.ts runs the compiled module on the compiled lexicon:
 *
 *   node dist/pipelines/news/lexicon/prepare.js dist/pipelines/news/lexicon/data
 */
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { preparedFile } from './prepared.ts';
import { computeWordTables } from './words.ts';
import { computeGazetteerTable } from './gazetteer.ts';
import { computeKnownTable } from './aliases.ts';

/** Write every prepared table into `dataDir` (the compiled lexicon's data/ folder). */
export async function writePreparedTables(dataDir: string): Promise<{ file: string; bytes: number }[]> {
  const tables: Record<string, unknown> = {
    words: await computeWordTables(),
    gazetteer: computeGazetteerTable(),
    known: computeKnownTable(),
  };
  return Object.entries(tables).map(([name, table]) => {
    const file = preparedFile(dataDir, name);
    const text = JSON.stringify(table);
    writeFileSync(file, text);
    return { file, bytes: Buffer.byteLength(text) };
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dir = process.argv[2];
  if (!dir) throw new Error('usage: prepare.js <data dir>');
  for (const w of await writePreparedTables(dir)) process.stderr.write(`[build] prepared ${w.file} (${(w.bytes / 1024).toFixed(0)} KiB)\n`);
}

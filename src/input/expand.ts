import { readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';

/** File endings read as article inputs. */
export const INPUT_EXTENSIONS = new Set(['.txt', '.json', '.html', '.htm', '.ndjson', '.jsonl']);

/** Folders -> the article files they hold (sorted; golden records left out); files and "-" as given. */
export async function expandInputs(inputs: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const input of inputs) {
    const st = input === '-' ? null : await stat(input).catch(() => null);
    if (st?.isDirectory()) {
      for (const n of (await readdir(input)).sort()) {
        if (n.endsWith('.golden.json') || !INPUT_EXTENSIONS.has(extname(n))) continue;
        out.push(join(input, n));
      }
    } else out.push(input);
  }
  return out;
}

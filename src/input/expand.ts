import { readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';

/** File endings read as article inputs. */
export const INPUT_EXTENSIONS = new Set(['.txt', '.json', '.html', '.htm', '.ndjson', '.jsonl']);

/** Folders -> the article files they hold (sorted; golden records left out); files and "-" as given. */
export async function expandInputs(inputs: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  // stat every input at once (a shell glob of 500 files is 500 round trips to the thread pool one after another otherwise)
  const stats = await Promise.all(inputs.map((input) => (input === '-' ? null : stat(input).catch(() => null))));
  for (const [i, input] of inputs.entries()) {
    const st = stats[i];
    if (st?.isDirectory()) {
      for (const n of (await readdir(input)).sort()) {
        if (n.endsWith('.golden.json') || !INPUT_EXTENSIONS.has(extname(n))) continue;
        out.push(join(input, n));
      }
    } else out.push(input);
  }
  return out;
}

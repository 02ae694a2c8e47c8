/**
 * Proof that a refactoring leaves the records alone: extract every article of the corpora in
 * corpus/ (news-dev, bbc-news, reuters-21578, wikinews, vendored; or --shared DIR) and of fixtures/,
 * and write one SHA-256 per article record (its canonical JSON) and per corpus.
 *
 *   node --import tsx scripts/records-snapshot.ts --out /tmp/before.json
 *   node --import tsx scripts/records-snapshot.ts --out /tmp/after.json --compare /tmp/before.json
 *   node --import tsx scripts/records-snapshot.ts --dist --compare /tmp/before.json   (the compiled build, dist/)
 *
 * With --compare it prints the corpora and the article keys whose records differ and exits 1 when
 * any do (--allow-ids lets record ids differ: the one-article-id fix changes ids only).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import type * as ReadModule from '../src/input/read.ts';
import type * as PipelineModule from '../pipelines/news/index.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const { values } = parseArgs({
  options: { shared: { type: 'string' }, out: { type: 'string' }, compare: { type: 'string' }, 'allow-ids': { type: 'boolean' }, dist: { type: 'boolean' } },
});
// --dist: the compiled modules of `npm run build` (with their prepared lexicon tables) instead of the
// sources. (ts-ignore: dist/ may not be built when this file is type-checked.)
const { readInputs, InputError } = (values.dist
  ? // @ts-ignore
    await import('../dist/src/input/read.js')
  : await import('../src/input/read.ts')) as typeof ReadModule;
const { getPipeline } = (values.dist
  ? // @ts-ignore
    await import('../dist/pipelines/news/index.js')
  : await import('../pipelines/news/index.ts')) as typeof PipelineModule;
const shared = path.resolve(values.shared ?? path.join(ROOT, 'corpus'));
const pipeline = getPipeline();
const sha = (s: string) => createHash('sha256').update(s).digest('hex');

type Snapshot = Record<string, { count: number; sha256: string; articles: Record<string, string> }>;
const snap: Snapshot = {};

function canonical(record: Record<string, unknown>): string {
  if (!values['allow-ids']) return JSON.stringify(record);
  const { id: _id, ...rest } = record;
  return JSON.stringify(rest);
}

async function corpus(name: string, inputs: string[]) {
  const articles: Record<string, string> = {};
  for (const input of inputs) {
    const items = await readInputs(input);
    items.forEach((item, i) => {
      const key = `${path.relative(shared, input).startsWith('..') ? path.relative(ROOT, input) : path.relative(shared, input)}#${i}`;
      if (item instanceof InputError) {
        articles[key] = `error:${item.message}`;
        return;
      }
      try {
        articles[key] = sha(canonical(pipeline.run(item) as unknown as Record<string, unknown>));
      } catch (e) {
        articles[key] = `throws:${(e as Error).message}`;
      }
    });
  }
  const keys = Object.keys(articles).sort();
  snap[name] = { count: keys.length, sha256: sha(keys.map((k) => `${k} ${articles[k]}`).join('\n')), articles };
  process.stderr.write(`${name}: ${keys.length} records, ${snap[name]!.sha256.slice(0, 16)}\n`);
}

const files = (dir: string, re: RegExp) =>
  existsSync(dir)
    ? readdirSync(dir, { recursive: true, encoding: 'utf8' })
        .filter((f) => re.test(f))
        .sort()
        .map((f) => path.join(dir, f))
    : [];

await corpus('news-dev', files(path.join(shared, 'news-dev/articles'), /\.json$/));
await corpus('bbc-news', files(path.join(shared, 'bbc-news'), /\/\d+\.txt$/));
await corpus('reuters-21578', [path.join(shared, 'reuters-21578/articles.ndjson')]);
await corpus('wikinews', [path.join(shared, 'wikinews/articles.ndjson')]);
await corpus('fixtures', files(path.join(ROOT, 'fixtures'), /^(?!.*golden).*\.(json|txt|html|ndjson)$/));
await corpus('seeds', files(path.join(ROOT, 'seeds'), /\.txt$/));

if (values.out) writeFileSync(values.out, JSON.stringify(snap, null, 1) + '\n');
if (values.compare) {
  const before = JSON.parse(readFileSync(values.compare, 'utf8')) as Snapshot;
  let diffs = 0;
  for (const [name, b] of Object.entries(before)) {
    const a = snap[name];
    if (!a) { console.log(`${name}: missing now`); diffs++; continue; }
    const changed = Object.keys({ ...b.articles, ...a.articles }).filter((k) => b.articles[k] !== a.articles[k]);
    console.log(`${name}: ${a.count} records, ${changed.length} differ${changed.length ? `: ${changed.slice(0, 20).join(', ')}` : ' (identical)'}`);
    diffs += changed.length;
  }
  process.exitCode = diffs ? 1 : 0;
}

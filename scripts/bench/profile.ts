/**
 * A profiling target: the news.v1 pipeline over the BBC corpus, a few passes, nothing else.
 *
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx scripts/bench/profile.ts [passes] [--ladder BYTES]
 *   node --import tsx scripts/bench/cpuprofile.ts /tmp/prof/<file>.cpuprofile
 *
 * With --ladder BYTES it runs one article of that size (real text, see corpus.ts) instead, to see
 * what grows faster than the text.
 */
import { fileURLToPath } from 'node:url';
import { buildLadder, loadBbc } from './corpus.ts';
import { getPipeline } from '../../pipelines/news/index.ts';

const root = fileURLToPath(new URL('../../corpus/bbc-news', import.meta.url));
const args = process.argv.slice(2);
const ladderAt = args.indexOf('--ladder');
const bbc = loadBbc(root);
const pipeline = getPipeline();
const t0 = performance.now();
let bytes = 0;
if (ladderAt >= 0) {
  const size = Number(args[ladderAt + 1] ?? 100_000);
  const [rung] = buildLadder(bbc.map((a) => a.article.text), size, [size]);
  for (const a of rung!.articles) {
    pipeline.run(a.article);
    bytes += a.bytes;
  }
} else {
  const passes = Number(args[0] ?? 2);
  for (let p = 0; p < passes; p++) {
    for (const a of bbc) {
      pipeline.run(a.article);
      bytes += a.bytes;
    }
  }
}
const s = (performance.now() - t0) / 1000;
process.stderr.write(`[profile] ${(bytes / 1e6).toFixed(2)} MB in ${s.toFixed(2)} s: ${(bytes / 1e6 / s).toFixed(3)} MB/s\n`);

/**
 * What the benchmark runs over, loaded once before any clock starts:
 *
 *   loadBbc(root)          the BBC News stories (business/, tech/...; first line is the headline)
 *   loadFixtures(dir)      the project's fixture articles (text, JSON, HTML; golden records skipped)
 *   buildLadder(texts)     articles of ~1 KB, 10 KB, 100 KB and 1 MB made of real text, cut at
 *                          paragraph ends, so that cost per KB can be compared across lengths
 *
 * Sizes are UTF-8 bytes of `article.text`; 1 KB = 1000 bytes, 1 MB = 1,000,000 bytes.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { articleFromText, InputError, readInputs } from '../../src/input/read.ts';
import type { Article } from '../../src/schema.ts';

export interface BenchArticle {
  /** Where it came from: "bbc/business/001.txt", "fixtures/010_....json", "ladder/10KB#3". */
  id: string;
  article: Article;
  /** UTF-8 bytes of article.text. */
  bytes: number;
}

export const utf8Bytes = (s: string) => Buffer.byteLength(s, 'utf8');

const bench = (id: string, article: Article): BenchArticle => ({ id, article, bytes: utf8Bytes(article.text) });

/** Every story under root/<section>/*.txt, sections and files in sorted order. */
export function loadBbc(root: string): BenchArticle[] {
  const out: BenchArticle[] = [];
  for (const section of readdirSync(root).sort()) {
    const dir = join(root, section);
    if (!statSync(dir).isDirectory()) continue;
    for (const f of readdirSync(dir).sort()) {
      if (!f.endsWith('.txt')) continue;
      const raw = readFileSync(join(dir, f), 'utf8');
      out.push(bench(`bbc/${section}/${f}`, articleFromText(raw, f)));
    }
  }
  return out;
}

const INPUT_EXTENSIONS = new Set(['.txt', '.json', '.html', '.htm', '.ndjson', '.jsonl']);

/** The fixture articles (readInputs), skipping golden records and files that do not read. */
export async function loadFixtures(dir: string): Promise<BenchArticle[]> {
  const out: BenchArticle[] = [];
  for (const f of readdirSync(dir).sort()) {
    const path = join(dir, f);
    if (f.endsWith('.golden.json') || !INPUT_EXTENSIONS.has(extname(f)) || !statSync(path).isFile()) continue;
    const items = await readInputs(path);
    items.forEach((item, i) => {
      if (!(item instanceof InputError)) out.push(bench(`fixtures/${f}${items.length > 1 ? `#${i}` : ''}`, item));
    });
  }
  return out;
}

/** Take every k-th article so that about n remain (a spread over sections, not the first n). */
export function spread<T>(xs: readonly T[], n: number): T[] {
  if (n >= xs.length) return [...xs];
  const out: T[] = [];
  const step = xs.length / n;
  for (let i = 0; i < n; i++) out.push(xs[Math.floor(i * step)]!);
  return out;
}

export interface Rung {
  /** Target size in bytes (1000, 10_000, 100_000, 1_000_000). */
  target: number;
  label: string;
  articles: BenchArticle[];
}

export const LADDER_SIZES = [1_000, 10_000, 100_000, 1_000_000] as const;

const labelOf = (n: number) => (n >= 1_000_000 ? `${n / 1_000_000} MB` : `${n / 1000} KB`);

/**
 * Rungs of articles made by concatenating real article bodies (paragraphs joined by blank lines,
 * as in the corpus) and cutting each piece at the last paragraph end before the target size (or a
 * sentence end when a paragraph is longer). Each rung holds about `budget` bytes in total, so the
 * 1 KB rung has many short articles and the 1 MB rung one or two: every rung costs about the same
 * to run and per-KB figures compare like with like (at least `minPerRung` each). Pieces start at different places of the
 * corpus, so a 1 KB article is not just the first kilobyte again.
 */
export function buildLadder(
  bodies: readonly string[],
  budget: number,
  sizes: readonly number[] = LADDER_SIZES,
  minPerRung = 1,
): Rung[] {
  const paragraphs = bodies.flatMap((b) => b.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean));
  if (!paragraphs.length) throw new Error('[bench] ladder: no text to build from');
  const rungs: Rung[] = [];
  for (const target of sizes) {
    const count = Math.max(minPerRung, Math.round(budget / target));
    const articles: BenchArticle[] = [];
    // Spread the starting paragraphs over the corpus.
    const stride = Math.max(1, Math.floor(paragraphs.length / count));
    for (let k = 0; k < count; k++) {
      const text = piece(paragraphs, (k * stride) % paragraphs.length, target);
      articles.push(bench(`ladder/${labelOf(target)}#${k}`, { url: null, title: '', publishedAt: null, source: null, text }));
    }
    rungs.push({ target, label: labelOf(target), articles });
  }
  return rungs;
}

/** Paragraphs from `start` on (wrapping round) until the next one would pass `target` bytes. */
function piece(paragraphs: readonly string[], start: number, target: number): string {
  const parts: string[] = [];
  let bytes = 0;
  for (let i = start; ; i = (i + 1) % paragraphs.length) {
    const p = paragraphs[i]!;
    const add = utf8Bytes(p) + (parts.length ? 2 : 0);
    if (bytes + add > target) {
      // Fill the rest with the sentences of this paragraph that fit, so that a piece is close to
      // its target size (a 1 KB piece is not 0.6 KB because the next paragraph was long).
      const room = target - bytes - (parts.length ? 2 : 0);
      const head = room > 0 ? cutAtSentence(p, room) : '';
      if (head && utf8Bytes(head) <= room) parts.push(head);
      if (!parts.length) parts.push(p.slice(0, target));
      break;
    }
    parts.push(p);
    bytes += add;
  }
  return parts.join('\n\n');
}

/** The longest run of whole sentences of p within `room` characters ("" when none fits). */
function cutAtSentence(p: string, room: number): string {
  const head = p.slice(0, room + 1);
  const m = /^[\s\S]*[.!?]["')\u201D\u2019]?(?=\s)/.exec(head);
  return (m?.[0] ?? '').trim();
}

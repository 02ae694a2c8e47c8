/**
 * Extraction over inputs: each input file yields articles (or an error naming it); each article
 * goes through the pipeline. One bad input never stops the others.
 */
import { readInputs, InputError } from './input/read.ts';
import type { ReadOptions } from './input/read.ts';
import { getPipeline } from '../pipelines/news/index.ts';
import type { Pipeline } from '../pipelines/news/index.ts';
import type { ArticleRecord } from './schema.ts';

export type ExtractOutcome =
  | { ok: true; input: string; record: ArticleRecord }
  | { ok: false; input: string; error: Error };

/**
 * Extract every article of every input, in input order, yielding successes and failures alike.
 * `read` goes to readInputs (the per-article size limit, stdin).
 */
export async function* extractInputs(
  inputs: readonly string[],
  pipeline: Pipeline = getPipeline(),
  read: ReadOptions = {},
): AsyncGenerator<ExtractOutcome> {
  for (const input of inputs) {
    let items: Awaited<ReturnType<typeof readInputs>>;
    try {
      items = await readInputs(input, read);
    } catch (err) {
      yield { ok: false, input, error: err instanceof Error ? err : new Error(String(err)) };
      continue;
    }
    for (const item of items) {
      if (item instanceof InputError) {
        yield { ok: false, input: item.input, error: item };
        continue;
      }
      try {
        yield { ok: true, input, record: pipeline.run(item) };
      } catch (err) {
        const reason = err instanceof Error ? err.message : String(err);
        yield { ok: false, input, error: new Error(`[extract] ${input}: ${reason}`, { cause: err }) };
      }
    }
  }
}

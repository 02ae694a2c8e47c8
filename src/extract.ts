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

/** Inputs read ahead of the one being extracted: file reads overlap extraction instead of waiting between articles. */
const READ_AHEAD = 8;

type ReadResult = { ok: true; items: Awaited<ReturnType<typeof readInputs>> } | { ok: false; error: Error };

/**
 * Extract every article of every input, in input order, yielding successes and failures alike.
 * `read` goes to readInputs (the per-article size limit, stdin). Up to READ_AHEAD inputs are read
 * ahead while the current one is extracted (a cold `extract` over a folder of short stories
 * otherwise spends as long waiting for file reads as extracting).
 */
export async function* extractInputs(
  inputs: readonly string[],
  pipeline: Pipeline = getPipeline(),
  read: ReadOptions = {},
): AsyncGenerator<ExtractOutcome> {
  const pending: Promise<ReadResult>[] = [];
  let next = 0;
  const readNext = (input: string): Promise<ReadResult> =>
    readInputs(input, read).then(
      (items) => ({ ok: true, items }),
      (err: unknown) => ({ ok: false, error: err instanceof Error ? err : new Error(String(err)) }),
    );
  for (const input of inputs) {
    while (next < inputs.length && pending.length < READ_AHEAD) pending.push(readNext(inputs[next++]!));
    const r = await pending.shift()!;
    if (!r.ok) {
      yield { ok: false, input, error: r.error };
      continue;
    }
    for (const item of r.items) {
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

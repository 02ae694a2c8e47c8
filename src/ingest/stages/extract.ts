/**
 * extract: parked articles -> parked envelopes, the pipeline over each (a duplicate skips it).
 * extractMany is the stage (a batch job's articles, or one); extract is extractMany of one.
 */
import type { Envelope } from '../../contracts.ts';
import { ParkedArticleSchema } from '../../contracts.ts';
import { PermanentError } from '../errors.ts';
import { parseStored } from '../store.ts';
import type { ExtractPayload } from '../types.ts';
import { key, pipelineOf } from './context.ts';
import type { StageContext } from './context.ts';

export interface ExtractResult {
  recordKey: string;
  duplicate: boolean;
}

/** One article's outcome in extractMany: where its envelope is parked, or what stopped it. */
export type ExtractOutcome = { articleId: string; ok: true; result: ExtractResult } | { articleId: string; ok: false; error: unknown };

/** Longest run of extraction between two turns of the event loop (one article may take longer). */
const YIELD_EVERY_MS = 10;

/** The extract stage for one article: extractMany of one, its error thrown. */
export async function extract(ctx: StageContext, p: ExtractPayload): Promise<ExtractResult> {
  const [o] = await extractMany(ctx, [p]);
  if (!o!.ok) throw o!.error;
  return o!.result;
}

/**
 * The extract stage for many articles at once (a batch job): one read for all the parked
 * articles (MGET), the pipeline over each, one write for all the envelopes (a pipeline of SETs).
 * An article whose text is gone, does not match its contract or whose extraction throws is
 * reported alone; a failing read or write (the store away) throws for the batch.
 */
export async function extractMany(ctx: StageContext, ps: readonly ExtractPayload[]): Promise<ExtractOutcome[]> {
  // Parsed one at a time, just before its extraction: a batch's articles as objects would outlive
  // V8's young generation and be promoted, for nothing.
  const parked = await ctx.store.getRawMany(ps.map((p) => p.articleKey));
  const pipeline = await pipelineOf(ctx);
  const outcomes: ExtractOutcome[] = [];
  const envelopes: { key: string; json: string }[] = [];
  let slice = performance.now();
  for (const [i, p] of ps.entries()) {
    try {
      const raw = parked[i];
      if (!raw) throw new PermanentError(`[ingest] article ${p.articleId}: ${p.articleKey} is gone from the store (expired?)`);
      const a = parseStored(ParkedArticleSchema, p.articleKey, raw);
      if (a.articleId !== p.articleId) throw new PermanentError(`[ingest] article ${p.articleId}: ${p.articleKey} holds article ${a.articleId}`);
      // The id the article was first known by (feed item link, local file) is the record's too,
      // whatever canonical URL the page gave: record, envelope and database row share it.
      const record = a.ingest.duplicateOf ? null : pipeline.run(a.article, { id: p.articleId });
      const recordKey = key(ctx, 'record', p.articleId);
      const envelope: Envelope = { id: p.articleId, record, ingest: a.ingest };
      envelopes.push({ key: recordKey, json: JSON.stringify(envelope) });
      outcomes.push({ articleId: p.articleId, ok: true, result: { recordKey, duplicate: record === null } });
    } catch (error) {
      outcomes.push({ articleId: p.articleId, ok: false, error });
    }
    // Extraction may run on a worker's own event loop (inline mode): hand it back every few
    // milliseconds so lock renewals, the sink and shutdown signals are not held up by a batch.
    if (performance.now() - slice > YIELD_EVERY_MS) {
      await new Promise<void>((res) => setImmediate(res));
      slice = performance.now();
    }
  }
  await ctx.store.setJsonMany(envelopes, ctx.cfg.storeTtlSec);
  return outcomes;
}

/**
 * sink: parked envelopes -> the sink driver, idempotent on the article id. sinkMany is the stage;
 * sink is sinkMany of one.
 */
import { EnvelopeSchema } from '../../contracts.ts';
import { PermanentError } from '../errors.ts';
import { parseStored } from '../store.ts';
import type { SinkPayload } from '../types.ts';
import type { StageContext } from './context.ts';

export interface SinkResult {
  written: boolean;
  duplicate: boolean;
}

/** The sink stage for one article: sinkMany of one, its error thrown. */
export async function sink(ctx: StageContext, p: SinkPayload): Promise<SinkResult> {
  const [o] = await sinkMany(ctx, [p]);
  if (!o!.ok) throw o!.error;
  return o!.result;
}

/** One article's outcome in sinkMany: its result, or the error that stopped it. */
export type SinkOutcome = { articleId: string; ok: true; result: SinkResult } | { articleId: string; ok: false; error: unknown };

/**
 * The sink stage for many articles at once (a batch job): the envelopes are read together (one
 * MGET; the store away throws for the batch), written by one call each (the JSONL sink groups calls that
 * arrive together into one append; each call says whether its id was new), then made durable by a
 * single flush. An article whose envelope is gone or whose write fails is reported alone; the
 * others are written. A failing flush throws: nothing is known durable, the caller retries all
 * (the sink is idempotent per article id).
 */
export async function sinkMany(ctx: StageContext, ps: readonly SinkPayload[]): Promise<SinkOutcome[]> {
  const driver = ctx.sink;
  if (!driver) throw new Error('[ingest] sink stage needs a sink driver (ctx.sink)');
  // Checked against the Envelope contract, then handed over with the text as stored: a JSONL sink
  // appends that text as it is (see SerializedEnvelope).
  const envelopes = await ctx.store.getRawMany(ps.map((p) => p.recordKey));
  const outcomes = await Promise.all(
    ps.map(async (p, i): Promise<SinkOutcome> => {
      try {
        const json = envelopes[i];
        if (!json) throw new PermanentError(`[ingest] article ${p.articleId}: ${p.recordKey} is gone from the store (expired?)`);
        const envelope = parseStored(EnvelopeSchema, p.recordKey, json);
        const n = await driver.write([{ id: p.articleId, json, envelope }]);
        return { articleId: p.articleId, ok: true, result: { written: n === 1, duplicate: envelope.record === null } };
      } catch (error) {
        return { articleId: p.articleId, ok: false, error };
      }
    }),
  );
  if (outcomes.some((o) => o.ok)) await driver.flush();
  return outcomes;
}

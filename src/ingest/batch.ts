/**
 * The batch policy, shared by both transports (the queue workers and the in-process runner):
 * several articles go through a stage together, and an article that fails inside a batch does not
 * fail the others. It goes on alone, with the usual attempts and backoff, so a transient fault
 * retries just it and a permanent one fails just it. The transport says what "goes on" means:
 * the workers add jobs (x-<id>, s-<id>, one sink job for a batch's extracted articles), the
 * in-process runner calls the stages again.
 *
 *   extractBatch  extractMany; the extracted ones go to the sink together, each failed one alone
 *   sinkBatch     sinkMany; each failed one alone, unless all failed for a transient reason (the
 *                 sink or the store away): then the batch throws and is retried whole
 */
import { classify } from './errors.ts';
import { extractMany, sinkMany } from './stages/index.ts';
import type { SinkResult, StageContext } from './stages/index.ts';
import type { ExtractPayload, SinkPayload } from './types.ts';

/** An article of a batch that goes on alone, and why. */
export interface Requeued {
  articleId: string;
  error: string;
}

/** What an extract batch returns (a BullMQ batch job keeps it as its result). */
export interface ExtractBatchResult {
  articles: number;
  extracted: number;
  requeued: Requeued[];
}

/** What a sink batch returns: one entry per article written (or found already written). */
export interface SinkBatchResult {
  results: ({ articleId: string } & SinkResult)[];
  requeued: Requeued[];
}

/** Where the articles of an extract batch go next. */
export interface ExtractRoutes {
  /** The extracted articles, to the sink together. */
  sink(done: SinkPayload[]): Promise<void>;
  /** The articles that failed, each to be extracted again alone. */
  alone(failed: ExtractPayload[]): Promise<void>;
}

const messageOf = (err: unknown) => (err instanceof Error ? err.message : String(err));

/**
 * Extract a batch. A failing read or write of the store throws for the whole batch (retry it);
 * a failing article is routed alone. Resolves once both routes took their articles.
 */
export async function extractBatch(ctx: StageContext, articles: readonly ExtractPayload[], routes: ExtractRoutes): Promise<ExtractBatchResult> {
  const outcomes = await extractMany(ctx, articles);
  const done: SinkPayload[] = [];
  const failed: ExtractPayload[] = [];
  const requeued: Requeued[] = [];
  outcomes.forEach((o, i) => {
    if (o.ok) done.push({ articleId: o.articleId, recordKey: o.result.recordKey });
    else {
      failed.push(articles[i]!);
      requeued.push({ articleId: o.articleId, error: messageOf(o.error) });
    }
  });
  await Promise.all([routes.alone(failed), routes.sink(done)]);
  if (requeued.length) ctx.log.warn({ requeued }, 'articles of an extract batch failed: each goes on alone');
  return { articles: articles.length, extracted: done.length, requeued };
}

/**
 * Write a batch to the sink. When every article failed for a transient reason, throws the first
 * error (retry the batch whole); otherwise the failed ones are routed alone and the others are
 * written and flushed.
 */
export async function sinkBatch(ctx: StageContext, ps: readonly SinkPayload[], alone: (failed: SinkPayload[]) => Promise<void>): Promise<SinkBatchResult> {
  const outcomes = await sinkMany(ctx, ps);
  const failed = outcomes.flatMap((o, i) => (o.ok ? [] : [{ p: ps[i]!, error: o.error }]));
  if (failed.length && failed.length === outcomes.length && failed.every((f) => !classify(f.error).permanent)) throw failed[0]!.error;
  await alone(failed.map((f) => f.p));
  const requeued = failed.map((f) => ({ articleId: f.p.articleId, error: messageOf(f.error) }));
  if (requeued.length) ctx.log.warn({ requeued }, 'articles of a sink batch failed: each goes on alone');
  return { results: outcomes.flatMap((o) => (o.ok ? [{ articleId: o.articleId, ...o.result }] : [])), requeued };
}

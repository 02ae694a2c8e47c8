/**
 * What every stage is given: its context (config, store, HTTP client, sink, pipeline, logger) and,
 * per call, the transport's Attempt; and the helpers the stages share.
 */
import type { HttpClient } from '../../fetch/http.ts';
import type { Pipeline } from '../../../pipelines/news/index.ts';
import type { SinkDriver } from '../../sinks/types.ts';
import type { IngestConfig } from '../config.ts';
import type { Logger } from '../log.ts';
import type { IngestStore } from '../store.ts';
import { storeKey } from '../store.ts';

export interface StageContext {
  cfg: IngestConfig;
  store: IngestStore;
  /** Needed by pollFeed and fetchArticle. */
  http?: HttpClient;
  /** Needed by sink. */
  sink?: SinkDriver;
  /** Defaults to the news.v1 pipeline, built on first use. */
  pipeline?: Pipeline;
  log: Logger;
  now?: () => Date;
}

/** Per-call facts from the transport. */
export interface Attempt {
  /** Stable across retries of one job (BullMQ job id; the runner's own id). */
  jobId: string;
  /** True on the last attempt the transport will make: fall back instead of asking for a retry. */
  final: boolean;
  /**
   * True when this job has run before (a retry, or a re-run after its worker died): whatever the
   * earlier run did may be half done, so nothing it left behind is trusted as a shortcut.
   */
  rerun?: boolean;
}

/**
 * The feed parser (rss-parser) and the HTML reader (linkedom, Readability) are loaded only by
 * processes that poll feeds or fetch pages: ~25 MB that extract and sink workers never need.
 * Those that do load them at start (preloadReaders), so the first poll or fetch does not wait.
 */
export const feedReader = () => import('../feed-items.ts');
export const htmlReader = () => import('../../input/html.ts');
export async function preloadReaders(stages: { feeds: boolean; pages: boolean }): Promise<void> {
  await Promise.all([stages.feeds ? feedReader() : null, stages.pages ? htmlReader() : null]);
}

/** The news pipeline, loaded on first use: processes that never extract do not hold the lexicons. */
export async function pipelineOf(ctx: StageContext): Promise<Pipeline> {
  return ctx.pipeline ?? (await import('../../../pipelines/news/index.ts')).getPipeline();
}

export const nowIso = (ctx: StageContext) => (ctx.now?.() ?? new Date()).toISOString();
/** A key of this run's store namespace: key(ctx, 'article', id) -> "<prefix>:ingest:article:<id>". */
export const key = (ctx: StageContext, ...parts: string[]) => storeKey(ctx.cfg.prefix, ...parts);

export function needHttp(ctx: StageContext): HttpClient {
  if (!ctx.http) throw new Error('[ingest] stage needs an HTTP client (ctx.http)');
  return ctx.http;
}

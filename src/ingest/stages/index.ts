/**
 * The ingestion stages, one module each, one implementation each. Both transports call them: the
 * BullMQ workers (processors.ts: one job = one call) and the in-process runner (local.ts). A stage
 * takes its context (config, store, HTTP client, sink, logger) and a small zod-validated payload,
 * reads and writes the large things in the store, and returns what the next stage needs. Errors
 * are thrown and classified by errors.ts (permanent: give up; transient: retry).
 *
 *   feed -> poll -> fetch -> park -> extract -> sink
 *
 *   pollFeed      poll.ts     feed URL -> new articles (conditional GET, feed health kept per feed)
 *   fetchArticle  fetch.ts    article URL -> page via Readability, else the feed item's text
 *   park          park.ts     article -> the store, with exact and near-duplicate detection
 *   extractMany   extract.ts  parked articles -> parked envelopes (the pipeline; a duplicate skips it)
 *   sinkMany      sink.ts     parked envelopes -> sink (idempotent on the article id)
 */
export { preloadReaders } from './context.ts';
export type { Attempt, StageContext } from './context.ts';
export { pollFeed } from './poll.ts';
export type { PollResult } from './poll.ts';
export { decodeHtml, fetchArticle } from './fetch.ts';
export type { FetchResult } from './fetch.ts';
export { park } from './park.ts';
export type { ParkOptions } from './park.ts';
export { extract, extractMany } from './extract.ts';
export type { ExtractOutcome, ExtractResult } from './extract.ts';
export { sink, sinkMany } from './sink.ts';
export type { SinkOutcome, SinkResult } from './sink.ts';

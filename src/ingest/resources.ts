/**
 * What a run or a worker process opens before its stages run, and closes after: the HTTP client
 * (for the stages that poll feeds or fetch pages), the sink driver (for the sink stage), and the
 * feed and HTML readers preloaded. One factory for both transports; what the caller hands in is
 * used as it is and never closed here.
 *
 *   const res = await openResources(cfg, { feeds: true, pages: true, sink: true });
 *   ... stages with { http: res.http, sink: res.sink } ...
 *   await res.close();
 */
import { createHttpClient } from '../fetch/http.ts';
import type { HttpClient } from '../fetch/http.ts';
import { openSink } from '../sinks/index.ts';
import type { JsonlOptions } from '../sinks/index.ts';
import type { SinkDriver } from '../sinks/types.ts';
import type { IngestConfig } from './config.ts';
import { preloadReaders } from './stages/index.ts';

/** The HTTP client of the ingestion config (politeness, timeouts, size limit, private addresses). */
export function httpClientFor(cfg: IngestConfig): HttpClient {
  return createHttpClient({
    allowPrivate: cfg.allowPrivate,
    connectTimeoutMs: cfg.connectTimeoutMs,
    readTimeoutMs: cfg.readTimeoutMs,
    maxBodyBytes: cfg.maxBodyBytes,
    perHostIntervalMs: cfg.perHostIntervalMs,
  });
}

export interface ResourceNeeds {
  /** Feeds are polled here: an HTTP client and the feed reader. */
  feeds: boolean;
  /** Article pages are fetched here: an HTTP client and the HTML reader. */
  pages: boolean;
  /** The sink stage runs here: a sink driver (cfg.sink). */
  sink: boolean;
  /** Given by the caller instead of opened here (then not closed here either). */
  given?: { http?: HttpClient; sink?: SinkDriver };
  /** JSONL defaults for a sink opened here (the queue workers' group-commit linger). */
  jsonl?: JsonlOptions;
  /**
   * Check that a sink opened here can be written (a database that answers) before returning: a
   * run fails at once with one line naming the sink (SinkUnavailableError) rather than per article
   * after every retry. Workers leave it off: their sink jobs wait for the database with retries.
   */
  checkSink?: boolean;
}

export interface Resources {
  http?: HttpClient;
  sink?: SinkDriver;
  /** Close what was opened here (the sink disposed: flushed and released). Idempotent. */
  close(): Promise<void>;
}

export async function openResources(cfg: IngestConfig, needs: ResourceNeeds): Promise<Resources> {
  const ownHttp = !needs.given?.http && (needs.feeds || needs.pages);
  const http = needs.given?.http ?? (ownHttp ? httpClientFor(cfg) : undefined);
  const ownSink = !needs.given?.sink && needs.sink;
  const sink = needs.given?.sink ?? (ownSink ? openSink(cfg.sink, { postgres: { migrate: cfg.dbMigrate }, ...(needs.jsonl ? { jsonl: needs.jsonl } : {}) }) : undefined);
  if (needs.checkSink && ownSink && sink?.check) {
    try {
      await sink.check();
    } catch (err) {
      if (ownHttp) http?.close();
      await sink.dispose().catch(() => undefined);
      throw err;
    }
  }
  await preloadReaders({ feeds: needs.feeds, pages: needs.pages });
  let closing: Promise<void> | null = null;
  return {
    ...(http ? { http } : {}),
    ...(sink ? { sink } : {}),
    close() {
      closing ??= (async () => {
        if (ownHttp) http?.close();
        if (ownSink) await sink?.dispose();
      })();
      return closing;
    },
  };
}

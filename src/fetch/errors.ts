/**
 * Fetch errors. Whether a failure is worth retrying is a type, not a string: `kind` is
 * 'transient' (timeouts, resets, 5xx, 429: the queue retries with backoff, honouring
 * `retryAfterMs` when the server sent Retry-After) or 'permanent' (404/410/other 4xx, a body too
 * large, a redirect loop, a refused target, robots.txt: the worker gives up, e.g. by throwing
 * BullMQ's UnrecoverableError). The message always names the URL: `[fetch] <url>: <reason>`.
 */

export type FetchErrorKind = 'transient' | 'permanent';

/** Why the fetch failed; the kind follows from it (see REASON_KIND). */
export type FetchReason =
  | 'timeout'
  | 'connect_failed'
  | 'reset'
  | 'dns_failed'
  | 'server_error'
  | 'rate_limited'
  | 'robots_unavailable'
  | 'aborted'
  | 'client_error'
  | 'not_found'
  | 'gone'
  | 'too_large'
  | 'too_many_redirects'
  | 'redirect_loop'
  | 'bad_redirect'
  | 'refused_address'
  | 'robots_disallowed'
  | 'bad_url'
  | 'host_not_found'
  | 'bad_encoding'
  | 'closed';

/** The one table that says which reasons are worth a retry. */
export const REASON_KIND: Readonly<Record<FetchReason, FetchErrorKind>> = {
  timeout: 'transient',
  connect_failed: 'transient',
  reset: 'transient',
  dns_failed: 'transient',
  server_error: 'transient',
  rate_limited: 'transient',
  robots_unavailable: 'transient',
  // Cancelled by our side (shutdown): the job should run again later.
  aborted: 'transient',
  client_error: 'permanent',
  not_found: 'permanent',
  gone: 'permanent',
  too_large: 'permanent',
  too_many_redirects: 'permanent',
  redirect_loop: 'permanent',
  bad_redirect: 'permanent',
  refused_address: 'permanent',
  robots_disallowed: 'permanent',
  bad_url: 'permanent',
  // A name that does not resolve: NXDOMAIN looks the same as a resolver that is down or a
  // network that is not up yet (getaddrinfo says ENOTFOUND for both), so it is retried with
  // backoff like any DNS failure; a name that really is gone fails after the attempts.
  host_not_found: 'transient',
  bad_encoding: 'permanent',
  closed: 'permanent',
};

export interface FetchErrorInit {
  reason: FetchReason;
  status?: number;
  retryAfterMs?: number;
  cause?: unknown;
}

export class FetchError extends Error {
  override name = 'FetchError';
  readonly url: string;
  readonly status: number | undefined;
  readonly kind: FetchErrorKind;
  readonly reason: FetchReason;
  /** From a Retry-After header (delta-seconds or HTTP-date), when the server sent one. */
  readonly retryAfterMs: number | undefined;

  constructor(url: string, message: string, init: FetchErrorInit) {
    super(`[fetch] ${url}: ${message}`, init.cause === undefined ? undefined : { cause: init.cause });
    this.url = url;
    this.status = init.status;
    this.reason = init.reason;
    this.kind = REASON_KIND[init.reason];
    this.retryAfterMs = init.retryAfterMs;
  }

  get permanent(): boolean {
    return this.kind === 'permanent';
  }
}

export function isFetchError(e: unknown): e is FetchError {
  return e instanceof FetchError;
}

/**
 * Retry-After is either delta-seconds ("120") or an HTTP-date ("Wed, 21 Oct 2015 07:28:00 GMT").
 * Returns milliseconds from `now`, never negative; undefined when absent or unreadable.
 */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
  if (value === undefined) return undefined;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const t = Date.parse(v);
  if (Number.isNaN(t)) return undefined;
  return Math.max(0, t - now);
}

/** Classify an HTTP status that is not 2xx/304/3xx-with-Location into a FetchError. */
export function statusError(url: string, status: number, statusText: string, retryAfter?: string): FetchError {
  const text = `${status}${statusText ? ` ${statusText}` : ''}`;
  const retryAfterMs = parseRetryAfter(retryAfter);
  if (status === 429) return new FetchError(url, text, { reason: 'rate_limited', status, retryAfterMs });
  // 408 Request Timeout is the server giving up on a slow client: worth another try.
  if (status === 408) return new FetchError(url, text, { reason: 'timeout', status });
  if (status >= 500) return new FetchError(url, text, { reason: 'server_error', status, retryAfterMs });
  if (status === 404) return new FetchError(url, text, { reason: 'not_found', status });
  if (status === 410) return new FetchError(url, text, { reason: 'gone', status });
  return new FetchError(url, text, { reason: 'client_error', status });
}

/**
 * Socket/DNS error codes from node:net and node:dns. Anything not listed is treated as a reset
 * (transient): an unknown network failure is more often a blip than a verdict.
 */
const CODE_REASON: Readonly<Record<string, FetchReason>> = {
  ECONNREFUSED: 'connect_failed',
  EHOSTUNREACH: 'connect_failed',
  ENETUNREACH: 'connect_failed',
  EADDRNOTAVAIL: 'connect_failed',
  ETIMEDOUT: 'timeout',
  ECONNRESET: 'reset',
  EPIPE: 'reset',
  ECONNABORTED: 'reset',
  HPE_INVALID_CONSTANT: 'reset',
  ERR_STREAM_PREMATURE_CLOSE: 'reset',
  EAI_AGAIN: 'dns_failed',
  // NXDOMAIN, or a resolver that cannot answer: retried (see REASON_KIND)
  ENOTFOUND: 'host_not_found',
  Z_DATA_ERROR: 'bad_encoding',
  Z_BUF_ERROR: 'bad_encoding',
  ERR_INVALID_URL: 'bad_url',
};

/** Wrap a thrown socket/DNS/zlib error into a FetchError (FetchErrors pass through). */
export function networkError(url: string, err: unknown): FetchError {
  if (err instanceof FetchError) return err;
  const code = (err as { code?: unknown } | null)?.code;
  const msg = err instanceof Error ? err.message : String(err);
  const reason: FetchReason = (typeof code === 'string' && CODE_REASON[code]) || 'reset';
  return new FetchError(url, typeof code === 'string' ? `${code} ${msg}` : msg, { reason, cause: err });
}

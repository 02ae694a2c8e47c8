/** The HTTP status behind a feed poll's error, shared by the metrics and `newsnlp status`. */

/**
 * A FetchError's `status` (on the error or its causes), else the status its message names
 * ("[fetch] https://x/feed.xml: 404 Not Found": a permanent error reaches BullMQ as an
 * UnrecoverableError carrying only the message, and a feed's state keeps only the message);
 * null when there was no response (timeout, DNS, a body that is not a feed).
 */
export function httpStatusOf(err: unknown): string | null {
  for (let e: unknown = err, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    const status = (e as { status?: unknown }).status;
    if (typeof status === 'number' && status >= 100 && status <= 599) return String(status);
  }
  const message = err instanceof Error ? err.message : typeof err === 'string' ? err : '';
  const m = /^\[fetch\] \S+: ([1-5]\d\d)\b/.exec(message);
  return m ? m[1]! : null;
}

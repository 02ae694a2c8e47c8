/**
 * Feed errors are always permanent for the fetch that produced them (the same bytes will not
 * parse better on a retry); `kind` says why, so the scheduler can tell a feed that moved to an
 * HTML page ('not_a_feed') from one that is broken today ('malformed') or empty.
 */
export type FeedErrorKind = 'empty' | 'not_a_feed' | 'malformed' | 'unsupported';

export class FeedError extends Error {
  override name = 'FeedError';
  readonly permanent = true as const;

  constructor(
    readonly feedUrl: string,
    readonly kind: FeedErrorKind,
    detail: string,
    options?: { cause?: unknown },
  ) {
    super(`[feeds] ${feedUrl}: ${kind.replace(/_/g, ' ')}: ${detail}`, options);
  }
}

export function isFeedError(e: unknown): e is FeedError {
  return e instanceof FeedError;
}

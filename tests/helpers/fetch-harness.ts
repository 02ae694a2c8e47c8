/**
 * The fetch-layer tests' harness: loopback servers and HTTP clients that are closed after each
 * test, and the error a promise rejects with.
 *
 *   const { serve, client, fetchError } = fetchHarness({ allowPrivate: true });
 */
import { afterEach } from 'vitest';
import { FetchError } from '../../src/fetch/errors.ts';
import { createHttpClient } from '../../src/fetch/http.ts';
import type { HttpClient, HttpClientOptions } from '../../src/fetch/http.ts';
import { startServer } from './http-server.ts';
import type { Handler, TestServer } from './http-server.ts';
import { rejection } from './rejection.ts';

/** Register the clean-up (afterEach) and return the helpers; `defaults` go to every client. */
export function fetchHarness(defaults: HttpClientOptions) {
  const open: Array<TestServer | HttpClient> = [];
  afterEach(async () => {
    for (const x of open.splice(0)) {
      if ('origin' in x) await x.close();
      else x.close();
    }
  });
  return {
    async serve(handler: Handler): Promise<TestServer> {
      const s = await startServer(handler);
      open.push(s);
      return s;
    },
    client(opts: HttpClientOptions = {}): HttpClient {
      const c = createHttpClient({ perHostIntervalMs: 0, ...defaults, ...opts });
      open.push(c);
      return c;
    },
    /** Close a client made elsewhere (with other options) after the test too. */
    track(c: HttpClient): void {
      open.push(c);
    },
    fetchError: (p: Promise<unknown>): Promise<FetchError> => rejection(p, FetchError),
  };
}

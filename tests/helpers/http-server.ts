/**
 * A real HTTP server on 127.0.0.1 with an ephemeral port, for tests of the fetch layer. It counts
 * requests and how many were in flight at once, so politeness limits can be observed from the
 * server's side. Always `await server.close()` (it also drops keep-alive sockets).
 */
import http from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Handler = (req: IncomingMessage, res: ServerResponse) => unknown;

export interface TestServer {
  /** http://127.0.0.1:<port> (no trailing slash). */
  readonly origin: string;
  readonly port: number;
  /** Requests received so far, in arrival order (method + url + headers). */
  readonly requests: Array<{ url: string; headers: http.IncomingHttpHeaders; at: number }>;
  /** Most requests the server was handling at the same time. */
  readonly maxInFlight: number;
  close(): Promise<void>;
}

export async function startServer(handler: Handler): Promise<TestServer> {
  let inFlight = 0;
  let maxInFlight = 0;
  const requests: TestServer['requests'] = [];
  const server = http.createServer((req, res) => {
    requests.push({ url: req.url ?? '', headers: req.headers, at: Date.now() });
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    res.once('close', () => inFlight--);
    Promise.resolve(handler(req, res)).catch((err: unknown) => {
      if (!res.headersSent) res.writeHead(500);
      res.end(String(err));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    requests,
    get maxInFlight() {
      return maxInFlight;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * The queue dashboard: Bull Board (@bull-board/api, @bull-board/express) over the pipeline's four
 * queues: counts by state, each job with its data, its error and stack when failed, retrying one
 * failed job or all of a queue.
 *
 *   newsnlp dashboard [--port 3000] [--host 127.0.0.1]
 *
 * It listens on loopback unless told otherwise. Anywhere else it requires basic auth, from
 * NEWSNLP_DASHBOARD_USER and NEWSNLP_DASHBOARD_PASSWORD, and refuses to start without them; on
 * loopback the credentials are used when set. Without them (loopback only) it answers only
 * requests whose Host is a loopback name, so a web page cannot reach it by rebinding its own
 * host name to 127.0.0.1. Its pages load nothing from elsewhere: a Content-Security-Policy keeps
 * the browser to this server (Bull Board's page asks for web fonts from a CDN; the system fonts
 * serve instead).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import express from 'express';
import type { NextFunction, Request, Response } from 'express';
import type { IngestConfig } from '../ingest/config.ts';
import { Queues } from '../ingest/queues.ts';
import { isLoopback } from './config.ts';

export interface DashboardOptions {
  host: string;
  port: number;
  user: string | null;
  password: string | null;
}

/** A setting that stops the dashboard before it listens (exit code 2). */
export class DashboardConfigError extends Error {
  override name = 'DashboardConfigError';
}

export interface Dashboard {
  /** http://host:port/ */
  readonly url: string;
  readonly port: number;
  readonly auth: boolean;
  /** Stop serving and close the queue connection; idempotent. */
  close(): Promise<void>;
}

/** Throws DashboardConfigError when these options must not start a dashboard (exposed without auth, half a credential). */
export function checkDashboardOptions(o: DashboardOptions): void {
  if ((o.user === null) !== (o.password === null)) {
    throw new DashboardConfigError('[dashboard] basic auth needs both NEWSNLP_DASHBOARD_USER and NEWSNLP_DASHBOARD_PASSWORD (only one is set)');
  }
  if (!isLoopback(o.host) && o.user === null) {
    throw new DashboardConfigError(
      `[dashboard] refusing to listen on ${o.host} without basic auth: set NEWSNLP_DASHBOARD_USER and NEWSNLP_DASHBOARD_PASSWORD, or listen on 127.0.0.1`,
    );
  }
}

const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();

/** Basic auth against one user and password, compared in constant time. */
function basicAuth(user: string, password: string) {
  const want = digest(`${user}:${password}`);
  return (req: Request, res: Response, next: NextFunction) => {
    const m = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(req.headers.authorization ?? '');
    const given = m ? Buffer.from(m[1]!, 'base64').toString('utf8') : '';
    if (m && timingSafeEqual(digest(given), want)) return next();
    res.set('WWW-Authenticate', 'Basic realm="newsnlp dashboard", charset="UTF-8"').status(401).type('text/plain').send('authentication required\n');
  };
}

/** Without auth: only requests addressed to a loopback name (no DNS rebinding from a web page). */
function loopbackHostOnly(req: Request, res: Response, next: NextFunction) {
  const host = (req.headers.host ?? '').replace(/:\d+$/, '');
  if (isLoopback(host)) return next();
  res.status(403).type('text/plain').send('[dashboard] this dashboard answers only requests to 127.0.0.1, localhost or [::1]\n');
}

/** Everything from this server only; Bull Board's page sets inline styles. */
export const DASHBOARD_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

/** Start the dashboard for the queues of cfg (its Redis and prefix). */
export async function startDashboard(cfg: IngestConfig, o: DashboardOptions): Promise<Dashboard> {
  checkDashboardOptions(o);
  if (!cfg.redisUrl) throw new DashboardConfigError('[dashboard] needs REDIS_URL (the queues it shows)');
  const queues = new Queues(cfg);
  const board = new ExpressAdapter();
  board.setBasePath('/');
  createBullBoard({
    queues: queues.all().map((q) => new BullMQAdapter(q, { allowRetries: true, description: `prefix ${cfg.prefix}` })),
    serverAdapter: board,
    options: { uiConfig: { boardTitle: 'newsnlp' } },
  });
  const app = express();
  app.disable('x-powered-by');
  const auth = o.user !== null && o.password !== null;
  app.use(auth ? basicAuth(o.user!, o.password!) : loopbackHostOnly);
  app.use((_req: Request, res: Response, next: NextFunction) => {
    res.set({ 'Content-Security-Policy': DASHBOARD_CSP, 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer' });
    next();
  });
  app.use('/', board.getRouter() as express.Router);

  const server = http.createServer(app);
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', (err) => reject(new Error(`[dashboard] cannot listen on ${o.host}:${o.port}: ${err.message}`, { cause: err })));
      server.listen(o.port, o.host, () => resolve());
    });
  } catch (err) {
    await queues.close();
    throw err;
  }
  const { port } = server.address() as AddressInfo;
  const host = o.host.includes(':') ? `[${o.host}]` : o.host;
  let closing: Promise<void> | null = null;
  return {
    url: `http://${host}:${port}/`,
    port,
    auth,
    close: () =>
      (closing ??= (async () => {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
        await queues.close();
      })()),
  };
}

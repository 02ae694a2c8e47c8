/**
 * A private redis-server for tests that stop, kill or lock Redis: its own free port on 127.0.0.1,
 * its own data folder, optionally a password and AOF. Never the shared Redis of REDIS_URL.
 *
 *   const redis = await startRedis({ appendonly: true });
 *   redis.url                      // redis://127.0.0.1:<port>
 *   await redis.kill();            // SIGKILL, as a crash
 *   await redis.start();           // again, same port and folder (AOF replayed)
 *   await redis.stop();            // and remove its folder
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface PrivateRedis {
  readonly port: number;
  /** redis://[:password@]127.0.0.1:port */
  readonly url: string;
  readonly dir: string;
  /** Start (again): same port, folder and settings. */
  start(): Promise<void>;
  /** SIGKILL the server (no save, no goodbye). */
  kill(): Promise<void>;
  /** Stop the server and remove its folder. */
  stop(): Promise<void>;
}

/** A TCP port on 127.0.0.1 that was free a moment ago (bound, then closed). */
export async function freePort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((res) => srv.listen(0, '127.0.0.1', res));
  const { port } = srv.address() as AddressInfo;
  await new Promise<void>((res) => srv.close(() => res()));
  return port;
}

/** Resolve once something accepts connections on the port (or throw after `ms`). */
export async function waitForPort(port: number, ms = 10_000): Promise<void> {
  const until = Date.now() + ms;
  for (;;) {
    const ok = await new Promise<boolean>((res) => {
      const s = createConnection({ host: '127.0.0.1', port }, () => {
        s.destroy();
        res(true);
      });
      s.on('error', () => res(false));
    });
    if (ok) return;
    if (Date.now() > until) throw new Error(`[test] nothing listens on 127.0.0.1:${port} after ${ms} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function startRedis(o: { password?: string; appendonly?: boolean; port?: number } = {}): Promise<PrivateRedis> {
  const port = o.port ?? (await freePort());
  const dir = mkdtempSync(join(tmpdir(), 'newsnlp-redis-'));
  const args = [
    '--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '',
    '--appendonly', o.appendonly ? 'yes' : 'no', '--appendfsync', 'everysec', '--maxmemory-policy', 'noeviction',
    ...(o.password ? ['--requirepass', o.password] : []),
  ];
  let proc: ChildProcess | null = null;
  const start = async () => {
    const p = spawn('redis-server', args, { stdio: 'ignore' });
    proc = p;
    const exited = new Promise<never>((_res, rej) => p.once('exit', (code) => rej(new Error(`[test] redis-server on ${port} exited (${code})`))));
    await Promise.race([waitForPort(port), exited]);
    exited.catch(() => undefined);
  };
  const kill = async () => {
    const p = proc;
    proc = null;
    if (!p || p.exitCode !== null) return;
    const gone = new Promise((res) => p.once('exit', res));
    p.kill('SIGKILL');
    await gone;
  };
  await start();
  return {
    port,
    url: `redis://${o.password ? `:${o.password}@` : ''}127.0.0.1:${port}`,
    dir,
    start,
    kill,
    async stop() {
      await kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

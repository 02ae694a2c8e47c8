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
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, waitForPort } from './ports.ts';

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

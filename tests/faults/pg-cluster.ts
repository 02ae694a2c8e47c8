/**
 * A private PostgreSQL cluster for the fault suite: its own data folder under a temporary folder,
 * its own port on 127.0.0.1, trust authentication on loopback only, started and stopped with
 * pg_ctl. PostgreSQL refuses to run as root: as root, the cluster belongs to a system user
 * ("postgres" when there is one, else "newsnlp-faults", made with useradd) and every command runs
 * through runuser.
 *
 *   const pg = await startCluster();
 *   pg.url                 // postgres://postgres@127.0.0.1:<port>/postgres
 *   await pg.stop();       // pg_ctl stop -m fast: sessions are terminated ("administrator command")
 *   await pg.start();      // same folder, same port
 *   await pg.destroy();    // stop and remove the folder
 */
import { execFile } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from '../helpers/ports.ts';

const run = promisify(execFile);

export interface PgCluster {
  readonly url: string;
  readonly port: number;
  readonly dir: string;
  start(): Promise<void>;
  stop(): Promise<void>;
  destroy(): Promise<void>;
}

/** The newest installed PostgreSQL's bin folder (Debian: /usr/lib/postgresql/<version>/bin), or one on PATH. */
export function pgBin(): string {
  const base = '/usr/lib/postgresql';
  if (existsSync(base)) {
    const versions = readdirSync(base)
      .filter((v) => existsSync(join(base, v, 'bin', 'initdb')))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return join(base, versions[0], 'bin');
  }
  return ''; // initdb and pg_ctl from PATH
}

/** The user the cluster runs as when we are root; null when we are not (it runs as us). */
async function clusterUser(): Promise<{ name: string; uid: number; gid: number } | null> {
  if (process.getuid?.() !== 0) return null;
  for (const name of ['postgres', 'newsnlp-faults']) {
    try {
      const uid = Number((await run('id', ['-u', name])).stdout.trim());
      const gid = Number((await run('id', ['-g', name])).stdout.trim());
      return { name, uid, gid };
    } catch {
      // not there
    }
  }
  await run('useradd', ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin', 'newsnlp-faults']);
  return clusterUser();
}

export async function startCluster(): Promise<PgCluster> {
  const bin = pgBin();
  const tool = (name: string) => (bin ? join(bin, name) : name);
  const user = await clusterUser();
  const as = (cmd: string, args: string[]) => (user ? run('runuser', ['-u', user.name, '--', cmd, ...args]) : run(cmd, args));
  const root = mkdtempSync(join(tmpdir(), 'newsnlp-pg-'));
  const dir = join(root, 'data');
  const sockets = join(root, 'run');
  if (user) {
    chmodSync(root, 0o755);
    chownSync(root, user.uid, user.gid);
  }
  await as('mkdir', ['-p', sockets]);
  await as(tool('initdb'), ['-D', dir, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8', '--locale=C']);
  const port = await freePort();
  const opts = `-c port=${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=${sockets} -c fsync=off -c full_page_writes=off -c max_connections=200`;
  const start = async () => {
    await as(tool('pg_ctl'), ['-D', dir, '-o', opts, '-l', join(root, 'postgres.log'), '-w', '-t', '60', 'start']);
  };
  const stop = async () => {
    await as(tool('pg_ctl'), ['-D', dir, '-m', 'fast', '-w', '-t', '60', 'stop']).catch(() => undefined);
  };
  await start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    dir,
    start,
    stop,
    async destroy() {
      await stop();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

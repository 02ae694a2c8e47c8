/**
 * A Redis that cannot be reached costs seconds and one line, never a hang: `feeds list`,
 * `jobs failed`, `worker` and `run` (real processes) against a closed port, a port where something
 * else answers, a Redis with another password, and a host that does not exist; and a worker whose
 * Redis is killed and restarted logs one JSON line per reconnect attempt and carries on. Every
 * server here is a private one on a loopback port (tests/helpers/redis-server.ts).
 */
import { execFile, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import type { AddressInfo, Server, Socket } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WORKER_NODE_FLAGS } from '../../src/ingest/node-flags.ts';
import { UNREACHABLE_EXIT_CODE, describeRedisError, maskRedisUrl, probeRedis } from '../../src/ingest/redis.ts';
import { freePort } from '../helpers/ports.ts';
import { startRedis } from '../helpers/redis-server.ts';
import type { PrivateRedis } from '../helpers/redis-server.ts';
import { newPrefix } from './redis-helpers.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SEEDS = fileURLToPath(new URL('../../seeds/', import.meta.url));

interface Run {
  code: number | null;
  stderr: string;
  ms: number;
}

/** `newsnlp ARGS` with REDIS_URL=url; killed after 30 s (a hang fails the test, not the suite). */
function newsnlp(args: string[], url: string, env: Record<string, string> = {}): Promise<Run> {
  const t0 = Date.now();
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [...WORKER_NODE_FLAGS, 'bin/newsnlp.js', ...args],
      { cwd: ROOT, timeout: 30_000, env: { ...process.env, REDIS_URL: url, NEWSNLP_QUEUE_PREFIX: newPrefix(), NEWSNLP_LOG_LEVEL: 'warn', ...env } },
      (err, _stdout, stderr) => resolve({ code: err ? ((err as { code?: number }).code ?? null) : 0, stderr, ms: Date.now() - t0 }),
    );
  });
}

const lines = (s: string) => s.split('\n').filter(Boolean);
const COMMANDS: string[][] = [['feeds', 'list'], ['jobs', 'failed'], ['worker', '--queues', 'feed,sink'], ['run', SEEDS]];

describe('a Redis that cannot be reached: one line within ~10 s, exit code 3', () => {
  let garbage: Server;
  let silent: Server;
  let locked: PrivateRedis;
  let closed: number;
  const sockets = new Set<Socket>();
  const track = (s: Socket) => {
    sockets.add(s);
    s.on('error', () => undefined).on('close', () => sockets.delete(s));
  };
  beforeAll(async () => {
    closed = await freePort();
    // a port where something else answers: it writes garbage at once
    garbage = createServer((s) => {
      track(s);
      s.end('HTTP/1.1 400 Bad Request\r\ncontent-type: text/html\r\n\r\n<html>not redis</html>');
    });
    // and one that accepts and says nothing
    silent = createServer(track);
    await Promise.all([garbage, silent].map((srv) => new Promise<void>((res) => srv.listen(0, '127.0.0.1', res))));
    locked = await startRedis({ password: 'right-password' });
  });
  afterAll(async () => {
    for (const s of sockets) s.destroy();
    await Promise.all([garbage, silent].map((srv) => new Promise((res) => srv.close(res))));
    await locked?.stop();
  });
  const port = (srv: Server) => (srv.address() as AddressInfo).port;

  const cases = (): [string, string, RegExp][] => [
    ['a closed port', `redis://127.0.0.1:${closed}`, /connection refused \(nothing listens there\)$/],
    ['a port that is not Redis', `redis://127.0.0.1:${port(garbage)}`, /not a Redis server \(Unknown RESP type 72 "H"\.?\)$|connection reset/],
    ['a wrong password', `redis://:wrong-password@127.0.0.1:${locked.port}`, /authentication failed \(WRONGPASS invalid username-password pair/],
    ['an unknown host', 'redis://no-such-host.invalid:6379', /unknown host \(getaddrinfo (ENOTFOUND|EAI_AGAIN) no-such-host\.invalid\)$/],
  ];

  it('feeds list, jobs failed, worker and run each fail fast with one line naming the URL (password masked) and the cause', async () => {
    const failures: string[] = [];
    for (const [what, url, cause] of cases()) {
      const runs = await Promise.all(COMMANDS.map((args) => newsnlp(args, url)));
      runs.forEach((r, i) => {
        const line = `[redis] ${maskRedisUrl(url)}: `;
        const got = lines(r.stderr);
        const ok = r.code === UNREACHABLE_EXIT_CODE && got.length === 1 && got[0]!.startsWith(line) && cause.test(got[0]!) && r.ms < 15_000;
        if (!ok) failures.push(`${what}: newsnlp ${COMMANDS[i]!.join(' ')} -> exit ${r.code} after ${r.ms} ms, stderr ${JSON.stringify(got.slice(0, 3))}`);
      });
    }
    expect(failures).toEqual([]);
    expect(maskRedisUrl(`redis://:wrong-password@127.0.0.1:${locked.port}`)).not.toContain('wrong-password');
  }, 120_000);

  it('a port that accepts and never answers: the probe gives up at its deadline', async () => {
    const url = `redis://127.0.0.1:${port(silent)}`;
    const t0 = Date.now();
    const err = await probeRedis(url, 1500).catch((e: unknown) => e);
    expect(Date.now() - t0).toBeLessThan(3000);
    expect((err as Error).message).toBe(`[redis] ${url}: no answer within 2 s (is it a Redis server?)`);
  });

  it('describes the causes in words', () => {
    expect(describeRedisError(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }))).toBe('connection refused (nothing listens there)');
    expect(describeRedisError(new Error('NOAUTH Authentication required.'))).toMatch(/^authentication required \(NOAUTH\)/);
    expect(maskRedisUrl('rediss://user:pa:ss@host:6380/2')).toBe('rediss://user:***@host:6380/2');
    expect(maskRedisUrl('redis+cluster://:secret@h1:1,h2:2')).toBe('redis+cluster://:***@h1:1,h2:2');
    expect(maskRedisUrl('redis://127.0.0.1:6379')).toBe('redis://127.0.0.1:6379');
  });
});

describe('a worker whose Redis is killed and restarted', () => {
  it('logs one JSON line per reconnect attempt (bounded delays), says when Redis is back, and still takes jobs and stops on SIGTERM', async () => {
    const redis = await startRedis({ appendonly: true });
    const prefix = newPrefix();
    const w = spawn(process.execPath, [...WORKER_NODE_FLAGS, 'bin/newsnlp.js', 'worker', '--queues', 'feed,fetch,extract,sink'], {
      cwd: ROOT,
      env: { ...process.env, REDIS_URL: redis.url, NEWSNLP_QUEUE_PREFIX: prefix, NEWSNLP_GRACE_MS: '5000', NEWSNLP_LOG_LEVEL: 'info', NEWSNLP_SINK: 'jsonl:/dev/null' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    w.stderr.setEncoding('utf8').on('data', (s: string) => void (stderr += s));
    const exited = new Promise<number | null>((res) => w.once('exit', res));
    const until = async (what: RegExp, ms: number) => {
      const t0 = Date.now();
      while (!what.test(stderr)) {
        if (Date.now() - t0 > ms) throw new Error(`[test] no ${what} in the worker's log after ${ms} ms:\n${stderr.slice(-3000)}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    try {
      await until(/"msg":"workers started"/, 20_000);
      await redis.kill();
      await until(/"attempt":4,/, 20_000);
      await new Promise((r) => setTimeout(r, 3000));
      await redis.start();
      await until(/"msg":"redis reachable again"/, 20_000);
      // still at work: a feed poll job for a feed that is not there is taken and fails at once
      // (it would wait for ever if the worker's blocking connection had not come back)
      const { Queue } = await import('bullmq');
      const q = new Queue('feed-poll', { connection: { host: '127.0.0.1', port: redis.port }, prefix });
      const job = await q.add('poll', { feedId: 'gone', url: 'http://127.0.0.1:9/feed.xml' }, { attempts: 1 });
      for (let i = 0; i < 200 && !(await job.isFailed()) && !(await job.isCompleted()); i++) await new Promise((r) => setTimeout(r, 100));
      expect((await job.isFailed()) || (await job.isCompleted())).toBe(true);
      await q.close();
      w.kill('SIGTERM');
      // (it hung here about one run in three before shutting down was bounded at every step: a
      // worker whose blocking connection did not come back from the restart never closed)
      const code = await Promise.race([exited, new Promise((r) => setTimeout(() => r('still running 20 s after SIGTERM'), 20_000))]);
      if (typeof code === 'string') console.error(`[test] worker log:\n${stderr.slice(-4000)}`);
      expect(code).toBe(0);
    } finally {
      if (w.exitCode === null) w.kill('SIGKILL');
      await redis.stop();
    }
    const out = lines(stderr);
    const parsed = out.map((l) => {
      try {
        return JSON.parse(l) as { level: number; msg: string; attempt?: number; delayMs?: number };
      } catch {
        return null;
      }
    });
    // every line is one JSON object; no stack traces inside them either
    expect(out.filter((_l, i) => parsed[i] === null)).toEqual([]);
    expect(parsed.filter((p) => /\n\s+at |Unhandled error event/.test(p!.msg))).toEqual([]);
    // one line per attempt, attempts 1, 2, 3, ... in order, delays bounded
    const attempts = parsed.filter((p) => p!.msg === 'redis unreachable: reconnecting');
    expect(attempts.map((p) => p!.attempt)).toEqual(attempts.map((_p, i) => i + 1));
    expect(attempts.length).toBeGreaterThanOrEqual(4);
    expect(Math.max(...attempts.map((p) => p!.delayMs!))).toBeLessThanOrEqual(2000);
    expect(parsed.filter((p) => p!.msg === 'redis reachable again')).toHaveLength(1);
    // nothing else at error level while Redis was away
    expect(parsed.filter((p) => p!.level >= 50)).toEqual([]);
  }, 120_000);
});

/**
 * Redis Cluster: a real three-node cluster started by the test (redis-server in cluster mode on
 * loopback ports of its own, torn down afterwards), and the whole queue path run through it:
 * runIngest over fixtures/ with REDIS_URL=redis+cluster://... and a hash-tag prefix.
 */
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Cluster } from 'ioredis';
import { expandInputs } from '../../src/input/expand.ts';
import { runIngest } from '../../src/ingest/local.ts';
import { silentLogger } from '../../src/ingest/log.ts';
import { checkRedisPolicy } from '../../src/ingest/queues.ts';
import { connectRedis, parseClusterUrl } from '../../src/ingest/redis.ts';
import type { Envelope } from '../../src/contracts.ts';
import { sleep, testConfig } from './redis-helpers.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const haveRedis = spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0 && spawnSync('redis-cli', ['--version'], { stdio: 'ignore' }).status === 0;

async function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer();
    s.once('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => res(port));
    });
  });
}

describe.skipIf(!haveRedis)('Redis Cluster', () => {
  const dir = mkdtempSync(join(tmpdir(), 'newsnlp-cluster-'));
  const servers: ChildProcess[] = [];
  let url = '';

  beforeAll(async () => {
    // ports p and p+10000 (the cluster bus) must both be free
    const ports: number[] = [];
    while (ports.length < 3) {
      const p = await freePort();
      if (p < 55000 && !ports.includes(p)) ports.push(p);
    }
    for (const p of ports) {
      const nodeDir = join(dir, String(p));
      rmSync(nodeDir, { recursive: true, force: true });
      spawnSync('mkdir', ['-p', nodeDir]);
      servers.push(
        spawn('redis-server', ['--port', String(p), '--bind', '127.0.0.1', '--cluster-enabled', 'yes', '--cluster-config-file', 'nodes.conf', '--dir', nodeDir, '--save', '', '--appendonly', 'no', '--maxmemory-policy', 'noeviction'], { stdio: 'ignore' }),
      );
    }
    for (const p of ports) {
      for (let i = 0; i < 50 && spawnSync('redis-cli', ['-p', String(p), 'ping']).stdout?.toString().trim() !== 'PONG'; i++) await sleep(100);
    }
    const made = spawnSync('redis-cli', ['--cluster', 'create', ...ports.map((p) => `127.0.0.1:${p}`), '--cluster-replicas', '0', '--cluster-yes'], { encoding: 'utf8' });
    expect(made.status, made.stdout + made.stderr).toBe(0);
    for (let i = 0; i < 100; i++) {
      if (spawnSync('redis-cli', ['-p', String(ports[0]), 'cluster', 'info'], { encoding: 'utf8' }).stdout.includes('cluster_state:ok')) break;
      await sleep(100);
    }
    url = `redis+cluster://${ports.map((p) => `127.0.0.1:${p}`).join(',')}`;
  }, 60_000);

  afterAll(async () => {
    for (const s of servers) s.kill('SIGKILL');
    await sleep(200);
    rmSync(dir, { recursive: true, force: true });
  });

  it('parses cluster URLs with credentials and TLS', () => {
    expect(parseClusterUrl('rediss+cluster://u:p%40ss@h1:7000,h2:7001')).toEqual({
      nodes: [
        { host: 'h1', port: 7000 },
        { host: 'h2', port: 7001 },
      ],
      username: 'u',
      password: 'p@ss',
      tls: true,
    });
  });

  it('connects as a cluster and checks maxmemory-policy on every master', async () => {
    const c = connectRedis(url);
    try {
      expect(c).toBeInstanceOf(Cluster);
      await c.set('{newsnlp-cluster-test}:k', 'v');
      expect(await c.get('{newsnlp-cluster-test}:k')).toBe('v');
      expect(await checkRedisPolicy(c, silentLogger())).toBe('noeviction');
    } finally {
      c.disconnect();
    }
  });

  it('runs the queue path through the cluster: every fixture article written once', async () => {
    const cfg = testConfig('{ctest}', { redisUrl: url });
    const inputs = [join(ROOT, 'fixtures')];
    const files = await expandInputs(inputs);
    const s = await runIngest({ cfg, inputs, log: silentLogger() });
    expect(s.mode).toBe('queue');
    expect(s.failures).toEqual([]);
    const path = cfg.sink.slice('jsonl:'.length);
    const env = existsSync(path) ? readFileSync(path, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Envelope) : [];
    expect(new Set(env.map((e) => e.id)).size).toBe(files.length);
    expect(env.flatMap((e) => e.record?.companies.map((c) => c.name) ?? [])).toEqual(expect.arrayContaining(['Microsoft', 'OpenAI']));
  }, 120_000);
});

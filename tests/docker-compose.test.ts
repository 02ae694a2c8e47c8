/**
 * docker-compose.yml cannot be run here (no Docker engine), so it is validated offline with
 * `docker-compose config` (Debian's docker-compose package, installed by .ci/run) and checked for
 * the production settings BullMQ's guide asks for.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { WORKER_NODE_FLAGS } from '../src/ingest/node-flags.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const hasCompose = spawnSync('docker-compose', ['version'], { stdio: 'ignore' }).status === 0;

describe('docker-compose.yml', () => {
  it.skipIf(!hasCompose)('passes `docker-compose config`', () => {
    const out = execFileSync('docker-compose', ['-f', 'docker-compose.yml', 'config'], { cwd: ROOT, encoding: 'utf8' });
    const cfg = parse(out) as { services: Record<string, { command?: string[] }> };
    expect(Object.keys(cfg.services).sort()).toEqual(['deps', 'migrate', 'postgres', 'redis', 'scheduler', 'sink', 'worker']);
  });

  it('runs Redis with AOF and noeviction, and workers through the project CLI', () => {
    const cfg = parse(readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8')) as {
      services: Record<string, { command: string[] }>;
    };
    const redis = cfg.services.redis!.command.join(' ');
    expect(redis).toContain('--appendonly yes');
    expect(redis).toContain('--maxmemory-policy noeviction');
    expect(cfg.services.worker!.command).toEqual(['node', ...WORKER_NODE_FLAGS, 'bin/newsnlp.js', 'worker', '--queues', 'feed,fetch,extract']);
    expect(cfg.services.sink!.command).toEqual(['node', ...WORKER_NODE_FLAGS, 'bin/newsnlp.js', 'worker', '--queues', 'sink']);
  });
});

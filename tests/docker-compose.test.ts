/**
 * docker-compose.yml and the Dockerfile cannot be run here (no Docker engine), so they are checked
 * offline: `docker-compose config` (Debian's docker-compose package, installed by .ci/run) resolves
 * the file with a stand-in .env, and the resolved services are checked for what issue 13 and
 * BullMQ's production guide ask: the image built from the Dockerfile, no source mounted, nothing
 * installed at start, credentials only from .env (config fails naming each one missing), ports on
 * loopback, healthchecks on the workers' /healthz, one CPU per worker, one sink. hadolint is in
 * neither Debian's archive nor the npm registry (the npm package of that name is a wrapper that
 * needs the binary), so the Dockerfile is checked here by its structure instead.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { WORKER_NODE_FLAGS } from '../src/ingest/node-flags.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const hasCompose = spawnSync('docker-compose', ['version'], { stdio: 'ignore' }).status === 0;
const read = (f: string) => readFileSync(join(ROOT, f), 'utf8');

interface Service {
  image?: string;
  build?: { context: string; dockerfile?: string };
  command?: string[];
  environment?: Record<string, string>;
  volumes?: string[];
  ports?: string[];
  healthcheck?: { test: string[] };
  cpus?: number;
  mem_limit?: string;
  scale?: number;
  restart?: string;
  depends_on?: Record<string, { condition: string }>;
}

/** The secrets .env.example leaves empty, filled with stand-ins. */
const SECRETS = { POSTGRES_PASSWORD: 'pg-secret-1234', NEWSNLP_DASHBOARD_PASSWORD: 'dash-secret-5678' };

/** `docker-compose config` with an env file built from .env.example and `values`; the process environment left out. */
function composeConfig(values: Record<string, string>): { status: number | null; stdout: string; stderr: string } {
  const example = read('.env.example');
  const lines = example.split('\n').map((l) => {
    const m = /^([A-Z_]+)=/.exec(l);
    return m && m[1]! in values ? `${m[1]}=${values[m[1]!]}` : l;
  });
  const dir = mkdtempSync(join(tmpdir(), 'compose-env-'));
  writeFileSync(join(dir, '.env'), lines.join('\n'));
  const r = spawnSync('docker-compose', ['--env-file', join(dir, '.env'), '-f', 'docker-compose.yml', 'config'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin' },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const resolved = () => {
  const r = composeConfig(SECRETS);
  expect(r.status, r.stderr).toBe(0);
  return parse(r.stdout) as { services: Record<string, Service>; volumes: Record<string, unknown> };
};

const APP_SERVICES = ['dashboard', 'migrate', 'scheduler', 'sink', 'worker'];

describe('docker-compose.yml', () => {
  it.skipIf(!hasCompose)('passes `docker-compose config` with the secrets set; every newsnlp service runs the image built here', () => {
    const { services } = resolved();
    expect(Object.keys(services).sort()).toEqual(['dashboard', 'migrate', 'postgres', 'redis', 'scheduler', 'sink', 'worker']);
    for (const name of APP_SERVICES) {
      const s = services[name]!;
      expect(s.build?.context, name).toBe(ROOT.replace(/\/$/, ''));
      expect(s.image, name).toBe('newsnlp:local');
      // no source mounted: named volumes only, and none over /app's code
      for (const v of s.volumes ?? []) expect(v, `${name}: ${v}`).toMatch(/^[a-z][\w-]*:\/app\/out(:rw)?$/);
      // nothing installed at start
      expect((s.command ?? []).join(' '), name).not.toMatch(/\bnpm\b|\bnpx\b/);
    }
    expect(services['sink']!.volumes).toEqual(['records:/app/out:rw']);
  });

  it.skipIf(!hasCompose)('takes every credential from .env: config fails naming each one that is missing', () => {
    const text = read('docker-compose.yml');
    expect(text).not.toMatch(/newsnlp:newsnlp@|POSTGRES_PASSWORD: newsnlp/);
    const { services } = resolved();
    expect(services['postgres']!.environment!['POSTGRES_PASSWORD']).toBe(SECRETS.POSTGRES_PASSWORD);
    expect(services['migrate']!.environment!['DATABASE_URL']).toBe(`postgres://newsnlp:${SECRETS.POSTGRES_PASSWORD}@postgres:5432/newsnlp`);
    expect(services['sink']!.environment!['NEWSNLP_SINK']).toBe(`jsonl:out/records.ndjson postgres:postgres://newsnlp:${SECRETS.POSTGRES_PASSWORD}@postgres:5432/newsnlp`);
    expect(services['dashboard']!.environment).toMatchObject({ NEWSNLP_DASHBOARD_USER: 'admin', NEWSNLP_DASHBOARD_PASSWORD: SECRETS.NEWSNLP_DASHBOARD_PASSWORD });
    for (const missing of ['POSTGRES_PASSWORD', 'NEWSNLP_DASHBOARD_USER', 'NEWSNLP_DASHBOARD_PASSWORD']) {
      const r = composeConfig({ ...SECRETS, [missing]: '' });
      expect(r.status, missing).not.toBe(0);
      expect(r.stderr, missing).toContain(`set ${missing} in .env (see .env.example)`);
    }
    // .env.example as it is (secrets empty) does not start anything
    const r = spawnSync('docker-compose', ['--env-file', '.env.example', 'config'], { cwd: ROOT, encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });
    expect(r.status).not.toBe(0);
  });

  it.skipIf(!hasCompose)('publishes the dashboard and metrics on loopback; worker and sink are checked on /healthz; one CPU a worker; one sink', () => {
    const { services } = resolved();
    expect(services['dashboard']!.ports).toEqual(['127.0.0.1:3000:3000/tcp']);
    expect(services['dashboard']!.command).toEqual(['node', 'bin/newsnlp.js', 'dashboard', '--host', '0.0.0.0', '--port', '3000']);
    expect(services['sink']!.ports).toEqual(['127.0.0.1:9464:9464/tcp']);
    expect(services['worker']!.ports).toEqual(['127.0.0.1:9465-9480:9464/tcp']); // a port per replica
    for (const s of Object.values(services)) for (const p of s.ports ?? []) expect(p).toMatch(/^127\.0\.0\.1:/);
    for (const name of ['worker', 'sink']) {
      const s = services[name]!;
      expect(s.environment, name).toMatchObject({ NEWSNLP_METRICS_PORT: '9464', NEWSNLP_METRICS_HOST: '0.0.0.0', REDIS_URL: 'redis://redis:6379' });
      expect(s.healthcheck!.test.slice(0, 3), name).toEqual(['CMD', 'node', '-e']);
      expect(s.healthcheck!.test[3], name).toContain("fetch('http://127.0.0.1:9464/healthz')");
      expect(s.cpus, name).toBe(1);
      expect(s.mem_limit, name).toBe('768m');
      expect(s.restart, name).toBe('unless-stopped');
    }
    expect(services['sink']!.scale).toBe(1);
    expect(services['worker']!.scale).toBeUndefined();
    expect(services['sink']!.depends_on).toMatchObject({ migrate: { condition: 'service_completed_successfully' }, redis: { condition: 'service_healthy' } });
    // one-shots run once
    expect([services['migrate']!.restart, services['scheduler']!.restart]).toEqual(['no', 'no']);
  });

  it('runs Redis with AOF and noeviction, and workers through the project CLI with the worker flags', () => {
    const cfg = parse(read('docker-compose.yml'), { merge: true }) as { services: Record<string, { command: string[] }> };
    const redis = cfg.services.redis!.command.join(' ');
    expect(redis).toContain('--appendonly yes');
    expect(redis).toContain('--maxmemory-policy noeviction');
    expect(cfg.services.worker!.command).toEqual(['node', ...WORKER_NODE_FLAGS, 'bin/newsnlp.js', 'worker', '--queues', 'feed,fetch,extract']);
    expect(cfg.services.sink!.command).toEqual(['node', ...WORKER_NODE_FLAGS, 'bin/newsnlp.js', 'worker', '--queues', 'sink']);
  });

  it('.env is ignored by git and by docker build; .env.example names every variable the compose file reads', () => {
    expect(read('.gitignore').split('\n')).toContain('.env');
    const ignored = read('.dockerignore').split('\n');
    for (const p of ['.git', 'node_modules', '.env', 'out', 'dist']) expect(ignored, p).toContain(p);
    const example = new Set([...read('.env.example').matchAll(/^([A-Z_]+)=/gm)].map((m) => m[1]!));
    const used = new Set([...read('docker-compose.yml').matchAll(/\$\{([A-Z_]+)[:?-]/g)].map((m) => m[1]!));
    expect([...used].sort()).toEqual([...example].sort());
    // a tracked .env would be a leak
    const tracked = execFileSync('git', ['ls-files', '.env'], { cwd: ROOT, encoding: 'utf8' });
    expect(tracked).toBe('');
  });
});

describe('Dockerfile', () => {
  const text = read('Dockerfile');
  const instructions = text
    .replace(/\\\n\s*/g, ' ')
    .split('\n')
    .filter((l) => l.trim() && !l.trim().startsWith('#'));
  const stages = instructions.reduce<string[][]>((acc, l) => {
    if (/^FROM\s/i.test(l)) acc.push([]);
    acc.at(-1)?.push(l);
    return acc;
  }, []);

  it('builds in three stages: all dependencies and the build; production dependencies; the runtime', () => {
    expect(instructions.filter((l) => /^FROM /.test(l))).toEqual(['FROM ${NODE_IMAGE} AS build', 'FROM ${NODE_IMAGE} AS deps', 'FROM ${NODE_IMAGE} AS runtime']);
    expect(text).toMatch(/^ARG NODE_IMAGE=node:20-bookworm-slim$/m); // a pinned major and distribution, never :latest
    const [build, deps] = stages;
    expect(build!.join('\n')).toMatch(/RUN npm ci --no-audit --no-fund --ignore-scripts\n/);
    expect(build!.join('\n')).toMatch(/\nRUN npm run build$/m);
    expect(deps!.join('\n')).toContain('npm ci --omit=dev');
  });

  it('runs as the unprivileged node user, with production dependencies only, exec-form CMD', () => {
    const runtime = stages.at(-1)!;
    expect(runtime.filter((l) => /^USER /.test(l))).toEqual(['USER node']);
    // the USER line comes after every RUN of the stage (nothing after it runs as root)
    expect(runtime.findIndex((l) => /^USER /.test(l))).toBeGreaterThan(runtime.findLastIndex((l) => /^RUN /.test(l)));
    // node_modules come from the production stage, never the build stage (dev dependencies)
    expect(runtime).toContain('COPY --from=deps /app/node_modules ./node_modules');
    expect(runtime.filter((l) => /COPY --from=build/.test(l))).toEqual(['COPY --from=build /app/dist ./dist']);
    expect(runtime).toContain('ENV NODE_ENV=production');
    expect(instructions.some((l) => /^ADD /.test(l))).toBe(false);
    const cmd = runtime.find((l) => /^CMD /.test(l))!;
    expect(JSON.parse(cmd.slice(4))).toEqual(['node', ...WORKER_NODE_FLAGS, 'bin/newsnlp.js', 'worker']);
    expect(runtime.join('\n')).toMatch(/EXPOSE 3000 9464/);
  });

  it('runs the compiled build: copies dist/ and the data the commands read, no TypeScript sources', () => {
    const copied = stages.at(-1)!.flatMap((l) => /^COPY (?!--from)(\S+) /.exec(l)?.[1] ?? []);
    for (const dir of ['package.json', 'bin', 'migrations', 'schemas', 'seeds', 'fixtures']) expect(copied, dir).toContain(dir);
    // without src/, bin/newsnlp.js runs dist/ (never the sources through tsx, a dev dependency)
    for (const dir of ['src', 'pipelines', 'workers', 'tests', 'scripts']) expect(copied, dir).not.toContain(dir);
    for (const dir of copied.filter((c) => c !== 'package.json')) expect(existsSync(join(ROOT, dir)), `${dir} is in the repository`).toBe(true);
  });
});

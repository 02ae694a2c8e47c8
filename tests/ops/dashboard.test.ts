/**
 * The queue dashboard against a real Redis on a fresh prefix, over loopback only: Bull Board lists
 * the four queues with their counts and a failed job with its error, and retries it; basic auth
 * when credentials are set; a request addressed to another host name is refused without auth
 * (DNS rebinding); and the refusals that stop it before it listens (exposed without credentials,
 * half a credential), also as the CLI prints them. In Debian's chromium (playwright-core): the
 * failed job's error shows and a click retries it, and the page asks nothing of any other server
 * (its CSP blocks the web fonts Bull Board's page links to; anything else would be aborted and
 * listed). Screenshot: test-artifacts/dashboard-failed.png.
 */
import { execFile, spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import http from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { chromium } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { configToEnv } from '../../src/ingest/config.ts';
import { silentLogger } from '../../src/ingest/log.ts';
import { Queues, waitIdle } from '../../src/ingest/queues.ts';
import { startWorkers } from '../../src/ingest/workers.ts';
import { DashboardConfigError, checkDashboardOptions, startDashboard } from '../../src/ops/dashboard.ts';
import type { DashboardOptions } from '../../src/ops/dashboard.ts';
import { CHROMIUM, CHROMIUM_ARGS } from '../helpers/chromium.ts';
import { cleanupPrefix, newPrefix, testConfig, waitFor } from '../workers/redis-helpers.ts';
import { freePort } from '../helpers/ports.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ARTIFACTS = join(ROOT, 'test-artifacts');
const run = promisify(execFile);
const LOOPBACK: DashboardOptions = { host: '127.0.0.1', port: 0, user: null, password: null };

interface BoardQueue {
  name: string;
  counts: Record<string, number>;
  jobs: { id: string; failedReason: string; attempts: number; data: unknown }[];
  allowRetries: boolean;
}

/** A GET with a Host header of our choosing (fetch does not let one set it), to 127.0.0.1 only. */
function getWithHost(port: number, path: string, host: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path, headers: { host } }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('newsnlp dashboard', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const f of cleanups.splice(0).reverse()) await f();
  });

  it('lists the four queues with counts and a failed job with its error, and retries it', async () => {
    const cfg = testConfig(newPrefix(), { attempts: 1 });
    cleanups.push(() => cleanupPrefix(cfg));
    // a sink job whose payload is not one fails for good, with the reason kept
    const running = await startWorkers(cfg, { stages: ['sink'], log: silentLogger() });
    const job = await running.queues.sink.add('sink', { articleId: 'bad id!', recordKey: 'k' } as never);
    await waitIdle(running.queues, { pollMs: 50, stages: ['sink'] });
    await running.close(); // no worker: the retried job stays waiting, to be seen

    const board = await startDashboard(cfg, LOOPBACK);
    cleanups.push(() => board.close());
    expect(board.auth).toBe(false);
    expect(board.url).toBe(`http://127.0.0.1:${board.port}/`);

    const page = await fetch(board.url);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(page.headers.get('content-security-policy')).toMatch(/^default-src 'self'; script-src 'self';/);
    expect(await page.text()).toContain('newsnlp');

    const api = async () => {
      const r = await fetch(`${board.url}api/queues?activeQueue=sink&status=failed&page=1&jobsPerPage=10`);
      expect(r.status).toBe(200);
      return ((await r.json()) as { queues: BoardQueue[] }).queues;
    };
    const queues = await api();
    expect(queues.map((q) => q.name).sort()).toEqual(['article-fetch', 'extract', 'feed-poll', 'sink']);
    const sink = queues.find((q) => q.name === 'sink')!;
    expect(sink.counts).toMatchObject({ failed: 1, waiting: 0, active: 0 });
    expect(sink.allowRetries).toBe(true);
    expect(sink.jobs).toHaveLength(1);
    expect(sink.jobs[0]).toMatchObject({ id: job.id, attempts: 1, data: { articleId: 'bad id!' } });
    expect(sink.jobs[0]!.failedReason).toMatch(/bad payload: articleId: ids are letters/);
    expect(queues.find((q) => q.name === 'extract')!.counts).toMatchObject({ failed: 0, waiting: 0 });

    const retry = await fetch(`${board.url}api/queues/sink/${job.id}/retry`, { method: 'PUT' });
    expect(retry.status).toBe(204);
    const q = new Queues(cfg);
    cleanups.push(() => q.close());
    expect(await (await q.sink.getJob(job.id!))!.getState()).toBe('waiting');
    expect((await api()).find((x) => x.name === 'sink')!.counts).toMatchObject({ failed: 0, waiting: 1 });
  });

  it('in a browser: the failed job with its error, retried by a click; nothing loaded from elsewhere', async () => {
    const cfg = testConfig(newPrefix(), { attempts: 1 });
    cleanups.push(() => cleanupPrefix(cfg));
    const running = await startWorkers(cfg, { stages: ['sink'], log: silentLogger() });
    const job = await running.queues.sink.add('sink', { articleId: 'bad id!', recordKey: 'k' } as never);
    await waitIdle(running.queues, { pollMs: 50, stages: ['sink'] });
    await running.close();
    const board = await startDashboard(cfg, LOOPBACK);
    cleanups.push(() => board.close());

    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
    cleanups.push(() => browser.close());
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const elsewhere: string[] = [];
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(board.url)) return route.continue();
      elsewhere.push(url);
      return route.abort();
    });
    const problems: string[] = [];
    page.on('console', (m) => void (m.type() === 'error' && !/fonts\.googleapis\.com.*Content Security Policy/s.test(m.text()) && problems.push(m.text())));
    page.on('pageerror', (e) => problems.push(e.message));

    await page.goto(`${board.url}queue/sink?status=failed`);
    await page.getByText('bad payload: articleId: ids are letters').first().waitFor();
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard-failed.png') });
    await page.getByRole('button', { name: /^retry all$/i }).click();
    // Bull Board asks before retrying a whole queue
    const confirm = page.getByRole('button', { name: /^confirm$/i });
    if (await confirm.isVisible().catch(() => false)) await confirm.click();
    const q = new Queues(cfg);
    cleanups.push(() => q.close());
    await waitFor(async () => (await (await q.sink.getJob(job.id!))!.getState()) === 'waiting', 10_000, 'the job to be retried');
    expect(elsewhere).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('without credentials, answers only requests addressed to a loopback name', async () => {
    const cfg = testConfig(newPrefix());
    cleanups.push(() => cleanupPrefix(cfg));
    const board = await startDashboard(cfg, LOOPBACK);
    cleanups.push(() => board.close());
    expect((await getWithHost(board.port, '/api/queues', `localhost:${board.port}`)).status).toBe(200);
    expect((await getWithHost(board.port, '/api/queues', `[::1]:${board.port}`)).status).toBe(200);
    const evil = await getWithHost(board.port, '/api/queues', `attacker.example:${board.port}`);
    expect(evil.status).toBe(403);
    expect(evil.body).toMatch(/only requests to 127\.0\.0\.1/);
  });

  it('asks for basic auth when credentials are set, and checks them', async () => {
    const cfg = testConfig(newPrefix());
    cleanups.push(() => cleanupPrefix(cfg));
    const board = await startDashboard(cfg, { ...LOOPBACK, user: 'ops', password: 'correct horse battery staple' });
    cleanups.push(() => board.close());
    expect(board.auth).toBe(true);
    const basic = (u: string, p: string) => ({ authorization: `Basic ${Buffer.from(`${u}:${p}`).toString('base64')}` });
    const none = await fetch(`${board.url}api/queues`);
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toBe('Basic realm="newsnlp dashboard", charset="UTF-8"');
    expect((await fetch(`${board.url}api/queues`, { headers: basic('ops', 'wrong') })).status).toBe(401);
    expect((await fetch(`${board.url}api/queues`, { headers: basic('other', 'correct horse battery staple') })).status).toBe(401);
    expect((await fetch(`${board.url}api/queues`, { headers: basic('ops', 'correct horse battery staple') })).status).toBe(200);
    expect((await fetch(board.url, { headers: basic('ops', 'correct horse battery staple') })).status).toBe(200);
  });

  it('refuses, before listening, to be exposed without credentials or with half of them', () => {
    const refuse = (o: Partial<DashboardOptions> & { host: string }) => () => checkDashboardOptions({ ...LOOPBACK, ...o });
    for (const host of ['0.0.0.0', '::', '192.168.1.20', 'dashboard.example']) {
      expect(refuse({ host }), host).toThrow(DashboardConfigError);
      expect(refuse({ host }), host).toThrow(`[dashboard] refusing to listen on ${host} without basic auth`);
    }
    expect(refuse({ host: '0.0.0.0', user: 'ops' })).toThrow(/needs both NEWSNLP_DASHBOARD_USER and NEWSNLP_DASHBOARD_PASSWORD/);
    expect(refuse({ host: '127.0.0.1', password: 'x' })).toThrow(/needs both/);
    for (const host of ['127.0.0.1', '127.1.2.3', 'localhost', '::1']) expect(refuse({ host }), host).not.toThrow();
    expect(refuse({ host: '0.0.0.0', user: 'ops', password: 'secret' })).not.toThrow();
  });

  it('the CLI: one line and exit 2 when exposed without credentials; serves on loopback until SIGTERM', async () => {
    const cfg = testConfig(newPrefix());
    cleanups.push(() => cleanupPrefix(cfg));
    const env = { ...process.env, ...configToEnv(cfg), NEWSNLP_DASHBOARD_USER: '', NEWSNLP_DASHBOARD_PASSWORD: '' };
    const refused = await run(process.execPath, ['bin/newsnlp.js', 'dashboard', '--host', '0.0.0.0'], { cwd: ROOT, env }).then(
      () => null,
      (e: { code: number; stderr: string; stdout: string }) => e,
    );
    expect(refused?.code).toBe(2);
    expect(refused?.stdout).toBe('');
    expect(refused?.stderr).toBe(
      '[dashboard] refusing to listen on 0.0.0.0 without basic auth: set NEWSNLP_DASHBOARD_USER and NEWSNLP_DASHBOARD_PASSWORD, or listen on 127.0.0.1\n',
    );

    const port = await freePort();
    const child = spawn(process.execPath, ['bin/newsnlp.js', 'dashboard', '--port', String(port)], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((res) => child.on('exit', (code) => res(code)));
    cleanups.push(async () => void (child.exitCode === null && child.kill('SIGKILL')));
    await waitFor(
      () => {
        if (child.exitCode !== null) throw new Error(`the dashboard exited (${child.exitCode}): ${stderr}`);
        return stderr.includes('newsnlp dashboard: ');
      },
      30_000,
      'the dashboard to start',
    );
    expect(stderr).toContain(`newsnlp dashboard: http://127.0.0.1:${port}/ (queues of prefix ${cfg.prefix}; basic auth off)`);
    const r = await fetch(`http://127.0.0.1:${port}/api/queues`);
    expect(r.status).toBe(200);
    expect(((await r.json()) as { queues: BoardQueue[] }).queues).toHaveLength(4);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});

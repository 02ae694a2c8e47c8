/**
 * Operations commands for the `newsnlp` CLI (wired into src/cli.ts by registerOpsCommands):
 *
 *   newsnlp dashboard [--port 3000] [--host 127.0.0.1]   Bull Board over the queues (src/ops/dashboard.ts)
 *   newsnlp status [--json]                              queues and feeds on one screen (src/ops/status.ts)
 *   newsnlp health                                       can this process reach Redis (and PostgreSQL)? JSON, exit 0 or 1
 *
 * Worker metrics are an option of `newsnlp worker` (--metrics-port, in cli-ingest.ts). This module
 * imports nothing at load: each command loads what it needs when it runs.
 */
import type { Command } from 'commander';

export interface OpsCliContext {
  /** Environment to read settings from (src/ingest/config.ts, src/ops/config.ts). */
  env: Readonly<Record<string, string | undefined>>;
}

const out = (s: string): void => void process.stdout.write(s + '\n');
const err = (s: string): void => void process.stderr.write(s + '\n');

export function registerOpsCommands(program: Command, ctx: OpsCliContext): void {
  const ingestConfig = async () => {
    const { loadConfig } = await import('./ingest/config.ts');
    const cfg = loadConfig({}, ctx.env);
    if (!cfg.redisUrl) throw new Error('[ops] this command needs REDIS_URL (the queues of the queue mode)');
    return cfg;
  };
  /** Run a command body; print its error as one line: exit code 2 for a setting, else 1. */
  const action =
    <A extends unknown[]>(fn: (...args: A) => Promise<void>) =>
    async (...args: A) => {
      try {
        await fn(...args);
      } catch (e) {
        err((e as Error).message);
        process.exitCode = /ConfigError$/.test((e as Error).name) ? 2 : 1;
      }
    };

  program
    .command('dashboard')
    .description('Bull Board over the queues: counts, failed jobs with their errors, retry (needs REDIS_URL)')
    .option('--port <port>', 'port to listen on', '3000')
    .option('--host <address>', 'address to listen on; anything but loopback needs NEWSNLP_DASHBOARD_USER and NEWSNLP_DASHBOARD_PASSWORD', '127.0.0.1')
    .action(
      action(async (o: { port: string; host: string }) => {
        const { loadOpsConfig } = await import('./ops/config.ts');
        const ops = loadOpsConfig({}, ctx.env);
        const { DashboardConfigError, checkDashboardOptions, startDashboard } = await import('./ops/dashboard.ts');
        const port = Number(o.port);
        if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new DashboardConfigError(`[dashboard] --port: not a port: ${JSON.stringify(o.port)}`);
        const opts = { host: o.host, port, user: ops.dashboardUser, password: ops.dashboardPassword };
        checkDashboardOptions(opts); // before anything connects: a refusal is one line and exit 2
        const cfg = await ingestConfig();
        const board = await startDashboard(cfg, opts);
        err(`newsnlp dashboard: ${board.url} (queues of prefix ${cfg.prefix}; basic auth ${board.auth ? 'on' : 'off'}); Ctrl-C stops it`);
        await new Promise<void>((resolve) => {
          const stop = () => void board.close().then(resolve);
          process.once('SIGINT', stop);
          process.once('SIGTERM', stop);
        });
      }),
    );

  program
    .command('status')
    .description('queue depths, failed counts, workers, and each feed\'s last poll and health, on one screen (needs REDIS_URL)')
    .option('--json', 'print JSON on stdout')
    .action(
      action(async (o: { json?: boolean }) => {
        const cfg = await ingestConfig();
        const [{ healthChecker }, { Queues }, { RedisStore }, { formatStatus, gatherStatus, redact }] = await Promise.all([
          import('./ops/health.ts'),
          import('./ingest/queues.ts'),
          import('./ingest/store.ts'),
          import('./ops/status.ts'),
        ]);
        // fail fast, in one line, when Redis is away (the queue connection would retry for a while)
        const health = healthChecker(cfg, { database: false });
        const h = await health.check().finally(() => health.close());
        if (!h.redis.ok) throw new Error(`[status] cannot reach Redis at ${redact(cfg.redisUrl!)}: ${h.redis.error}`);
        const q = new Queues(cfg);
        const s = RedisStore.connect(cfg.redisUrl!);
        try {
          const report = await gatherStatus(cfg, q, s);
          if (o.json) out(JSON.stringify(report, null, 2));
          else process.stdout.write(formatStatus(report, { width: process.stdout.columns || 120 }));
        } finally {
          await q.close();
          await s.close();
        }
      }),
    );

  program
    .command('health')
    .description('whether Redis (and PostgreSQL, when a postgres sink is set) can be reached: JSON on stdout, exit 0 or 1')
    .action(
      action(async () => {
        const cfg = await ingestConfig();
        const { healthChecker } = await import('./ops/health.ts');
        const health = healthChecker(cfg);
        const report = await health.check().finally(() => health.close());
        out(JSON.stringify(report));
        if (!report.ok) process.exitCode = 1;
      }),
    );
}

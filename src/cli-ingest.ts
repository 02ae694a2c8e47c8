/**
 * Ingestion commands for the `newsnlp` CLI (wired into src/cli.ts by registerIngestCommands):
 *
 *   newsnlp feeds add URL [--id ID] [--every 15m] [--max-silence 2d]
 *   newsnlp feeds list [--json]          health: last success, last new item, error streak, warnings
 *   newsnlp feeds remove ID
 *   newsnlp feeds sync [seeds/feeds.yaml] [--dry-run] [--keep] [--json]   idempotent: adds, updates, removes to match the file
 *   newsnlp feeds poll ID...             poll now, outside the schedule
 *   newsnlp jobs failed [--queue Q] [--json]
 *   newsnlp jobs retry [--queue Q] [ID...]
 *   newsnlp worker [--queues feed,fetch,extract,sink] [--concurrency N] [--metrics-port P]
 *   newsnlp ingest [inputs...] [--feeds FILE] [--out FILE]   one run, BullMQ or in-process
 *
 * Settings come from the environment (see src/ingest/config.ts) and these flags. JSON goes to
 * stdout, logs (JSON lines) and summaries to stderr.
 */
import { existsSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import type { Command } from 'commander';
import { oneLine } from './cli-help.ts';
import type { IngestConfig, IngestConfigInput } from './ingest/config.ts';
import type { Queues, StageName } from './ingest/queues.ts';
import type { RedisStore } from './ingest/store.ts';
import type { IngestEvent } from './ingest/summary.ts';

/**
 * What the commands use, loaded when one of them runs: registering them (for `newsnlp feeds
 * --help`, say) loads none of BullMQ, ioredis, zod, yaml or pino.
 */
const lazy = {
  config: () => import('./ingest/config.ts'),
  feedList: () => import('./ingest/feed-list.ts'),
  queues: () => import('./ingest/queues.ts'),
  schedule: () => import('./ingest/schedule.ts'),
  store: () => import('./ingest/store.ts'),
  log: () => import('./ingest/log.ts'),
};

/** The stage names and queue names for the help texts (src/ingest/queues.ts STAGES and QUEUE_NAMES; a test keeps them equal). */
export const HELP_STAGES: readonly StageName[] = ['feed', 'fetch', 'extract', 'sink'];
export const HELP_QUEUE_NAMES: readonly string[] = ['feed-poll', 'article-fetch', 'extract', 'sink'];

export interface IngestCliContext {
  /** Project root: relative default paths (seeds/feeds.yaml) resolve against it. */
  root: string;
  /** Environment to read settings from (default process.env). */
  env?: Readonly<Record<string, string | undefined>>;
}

const out = (s: string): void => void process.stdout.write(s + '\n');
const err = (s: string): void => void process.stderr.write(s + '\n');

/** A bad or missing argument: one line, exit code 2. */
class UsageError extends Error {
  override name = 'UsageError';
}

/**
 * Run a command body; print its error as one line and set exit code 1 (2 for a bad argument or
 * setting, 3 when Redis or the database cannot be reached: the error's own exitCode).
 */
function action<A extends unknown[]>(fn: (...args: A) => Promise<void>) {
  return async (...args: A) => {
    try {
      await fn(...args);
    } catch (e) {
      const name = (e as Error | null)?.name;
      const usage = name === 'ConfigError' || name === 'UsageError' || name === 'ZodError';
      err(usage && (e as Error).name === 'ZodError' ? `[usage] ${oneLine(e)}` : oneLine(e));
      const code = (e as { exitCode?: unknown } | null)?.exitCode;
      process.exitCode = usage ? 2 : typeof code === 'number' ? code : 1;
    }
  };
}

export function registerIngestCommands(program: Command, ctx: IngestCliContext): void {
  /** Whether the command runs inside a clone of the repository (its seeds/ present, the working directory under it). */
  const inClone = () => existsSync(join(ctx.root, 'seeds')) && !relative(ctx.root, process.cwd()).startsWith('..');
  const cfgOf = async (overrides: Partial<IngestConfigInput> = {}): Promise<IngestConfig> => (await lazy.config()).loadConfig(overrides, ctx.env ?? process.env);
  const abs = (p: string) => (isAbsolute(p) ? p : join(ctx.root, p));

  /** Queues + store for a queue-mode command; closed after `fn`. */
  const withRedis = async <T>(fn: (cfg: IngestConfig, q: Queues, s: RedisStore) => Promise<T>): Promise<T> => {
    const cfg = await cfgOf();
    if (!cfg.redisUrl) throw new Error('[ingest] this command needs REDIS_URL (the queue mode); `newsnlp ingest` runs without it');
    const [{ Queues }, { RedisStore }] = await Promise.all([lazy.queues(), lazy.store()]);
    // one line and exit code 3 within seconds when Redis cannot be reached (RedisUnavailableError)
    await (await import('./ingest/redis.ts')).probeRedis(cfg.redisUrl);
    const q = new Queues(cfg);
    const s = RedisStore.connect(cfg.redisUrl);
    try {
      return await fn(cfg, q, s);
    } finally {
      await q.close();
      await s.close();
    }
  };

  const feeds = program.command('feeds').description('scheduled feeds (BullMQ job schedulers; needs REDIS_URL)');

  feeds
    .command('add')
    .description('add or update a feed polled on a schedule')
    .argument('<url>', 'feed URL')
    .option('--id <id>', 'feed id (default: host plus a short hash)')
    .option('--every <duration>', 'poll interval: 15m, 1h, 90s', '30m')
    .option('--max-silence <duration>', 'warn when no new item for this long')
    .action(
      action(async (url: string, o: { id?: string; every: string; maxSilence?: string }) => {
        const [{ FeedSpecSchema, checkFeeds, feedIdFor }, { addFeed, formatDuration }] = await Promise.all([lazy.feedList(), lazy.schedule()]);
        // http(s) only, no private target unless NEWSNLP_ALLOW_PRIVATE=1: refused here, before Redis
        const [spec] = await checkFeeds([FeedSpecSchema.parse({ id: o.id ?? feedIdFor(url), url, every: o.every, maxSilence: o.maxSilence })], {
          local: false,
          allowPrivate: (await cfgOf()).allowPrivate,
          source: 'feeds add',
        });
        if (!spec) return;
        await withRedis((cfg, q, s) => addFeed(cfg, q, s, spec));
        err(`feed ${spec.id}: ${spec.url} every ${formatDuration(spec.every)}`);
      }),
    );

  feeds
    .command('list')
    .description("each feed's schedule and health")
    .option('--json', 'print JSON on stdout')
    .action(
      action(async (o: { json?: boolean }) => {
        const { listFeeds, formatDuration } = await lazy.schedule();
        const list = await withRedis((cfg, q, s) => listFeeds(cfg, q, s));
        if (o.json) return out(JSON.stringify(list, null, 2));
        if (!list.length) return out('no feeds scheduled (newsnlp feeds add URL, or feeds sync seeds/feeds.yaml)');
        const ago = (t: string | null) => (t ? `${formatDuration(Date.now() - Date.parse(t))} ago` : 'never');
        for (const f of list) {
          out(
            `${f.id}  every ${f.everyMs ? formatDuration(f.everyMs) : '?'}  ok ${ago(f.lastSuccessAt)}  new item ${ago(f.lastNewItemAt)}  errors ${f.errorStreak}${f.warning ? `  WARNING: ${f.warning}` : ''}\n  ${f.url}${f.lastError && f.errorStreak ? `\n  last error: ${f.lastError}` : ''}`,
          );
        }
      }),
    );

  feeds
    .command('remove')
    .description('stop polling a feed and forget its state')
    .argument('<id>', 'feed id')
    .action(
      action(async (id: string) => {
        const { removeFeed } = await lazy.schedule();
        const removed = await withRedis((cfg, q, s) => removeFeed(cfg, q, s, id));
        if (!removed) throw new Error(`[feeds] no feed "${id}"`);
        err(`feed ${id} removed`);
      }),
    );

  feeds
    .command('sync')
    .description('make the scheduled feeds match a feed list (idempotent)')
    .argument('[file]', 'feed list (.yaml or .json)')
    .option('--dry-run', 'print the adds, updates and removes without making them')
    .option('--keep', 'keep scheduled feeds the list does not name (feeds added with `feeds add`)')
    .option('--json', 'print the result as JSON on stdout')
    .action(
      action(async (file: string | undefined, o: { dryRun?: boolean; keep?: boolean; json?: boolean }) => {
        if (file === undefined && !(ctx.env ?? process.env)['NEWSNLP_FEEDS'] && !inClone()) {
          throw new UsageError('[usage] newsnlp feeds sync: name a feed list (.yaml or .json) or set NEWSNLP_FEEDS (the default seeds/feeds.yaml only inside a clone of the repository)');
        }
        const [{ loadFeedList }, { syncFeeds, formatSyncChanges }] = await Promise.all([lazy.feedList(), lazy.schedule()]);
        const path = abs(file ?? (await cfgOf()).feedsFile);
        const specs = await loadFeedList(path, { local: false, allowPrivate: (await cfgOf()).allowPrivate });
        const r = await withRedis((cfg, q, s) => syncFeeds(cfg, q, s, specs, { dryRun: !!o.dryRun, keep: !!o.keep }));
        if (o.json) out(JSON.stringify(r));
        else for (const line of formatSyncChanges(r.changes)) out(line);
        err(
          `feeds sync ${path}${o.dryRun ? ' (dry run: nothing changed)' : ''}: ${r.added.length} ${o.dryRun ? 'to add' : 'added'}, ${r.updated.length} ${o.dryRun ? 'to update' : 'updated'}, ${r.removed.length} ${o.dryRun ? 'to remove' : 'removed'}, ${r.unchanged.length} unchanged`,
        );
      }),
    );

  feeds
    .command('poll')
    .description('poll feeds now, outside their schedule (a worker for the feed queue does the polling)')
    .argument('<ids...>', 'feed ids (newsnlp feeds list)')
    .action(
      action(async (ids: string[]) => {
        const { pollFeedNow } = await lazy.schedule();
        const queued = await withRedis(async (cfg, q, s) => {
          const acc: [string, string | null][] = [];
          for (const id of ids) acc.push([id, await pollFeedNow(cfg, q, s, id)]);
          return acc;
        });
        const unknown = queued.filter(([, job]) => job === null).map(([id]) => id);
        for (const [id, job] of queued) if (job) err(`feed ${id}: poll queued (job ${job})`);
        if (unknown.length) throw new Error(`[feeds] no feed ${unknown.map((id) => `"${id}"`).join(', ')} (newsnlp feeds list shows the feeds)`);
      }),
    );

  const jobs = program.command('jobs').description('inspect and retry failed jobs (needs REDIS_URL)');
  const queueOpt = `queue: ${HELP_STAGES.join(', ')} (or ${HELP_QUEUE_NAMES.join(', ')}); default all`;

  jobs
    .command('failed')
    .description('list failed jobs with their error')
    .option('--queue <queue>', queueOpt)
    .option('--limit <n>', 'at most this many per queue', '100')
    .option('--json', 'print JSON on stdout')
    .action(
      action(async (o: { queue?: string; limit: string; json?: boolean }) => {
        const { QUEUE_NAMES, STAGES, parseStages } = await lazy.queues();
        const stages: StageName[] = o.queue ? parseStages(o.queue) : STAGES;
        const rows = await withRedis(async (_cfg, q) => {
          const acc: { queue: string; id: string; failedReason: string; attemptsMade: number; finishedOn: string | null; data: unknown }[] = [];
          for (const st of stages) {
            for (const j of await q.byStage(st).getFailed(0, Number(o.limit) - 1)) {
              acc.push({
                queue: QUEUE_NAMES[st],
                id: j.id ?? '',
                failedReason: j.failedReason,
                attemptsMade: j.attemptsMade,
                finishedOn: j.finishedOn ? new Date(j.finishedOn).toISOString() : null,
                data: j.data,
              });
            }
          }
          return acc;
        });
        if (o.json) return out(JSON.stringify(rows, null, 2));
        if (!rows.length) return out('no failed jobs');
        for (const r of rows) out(`${r.queue}  ${r.id}  after ${r.attemptsMade} attempt(s): ${r.failedReason}`);
      }),
    );

  jobs
    .command('retry')
    .description('move failed jobs back to waiting (all failed jobs of the queue(s) when no id is given)')
    .option('--queue <queue>', queueOpt)
    .argument('[ids...]', 'job ids')
    .action(
      action(async (ids: string[], o: { queue?: string }) => {
        const { STAGES, parseStages } = await lazy.queues();
        const stages: StageName[] = o.queue ? parseStages(o.queue) : STAGES;
        const n = await withRedis(async (_cfg, q) => {
          let count = 0;
          for (const st of stages) {
            const queue = q.byStage(st);
            if (!ids.length) {
              count += await queue.getFailedCount();
              await queue.retryJobs({ state: 'failed' });
              continue;
            }
            for (const id of ids) {
              const j = await queue.getJob(id);
              if (j && (await j.isFailed())) {
                await j.retry('failed');
                count++;
              }
            }
          }
          return count;
        });
        err(`${n} job(s) moved back to waiting`);
      }),
    );

  program
    .command('worker')
    .description('run BullMQ workers until SIGINT/SIGTERM (needs REDIS_URL)')
    .option('--queues <list>', `stages to work: ${HELP_STAGES.join(',')}`, HELP_STAGES.join(','))
    .option('--concurrency <n>', 'jobs in flight per queue')
    .option('--allow-private', 'let fetches reach private/loopback addresses')
    .option('--metrics-port <port>', 'serve Prometheus /metrics and /healthz on this port (env NEWSNLP_METRICS_PORT; address NEWSNLP_METRICS_HOST, default 127.0.0.1)')
    .action(
      action(async (o: { queues: string; concurrency?: string; allowPrivate?: boolean; metricsPort?: string }) => {
        const cfg = await cfgOf({
          ...(o.concurrency ? { concurrency: Number(o.concurrency) } : {}),
          ...(o.allowPrivate ? { allowPrivate: true } : {}),
        });
        if (!cfg.redisUrl) throw new Error('[ingest] `newsnlp worker` needs REDIS_URL');
        const stages = (await lazy.queues()).parseStages(o.queues);
        const { loadOpsConfig } = await import('./ops/config.ts');
        const ops = loadOpsConfig(o.metricsPort !== undefined ? { metricsPort: o.metricsPort } : {}, ctx.env ?? process.env);
        const { runWorkers } = await import('./ingest/workers.ts');
        const metrics = ops.metricsPort === null ? null : await (await import('./ops/metrics.ts')).serveWorkerMetrics(cfg, stages, ops);
        try {
          await runWorkers(cfg, stages, undefined, metrics?.hooks);
        } catch (e) {
          await metrics?.close();
          throw e;
        }
      }),
    );

  program
    .command('run')
    .alias('ingest')
    .description(
      'the main job: one ingestion run over local inputs (default: seeds/ and fixtures/) and feeds, to out/records.ndjson; through BullMQ with REDIS_URL, else in process',
    )
    .argument('[inputs...]', 'article files or folders (default: seeds/ and fixtures/ when no --feeds)')
    .option('--feeds <file>', 'feed list to poll once (.yaml or .json)')
    .option('--out <file>', 'JSONL output (sets the sink to jsonl:<file>)')
    .option('--sink <spec...>', 'sinks to write to, e.g. --sink jsonl:out/records.ndjson --sink postgres:$DATABASE_URL')
    .option('--flat <file>', 'also write flat records (one line per article, company, deal, claim; with type and articleId), as the flat:<file> sink')
    .option('--allow-private', 'let fetches reach private/loopback addresses')
    .action(
      action(async (inputs: string[], o: { feeds?: string; out?: string; sink?: string[]; flat?: string; allowPrivate?: boolean }) => {
        const sinks = [...(o.out ? [`jsonl:${o.out}`] : []), ...(o.sink ?? [])];
        const overrides = { ...(sinks.length ? { sink: sinks.join(' ') } : {}), ...(o.allowPrivate ? { allowPrivate: true } : {}) };
        const base = await cfgOf(overrides);
        // --flat adds a flat sink beside the others (the configured one when none is named).
        const cfg = o.flat ? await cfgOf({ ...overrides, sink: `${base.sink} flat:${o.flat}` }) : base;
        // a local run: files allowed (`file:` or a path), URLs http(s) only, private targets as the run allows
        const feedList = o.feeds ? await (await lazy.feedList()).loadFeedList(abs(o.feeds), { local: true, allowPrivate: base.allowPrivate }) : [];
        if (inputs.length === 0 && feedList.length === 0) {
          // the repository's seeds and fixtures, only when run inside a clone (the npm package ships neither)
          if (!inClone()) throw new UsageError('[usage] newsnlp run: no inputs: name files or folders, or --feeds FILE (default inputs seeds/ and fixtures/ only inside a clone of the repository)');
          inputs = [join(ctx.root, 'seeds'), join(ctx.root, 'fixtures')];
        }
        const [{ runIngest }, { expandInputs }, { createLogger, defaultLogLevel }, { default: cliProgress }] = await Promise.all([
          import('./ingest/local.ts'),
          import('./input/expand.ts'),
          lazy.log(),
          import('cli-progress'),
        ]);
        // A TTY gets a progress bar (and only warnings as logs); otherwise JSON logs.
        const tty = process.stderr.isTTY === true;
        const n = { feeds: 0, articles: 0, written: 0, failed: 0 };
        const bar = tty
          ? new cliProgress.SingleBar(
              { stream: process.stderr, format: '{bar} {value}/{total} articles | {written} written | {failed} failed | {feeds} feeds | {eta_formatted}', hideCursor: true },
              cliProgress.Presets.shades_classic,
            )
          : null;
        // the total grows as feeds reveal their items: start from the local files
        let total = Math.max(1, (await expandInputs(inputs)).length);
        bar?.start(total, 0, { written: 0, failed: 0, feeds: `0/${feedList.length}` });
        const onEvent = (e: IngestEvent) => {
          if (e.type === 'feed') n.feeds++;
          else if (e.type === 'record') {
            n.articles++;
            if (e.written) n.written++;
          } else n.failed++;
          if (!bar) return;
          if (n.articles + n.failed > total) bar.setTotal((total = n.articles + n.failed));
          bar.update(n.articles + n.failed, { written: n.written, failed: n.failed, feeds: `${n.feeds}/${feedList.length}` });
        };
        // with a progress bar only warnings, unless NEWSNLP_LOG_LEVEL says otherwise
        const level = tty && !(ctx.env ?? process.env)['NEWSNLP_LOG_LEVEL'] ? 'warn' : defaultLogLevel();
        const s = await runIngest({ cfg, inputs, feeds: feedList, log: createLogger(level), onEvent });
        bar?.stop();
        err(
          `newsnlp run (${s.mode}): ${s.feedsPolled} feeds polled (${s.feedsNotModified} not modified), ${s.articles} articles, ${s.written} written, ${s.duplicates} duplicates, ${s.failures.length} failures -> ${cfg.sink} in ${(s.ms / 1000).toFixed(1)}s`,
        );
        if (s.failures.length) process.exitCode = 1;
      }),
    );
}

/**
 * The worker process: BullMQ workers for the chosen queues until SIGINT/SIGTERM (in-flight jobs
 * then finish within NEWSNLP_GRACE_MS), for containers and process managers that run a worker
 * without the CLI. Settings come from the environment (src/ingest/config.ts) and these flags;
 * `newsnlp worker` is the same command.
 *
 *   node <worker flags> --import tsx workers/main.ts [worker] --queues extract,sink [--concurrency 1] [--allow-private]
 *
 * What it runs (the processors, the worker runner, the stages) lives in src/ingest: this folder
 * holds the processes only.
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/ingest/config.ts';
import { STAGES, parseStages } from '../src/ingest/queues.ts';
import { runWorkers } from '../src/ingest/workers.ts';
import { configureLogging, createLogger, routeConsoleToLog } from '../src/ingest/log.ts';

try {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { queues: { type: 'string' }, concurrency: { type: 'string' }, 'allow-private': { type: 'boolean' } },
  });
  // `worker` is accepted as the first word, as the CLI spells the command.
  if (positionals.length > (positionals[0] === 'worker' ? 1 : 0)) throw new Error(`[worker] unexpected argument "${positionals.at(-1)}"`);
  // NEWSNLP_LOG_LEVEL; BullMQ's plain-text warnings into the log
  configureLogging({ level: process.env['NEWSNLP_LOG_LEVEL'] });
  routeConsoleToLog(createLogger(), 'library');
  const cfg = loadConfig({
    ...(values.concurrency ? { concurrency: Number(values.concurrency) } : {}),
    ...(values['allow-private'] ? { allowPrivate: true } : {}),
  });
  await runWorkers(cfg, values.queues ? parseStages(values.queues) : STAGES);
} catch (err) {
  process.stderr.write(`${(err as Error).message}\n`);
  process.exit(1);
}

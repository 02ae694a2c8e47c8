/**
 * What `newsnlp --help` says besides the commands (examples, exit codes, the environment
 * variables), the stubs of the commands src/cli.ts loads lazily, and small helpers it shares. README.md's table of environment variables lists the same (tests/cli-help.test.ts
 * checks both against every NEWSNLP_* name the code reads).
 */

export interface EnvVar {
  name: string;
  /** Who reads it. */
  for: string;
  what: string;
}

export const ENV_VARS: readonly EnvVar[] = [
  { name: 'REDIS_URL', for: 'run, worker, feeds, jobs', what: 'queue mode: redis://, rediss:// (TLS), redis+cluster://h1:p1,h2:p2; unset: `run` works in one process' },
  { name: 'DATABASE_URL', for: 'db', what: 'PostgreSQL URL for `db migrate` and `db load` (--url overrides)' },
  { name: 'NEWSNLP_LOG_LEVEL', for: 'all', what: 'log level: fatal, error, warn, info (default), debug, trace, silent' },
  { name: 'NEWSNLP_MAX_ARTICLE_BYTES', for: 'extract', what: 'largest article text in bytes (default 2097152); --max-article-bytes overrides' },
  { name: 'NEWSNLP_DEV_CORPUS', for: 'eval', what: 'labelled corpus folder (default corpus/news-dev); --corpus overrides' },
  { name: 'NEWSNLP_SINK', for: 'run, worker', what: 'sinks, space-separated: jsonl:<path>, flat:<path>, postgres:<url> (default jsonl:out/records.ndjson)' },
  { name: 'NEWSNLP_DB_MIGRATE', for: 'run, worker', what: '1: apply pending migrations when a postgres sink opens' },
  { name: 'NEWSNLP_FEEDS', for: 'feeds sync', what: 'feed list file (default seeds/feeds.yaml, in a clone)' },
  { name: 'NEWSNLP_QUEUE_PREFIX', for: 'run, worker, feeds, jobs', what: 'BullMQ key prefix (default newsnlp); a hash tag such as {newsnlp} on a Redis Cluster' },
  { name: 'NEWSNLP_CONCURRENCY', for: 'worker', what: 'jobs in flight per queue (default 4)' },
  { name: 'NEWSNLP_EXTRACT_MODE', for: 'worker', what: 'inline (default: on the worker thread) or sandboxed (child processes)' },
  { name: 'NEWSNLP_EXTRACT_PROCS', for: 'worker', what: 'sandboxed mode: extraction processes per worker (default 1)' },
  { name: 'NEWSNLP_SINK_CONCURRENCY', for: 'worker', what: 'sink jobs in flight per worker (default 32)' },
  { name: 'NEWSNLP_GRACE_MS', for: 'worker', what: 'shutdown grace period for in-flight jobs (default 30000)' },
  { name: 'NEWSNLP_ATTEMPTS', for: 'run, worker', what: 'attempts per job for transient errors (default 5)' },
  { name: 'NEWSNLP_BACKOFF_MS', for: 'run, worker', what: 'first retry delay, doubled each retry (default 5000)' },
  { name: 'NEWSNLP_LOCK_MS', for: 'worker', what: 'BullMQ lock duration (default 30000)' },
  { name: 'NEWSNLP_STALLED_MS', for: 'worker', what: 'BullMQ stalled-job check interval (default 30000)' },
  { name: 'NEWSNLP_ALLOW_PRIVATE', for: 'run, worker', what: '1: let fetches reach loopback and private addresses (tests, mirrors)' },
  { name: 'NEWSNLP_CONNECT_TIMEOUT_MS', for: 'run, worker', what: 'HTTP connect timeout (default 10000)' },
  { name: 'NEWSNLP_READ_TIMEOUT_MS', for: 'run, worker', what: 'HTTP read timeout (default 30000)' },
  { name: 'NEWSNLP_MAX_BODY_BYTES', for: 'run, worker', what: 'largest HTTP body (default 10485760)' },
  { name: 'NEWSNLP_HOST_INTERVAL_MS', for: 'run, worker', what: 'least time between two requests to one host (default 1000)' },
  { name: 'NEWSNLP_METRICS_PORT', for: 'worker', what: 'serve Prometheus /metrics and /healthz on this port (--metrics-port overrides)' },
  { name: 'NEWSNLP_METRICS_HOST', for: 'worker', what: 'address of the metrics server (default 127.0.0.1)' },
  { name: 'NEWSNLP_DASHBOARD_USER', for: 'dashboard', what: 'user name of the queue dashboard (basic auth)' },
  { name: 'NEWSNLP_DASHBOARD_PASSWORD', for: 'dashboard', what: 'password of the queue dashboard (basic auth)' },
  { name: 'NEWSNLP_SOURCES', for: 'bin/newsnlp.js', what: '1: run the TypeScript sources through tsx even when dist/ is built (a clone only)' },
];

/** Names that appear in the code but are not settings of the command (CI plumbing). */
export const NOT_SETTINGS: readonly string[] = ['NEWSNLP_CI_IN_CLONE'];

export const EXIT_CODES: readonly [code: number, meaning: string][] = [
  [0, 'success'],
  [1, 'something failed: an input, an article, a job, a sink; review found a difference'],
  [2, 'usage: an unknown command or option, a bad argument or setting'],
  [3, 'unreachable: Redis (REDIS_URL) or PostgreSQL (DATABASE_URL, a postgres sink) cannot be used; one line names the URL and the cause'],
];

export const EXAMPLES: readonly [command: string, what: string][] = [
  ['newsnlp extract article.txt', 'one record as JSON'],
  ['newsnlp extract news/ --format ndjson --out records.ndjson', 'every article of a folder, one record a line'],
  ['cat story.txt | newsnlp extract -', 'from stdin (the first line is the title)'],
  ['newsnlp run news/ --out out/records.ndjson', 'the ingestion run over local files (in one process without REDIS_URL)'],
  ['REDIS_URL=redis://127.0.0.1:6379 newsnlp feeds add https://example.com/feed.xml --every 15m', 'a scheduled feed'],
  ['newsnlp schema ArticleRecord', 'the JSON Schema of a record'],
];

/** The text after the command list of `newsnlp --help`. */
export function helpFooter(): string {
  const pad = (s: string, n: number) => s.padEnd(n);
  const w = Math.max(...EXAMPLES.map(([c]) => c.length));
  const e = Math.max(...ENV_VARS.map((v) => v.name.length));
  return [
    '',
    'Examples:',
    ...EXAMPLES.map(([c, what]) => (c.length > 60 ? `  ${c}\n      ${what}` : `  ${pad(c, Math.min(w, 60))}  ${what}`)),
    '',
    'Exit codes:',
    ...EXIT_CODES.map(([c, m]) => `  ${c}  ${m}`),
    '',
    'Environment:',
    ...ENV_VARS.map((v) => `  ${pad(v.name, e)}  ${v.what}`),
    '',
    'Records go to stdout (or --out); logs and summaries to stderr: readable lines on a terminal, JSON lines otherwise.',
    '',
  ].join('\n');
}

/** The default of `extract --max-article-bytes`, for the help text (src/input/limits.ts DEFAULT_MAX_ARTICLE_BYTES; a test keeps them equal). */
export const HELP_MAX_ARTICLE_BYTES = 2 * 1024 * 1024;
/** The schema names, for the help text of `schema` (src/json-schema.ts SCHEMAS; a test keeps them equal). */
export const HELP_SCHEMA_NAMES: readonly string[] = ['Article', 'ArticleRecord', 'FlatRecord'];

/** A command of a group that src/cli.ts loads only when it runs, as the top-level help lists it. */
export interface LazyCommand {
  name: string;
  alias?: string;
  args?: string;
  description: string;
}

/** The stubs of the lazily loaded groups (tests/cli-help.test.ts keeps them equal to the real commands). */
export const LAZY_COMMANDS = {
  ingest: [
    { name: 'feeds', description: 'scheduled feeds (BullMQ job schedulers; needs REDIS_URL)' },
    { name: 'jobs', description: 'inspect and retry failed jobs (needs REDIS_URL)' },
    { name: 'worker', description: 'run BullMQ workers until SIGINT/SIGTERM (needs REDIS_URL)' },
    {
      name: 'run',
      alias: 'ingest',
      args: '[inputs...]',
      description:
        'the main job: one ingestion run over local inputs (default: seeds/ and fixtures/) and feeds, to out/records.ndjson; through BullMQ with REDIS_URL, else in process',
    },
  ],
  db: [{ name: 'db', description: 'PostgreSQL: migrations and loading records' }],
} as const satisfies Record<string, readonly LazyCommand[]>;

/** The command word of an argument list (after `help`, the command asked about). */
export function commandWord(args: readonly string[]): string | undefined {
  const words = args.filter((a) => !a.startsWith('-'));
  return words[0] === 'help' ? words[1] : words[0];
}

/** An error as one line: a zod error as its issues ("every: not a duration"), anything else as its message. */
export function oneLine(e: unknown): string {
  const issues = (e as { issues?: { path: PropertyKey[]; message: string }[] } | null)?.issues;
  const text =
    Array.isArray(issues) && (e as Error).name === 'ZodError'
      ? issues.map((i) => `${i.path.map(String).join('.') || 'value'}: ${i.message}`).join('; ')
      : e instanceof Error
        ? e.message
        : String(e);
  return text.replace(/\s*\n\s*/g, ' ').trim();
}

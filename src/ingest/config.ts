/**
 * Ingestion config, parsed once (zod) from the environment plus command-line overrides, then
 * passed down. Nothing else in the project reads process.env for ingestion.
 *
 *   REDIS_URL               redis://[user:pass@]host:port[/db] or rediss:// (TLS); absent = embedded mode
 *   NEWSNLP_QUEUE_PREFIX    BullMQ key prefix (default "newsnlp"); on Redis Cluster (REDIS_URL redis+cluster://h1:p1,h2:p2) it must be a hash tag: "{newsnlp}"
 *   NEWSNLP_CONCURRENCY     jobs in flight per worker (feed polls, page fetches)
 *   NEWSNLP_EXTRACT_MODE    "inline" (default): extraction runs on the worker's own thread, one
 *                           batch at a time (one core per worker process: scale with processes);
 *                           "sandboxed": in BullMQ sandboxed child processes (crash isolation)
 *   NEWSNLP_EXTRACT_PROCS   sandboxed mode: extraction processes per worker, min(this,
 *                           NEWSNLP_CONCURRENCY) (default: 1)
 *   NEWSNLP_SINK_CONCURRENCY sink jobs in flight per worker (default 32): their writes are
 *                           grouped into one append and one sync per batch
 *   NEWSNLP_ALLOW_PRIVATE   "1"/"true" lets fetches reach loopback/private addresses (tests, mirrors)
 *   NEWSNLP_SINK            "jsonl:<path>", "flat:<path>" or "postgres:<url>", several separated by spaces (default jsonl:out/records.ndjson)
 *   NEWSNLP_DB_MIGRATE      "1" applies pending PostgreSQL migrations when a postgres sink opens
 *   NEWSNLP_GRACE_MS        shutdown grace period for in-flight jobs (default 30000)
 *   NEWSNLP_FEEDS           feed list file (default seeds/feeds.yaml)
 */
import { z } from 'zod';

const bool = z
  .union([z.boolean(), z.string()])
  .transform((v) => (typeof v === 'boolean' ? v : /^(1|true|yes|on)$/i.test(v.trim())));
const int = (min: number) => z.coerce.number().int().min(min);

const ONE_SINK = String.raw`(?:jsonl:\S+|flat:\S+|postgres:postgres(?:ql)?://\S+|postgres(?:ql)?://\S+)`;
export const SinkSpecSchema = z
  .string()
  .regex(new RegExp(String.raw`^\s*${ONE_SINK}(?:\s+${ONE_SINK})*\s*$`), 'sink must look like "jsonl:<path>", "flat:<path>" or "postgres:<url>" (several separated by spaces)')
  .describe('jsonl:<path>, flat:<path> (one line per article, company, deal, claim) or postgres:<postgres://url>; several separated by spaces write to each');

export const IngestConfigSchema = z.object({
  redisUrl: z
    .string()
    .regex(/^rediss?(?:\+cluster)?:\/\/\S+$/, 'must start with redis://, rediss://, redis+cluster:// or rediss+cluster://')
    .nullable()
    .default(null),
  prefix: z
    .string()
    .min(1)
    .regex(/^[^:\s]+$/, 'queue prefix must not contain ":" or spaces')
    .default('newsnlp'),
  concurrency: int(1).default(4),
  /** Where extraction runs: on the worker's thread (inline) or in sandboxed child processes. */
  extractMode: z.enum(['inline', 'sandboxed']).default('inline'),
  extractProcesses: int(1).default(1),
  /** Sink jobs in flight per worker; the sink groups their writes (one append and one sync per batch). */
  sinkConcurrency: int(1).default(32),
  allowPrivate: bool.default(false),
  dbMigrate: bool.default(false),
  sink: SinkSpecSchema.default('jsonl:out/records.ndjson'),
  graceMs: int(0).default(30_000),
  feedsFile: z.string().min(1).default('seeds/feeds.yaml'),
  /** Attempts per job before it is failed (transient errors only; permanent ones fail at once). */
  attempts: int(1).default(5),
  /** First backoff delay; doubles on each retry. */
  backoffMs: int(0).default(5_000),
  /** Lifetime of articles/records parked in the store between stages. */
  storeTtlSec: int(60).default(7 * 24 * 3600),
  /** Dedupe memory (seen URLs, content hashes, near-duplicate signatures). */
  dedupeTtlSec: int(60).default(30 * 24 * 3600),
  /** Max Hamming distance (of 64 bits) between SimHash signatures of syndicated copies. */
  nearDuplicateBits: int(0).max(10).default(6),
  /** BullMQ lock/stall settings (tests shorten them). */
  lockDurationMs: int(1000).default(30_000),
  stalledIntervalMs: int(1000).default(30_000),
  /** HTTP client timeouts and body cap. */
  connectTimeoutMs: int(1).default(10_000),
  readTimeoutMs: int(1).default(30_000),
  maxBodyBytes: int(1024).default(10 * 1024 * 1024),
  perHostIntervalMs: int(0).default(1000),
});
export type IngestConfig = z.output<typeof IngestConfigSchema>;
export type IngestConfigInput = z.input<typeof IngestConfigSchema>;

/** Environment variable -> config key. */
const ENV_KEYS: Readonly<Record<string, keyof IngestConfig>> = {
  REDIS_URL: 'redisUrl',
  NEWSNLP_QUEUE_PREFIX: 'prefix',
  NEWSNLP_CONCURRENCY: 'concurrency',
  NEWSNLP_EXTRACT_MODE: 'extractMode',
  NEWSNLP_EXTRACT_PROCS: 'extractProcesses',
  NEWSNLP_SINK_CONCURRENCY: 'sinkConcurrency',
  NEWSNLP_ALLOW_PRIVATE: 'allowPrivate',
  NEWSNLP_DB_MIGRATE: 'dbMigrate',
  NEWSNLP_SINK: 'sink',
  NEWSNLP_GRACE_MS: 'graceMs',
  NEWSNLP_FEEDS: 'feedsFile',
  NEWSNLP_ATTEMPTS: 'attempts',
  NEWSNLP_BACKOFF_MS: 'backoffMs',
  NEWSNLP_LOCK_MS: 'lockDurationMs',
  NEWSNLP_STALLED_MS: 'stalledIntervalMs',
  NEWSNLP_CONNECT_TIMEOUT_MS: 'connectTimeoutMs',
  NEWSNLP_READ_TIMEOUT_MS: 'readTimeoutMs',
  NEWSNLP_MAX_BODY_BYTES: 'maxBodyBytes',
  NEWSNLP_HOST_INTERVAL_MS: 'perHostIntervalMs',
};

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * Parse the config from an environment (default process.env) and overrides (command-line flags,
 * tests). Empty environment values count as absent. Throws ConfigError naming the bad setting.
 */
export function loadConfig(
  overrides: Partial<IngestConfigInput> = {},
  env: Readonly<Record<string, string | undefined>> = process.env,
): IngestConfig {
  const raw: Record<string, unknown> = {};
  for (const [name, key] of Object.entries(ENV_KEYS)) {
    const v = env[name];
    if (v !== undefined && v.trim() !== '') raw[key] = v.trim();
  }
  for (const [k, v] of Object.entries(overrides)) if (v !== undefined) raw[k] = v;
  const parsed = IngestConfigSchema.superRefine((c, ctx) => {
    // BullMQ on a cluster: every key of a queue in one slot, so the prefix must be a hash tag
    if (c.redisUrl && /^rediss?\+cluster:/.test(c.redisUrl) && !/^\{[^{}]+\}$/.test(c.prefix)) {
      ctx.addIssue({ code: 'custom', path: ['prefix'], message: `on a Redis Cluster the queue prefix must be a hash tag such as "{${c.prefix}}"` });
    }
  }).safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => {
      const key = String(i.path[0] ?? '');
      const envName = Object.entries(ENV_KEYS).find(([, k]) => k === key)?.[0];
      return `${key}${envName ? ` (${envName})` : ''}: ${i.message}`;
    });
    throw new ConfigError(`[config] invalid ingestion settings: ${issues.join('; ')}`);
  }
  return parsed.data;
}

/** The config as environment variables (handed to sandboxed extraction processes). */
export function configToEnv(cfg: IngestConfig): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, key] of Object.entries(ENV_KEYS)) {
    const v = cfg[key];
    if (v !== null && v !== undefined) out[name] = String(v);
  }
  return out;
}

/** "15m", "1h", "90s", "500ms", "2d" or plain milliseconds -> milliseconds. */
export function parseDuration(s: string | number): number {
  if (typeof s === 'number') return s;
  const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?\s*$/i.exec(s);
  if (!m) throw new ConfigError(`[config] not a duration: ${JSON.stringify(s)} (try 15m, 1h, 90s)`);
  const n = Number(m[1]);
  const unit = (m[2] ?? 'ms').toLowerCase();
  const mult = unit === 'ms' ? 1 : unit === 's' ? 1000 : unit === 'm' ? 60_000 : unit === 'h' ? 3_600_000 : 86_400_000;
  return Math.round(n * mult);
}

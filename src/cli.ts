/**
 * The `newsnlp` command line. Commands that print JSON print only JSON on stdout; everything
 * else (logs, progress, summaries) goes to stderr.
 *
 * Start-up is kept short: this module imports only commander. Each command loads what it needs
 * when it runs (a dynamic import in its action); the command groups defined in other modules
 * (cli-ingest.ts, cli-db.ts) are loaded only when one of their commands is the one being run, and
 * are listed in the top-level help by their LAZY_GROUPS entries (tests/cli-help.test.ts keeps
 * those equal to the real commands).
 */
import { createWriteStream, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import type { ArticleRecord } from './schema.ts';
import { HELP_MAX_ARTICLE_BYTES, HELP_SCHEMA_NAMES, LAZY_COMMANDS, commandWord, helpFooter, oneLine } from './cli-help.ts';
import type { LazyCommand } from './cli-help.ts';
import { PACKAGE_ROOT } from './util/package-root.ts';
import { registerOpsCommands } from './cli-ops.ts';

const ROOT = PACKAGE_ROOT;
/** The one place the CLI reads the environment (ingestion settings: src/ingest/config.ts). */
const config = {
  devCorpus: process.env.NEWSNLP_DEV_CORPUS || undefined,
  databaseUrl: process.env.DATABASE_URL || undefined,
  /** Per-article text cap for `extract` (src/input/limits.ts); --max-article-bytes overrides it. */
  maxArticleBytes: process.env.NEWSNLP_MAX_ARTICLE_BYTES?.trim() || undefined,
  /** Log level of the commands that log (src/ingest/log.ts). */
  logLevel: process.env.NEWSNLP_LOG_LEVEL?.trim() || undefined,
};
const err = (line: string) => process.stderr.write(line + '\n');
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

// `newsnlp extract ... | head`: a closed pipe is the reader's choice, not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

/** --max-article-bytes, else NEWSNLP_MAX_ARTICLE_BYTES, else the default; null (after one error line) when invalid. */
async function maxArticleBytes(flag: string | undefined): Promise<number | null> {
  const { DEFAULT_MAX_ARTICLE_BYTES, MaxArticleBytesSchema } = await import('./input/limits.ts');
  const [raw, from] = flag !== undefined ? [flag, '--max-article-bytes'] : [config.maxArticleBytes, 'NEWSNLP_MAX_ARTICLE_BYTES'];
  if (raw === undefined) return DEFAULT_MAX_ARTICLE_BYTES;
  const r = MaxArticleBytesSchema.safeParse(raw);
  if (r.success) return r.data;
  err(`[config] ${from}: ${r.error.issues[0]!.message} (got ${JSON.stringify(raw)})`);
  return null;
}

/** Write records to a file or stdout, as a JSON array or one JSON object per line. */
function recordWriter(format: 'json' | 'ndjson', out?: string) {
  const stream = out ? createWriteStream(out) : process.stdout;
  let n = 0;
  return {
    write(r: ArticleRecord) {
      if (format === 'ndjson') stream.write(JSON.stringify(r) + '\n');
      else stream.write((n === 0 ? '[\n' : ',\n') + JSON.stringify(r, null, 2));
      n++;
    },
    async close() {
      if (format === 'json') stream.write(n === 0 ? '[]\n' : '\n]\n');
      if (stream !== process.stdout) await new Promise<void>((res, rej) => (stream as NodeJS.WritableStream).end((e?: Error) => (e ? rej(e) : res())));
    },
  };
}

const program = new Command('newsnlp')
  .description('Turn news into structured data: companies, deals and market-share claims with evidence.')
  .version(VERSION, '-V, --version', 'print the version')
  .addHelpText('after', helpFooter())
  // usage errors: one line on stderr, exit code 2 (commander's own: 1)
  .configureOutput({ outputError: (s, write) => write(`newsnlp: ${s.replace(/^error: /, '').replace(/\s*\n\s*/g, ' ').trim()} (newsnlp --help for usage)\n`) })
  .exitOverride((e: CommanderError) => {
    throw e.exitCode === 0 ? e : new CommanderError(2, e.code, e.message);
  });

program
  .command('extract')
  .description('extract one record per article from files (.json, .ndjson, .txt, .html; - for stdin)')
  .argument('<files...>', 'input files or folders')
  .addOption(new Option('--format <format>', 'output format').choices(['json', 'ndjson']).default('json'))
  .option('--out <file>', 'write to a file instead of stdout')
  .option('--flat <file>', 'also write flat records (one per article, company, deal, claim; with type and articleId) as NDJSON')
  .option('--max-article-bytes <n>', `largest article text in bytes; bigger articles are errors (env NEWSNLP_MAX_ARTICLE_BYTES; default ${HELP_MAX_ARTICLE_BYTES})`)
  .action(async (files: string[], opts: { format: 'json' | 'ndjson'; out?: string; flat?: string; maxArticleBytes?: string }) => {
    const cap = await maxArticleBytes(opts.maxArticleBytes);
    if (cap === null) {
      process.exitCode = 2;
      return;
    }
    const [{ extractInputs }, { expandInputs }, { flatten }] = await Promise.all([import('./extract.ts'), import('./input/expand.ts'), import('./flat.ts')]);
    const writer = recordWriter(opts.format, opts.out);
    const flat = opts.flat ? createWriteStream(opts.flat) : null;
    let failed = 0;
    for await (const o of extractInputs(await expandInputs(files), undefined, { maxArticleBytes: cap })) {
      if (o.ok) {
        writer.write(o.record);
        if (flat) for (const f of flatten(o.record)) flat.write(JSON.stringify(f) + '\n');
      } else {
        failed++;
        err(o.error.message);
      }
    }
    await writer.close();
    if (flat) await new Promise<void>((res, rej) => flat.end((e?: Error | null) => (e ? rej(e) : res())));
    if (failed) process.exitCode = 1;
  });

program
  .command('review')
  .description('compare current output with the golden records in fixtures/ (exit 1 on difference); --html writes a review page')
  .argument('[inputs...]', 'article files or folders, each compared with the <name>.golden.json beside it (default: the fixtures folder)')
  .option('--update', 'rewrite the golden records from current output (after reviewing the diff)')
  .option('--dir <dir>', 'fixtures folder', join(ROOT, 'fixtures'))
  .option('--html <file>', 'write one self-contained HTML page instead: highlighted text, claims and deals linked to their evidence, differences from the golden records')
  .action(async (inputs: string[], opts: { update?: boolean; dir: string; html?: string }) => {
    const { formatReview, review, reviewInputs } = await import('./review.ts');
    const results = inputs.length ? await reviewInputs(inputs, { update: opts.update }) : await review(opts.dir, { update: opts.update });
    if (opts.html) {
      // the page is for any article: one without a golden record is shown, not a failure
      const { renderReviewHtml, summarize } = await import('./review-html.ts');
      await mkdir(dirname(resolve(opts.html)), { recursive: true });
      await writeFile(opts.html, renderReviewHtml(results, { heading: (inputs.length ? inputs : [opts.dir]).join(' ') }));
      err(`newsnlp review: wrote ${opts.html}: ${summarize(results)}`);
      if (results.some((r) => r.status === 'different' || r.status === 'error')) process.exitCode = 1;
      return;
    }
    process.stdout.write(formatReview(results) + '\n');
    if (results.some((r) => r.status !== 'same' && r.status !== 'updated')) process.exitCode = 1;
  });

program
  .command('eval')
  .description('score the pipeline on the labelled dev set (precision, recall, F1)')
  .option('--corpus <dir>', 'labelled corpus folder (articles/, labels/)')
  .option('--ids <ids>', 'comma-separated article ids, e.g. 01,02')
  .option('--json', 'print the report as JSON on stdout')
  .option('--errors', 'list false positives and false negatives per article')
  .action(async (opts: { corpus?: string; ids?: string; json?: boolean; errors?: boolean }) => {
    const { runEval, formatReport, defaultCorpusDir, EvalDataError } = await import('./eval/run.ts');
    try {
      const report = await runEval({
        corpusDir: defaultCorpusDir(opts.corpus ?? config.devCorpus),
        ids: opts.ids ? opts.ids.split(',').map((s) => s.trim()) : undefined,
      });
      if (opts.json) process.stdout.write(JSON.stringify(report, null, 2) + '\n');
      else process.stdout.write(formatReport(report, { errors: !!opts.errors }));
      if (report.failures.length) process.exitCode = 1;
    } catch (e) {
      if (!(e instanceof EvalDataError)) throw e;
      err(e.message);
      process.exitCode = 2;
    }
  });

program
  .command('schema')
  .description('print the JSON Schema of the records (generated from the zod schemas)')
  .argument('[name]', `one of: ${HELP_SCHEMA_NAMES.join(', ')}`)
  .action(async (name?: string) => {
    const { jsonSchemaOf, SCHEMAS } = await import('./json-schema.ts');
    type SchemaName = keyof typeof SCHEMAS;
    const names = name ? [name] : Object.keys(SCHEMAS);
    const out: Record<string, unknown> = {};
    for (const n of names) {
      if (!(n in SCHEMAS)) {
        err(`newsnlp schema: unknown schema "${n}"; known: ${Object.keys(SCHEMAS).join(', ')}`);
        process.exitCode = 2;
        return;
      }
      out[n] = jsonSchemaOf(n as SchemaName);
    }
    process.stdout.write(JSON.stringify(name ? out[name] : out, null, 2) + '\n');
  });

// dashboard, status, health: cli-ops.ts imports nothing until one of them runs
registerOpsCommands(program, { env: process.env });

/**
 * Command groups defined in their own modules, loaded only when one of their commands runs (or
 * its help is asked for). Until then each command is listed by its stub in LAZY_COMMANDS.
 */
const LAZY_GROUPS: readonly { commands: readonly LazyCommand[]; register: (program: Command) => Promise<unknown> }[] = [
  {
    commands: LAZY_COMMANDS.ingest,
    register: async (p) => {
      await logging();
      (await import('./cli-ingest.ts')).registerIngestCommands(p, { root: ROOT });
    },
  },
  { commands: LAZY_COMMANDS.db, register: async (p) => (await import('./cli-db.ts')).registerDbCommands(p, { databaseUrl: config.databaseUrl }) },
];

/** Logging for the commands that log: NEWSNLP_LOG_LEVEL, readable on a terminal, libraries' console lines into the log. */
async function logging(): Promise<void> {
  const { configureLogging, createLogger, routeConsoleToLog } = await import('./ingest/log.ts');
  configureLogging({ level: config.logLevel });
  routeConsoleToLog(createLogger(), 'library');
}

/** Commands of cli-ops.ts (registered eagerly): they log, and BullMQ may write to the console under them. */
const OPS_COMMANDS = new Set(['dashboard', 'status', 'health']);

try {
  const word = commandWord(process.argv.slice(2));
  if (word !== undefined && OPS_COMMANDS.has(word)) await logging();
  for (const group of LAZY_GROUPS) {
    if (word !== undefined && group.commands.some((c) => c.name === word || ('alias' in c && c.alias === word))) await group.register(program);
    else
      for (const c of group.commands) {
        const stub = program.command(c.name).description(c.description);
        if (c.alias) stub.alias(c.alias);
        if (c.args) stub.arguments(c.args);
      }
  }
} catch (e) {
  // a setting that stops a command group from loading (NEWSNLP_LOG_LEVEL=loud)
  err(oneLine(e));
  process.exit(2);
}

try {
  await program.parseAsync(process.argv);
} catch (e) {
  if (e instanceof CommanderError) process.exitCode = e.exitCode;
  else {
    err(oneLine(e));
    // an error may say its code: 2 a bad setting, 3 a database or Redis that cannot be reached
    const code = (e as { exitCode?: unknown } | null)?.exitCode;
    process.exitCode = typeof code === 'number' ? code : 1;
  }
}

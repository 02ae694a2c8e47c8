/**
 * The command line's habits: --version, help with examples, exit codes and every environment
 * variable, one-line usage errors with exit code 2, and the stubs that list the lazily loaded
 * command groups kept equal to the real commands.
 */
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { ENV_VARS, HELP_MAX_ARTICLE_BYTES, HELP_SCHEMA_NAMES, LAZY_COMMANDS, NOT_SETTINGS, commandWord, oneLine } from '../src/cli-help.ts';
import { HELP_QUEUE_NAMES, HELP_STAGES, registerIngestCommands } from '../src/cli-ingest.ts';
import { QUEUE_NAMES, STAGES } from '../src/ingest/queues.ts';
import { registerDbCommands } from '../src/cli-db.ts';
import { DEFAULT_MAX_ARTICLE_BYTES } from '../src/input/limits.ts';
import { SCHEMAS } from '../src/json-schema.ts';
import { FeedSpecSchema } from '../src/ingest/feed-list.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'bin/newsnlp.js');
const run = promisify(execFile);

async function newsnlp(args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { env: { ...process.env, NEWSNLP_LOG_LEVEL: 'warn' } });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, stdout: x.stdout, stderr: x.stderr };
  }
}

/** Every NEWSNLP_* name in the code the package runs. */
function envNamesInCode(): string[] {
  const names = new Set<string>();
  for (const dir of ['src', 'pipelines', 'workers', 'bin']) {
    for (const f of readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })) {
      if (!/\.(ts|js)$/.test(f)) continue;
      for (const m of readFileSync(join(ROOT, dir, f), 'utf8').matchAll(/\bNEWSNLP_[A-Z_]+[A-Z]\b/g)) names.add(m[0]);
    }
  }
  return [...names].filter((n) => !NOT_SETTINGS.includes(n)).sort();
}

describe('newsnlp --help and --version', () => {
  it('--version prints the package version', async () => {
    const { code, stdout } = await newsnlp(['--version']);
    expect(code).toBe(0);
    expect(stdout.trim()).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
  });

  it('--help lists every command, examples, exit codes and the environment variables', async () => {
    const { code, stdout } = await newsnlp(['--help']);
    expect(code).toBe(0);
    for (const c of ['extract', 'review', 'eval', 'schema', 'feeds', 'jobs', 'worker', 'run|ingest', 'db']) expect(stdout).toMatch(new RegExp(`^  ${c.replace('|', '\\|')}\\b`, 'm'));
    expect(stdout).toContain('Examples:');
    expect(stdout).toMatch(/Exit codes:\n {2}0 {2}success\n {2}1 .*\n {2}2 {2}usage/);
    for (const v of ENV_VARS) expect(stdout).toContain(`  ${v.name} `);
  });

  it('every NEWSNLP_* variable the code reads is in the help and in the README table', () => {
    const listed = ENV_VARS.map((v) => v.name);
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    for (const n of envNamesInCode()) {
      expect(listed, n).toContain(n);
      expect(readme, `${n} in the README's table`).toMatch(new RegExp(`^\\| \`${n}\` \\|`, 'm'));
    }
  });

  it('the help text constants are the real ones', () => {
    expect([...HELP_STAGES]).toEqual(STAGES);
    expect([...HELP_QUEUE_NAMES]).toEqual(STAGES.map((s) => QUEUE_NAMES[s]));
    expect(HELP_MAX_ARTICLE_BYTES).toBe(DEFAULT_MAX_ARTICLE_BYTES);
    expect([...HELP_SCHEMA_NAMES]).toEqual(Object.keys(SCHEMAS));
  });

  it('the stubs of the lazily loaded groups are the real commands (name, alias, arguments, description)', () => {
    const real = new Command('newsnlp');
    registerIngestCommands(real, { root: ROOT });
    registerDbCommands(real, {});
    for (const stub of Object.values(LAZY_COMMANDS).flat()) {
      const c = real.commands.find((x) => x.name() === stub.name);
      expect(c, stub.name).toBeDefined();
      expect(c!.description()).toBe(stub.description);
      expect(c!.aliases()).toEqual('alias' in stub ? [stub.alias] : []);
      const args = c!.registeredArguments.map((a) => (a.required ? `<${a.name()}${a.variadic ? '...' : ''}>` : `[${a.name()}${a.variadic ? '...' : ''}]`)).join(' ');
      expect(args).toBe('args' in stub ? stub.args : '');
    }
    const stubbed = new Set<string>(Object.values(LAZY_COMMANDS).flat().map((s) => s.name));
    expect(real.commands.map((c) => c.name()).filter((n) => !stubbed.has(n))).toEqual([]);
  });

  it('finds the command word after global options and after `help`', () => {
    expect(commandWord(['--help'])).toBeUndefined();
    expect(commandWord(['feeds', 'list'])).toBe('feeds');
    expect(commandWord(['help', 'db'])).toBe('db');
  });

  it('a lazily loaded group shows its full help when asked', async () => {
    const { code, stdout } = await newsnlp(['feeds', '--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^ {2}sync .*\[file\]/m);
  });
});

describe('stdin', () => {
  it("text on stdin: a headline-like first line is the title, the rest the text", async () => {
    const child = execFile(process.execPath, [BIN, 'extract', '-', '--format', 'ndjson']);
    child.stdin!.end('Acme buys Widget\n\nAcme Corp agreed to buy Widget Inc for $5 million.\n');
    const out = await new Promise<string>((res, rej) => {
      let s = '';
      child.stdout!.on('data', (d: Buffer) => (s += String(d)));
      child.on('close', (code) => (code === 0 ? res(s) : rej(new Error(`exit ${code}`))));
    });
    expect(JSON.parse(out)).toMatchObject({ title: 'Acme buys Widget', text: 'Acme Corp agreed to buy Widget Inc for $5 million.' });
  });
});

describe('usage errors', () => {
  it('an unknown option, command or missing argument is one line on stderr and exit 2', async () => {
    for (const args of [['extract', '--nope', 'x'], ['extrat'], ['extract'], ['schema', 'a', 'b']]) {
      const { code, stdout, stderr } = await newsnlp(args);
      expect(code, args.join(' ')).toBe(2);
      expect(stdout).toBe('');
      expect(stderr.trimEnd().split('\n'), args.join(' ')).toHaveLength(1);
      expect(stderr).toMatch(/^newsnlp: .*\(newsnlp --help for usage\)\n$/);
    }
  });

  it('a zod error reads as one line naming the field', () => {
    const r = FeedSpecSchema.safeParse({ id: 'x', url: 'https://example.com/feed', every: 'soon' });
    expect(r.success).toBe(false);
    const line = oneLine(r.error);
    expect(line).not.toContain('\n');
    expect(line).toMatch(/^every: /);
  });
});

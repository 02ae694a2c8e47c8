/**
 * The `newsnlp` command line. Commands that print JSON print only JSON on stdout; everything
 * else (logs, progress, summaries) goes to stderr.
 */
import { Command } from 'commander';
import { z } from 'zod';
import { PUBLISHED_SCHEMAS } from './schema.ts';

const program = new Command('newsnlp')
  .description('Turn news into structured data: companies, deals and market-share claims with evidence.')
  .showHelpAfterError();

program
  .command('schema')
  .description('print the JSON Schema of the records (generated from the zod schemas)')
  .argument('[name]', `one of: ${Object.keys(PUBLISHED_SCHEMAS).join(', ')}`)
  .action((name?: string) => {
    const names = name ? [name] : Object.keys(PUBLISHED_SCHEMAS);
    const out: Record<string, unknown> = {};
    for (const n of names) {
      const s = PUBLISHED_SCHEMAS[n as keyof typeof PUBLISHED_SCHEMAS];
      if (!s) {
        process.stderr.write(`newsnlp schema: unknown schema "${n}"\n`);
        process.exitCode = 2;
        return;
      }
      out[n] = z.toJSONSchema(s, { io: 'output' });
    }
    process.stdout.write(JSON.stringify(name ? out[name] : out, null, 2) + '\n');
  });

await program.parseAsync(process.argv);

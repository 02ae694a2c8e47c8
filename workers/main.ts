/**
 * Stand-alone entry for the ingestion commands, for containers and process managers that run a
 * worker without the rest of the CLI:
 *
 *   node --import tsx workers/main.ts worker --queues feed,fetch --concurrency 8
 *   node --import tsx workers/main.ts feeds sync seeds/feeds.yaml
 */
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { registerIngestCommands } from '../src/cli-ingest.ts';

const program = new Command('newsnlp-ingest').showHelpAfterError();
registerIngestCommands(program, { root: fileURLToPath(new URL('..', import.meta.url)) });
await program.parseAsync(process.argv);

// BullMQ sandboxed-processor entry for the extract queue (NEWSNLP_EXTRACT_MODE=sandboxed: the
// worker runner, workers.ts, hands BullMQ this file). Plain JavaScript so that the child process
// BullMQ forks can load it without flags. In the compiled build (npm run build copies this file to
// dist/src/ingest/ beside processors.js) it loads the compiled processor; in the sources it
// registers tsx first, then loads the TypeScript processor.
// When the parent worker dies (even by SIGKILL) the IPC channel closes and the child exits instead
// of lingering with open Redis connections.
import { existsSync } from 'node:fs';

if (typeof process.send === 'function') process.on('disconnect', () => process.exit(0));
let mod;
if (existsSync(new URL('./processors.js', import.meta.url))) {
  mod = await import('./processors.js');
} else {
  const { register } = await import('tsx/esm/api');
  register();
  mod = await import('./processors.ts');
}

export default mod.sandboxedExtract;

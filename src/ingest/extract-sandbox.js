// BullMQ sandboxed-processor entry for the extract queue (NEWSNLP_EXTRACT_MODE=sandboxed: the
// worker runner, workers.ts, hands BullMQ this file). Plain JavaScript so that the child process
// BullMQ forks can load it without flags: it registers tsx, then loads the TypeScript processor.
// When the parent worker dies (even by SIGKILL) the IPC channel closes and the child exits instead
// of lingering with open Redis connections.
import { register } from 'tsx/esm/api';

register();
if (typeof process.send === 'function') process.on('disconnect', () => process.exit(0));
const mod = await import('./processors.ts');

export default mod.sandboxedExtract;

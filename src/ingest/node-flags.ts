/**
 * The Node/V8 flags a worker process runs with. A worker extracts on its own thread (inline mode)
 * and is meant to be one core's worth of work: a machine runs as many worker processes as it has
 * cores. Measured with `npm run bench` on the BBC corpus (2 cores):
 *
 *   --single-threaded-gc      the collector works on the worker's thread instead of helper
 *                             threads: a little slower for one worker alone, but N workers on N
 *                             cores no longer fight over the cores with their own GC helpers
 *                             (2 workers went from about 1.5x to about 1.8x one)
 *   --max-semi-space-size=8   a smaller young generation and an old-space limit: V8 collects
 *   --max-old-space-size=512  sooner, so a busy worker stays near 250 MB resident instead of
 *                             300-440 MB of mostly garbage (the live heap is 50-70 MB: lexicons
 *                             and rule tables); 512 MB leaves room for a 2 MB article
 *
 * `newsnlp` (bin/newsnlp.js) starts with them; docker-compose.yml passes them to the worker
 * services; `newsnlp worker` warns when started without them. Sandboxed extraction children
 * (NEWSNLP_EXTRACT_MODE=sandboxed) get them too.
 */
export const WORKER_NODE_FLAGS: readonly string[] = ['--single-threaded-gc', '--max-semi-space-size=8', '--max-old-space-size=512'];

/** A flag's name: "--max-old-space-size=512" and "--max_old_space_size=1024" are the same flag. */
const flagName = (f: string) => f.split('=')[0]!.replace(/_/g, '-');
const WORKER_FLAG_NAMES = new Set(WORKER_NODE_FLAGS.map(flagName));

/** The flags of WORKER_NODE_FLAGS that this process was not started with (by flag name). */
export function missingWorkerFlags(execArgv: readonly string[] = process.execArgv): string[] {
  const have = new Set(execArgv.map(flagName));
  return WORKER_NODE_FLAGS.filter((f) => !have.has(flagName(f)));
}

/** These node arguments with the worker flags in place of any other values of the same flags. */
export function withWorkerFlags(execArgv: readonly string[]): string[] {
  return [...execArgv.filter((a) => !WORKER_FLAG_NAMES.has(flagName(a))), ...WORKER_NODE_FLAGS];
}

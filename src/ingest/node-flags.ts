/**
 * The Node/V8 flags a worker process runs with. A worker extracts on its own thread (inline mode)
 * and is meant to be one core's worth of work: a machine runs as many worker processes as it has
 * cores. Measured with `npm run bench` on the BBC corpus (2 cores):
 *
 *   --single-threaded-gc      the collector works on the worker's thread instead of helper
 *                             threads: a little slower for one worker alone, but N workers on N
 *                             cores no longer fight over the cores with their own GC helpers
 *   --max-semi-space-size=4   a small young generation: a worker alone runs ~7% slower than with
 *                             8 MB, but the CPU per article no longer rises when every core is
 *                             busy (8 MB: 1.20 ms alone, 1.35 ms with two workers; 4 MB: 1.36 and
 *                             1.31 ms), so two workers drain as fast as with 8 MB and one worker is
 *                             a steadier half of two; and it keeps the heap small
 *   --max-old-space-size=512  with the above, a busy worker stays near 210-240 MB resident instead
 *                             of 300-440 MB of mostly garbage (the live heap is 50-70 MB: lexicons
 *                             and rule tables); 512 MB leaves room for a 2 MB article
 *
 * `newsnlp` (bin/newsnlp.js) starts with them; docker-compose.yml passes them to the worker
 * services; `newsnlp worker` warns when started without them. Sandboxed extraction children
 * (NEWSNLP_EXTRACT_MODE=sandboxed) get them too.
 */
export const WORKER_NODE_FLAGS: readonly string[] = ['--single-threaded-gc', '--max-semi-space-size=4', '--max-old-space-size=512'];

/**
 * Flags the `newsnlp` command adds after the worker flags (the first line of bin/newsnlp.js is
 * `node <WORKER_NODE_FLAGS> <CLI_NODE_FLAGS>`):
 *
 *   --no-regexp-tier-up   regexps go straight to native code. By default V8 runs a new regexp in
 *                         its bytecode interpreter first and compiles it natively on its next run:
 *                         for the pipeline's large rule patterns (76 deal templates of about 2 KB)
 *                         a one-article `extract` spent ~275 ms interpreting and recompiling them
 *                         against ~55 ms compiling them once. Steady-state speed is the same. Only
 *                         ever given at start: set at run time (v8.setFlagsFromString) it crashed
 *                         about one start in a hundred.
 */
export const CLI_NODE_FLAGS: readonly string[] = ['--no-regexp-tier-up'];

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

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CLI_NODE_FLAGS, missingWorkerFlags, withWorkerFlags, WORKER_NODE_FLAGS } from '../../src/ingest/node-flags.ts';

describe('worker node flags', () => {
  it('are the flags on the first line of bin/newsnlp.js (then the command\'s own)', () => {
    const shebang = readFileSync(new URL('../../bin/newsnlp.js', import.meta.url), 'utf8').split('\n')[0]!;
    expect(shebang).toBe(`#!/usr/bin/env -S node ${[...WORKER_NODE_FLAGS, ...CLI_NODE_FLAGS].join(' ')}`);
  });

  it('names the flags a process was started without, by flag name (values and _ spellings aside)', () => {
    expect(missingWorkerFlags([])).toEqual([...WORKER_NODE_FLAGS]);
    expect(missingWorkerFlags(['--import', 'tsx', '--single_threaded_gc', '--max-old-space-size=1024'])).toEqual(['--max-semi-space-size=4']);
    expect(missingWorkerFlags([...WORKER_NODE_FLAGS])).toEqual([]);
  });

  it('puts the worker flags in place of other values of the same flags, keeping the rest', () => {
    expect(withWorkerFlags(['--import', 'tsx', '--max_old_space_size=4096', '--single-threaded-gc'])).toEqual(['--import', 'tsx', ...WORKER_NODE_FLAGS]);
  });
});

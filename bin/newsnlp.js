#!/usr/bin/env -S node --single-threaded-gc --max-semi-space-size=4 --max-old-space-size=512
// Entry point of the `newsnlp` command: runs the TypeScript sources through tsx, so there is no
// build step between `npm ci` and `npx newsnlp`. The flags on the first line are the worker flags
// of src/ingest/node-flags.ts (WORKER_NODE_FLAGS; a test keeps them equal).
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');

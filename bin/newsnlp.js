#!/usr/bin/env node
// Entry point of the `newsnlp` command: runs the TypeScript sources through tsx, so there is no
// build step between `npm ci` and `npx newsnlp`.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');

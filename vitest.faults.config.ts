import { defineConfig } from 'vitest/config';

/**
 * The fault suite (npm run test:faults; also run by .ci/run): tests/faults/*.fault.ts, one file, a
 * few minutes. It starts its own redis-server and PostgreSQL cluster; the normal suite
 * (vitest.config.ts, tests/**\/*.test.ts) never includes it.
 */
export default defineConfig({
  test: {
    include: ['tests/faults/**/*.fault.ts'],
    testTimeout: 15 * 60_000,
    hookTimeout: 5 * 60_000,
    pool: 'forks',
    maxWorkers: 1,
  },
});

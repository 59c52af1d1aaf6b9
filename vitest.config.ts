import { defineConfig } from 'vitest/config';

// Unit tests sit beside the code (`*.test.ts`); end-to-end tests that start the real Toxiproxy and k6 are
// named `*.e2e.test.ts` and get a longer timeout. Files run in parallel, tests within a file in order.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'mocks/**/*.test.ts', 'examples/**/*.test.ts', 'bench/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/setup/ensureTools.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});

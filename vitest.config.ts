import { defineConfig } from 'vitest/config';
import { LongestFirstSequencer } from './test/setup/longestFirstSequencer.ts';

const e2eFiles = '**/*.e2e.test.ts';
const testFiles = ['src', 'mocks', 'examples', 'bench', 'test'].map((dir) => `${dir}/**/*.test.ts`);

// Two projects, run one after the other (`sequence.groupOrder`):
// - `unit`: tests beside the code. They share their worker threads and module cache (`isolate: false`),
//   which takes the per-file start-up (a fresh process and a fresh TypeScript transform per file) out.
// - `e2e` (`*.e2e.test.ts`): the real k6, Toxiproxy, mocks and clients. Each file mostly waits on a
//   wall-clock scenario, so several files run at once and their waits overlap; tests within a file run in
//   order. The worker count is measured (README, Development); more workers than that saturate two cores
//   and make the runs themselves slower.
// `npm test` runs both; `npx vitest run --project unit` only the first.
export default defineConfig({
  test: {
    sequence: { sequencer: LongestFirstSequencer },
    projects: [
      {
        test: {
          name: 'unit',
          include: testFiles,
          exclude: [e2eFiles, '**/node_modules/**'],
          pool: 'threads',
          isolate: false,
          maxWorkers: 2,
          testTimeout: 30_000,
          hookTimeout: 60_000,
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          name: 'e2e',
          include: [e2eFiles],
          exclude: ['**/node_modules/**'],
          globalSetup: ['test/setup/ensureTools.ts'],
          pool: 'forks',
          maxWorkers: 3,
          testTimeout: 30_000,
          hookTimeout: 60_000,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});

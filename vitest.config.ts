import { defineConfig } from 'vitest/config';
import { LongestFirstSequencer } from './test/setup/longestFirstSequencer.ts';

const e2eFiles = '**/*.e2e.test.ts';
const testFiles = ['src', 'mocks', 'examples', 'bench', 'test'].map((dir) => `${dir}/**/*.test.ts`);

// Two projects, run one after the other (`sequence.groupOrder`):
// - `unit`: tests beside the code, in worker threads rather than child processes: a file starts in a thread
//   of a running process instead of a fresh node process (half the project's time, measured on 2 cores).
//   Each file keeps its own module graph (isolation on), so a module's state never leaks into another file.
// - `e2e` (`*.e2e.test.ts`): the real k6, Toxiproxy, mocks and clients. Each file mostly waits on a
//   wall-clock scenario, so several files run at once and their waits overlap; tests within a file run in
//   order. Three at once: the longest file (the proof on the night outage, three runs one after another)
//   starts first and sets the floor, and the other files fit beside it in two more workers (README,
//   Development); a fourth would only add load to two cores under runs whose timing is measured.
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
          // Three real runs share the two cores by design, so each waits on the others' CPU: machine.otherWork
          // would call most of them invalid at thap's own bound (150 ms/s; up to 1,170 ms/s measured here).
          // The runs' bound is raised for the suite and the report states it; test/machineBusy.e2e.test.ts
          // checks thap's own bound.
          env: { THAP_MACHINE_WAIT_BOUND_MS: '5000' },
          testTimeout: 30_000,
          hookTimeout: 60_000,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});

import { describe, expect, it } from 'vitest';
import type { TestSpecification, Vitest } from 'vitest/node';
import { LongestFirstSequencer } from './longestFirstSequencer.ts';

const root = '/repo';
const noHistory = { getFileTestResults: () => undefined, getFileStats: () => undefined };

/** Just what the sequencer reads of a vitest test file. */
function spec(file: string, project: 'unit' | 'e2e'): TestSpecification {
  const groupOrder = project === 'unit' ? 0 : 1;
  return { moduleId: `${root}/${file}`, project: { name: project, config: { root, isolate: project === 'e2e', sequence: { groupOrder } } } } as unknown as TestSpecification;
}

describe('LongestFirstSequencer', () => {
  it('starts the long end-to-end files first on a fresh checkout, after the unit project, keeping the rest in order', async () => {
    const sequencer = new LongestFirstSequencer({ cache: noHistory, config: { root } } as unknown as Vitest);
    const files = [
      spec('test/target.e2e.test.ts', 'e2e'),
      spec('test/shippedScenarios.e2e.test.ts', 'e2e'),
      spec('src/a.test.ts', 'unit'),
      spec('test/stackChoice.e2e.test.ts', 'e2e'),
      spec('examples/proof/nightConsignment.e2e.test.ts', 'e2e'),
    ];
    const sorted = await sequencer.sort(files);
    expect(sorted.map((entry) => entry.moduleId.slice(root.length + 1))).toEqual([
      'src/a.test.ts',
      'examples/proof/nightConsignment.e2e.test.ts',
      'test/shippedScenarios.e2e.test.ts',
      'test/target.e2e.test.ts',
      'test/stackChoice.e2e.test.ts',
    ]);
  });
});

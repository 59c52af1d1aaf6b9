import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The end-to-end files that take over 30 s, longest first (their durations in a whole `npm test`, README's
 * Development section). Three files run at once and the sum of the files' durations is about three times the
 * longest, so the suite ends soonest when the long files start first and the short ones fill in behind them:
 * vitest orders by the durations of the last run, and knows none on a fresh checkout (CI).
 */
const longestFiles = [
  'examples/proof/nightConsignment.e2e.test.ts',
  'examples/proof/demo.e2e.test.ts',
  'test/serviceOutages.e2e.test.ts',
  'test/shippedScenarios.e2e.test.ts',
  'examples/bad/badClients.e2e.test.ts',
  'test/exitCodes.e2e.test.ts',
  'test/kill.e2e.test.ts',
  'test/splitMerge.e2e.test.ts',
  'test/dockerStack.e2e.test.ts',
  'src/cli/commands/suite.e2e.test.ts',
  'test/regionalPartition.e2e.test.ts',
  'src/k8s/conductor/conduct.e2e.test.ts',
  'test/compose.e2e.test.ts',
  'test/machineBusy.e2e.test.ts',
  'test/harnessFailures.e2e.test.ts',
  'test/target.e2e.test.ts',
];

/** vitest's order (projects by `sequence.groupOrder`, then failed and longest first), with `longestFiles` first. */
export class LongestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (spec: TestSpecification) => {
      const index = longestFiles.indexOf(relative(spec.project.config.root, spec.moduleId));
      return index === -1 ? longestFiles.length : index;
    };
    const group = (spec: TestSpecification) => spec.project.config.sequence.groupOrder;
    return sorted
      .map((spec, index) => ({ spec, index }))
      .sort((a, b) => group(a.spec) - group(b.spec) || rank(a.spec) - rank(b.spec) || a.index - b.index)
      .map(({ spec }) => spec);
  }
}

import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * End-to-end files that run several full scenarios one after another, longest first (measured, README's
 * Development section). With three files at once the suite lasts about as long as the longest file, if that
 * file starts first: vitest orders by the durations of the last run, and knows none on a fresh checkout (CI).
 */
const longestFiles = ['examples/proof/nightConsignment.e2e.test.ts', 'examples/proof/demo.e2e.test.ts', 'test/shippedScenarios.e2e.test.ts', 'test/kill.e2e.test.ts', 'examples/bad/badClients.e2e.test.ts'];

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

import { describe, expect, it } from 'vitest';
import { failedCheckLines } from './failedCheckLines.ts';

describe('failedCheckLines', () => {
  it('names each failed check with its message, or its figure when it has none, and leaves the passed ones out', () => {
    expect(
      failedCheckLines([
        { name: 'harness.alive', passed: true, message: 'every process answered' },
        { name: 'load.onPlan', passed: false, figure: 10.7, message: 'k6 started 10.7% fewer visits' },
        { name: 'machine.otherWork', passed: false, figure: 5400 },
      ]),
    ).toEqual(['load.onPlan: k6 started 10.7% fewer visits', 'machine.otherWork: 5400']);
  });

  it('gives no line for a report without checks', () => {
    expect(failedCheckLines(undefined)).toEqual([]);
  });
});

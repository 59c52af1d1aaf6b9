import { describe, expect, it } from 'vitest';
import { runUntilValid } from './runUntilValid.ts';

const invalid = (why: string) => ({ report: { status: 'invalid', validity: { checks: [{ name: 'load.onPlan', passed: false, message: why }, { name: 'faults.onTime', passed: true, message: 'fine' }] } } });
const scored = (status: string) => ({ report: { status } });

/** A runOnce that hands out the given runs in order, counting its calls. */
function runsInTurn<Run>(runs: Run[]) {
  let calls = 0;
  return { runOnce: async () => runs[Math.min(calls++, runs.length - 1)] as Run, calls: () => calls };
}

describe('runUntilValid', () => {
  it('keeps a valid run, passed or failed, without running again', async () => {
    for (const status of ['passed', 'failed']) {
      const runs = runsInTurn([scored(status)]);
      const { run, invalidBefore } = await runUntilValid(runs.runOnce, 1);
      expect(run.report.status).toBe(status);
      expect(invalidBefore).toEqual([]);
      expect(runs.calls()).toBe(1);
    }
  });

  it('runs an invalid run again and keeps what made the first one invalid', async () => {
    const runs = runsInTurn([invalid('k6 fell behind'), scored('failed')]);
    const { run, invalidBefore } = await runUntilValid(runs.runOnce, 1);
    expect(run.report?.status).toBe('failed');
    expect(invalidBefore).toEqual(['load.onPlan: k6 fell behind']);
    expect(runs.calls()).toBe(2);
  });

  it('stops after maxReruns and returns the last invalid run', async () => {
    const runs = runsInTurn([invalid('first'), invalid('second'), scored('passed')]);
    const { run, invalidBefore } = await runUntilValid(runs.runOnce, 1);
    expect(run.report?.status).toBe('invalid');
    expect(invalidBefore).toEqual(['load.onPlan: first']);
    expect(runs.calls()).toBe(2);
  });

  it('does not run again a run that left no report (the harness failed before scoring: the test says so)', async () => {
    const runs = runsInTurn([{ report: undefined }]);
    const { run } = await runUntilValid(runs.runOnce, 1);
    expect(run.report).toBeUndefined();
    expect(runs.calls()).toBe(1);
  });
});

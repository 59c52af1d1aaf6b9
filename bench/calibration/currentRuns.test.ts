import { describe, expect, it } from 'vitest';
import { tempRepo } from '../../test/support/fileTree.ts';
import { scoringVersion } from '../../src/scoring/version.ts';
import type { CalibrationRun } from './calibrationRun.ts';
import { currentRunCheck, figuresStand } from './currentRuns.ts';

/** A repository holding the naive client and the demo scenario, committed once: a run made there is not stale. */
const repo = () => tempRepo('current', { 'examples/naive/server.ts': 'export {};\n', 'scenarios/demo.yaml': 'name: demo\n' });

const run = (fields: Partial<CalibrationRun>): CalibrationRun => ({ client: 'naive', scenario: 'demo', repeat: 1, status: 'passed', exitCode: 0, score: 62.2, at: '2026-12-06T12:00:00Z', ...fields });

describe('currentRunCheck', () => {
  it("counts a run of a known client at this tree's code and scoring, and leaves out one scored by another version or of an unknown client", async () => {
    const { dir, commit } = await repo();
    const current = currentRunCheck(dir);
    expect(current(run({ commit, scoring: scoringVersion }))).toBe(true);
    expect(current(run({ commit }))).toBe(true);
    expect(current(run({ commit, scoring: '7.0.0' }))).toBe(false);
    expect(current(run({ commit, scoring: scoringVersion, client: 'no-such-client' }))).toBe(false);
    expect(current(run({ scoring: scoringVersion }))).toBe(false);
  });

  it('keeps a scored run of an earlier patch of the scoring version, not an invalid one, nor another minor or major or a later patch', () => {
    expect(figuresStand({ scoring: '11.1.0', status: 'failed' }, '11.1.1')).toBe(true);
    expect(figuresStand({ scoring: '11.1.0', status: 'passed' }, '11.1.2')).toBe(true);
    expect(figuresStand({ scoring: '11.1.1', status: 'invalid' }, '11.1.1')).toBe(true);
    expect(figuresStand({ scoring: '11.1.0', status: 'invalid' }, '11.1.1')).toBe(false);
    expect(figuresStand({ scoring: '11.0.3', status: 'passed' }, '11.1.1')).toBe(false);
    expect(figuresStand({ scoring: '10.1.0', status: 'passed' }, '11.1.1')).toBe(false);
    expect(figuresStand({ scoring: '11.1.2', status: 'passed' }, '11.1.1')).toBe(false);
    expect(figuresStand({ status: 'passed' }, '11.1.1')).toBe(false);
  });
});

import { execFileSync } from 'node:child_process';
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scoringVersion } from '../../src/scoring/version.ts';
import type { CalibrationRun } from './calibrationRun.ts';
import { currentRunCheck } from './currentRuns.ts';

const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();

/** A repository holding the naive client and the demo scenario, committed once: a run made there is not stale. */
async function repo(): Promise<{ dir: string; commit: string }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'thap-current-'));
  git(dir, 'init', '-q');
  git(dir, 'config', 'user.email', 'bench@thap.invalid');
  git(dir, 'config', 'user.name', 'bench');
  for (const [file, text] of Object.entries({ 'examples/naive/server.ts': 'export {};\n', 'scenarios/demo.yaml': 'name: demo\n' })) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), text);
  }
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'first');
  return { dir, commit: git(dir, 'rev-parse', '--short', 'HEAD') };
}

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
});

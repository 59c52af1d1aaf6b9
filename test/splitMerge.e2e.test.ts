import { copyFile, mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../src/scoring/reportSchema.ts';
import { scoredTotal } from './support/scoring/scoredTotal.ts';
import { leftovers, readRunJson, runDirOf } from './support/leftovers.ts';
import { runThap } from './support/runThap.ts';
import { withoutPdf } from './support/withoutPdf.ts';

// Proof on one machine of what k6-operator does across machines (issue 9): the same scenario run by one k6
// process, and by two real k6 processes on execution segments 0:1/2 and 1/2:1 against one stack, whose
// outputs are then merged as two runners' outputs would be. Real k6, Toxiproxy, mocks and client.
const scenario = 'test/scenarios/split-outage.yaml';
/** docs/scoring.md "Repeatability": the same scenario, seed and client score within ±5 points over repeats. */
const SCORE_TOLERANCE_POINTS = 5;
/** Issue 9: the merged run's request counts equal the single-process run's within 1%. */
const COUNT_TOLERANCE = 0.01;
/**
 * Phase edges follow each run's own fault and recovery instants, which a loaded machine (this suite runs
 * several end-to-end files at once on two cores) moves by up to a few hundred ms: the requests of one wall
 * second may cross them (split-outage.yaml: 1 registration a simulated second at speed 30).
 */
const EDGE_SLACK_REQUESTS = 30;

const readReport = async (runDir: string) => JSON.parse(await readFile(join(runDir, 'report.json'), 'utf8')) as Report;
const within = (actual: number, expected: number, fraction: number) => Math.abs(actual - expected) <= fraction * expected;

describe('split a run into k6 execution segments, merge, score', { timeout: 110_000 }, () => {
  const single = { code: null as number | null, stderr: '', dir: '' };
  let out = '';
  beforeAll(async () => {
    out = await mkdtemp(join(tmpdir(), 'thap-split-'));
    const result = await runThap(['run', scenario, '--ci', '--out', out, ...withoutPdf]);
    Object.assign(single, { code: result.code, stderr: result.stderr, dir: runDirOf(result.stderr) });
  }, 110_000);

  it('two segments merged count the same requests as one process (within 1%) and score the same (within the tolerance)', async () => {
    expect(single.code, single.stderr).toBe(0);
    const singleDir = single.dir;
    const split = await runThap(['run', scenario, '--ci', '--out', out, '--segments', '2', ...withoutPdf]);
    expect(split.code, split.stderr).toBe(0);
    const splitDir = runDirOf(split.stderr);

    // One k6 process writes k6.csv; two write k6-0.csv and k6-1.csv, each about half the load.
    expect((await readdir(singleDir)).filter((name) => /^k6.*\.csv$/.test(name))).toEqual(['k6.csv']);
    expect((await readdir(splitDir)).filter((name) => /^k6.*\.csv$/.test(name)).sort()).toEqual(['k6-0.csv', 'k6-1.csv']);
    expect((await readRunJson(splitDir)).processes.map((entry) => entry.name)).toEqual(expect.arrayContaining(['k6-0', 'k6-1']));
    for (const dir of [singleDir, splitDir]) expect(await leftovers(dir)).toEqual({ processes: [], ports: [] });

    // Each segment's CSV as its own runner's output (as k6-operator leaves them), merged with the stack's files.
    const runners = await Promise.all(
      ['k6-0.csv', 'k6-1.csv'].map(async (name, index) => {
        const dir = join(out, `runner-${index}`);
        await mkdir(dir);
        await copyFile(join(splitDir, name), join(dir, 'k6.csv'));
        return dir;
      }),
    );
    const mergedDir = join(out, 'merged');
    const merge = await runThap(['report', '--merge', ...runners, '--out', mergedDir, '--stack-dir', splitDir, '--format', 'md']);
    expect(merge.code, merge.stderr).toBe(0);

    const [one, two, merged] = await Promise.all([readReport(singleDir), readReport(splitDir), readReport(mergedDir)]);
    const counts = (report: Report) => ({ httpRequests: report.samples.httpRequests, outcomes: report.samples.outcomes });
    // 11 simulated minutes at 1 registration a second: 660 journeys, each one request to the client.
    expect(one.samples.httpRequests).toBeGreaterThan(600);
    expect(counts(merged)).toEqual(counts(two));
    expect(within(merged.samples.httpRequests, one.samples.httpRequests, COUNT_TOLERANCE), `${merged.samples.httpRequests} vs ${one.samples.httpRequests}`).toBe(true);
    expect(within(merged.samples.outcomes, one.samples.outcomes, COUNT_TOLERANCE), `${merged.samples.outcomes} vs ${one.samples.outcomes}`).toBe(true);
    for (const phase of one.phases) {
      const other = merged.phases.find((candidate) => candidate.name === phase.name);
      expect(Math.abs((other?.requests ?? 0) - phase.requests), phase.name).toBeLessThanOrEqual(EDGE_SLACK_REQUESTS);
    }
    expect(Math.abs(scoredTotal(merged) - scoredTotal(one)), `${merged.score.total} vs ${one.score.total}`).toBeLessThanOrEqual(SCORE_TOLERANCE_POINTS);
    expect(merged.score.total).toBe(two.score.total);
  });

  // A CI pipeline gating a release on the run it just made: the same scenario as last time, failing when
  // the score fell too far. The single-process run above is that run, scored again against a baseline.
  it('thap report --baseline passes within the allowed regression and fails (exit 1) beyond it', async () => {
    const report = await readReport(single.dir);
    // An earlier release that scored 20 points higher.
    const better = join(out, 'better-baseline.json');
    await writeFile(better, JSON.stringify({ ...report, score: { ...report.score, total: Math.min(100, scoredTotal(report) + 20) } }));
    const beyond = await runThap(['report', single.dir, '--format', 'md', '--baseline', better, '--max-regression', '5']);
    expect(beyond.code, beyond.stdout + beyond.stderr).toBe(1);
    expect(beyond.stdout).toMatch(/FAIL .*score regression <= 5/);
    const allowed = await runThap(['report', single.dir, '--format', 'md', '--baseline', better, '--max-regression', '25']);
    expect(allowed.code, allowed.stdout + allowed.stderr).toBe(0);
    expect(allowed.stdout).toMatch(/PASS .*score regression <= 25/);
  });
});

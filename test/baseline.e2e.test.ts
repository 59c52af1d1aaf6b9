import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runDirOf } from './support/leftovers.ts';
import { runThap } from './support/runThap.ts';

// A CI pipeline gating a release: the same scenario as last time, failing when the score fell too far.
describe('thap run --baseline', { timeout: 120_000 }, () => {
  it('passes within the allowed regression and fails (exit 1) beyond it', async () => {
    const out = await mkdtemp(join(tmpdir(), 'thap-baseline-'));
    const first = await runThap(['run', 'test/scenarios/split-outage.yaml', '--ci', '--out', out]);
    expect(first.code, first.stderr.slice(-1_500)).toBe(0);
    const report = JSON.parse(await readFile(join(runDirOf(first.stderr), 'report.json'), 'utf8')) as { score: { total: number } };
    // An earlier release that scored 20 points higher.
    const better = join(out, 'better-baseline.json');
    await writeFile(better, JSON.stringify({ ...report, score: { ...report.score, total: Math.min(100, report.score.total + 20) } }));
    const second = await runThap(['run', 'test/scenarios/split-outage.yaml', '--ci', '--out', out, '--baseline', better, '--max-regression', '5']);
    expect(second.code, second.stdout).toBe(1);
    expect(second.stdout).toMatch(/FAIL .*score/);
  });
});

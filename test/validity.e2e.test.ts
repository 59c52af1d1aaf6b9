import { existsSync } from 'node:fs';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Report } from '../src/scoring/reportSchema.ts';
import { leftovers, readRunJson, runDirOf } from './support/leftovers.ts';
import { runThap } from './support/runThap.ts';

// End to end with the real k6 and Toxiproxy: the harness, not the client, fails mid-run, and the verdict says so.
// It needs `thap run` to watch its harness (src/run/watchHarness.ts, writing run.json harness.failures and
// harness.ndjson); until a run does, the same verdict is shown from the data by src/cli/commands/report.test.ts.
const watchesHarness = existsSync(fileURLToPath(new URL('../src/run/watchHarness.ts', import.meta.url)));

describe('run validity', { timeout: 150_000 }, () => {
  it.skipIf(!watchesHarness)(`the mocks SIGKILLed during the demo fault: exit 3, status invalid, harness.alive failing, no score, JUnit failing${watchesHarness ? '' : ' (skipped: thap run does not watch its harness yet)'}`, async () => {
    let killed: Promise<number | undefined> | undefined;
    const result = await runThap(['run', 'scenarios/demo.yaml', '--ci', '--out', await mkdtemp(join(tmpdir(), 'thap-e2e-'))], {
      onStderr: (stderr) => {
        // The progress line names the fault once it is on (README "Quick start").
        if (killed || !/faults: ehospital-down/.test(stderr)) return;
        killed = readRunJson(runDirOf(stderr)).then((run) => {
          const mocks = run.processes.find((entry) => entry.name === 'mocks');
          if (mocks) process.kill(mocks.pid, 'SIGKILL');
          return mocks?.pid;
        });
      },
    });
    expect(await killed, 'the mocks process was found and killed').toBeGreaterThan(0);
    const runDir = runDirOf(result.stderr);
    const report = JSON.parse(await readFile(join(runDir, 'report.json'), 'utf8')) as Report;
    expect(result.code, result.stderr.slice(-1_500)).toBe(3);
    expect(report.status).toBe('invalid');
    expect(report.score.total).toBeNull();
    const alive = report.validity?.checks.find((check) => check.name === 'harness.alive');
    expect(alive).toMatchObject({ passed: false, bound: 0 });
    expect(alive?.figure).toBeGreaterThanOrEqual(1);
    expect(alive?.message).toMatch(/the mocks process (exited|stopped answering) at sim \d\d:\d\d/);
    expect(result.stdout.split('\n')[0]).toMatch(/^demo — INVALID — no score/);
    const junit = await readFile(join(runDir, 'junit.xml'), 'utf8');
    expect(junit).toMatch(/<testcase classname="thap.validity" name="validity harness.alive" time="0">\n\s+<failure /);
    expect(await leftovers(runDir)).toEqual({ processes: [], ports: [] });
  });
});

import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScenario } from './support/runScenario.ts';

interface Check {
  name: string;
  passed: boolean;
  figure: number | null;
  bound: number;
  message: string;
}
interface Report {
  status: string;
  validity: { checks: Check[] };
}

const scenario = 'test/scenarios/busy-machine.yaml';
const otherWork = (report: Report | undefined) => report?.validity.checks.find((check) => check.name === 'machine.otherWork');

/**
 * Work outside the run: two busy loops per core, in one process at this process's priority (thap's too). One
 * loop per core kept the run's threads waiting 304 ms a wall second (docs/scoring.md); two hold them up further.
 */
async function startBurner(): Promise<ChildProcess> {
  const loops = `const { Worker } = require('node:worker_threads'); for (let i = 1; i < ${2 * availableParallelism()}; i++) new Worker('for (;;) {}', { eval: true }); console.log('burning'); for (;;) {}`;
  const burner = spawn(process.execPath, ['-e', loops], { stdio: ['ignore', 'pipe', 'inherit'] });
  await once(burner.stdout as NodeJS.ReadableStream, 'data');
  return burner;
}

// End to end with the real k6 and Toxiproxy: thap samples the machine's CPU into host.ndjson, and a run on a
// machine busy with work outside it is invalid, the machine named, not the client scored.
// The e2e project raises the bound for its runs, which share two cores three at a time by design
// (vitest.config.ts); these runs are judged by thap's own.
const thapsOwnBound = ['--machine-wait-bound', '150'];

describe('machine.otherWork', { timeout: 150_000 }, () => {
  it('a run alone is valid where outside work is light, and else invalid for this check only; its figure measured', async () => {
    const run = await runScenario<Report>(scenario, { args: thapsOwnBound });
    const check = otherWork(run.report);
    // On the shared machine other sessions' work can hold even a lone run up (measured: 342 ms/s with outside work
    // at 54% of the machine): then this check, and no other, makes it invalid, exit 3.
    const outsideShare = Number(/outside work took ([\d.]+)%/.exec(check?.message ?? '')?.[1]);
    if (outsideShare < 20) {
      expect(run.code, run.stderr.slice(-1_500)).toBe(0);
      expect(run.report?.status).toBe('passed');
      expect(check?.passed, check?.message).toBe(true);
    } else {
      expect(run.report?.validity.checks.filter((each) => !each.passed).map((each) => each.name)).toEqual(check?.passed ? [] : ['machine.otherWork']);
      expect(run.code).toBe(check?.passed ? 0 : 3);
    }
    expect(check?.figure).not.toBeNull();
    expect((await readFile(join(run.runDir as string, 'host.ndjson'), 'utf8')).trim().split('\n').length).toBeGreaterThanOrEqual(8);
  });

  it('the same run beside two busy loops per core: exit 3, invalid, machine.otherWork failing in report.json, the summary and JUnit', async () => {
    const burner = await startBurner();
    const run = await runScenario<Report>(scenario, { args: thapsOwnBound }).finally(() => burner.kill('SIGKILL'));
    expect(run.code, run.stderr.slice(-1_500)).toBe(3);
    expect(run.report?.status).toBe('invalid');
    const check = otherWork(run.report);
    expect(check?.passed, check?.message).toBe(false);
    expect(check?.figure).toBeGreaterThan(check?.bound ?? 100);
    expect(check?.message).toMatch(/the machine was busy with other work/);
    expect(run.stdout).toMatch(/FAIL {2}validity machine\.otherWork: /);
    expect(await readFile(join(run.runDir as string, 'junit.xml'), 'utf8')).toMatch(/<testcase classname="thap.validity" name="validity machine.otherWork" time="0">\n\s+<failure /);
  });
});

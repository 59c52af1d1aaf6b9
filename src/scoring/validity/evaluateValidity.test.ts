import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exitCodeForReport } from '../../report/exitCodeForReport.ts';
import { validityCheckNames } from '../reportSchema.ts';
import { scoreRun } from '../scoreRun.ts';
import { buildRunDir, type BuildRunDirOptions } from '../../../test/support/scoring/buildRunDir.ts';

const dirs: string[] = [];
afterAll(async () => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

// The demo's shape: 60 s at 10 visits/s, ehospital down from +20 s to +35 s; the naive client fails during it.
const demo: BuildRunDirOptions = {
  durationMs: 60_000,
  ratePerSec: 10,
  gates: ['integrity.lost == 0'],
  faults: [{ id: 'f1', fromMs: 20_000, toMs: 35_000, driftMs: 15, bytes: null }],
  plan: { clock: { speed: 60, startSim: 9.5 * 3_600_000 }, traffic: { visitsBySeries: { registration: 600 } } },
  runJson: { client: { health: { url: 'http://127.0.0.1:8080/health', ok: true, checkedAt: 1_700_000_000_000 }, exits: [] }, harness: { failures: [] } },
  harnessProbes: Array.from({ length: 60 }, (_, second) => ({ atMs: second * 1000, target: 'mocks', ok: true, latencyMs: 2, eventLoopP99Ms: 8 })),
  respond: ({ inFault }) => (inFault ? { ok: false, latencyMs: 3, outcome: 'failed' } : { ok: true, latencyMs: 20, outcome: 'done' }),
};

/** host.ndjson of the demo's 60 s on 2 cores: the run used 300 ms of CPU a second, work outside it `outsideMs`, and the run's threads waited `waitMs` for a CPU. */
const hostLines = ({ outsideMs, waitMs }: { outsideMs: number; waitMs: number }) =>
  Array.from({ length: 60 }, (_, second) => JSON.stringify({ t: 1_700_000_001_000 + second * 1000, wallMs: 1000, cores: 2, busyMs: outsideMs + 300, idleMs: 1_700 - outsideMs, runMs: 300, runWaitMs: waitMs, coreBusy: [0.5, 0.5], runIncludes: ['thap', 'k6', 'toxiproxy', 'mocks', 'client'] })).join('\n');

async function scored(over: Partial<BuildRunDirOptions>, host = { outsideMs: 100, waitMs: 12 }) {
  const { runDir } = await buildRunDir({ ...demo, ...over });
  dirs.push(runDir);
  await writeFile(join(runDir, 'host.ndjson'), hostLines(host));
  return scoreRun({ runDir });
}

describe('run validity in the report', () => {
  it('a sound run is valid: every check passed, in a stable order, and the client is scored', async () => {
    const report = await scored({});
    expect(report.validity?.checks.map((check) => check.name)).toEqual([...validityCheckNames]);
    expect(report.validity?.checks.map((check) => [check.name, check.passed, check.figure])).toEqual([
      ['harness.alive', true, 0],
      ['faults.touched', true, 0],
      ['load.onPlan', true, 0],
      ['faults.onTime', true, 15],
      ['mocks.baselineSpeed', true, 8],
      ['machine.otherWork', true, 3],
      ['machine.drainCapacity', true, null],
    ]);
    expect(report.status).toBe('passed');
    expect(report.score.total).toBeGreaterThan(0);
  });

  it('mocks killed mid-fault: invalid, no score, exit 3, whatever the gates say', async () => {
    const report = await scored({ runJson: { ...demo.runJson, harness: { failures: [{ process: 'mocks', at: 1_700_000_025_000, kind: 'exited', detail: 'signal SIGKILL' }] } } });
    expect(report.gates.every((gate) => gate.passed)).toBe(true);
    expect(report.status).toBe('invalid');
    expect(report.score.total).toBeNull();
    expect(report.score.withheld).toMatch(/^invalid run: harness\.alive: the mocks process exited at sim 09:55 \(signal SIGKILL\)/);
    expect(exitCodeForReport(report)).toBe(3);
  });

  it('a fault that never fired (0 hits) makes the run invalid instead of scoring the client ~100', async () => {
    const report = await scored({ faults: [{ id: 'f1', kind: 'http-status', fromMs: 20_000, toMs: 35_000, hits: 0 }], respond: () => ({ ok: true, latencyMs: 20, outcome: 'done' }) });
    expect(report.validity?.checks.find((check) => check.name === 'faults.touched')).toMatchObject({ passed: false, figure: 1 });
    expect(report.status).toBe('invalid');
  });

  it('a fault that touched nothing because the client sent nothing in its scope is the client\'s, not the harness\'s: the run is scored', async () => {
    // upstream.ndjson holds the client's e-Hospital requests only: none reached ICMR while its fault was applied.
    const report = await scored({ faults: [{ id: 'f1', kind: 'http-status', service: 'icmr', fromMs: 20_000, toMs: 35_000, hits: 0 }], respond: () => ({ ok: true, latencyMs: 20, outcome: 'done' }) });
    const check = report.validity?.checks.find((candidate) => candidate.name === 'faults.touched');
    expect(check).toMatchObject({ passed: true, figure: 0 });
    expect(check?.message).toContain('the client sent no request in the scope of f1');
    expect(report.status).not.toBe('invalid');
  });

  it('a load generator short of its plan, or mocks slow in the baseline, make it invalid', async () => {
    const short = await scored({ plan: { ...demo.plan, traffic: { visitsBySeries: { registration: 1000 } } } });
    expect(short.validity?.checks.find((check) => check.name === 'load.onPlan')).toMatchObject({ passed: false, figure: 40 });
    const slow = await scored({ harnessProbes: Array.from({ length: 20 }, (_, second) => ({ atMs: second * 1000, target: 'mocks', ok: true, latencyMs: 2500, eventLoopP99Ms: 2000 })) });
    expect(slow.validity?.checks.find((check) => check.name === 'mocks.baselineSpeed')).toMatchObject({ passed: false, figure: 2500 });
    expect([short.status, slow.status]).toEqual(['invalid', 'invalid']);
  });

  it('a machine busy with other work through the baseline and fault phases makes it invalid, naming the machine', async () => {
    const report = await scored({}, { outsideMs: 1_500, waitMs: 2_400 });
    expect(report.validity?.checks.find((check) => check.name === 'machine.otherWork')).toMatchObject({ passed: false, figure: 2_000 });
    expect(report.status).toBe('invalid');
    expect(report.score.withheld).toMatch(/^invalid run: machine\.otherWork: the run's threads waited 2000 ms per wall second for a CPU held by work outside the run/);
  });

  it("a queue still draining at the deadline is the machine's when the CPU ran out, the client's when it had CPU to spare", async () => {
    // Every write answered queued, NIC storing it 1.5x its offset plus 10 s on: the last stores (to +100 s) pass the deadline at +90 s.
    const draining = { drainDeadlineAfterMs: 30_000, respond: ({ offsetMs }: { offsetMs: number }) => ({ ok: true, latencyMs: 5, outcome: 'queued' as const, storedAfterMs: offsetMs / 2 + 10_000 }) };
    const drainHost = (waitMs: number) => Array.from({ length: 100 }, (_, second) => JSON.stringify({ t: 1_700_000_001_000 + second * 1000, wallMs: 1000, cores: 2, busyMs: second >= 60 ? 1_900 : 400, idleMs: second >= 60 ? 100 : 1_600, runMs: second >= 60 ? 1_900 : 400, runWaitMs: second >= 60 ? waitMs : 12, coreBusy: [0.5, 0.5], runIncludes: ['thap', 'k6', 'toxiproxy', 'mocks', 'client'] })).join('\n');
    const scoredWith = async (waitMs: number) => {
      const { runDir } = await buildRunDir({ ...demo, ...draining });
      dirs.push(runDir);
      await writeFile(join(runDir, 'host.ndjson'), drainHost(waitMs));
      return scoreRun({ runDir });
    };
    const saturated = await scoredWith(1_600);
    expect(saturated.integrity.undelivered).toBe(66);
    expect(saturated.validity?.checks.find((check) => check.name === 'machine.drainCapacity')).toMatchObject({ passed: false, figure: 66 });
    expect(saturated.status).toBe('invalid');
    expect(saturated.score.withheld).toMatch(/^invalid run: machine\.drainCapacity: the client was still delivering when the drain deadline came \(NIC stored 20 of its writes in the drain's last 3 simulated minutes; 66 were not there by the deadline\)/);
    const spare = await scoredWith(100);
    expect(spare.validity?.checks.find((check) => check.name === 'machine.drainCapacity')).toMatchObject({ passed: true, figure: 0 });
    expect(spare.validity?.checks.find((check) => check.name === 'machine.drainCapacity')?.message).toContain('waited 100 ms per wall second');
    expect(spare.status).not.toBe('invalid');
  });

  it('a harness error outranks invalid and also withholds the score; an interrupt outranks both', async () => {
    const failures = { harness: { failures: [{ process: 'toxiproxy', at: 1_700_000_030_000, kind: 'exited', detail: 'code 1' }] } };
    const errored = await scored({ status: 'error', runJson: { ...demo.runJson, ...failures, error: 'toxiproxy exited' } });
    expect([errored.status, errored.score.total]).toEqual(['error', null]);
    expect(errored.score.withheld).toContain('toxiproxy exited');
    const interrupted = await scored({ status: 'interrupted', runJson: { ...demo.runJson, ...failures } });
    expect(interrupted.status).toBe('interrupted');
  });
});

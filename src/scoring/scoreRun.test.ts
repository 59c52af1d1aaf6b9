import { rm } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { reportSchema } from './reportSchema.ts';
import { scoreRun } from './scoreRun.ts';
import { buildRunDir, type BuildRunDirOptions } from '../../test/support/scoring/buildRunDir.ts';
import { scoredTotal } from '../../test/support/scoring/scoredTotal.ts';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function score(options: BuildRunDirOptions) {
  const built = await buildRunDir(options);
  dirs.push(built.runDir);
  return { ...built, report: await scoreRun({ runDir: built.runDir }) };
}

const outage = { durationMs: 60_000, ratePerSec: 10, faults: [{ id: 'f1', fromMs: 20_000, toMs: 40_000 }] };

describe('scoreRun', () => {
  it('shows a hard outage in the fault phase and a quick recovery after it', async () => {
    const { report } = await score({
      ...outage,
      gates: ['phase.fault.availability > 0.5', 'integrity.lost == 0', 'recovery.ttr < 300s'],
      respond: ({ inFault }) => (inFault ? { ok: false, latencyMs: 3, outcome: 'failed' } : { ok: true, latencyMs: 20, outcome: 'done' }),
    });
    expect(reportSchema.parse(report)).toBeTruthy();
    const phase = (name: string) => report.phases.find((p) => p.name === name);
    expect(phase('baseline')?.availability).toBe(1);
    expect(phase('fault')?.availability).toBe(0);
    expect(phase('recovery')?.availability).toBe(1);
    expect(phase('baseline')?.requests).toBe(200);
    expect(phase('fault')?.requests).toBe(200);
    expect(phase('baseline')?.p95Ms).toBeGreaterThan(19);
    expect(phase('baseline')?.p95Ms).toBeLessThan(21);
    expect(report.integrity).toMatchObject({ accepted: 400, stored: 400, lost: 0, duplicated: 0, pending: 0 });
    expect(report.recovery.ttrMs).not.toBeNull();
    // One simulated minute (one wall second at the fixture's 60x), on the incident's clock with its wall twin.
    expect(report.recovery.ttrMs ?? Infinity).toBeLessThanOrEqual(60_000);
    expect(report.recovery.ttrWallMs).toBe((report.recovery.ttrMs ?? 0) / 60);
    expect(report.recovery.ttdMs).toBe(0);
    expect(report.recovery.resilienceLoss).toBeGreaterThan(1900);
    expect(report.recovery.metastable).toBe(false);
    expect(report.status).toBe('failed');
    // The scenario's three gates, then those every run gets (integrity.lost == 0 is already stated).
    expect(report.gates.map((gate) => `${gate.expr} ${gate.passed}`)).toEqual([
      expect.stringMatching(/ false$/),
      expect.stringMatching(/ true$/),
      expect.stringMatching(/ true$/),
      'client.healthy == 1 true',
      'client.exits == 0 true',
      'client.invalidAnswers == 0 true',
      'integrity.falseClaims == 0 true',
    ]);
    expect(report.gates[0]?.actual).toBe(0);
    expect(report.scenario).toEqual({ name: 'fixture', fingerprint: 'sha256:fixture', seed: 42 });
  });

  it('scores a client that queues during the fault higher than one that fails', async () => {
    const failing = await score({ ...outage, respond: ({ inFault }) => (inFault ? { ok: false, latencyMs: 3, outcome: 'failed' } : { ok: true, latencyMs: 20, outcome: 'done' }) });
    const queuing = await score({
      ...outage,
      respond: ({ inFault }) => (inFault ? { ok: true, latencyMs: 5, outcome: 'queued', storedAfterMs: 25_000 } : { ok: true, latencyMs: 20, outcome: 'done' }),
    });
    expect(queuing.report.phases.find((p) => p.name === 'fault')?.availability).toBe(1);
    expect(scoredTotal(queuing.report)).toBeGreaterThan(scoredTotal(failing.report) + 20);
    expect(queuing.report.integrity).toMatchObject({ accepted: 600, queued: 200, stored: 600, pending: 0 });
    expect(queuing.report.nic.drainTimeMs).toBeGreaterThan(4000);
  });

  it('counts lost, duplicated and pending records from the ledger', async () => {
    const { report } = await score({
      ...outage,
      gates: ['integrity.lost == 0', 'integrity.duplicated <= 3', 'integrity.undelivered == 0'],
      respond: ({ index, inFault }) => {
        if (!inFault) return { ok: true, latencyMs: 20, outcome: 'done', stored: index % 50 === 0 ? 2 : 1 };
        if (index % 10 === 0) return { ok: true, latencyMs: 20, outcome: 'done', stored: 0 };
        if (index % 10 === 1) return { ok: true, latencyMs: 5, outcome: 'queued', stored: 0 };
        return { ok: true, latencyMs: 20, outcome: 'done' };
      },
    });
    expect(report.integrity.lost).toBe(20);
    expect(report.integrity.pending).toBe(20);
    expect(report.integrity.duplicated).toBe(8);
    expect(report.integrity.extraRecords).toBe(8);
    expect(report.integrity.lostSample).toContain('pt-200');
    expect(report.gates.filter((gate) => gate.expr.startsWith('integrity.')).map((gate) => `${gate.expr} ${gate.passed}`)).toEqual([
      'integrity.lost == 0 false',
      'integrity.duplicated <= 3 false',
      'integrity.undelivered == 0 false',
      'integrity.falseClaims == 0 true',
    ]);
    const integrity = report.score.components.find((c) => c.name === 'integrity');
    expect(integrity?.value).toBeLessThan(0.5);
  });

  it('finds no recovery and calls it metastable when goodput stays low after the fault', async () => {
    const { report } = await score({
      ...outage,
      respond: ({ offsetMs }) => (offsetMs >= 20_000 ? { ok: false, latencyMs: 4, outcome: 'failed' } : { ok: true, latencyMs: 20, outcome: 'done' }),
    });
    expect(report.recovery.ttrMs).toBeNull();
    expect(report.recovery.metastable).toBe(true);
    expect(report.score.components.find((c) => c.name === 'recover')?.value).toBe(0);
  });

  it('judges recovery under the load the plan offered, not on the answers still in flight after its end', async () => {
    // The plan offers load for 50 s; the run goes on 10 s more while k6 waits for what is in flight. Those late
    // answers all fail: a slow client has more of them, a fast one none, so they are no measure of its recovery.
    const stragglers = {
      ...outage,
      plan: { clock: { startSim: 9 * 3_600_000, speed: 60, wallDurationMs: 50_000 } },
      respond: ({ inFault, offsetMs }: { inFault: boolean; offsetMs: number }) => (inFault || offsetMs >= 50_000 ? { ok: false, latencyMs: 3, outcome: 'failed' as const } : { ok: true, latencyMs: 20, outcome: 'done' as const }),
    };
    const { report, startedAt } = await score(stragglers);
    const hold = report.phases.find((p) => p.name === 'hold');
    expect([hold?.start, hold?.end]).toEqual([startedAt + 45_000, startedAt + 50_000]);
    expect(hold?.availability).toBe(1);
    expect(report.recovery.metastable).toBe(false);
    expect(report.recovery.ttrMs ?? Infinity).toBeLessThanOrEqual(60_000);
    // Q(t) ends with the plan: the chart and the resilience loss do not count the late answers either.
    expect(report.recovery.curve.filter((point) => point.t >= startedAt + 50_000 && point.q !== null)).toEqual([]);
    // Without the plan's end in plan.json (older runs), the run's end bounds it as before.
    const { report: unbounded } = await score({ ...stragglers, plan: {} });
    expect(unbounded.recovery.metastable).toBe(true);
    // 10 simulated minutes of load after the fault hold the 5-minute window; 3 do not, whatever the tail.
    const shortWarning = expect.stringContaining('the load after the last fault (3 simulated minutes) is shorter than the hold window');
    expect(report.warnings).not.toContainEqual(expect.stringContaining('shorter than the hold window'));
    const { report: shortLoad } = await score({ ...stragglers, plan: { clock: { startSim: 9 * 3_600_000, speed: 60, wallDurationMs: 43_000 } } });
    expect(shortLoad.warnings).toContainEqual(shortWarning);
  });

  it('sees a client that hangs on a dead NIC: no detection, fail-fast scored low', async () => {
    const { report } = await score({
      ...outage,
      respond: ({ inFault }) => (inFault ? { ok: false, latencyMs: 30_000, outcome: 'failed' } : { ok: true, latencyMs: 20, outcome: 'done' }),
    });
    expect(report.recovery.ttdMs).toBeNull();
    expect(report.phases.find((p) => p.name === 'fault')?.failFastMs).toBeGreaterThan(29_000);
    expect(report.score.components.find((c) => c.name === 'fail-fast')?.value).toBeLessThan(0.01);
    expect(report.phases.find((p) => p.name === 'fault')?.latencyInflation).toBeGreaterThan(1000);
  });

  it('measures retry amplification and the post-recovery burst from upstream.ndjson', async () => {
    const { report } = await score({
      ...outage,
      capacityPerSec: 40,
      respond: ({ inFault, offsetMs }) =>
        inFault
          ? { ok: false, latencyMs: 3, outcome: 'failed', upstreamAttempts: 4 }
          : offsetMs >= 40_000 && offsetMs < 42_000
            ? { ok: true, latencyMs: 20, outcome: 'done', upstreamAttempts: 8, attemptGapMs: 1 }
            : { ok: true, latencyMs: 20, outcome: 'done' },
    });
    // 400 single attempts, 200 x 4 in the fault, 20 x 8 just after it.
    expect(report.nic.upstreamRequests).toBe(380 + 800 + 160);
    expect(report.nic.logicalRequests).toBe(600);
    expect(report.nic.retryAmplification).toBeCloseTo(1340 / 600, 5);
    // 10 requests x 8 attempts in the second after the fault, plus the last fault retries spilling over.
    expect(report.nic.peakOverBaseline).toBeGreaterThanOrEqual(8);
    expect(report.nic.peakOverBaseline).toBeLessThan(9);
    expect(report.nic.capacityPerSec).toBe(40);
    expect(report.nic.peakOverCapacity).toBeCloseTo((report.nic.peakUpstreamPerSecAfterRecovery ?? 0) / 40, 5);
    expect(report.nic.peakOverCapacity).toBeGreaterThan(2);
    expect(report.score.components.find((c) => c.name === 'amplification')?.value).toBeLessThan(0.3);
  });

  it('is interrupted or error when run.json says so, whatever the gates', async () => {
    const interrupted = await score({ ...outage, status: 'interrupted', gates: ['score >= 0'], respond: () => ({ ok: true, latencyMs: 10, outcome: 'done' }) });
    expect(interrupted.report.status).toBe('interrupted');
    expect(interrupted.report.score.total).toBeNull();
    expect(interrupted.report.score.withheld).toMatch(/^the run was interrupted before its scenario ended/);
    const errored = await score({ ...outage, status: 'error', respond: () => ({ ok: true, latencyMs: 10, outcome: 'done' }) });
    expect(errored.report.status).toBe('error');
  });

  it('treats a whole run without faults as baseline and leaves fault components unmeasured', async () => {
    const { report } = await score({ durationMs: 10_000, ratePerSec: 5, upstream: false, gates: ['score >= 70'], respond: () => ({ ok: true, latencyMs: 10, outcome: 'done' }) });
    expect(report.phases.map((p) => p.name)).toEqual(['baseline']);
    expect(report.score.components.filter((c) => c.value === null).map((c) => c.name)).toEqual(['absorb', 'recover', 'fail-fast', 'amplification']);
    expect(report.score.total).toBe(100);
    expect(report.status).toBe('passed');
  });

  it('gives each fault its own phase when there are several, and ignores a fault that failed to apply', async () => {
    const { report } = await score({
      durationMs: 60_000,
      ratePerSec: 10,
      faults: [
        { id: 'a', fromMs: 10_000, toMs: 20_000 },
        { id: 'b', fromMs: 30_000, toMs: 40_000 },
        { id: 'c', fromMs: 45_000, toMs: 50_000, applyOk: false },
      ],
      respond: ({ inFault }) => ({ ok: !inFault, latencyMs: 10, outcome: inFault ? 'failed' : 'done' }),
    });
    expect(report.phases.map((p) => p.name)).toEqual(['baseline', 'fault', 'fault-a', 'fault-b', 'recovery', 'hold']);
    expect(report.phases.find((p) => p.name === 'fault-a')?.availability).toBe(0);
    expect(report.faults.find((f) => f.faultId === 'c')).toMatchObject({ ok: false, appliedAt: null });
  });

  it("leaves out the harness's own requests in k6's setup and teardown groups", async () => {
    const { runDir } = await buildRunDir({ durationMs: 10_000, ratePerSec: 5, respond: () => ({ ok: true, latencyMs: 10, outcome: 'done' }) });
    dirs.push(runDir);
    const { appendFile } = await import('node:fs/promises');
    await appendFile(`${runDir}/k6.csv`, 'http_req_duration,1700000000500,900.0,,,,false,::setup,GET,thap-beacon,HTTP/1.1,,,503,,,thap-beacon,,\n');
    const report = await scoreRun({ runDir });
    expect(report.samples.httpRequests).toBe(50);
    expect(report.phases[0]?.availability).toBe(1);
  });

  it('names the file when the run directory is incomplete', async () => {
    const { runDir } = await buildRunDir({ ...outage, respond: () => ({ ok: true, latencyMs: 1 }) });
    dirs.push(runDir);
    await rm(`${runDir}/plan.json`);
    await expect(scoreRun({ runDir })).rejects.toThrow(/plan\.json: cannot read it/);
  });
});

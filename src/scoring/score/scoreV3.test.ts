import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scoreRun } from '../scoreRun.ts';
import type { BuildRunDirOptions, FixtureAnswer } from '../../../test/support/scoring/buildRunDir.ts';
import { cleanFixtures, scoreFixture } from '../../../test/support/scoring/scoreFixture.ts';
import { scoredTotal } from '../../../test/support/scoring/scoredTotal.ts';

afterAll(cleanFixtures);

// One simulated hour at 60x, NIC down for 20 simulated minutes; the clients differ only in the fault.
const outage = { durationMs: 60_000, ratePerSec: 10, faults: [{ id: 'f1', fromMs: 20_000, toMs: 40_000 }] };
const normal: FixtureAnswer = { ok: true, latencyMs: 20, outcome: 'done' };
const client = (inFault: (request: { index: number; offsetMs: number }) => FixtureAnswer): BuildRunDirOptions['respond'] => (request) => (request.inFault ? inFault(request) : normal);

const refuses = client(() => ({ ok: false, latencyMs: 3, outcome: 'failed' }));
const lies = client(() => ({ ok: true, latencyMs: 3, outcome: 'done', stored: 0 }));
const queues = client(({ offsetMs }) => ({ ok: true, latencyMs: 5, outcome: 'queued', storedAfterMs: 40_000 - offsetMs + 1_000 }));
const dropsSome = client(({ index, offsetMs }) => ({ ok: true, latencyMs: 5, outcome: 'queued', stored: index % 50 === 0 ? 0 : 1, storedAfterMs: 40_000 - offsetMs + 1_000 }));
const duplicates = client(({ offsetMs }) => ({ ok: true, latencyMs: 5, outcome: 'queued', stored: 2, storedAfterMs: 40_000 - offsetMs + 1_000 }));

// The demo's gate on writes answered queued (scenarios/demo.yaml).
const run = async (respond: BuildRunDirOptions['respond'], extra: Partial<BuildRunDirOptions> = {}) => (await scoreFixture({ ...outage, gates: ['integrity.undelivered == 0'], respond, ...extra })).report;
const gate = (report: Awaited<ReturnType<typeof run>>, expr: string) => report.gates.find((result) => result.expr === expr)?.passed;

describe('score v3', () => {
  it('puts an honest client that refuses work above one that claims work it never delivers', async () => {
    const honest = await run(refuses);
    const liar = await run(lies);
    expect(liar.score.components.find((part) => part.name === 'absorb')?.value).toBe(0);
    expect(scoredTotal(liar)).toBeLessThan(scoredTotal(honest));
    expect(liar.status).toBe('failed');
    expect(gate(liar, 'integrity.lost == 0')).toBe(false);
  });

  it('gives integrity nothing for a few made-up NIC ids in a large run: the lie costs its whole weight, not its share', async () => {
    // Through the fault one write in 50 cannot go through: the liar answers it done with a made-up id, the honest
    // client refuses it; both serve the rest. 1 write in 150 of the run: spread over the run's volume the lie
    // would cost integrity 7% of its 25 points, and the liar would sit a point or two below the honest client.
    const briefLiar = client(({ index }) => (index % 50 === 0 ? { ok: true, latencyMs: 3, outcome: 'done', stored: 0, claimedId: `MADE-UP-${index}` } : normal));
    const refusesSome = client(({ index }) => (index % 50 === 0 ? { ok: false, latencyMs: 3, outcome: 'failed' } : normal));
    const liar = await run(briefLiar);
    const honest = await run(refusesSome);
    expect(liar.integrity.falseClaims).toBeGreaterThan(0);
    expect(liar.integrity.falseClaims).toBeLessThan(liar.integrity.accepted / 100);
    expect(liar.score.components.find((part) => part.name === 'integrity')?.value).toBe(0);
    expect(scoredTotal(honest) - scoredTotal(liar)).toBeGreaterThan(20);
  });

  it('disqualifies a client with made-up NIC ids: total 0, below even an honest client that stores every write twice', async () => {
    const briefLiar = client(({ index }) => (index % 50 === 0 ? { ok: true, latencyMs: 3, outcome: 'done', stored: 0, claimedId: `MADE-UP-${index}` } : normal));
    const liar = await run(briefLiar);
    const storing = await run(duplicates);
    expect(liar.score.total).toBe(0);
    expect(liar.score.disqualified).toContain(`${liar.integrity.falseClaims} answers claimed NIC ids NIC never issued`);
    // The components stay as measured: most of the liar's run was served well.
    expect(liar.score.components.find((part) => part.name === 'fail-fast')?.points).toBeGreaterThan(0);
    expect(storing.score.disqualified).toBeUndefined();
    expect(scoredTotal(storing)).toBeGreaterThan(0);
  });

  it('puts an honest client that refuses work above one whose HTTP 200s answer outside the contract', async () => {
    const garbage: BuildRunDirOptions['respond'] = () => ({ ok: true, latencyMs: 5, outcome: 'invalid', stored: 0 });
    const honest = await run(refuses);
    const unusable = await run(garbage);
    const baseline = unusable.phases.find((phase) => phase.kind === 'baseline');
    expect(baseline?.availability).toBe(0);
    expect(baseline?.goodput).toBe(0);
    expect(unusable.score.components.find((part) => part.name === 'absorb')?.value).toBe(0);
    expect(scoredTotal(unusable)).toBeLessThan(scoredTotal(honest));
    expect(unusable.status).toBe('failed');
  });

  it('puts a client that keeps the counters open and loses nothing above one that refuses work', async () => {
    const open = await run(queues);
    const refusing = await run(refuses);
    expect(open.status).toBe('passed');
    expect(open.score.total).toBeGreaterThan(95);
    expect(scoredTotal(open) - scoredTotal(refusing)).toBeGreaterThanOrEqual(35);
    expect(refusing.score.components.find((part) => part.name === 'abandoned')?.value).toBeCloseTo(1 - 200 / 600 / 0.5, 5);
  });

  it('fails a client that silently drops writes it answered queued, counting each', async () => {
    const dropper = await run(dropsSome);
    expect(dropper.integrity.pending).toBe(4);
    expect(dropper.gates.find((result) => result.expr === 'integrity.undelivered == 0')).toMatchObject({ passed: false, actual: 4 });
    expect(dropper.status).toBe('failed');
    expect(scoredTotal(dropper)).toBeLessThan(scoredTotal(await run(queues)));
  });

  it('takes the integrity component away from a client that stores every queued write twice', async () => {
    const report = await run(duplicates);
    expect(report.integrity.extraRecords).toBe(200);
    expect(report.score.components.find((part) => part.name === 'integrity')?.value).toBe(0);
  });

  it("fails a client that did not answer thap's health check, or exited mid-run", async () => {
    const unhealthy = await run(queues, { runClient: { health: { url: 'http://127.0.0.1:8080/health', ok: false, checkedAt: 1_699_999_999_000, error: 'ECONNREFUSED' } } });
    expect(unhealthy.gates.find((result) => result.expr === 'client.healthy == 1')).toMatchObject({ passed: false, actual: 0 });
    expect(unhealthy.run.client?.health?.error).toBe('ECONNREFUSED');
    const crashed = await run(queues, { runClient: { exits: [{ at: 1_700_000_030_000, code: 1, signal: null }] } });
    expect(crashed.gates.find((result) => result.expr === 'client.exits == 0')).toMatchObject({ passed: false, actual: 1 });
    expect(crashed.status).toBe('failed');
  });

  it('fails, rather than errs, a run whose client never became healthy and so got no load', async () => {
    const { runDir } = await scoreFixture({ ...outage, respond: queues, runClient: { health: { url: 'http://127.0.0.1:8080/health', ok: false, checkedAt: 1_699_999_999_000, error: 'ECONNREFUSED' } } });
    await rm(join(runDir, 'k6.csv'));
    const report = await scoreRun({ runDir });
    expect(report.samples.httpRequests).toBe(0);
    expect(report.status).toBe('failed');
    expect(report.gates.filter((result) => !result.passed).map((result) => result.expr)).toContain('client.healthy == 1');
    // The report says why there is nothing to score, not that k6 failed.
    expect(report.warnings).toContain('no load was sent: the client failed its health check at http://127.0.0.1:8080/health (ECONNREFUSED)');
    expect(report.warnings.join(' ')).not.toContain('k6.log');
  });

  it('says a client that sent NIC nothing left nothing to count, and a run without the upstream log was not measured', async () => {
    const amplificationOf = (report: Awaited<ReturnType<typeof run>>) => report.score.components.find((part) => part.name === 'amplification');
    // Every write answered from the client's own store: not one reached NIC, so upstream.ndjson is there and empty.
    const silent = await run(() => ({ ok: true, latencyMs: 3, outcome: 'queued', stored: 0, upstreamAttempts: 0 }));
    expect(amplificationOf(silent)).toMatchObject({ value: null, explanation: expect.stringContaining('holds no NIC request of the client') });
    const unlogged = await run(queues, { upstream: false });
    expect(amplificationOf(unlogged)).toMatchObject({ value: null, explanation: expect.stringContaining('no upstream request log') });
  });
});

import { mkdtemp, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRunInfo } from './readRunInfo.ts';

async function runDirWith(run: Record<string, unknown>, plan: Record<string, unknown> = {}): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'thap-runinfo-'));
  await writeFile(join(dir, 'run.json'), JSON.stringify({ runId: 'r1', status: 'completed', startedAt: 1_000, endedAt: 9_000, ...run }));
  await writeFile(join(dir, 'plan.json'), JSON.stringify({ name: 'demo', gates: [], ...plan }));
  return dir;
}

describe('readRunInfo: plan.json, parsed once for all of scoring', () => {
  // The demo's plan (src/scenario/plan.ts): 09:30 at 60x, the drain deadline 60 simulated minutes after the load.
  const demoPlan = {
    clock: { startSim: 34_200_000, durationSim: 3_600_000, speed: 60, date: '2024-02-19' },
    drain: { afterLoadSim: 3_600_000, deadlineSim: 41_400_000, deadlineWallMs: 120_000 },
    traffic: { visitsBySeries: { registration: 1_800, sample: 200 } },
  };

  it('passes the clock, the drain deadline and the planned visits on', async () => {
    expect(await readRunInfo({ runDir: await runDirWith({}, demoPlan) })).toMatchObject({
      clock: { simStartMs: 34_200_000, speed: 60, date: '2024-02-19' },
      drain: { deadlineSim: 41_400_000, deadlineWallMs: 120_000 },
      plannedVisits: 2_000,
    });
  });

  it('leaves out what an older plan does not hold, and reads its clock as speed 1 from midnight', async () => {
    const info = await readRunInfo({ runDir: await runDirWith({}) });
    expect([info.drain, info.plannedVisits, info.clock]).toEqual([undefined, undefined, { simStartMs: 0, speed: 1 }]);
  });

  it('names plan.json, the field and the fix when the drain is malformed', async () => {
    const runDir = await runDirWith({}, { drain: { deadlineSim: 1, deadlineWallMs: 'soon' } });
    await expect(readRunInfo({ runDir })).rejects.toThrow(/plan\.json: drain\.deadlineWallMs: .*number.*; write the plan with thap/);
  });
});

describe('readRunInfo: the client and harness fields of run.json', () => {
  it('reads a run.json older than the fields as a healthy-unknown client with no exits and no harness failures', async () => {
    const info = await readRunInfo({ runDir: await runDirWith({}) });
    expect(info.clientHealth).toBeUndefined();
    expect(info.clientExits).toEqual([]);
    expect(info.harnessFailures).toEqual([]);
  });

  it('passes the health check, client exits and harness failures on to scoring', async () => {
    const health = { url: 'http://127.0.0.1:8080/health', ok: false, checkedAt: 1_500, error: 'ECONNREFUSED' };
    const exits = [{ at: 3_000, code: 1, signal: null, region: 'lucknow' }];
    const failures = [{ process: 'mocks', at: 4_000, kind: 'exited', detail: 'signal SIGKILL' }];
    const info = await readRunInfo({ runDir: await runDirWith({ client: { health, exits }, harness: { failures } }) });
    expect(info.clientHealth).toEqual(health);
    expect(info.clientExits).toEqual(exits);
    expect(info.harnessFailures).toEqual(failures);
  });

  it("passes on what the client's outbox said was pending when thap stopped waiting, only for a client with an outbox", async () => {
    expect((await readRunInfo({ runDir: await runDirWith({ drain: { outbox: true, waitedMs: 27_325, pendingAtEnd: 1_305 } }) })).clientPendingAtDrainEnd).toBe(1_305);
    expect((await readRunInfo({ runDir: await runDirWith({ drain: { outbox: false, waitedMs: 0, pendingAtEnd: 0 } }) })).clientPendingAtDrainEnd).toBeUndefined();
    expect((await readRunInfo({ runDir: await runDirWith({}) })).clientPendingAtDrainEnd).toBeUndefined();
  });

  it('names run.json and the field when a harness failure names an unknown process', async () => {
    const runDir = await runDirWith({ harness: { failures: [{ process: 'redis', at: 1, kind: 'exited', detail: '' }] } });
    await expect(readRunInfo({ runDir })).rejects.toThrow(/run\.json: harness\.failures\.0\.process/);
  });
});

describe('readRunInfo: a run whose thap was killed', () => {
  it('reads a run left `running` as interrupted, ended at the last write to the directory', async () => {
    const dir = await runDirWith({ status: 'running', startedAt: 1_700_000_000_000, endedAt: undefined });
    await writeFile(join(dir, 'k6.csv'), 'metric_name,timestamp,metric_value\n');
    const early = new Date(1_700_000_001_000);
    const lastWrite = new Date(1_700_000_042_000);
    for (const name of ['run.json', 'plan.json']) await utimes(join(dir, name), early, early);
    await utimes(join(dir, 'k6.csv'), lastWrite, lastWrite);
    expect(await readRunInfo({ runDir: dir })).toMatchObject({ status: 'interrupted', startedAt: 1_700_000_000_000, endedAt: 1_700_000_042_000 });
  });

  it('keeps the status and end of a run that ended', async () => {
    expect(await readRunInfo({ runDir: await runDirWith({}) })).toMatchObject({ status: 'completed', endedAt: 9_000 });
  });
});

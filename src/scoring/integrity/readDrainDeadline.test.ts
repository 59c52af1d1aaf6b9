import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readDrainDeadline } from './readDrainDeadline.ts';

const dirs: string[] = [];
afterAll(async () => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

async function planDir(plan: unknown): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'thap-deadline-'));
  dirs.push(dir);
  await writeFile(join(dir, 'plan.json'), JSON.stringify(plan));
  return dir;
}

// The demo's clock: 09:30 for 60 min at 60x; the deadline 60 simulated minutes after the load, 11:30.
const demo = { clock: { startSim: 34_200_000, durationSim: 3_600_000, speed: 60 }, drain: { afterLoadSim: 3_600_000, deadlineSim: 41_400_000, deadlineWallMs: 120_000 } };
const t0 = 1_700_000_000_000;

describe('readDrainDeadline', () => {
  it('places the deadline at t0 plus its planned wall offset, with its simulated time of day', async () => {
    const runDir = await planDir(demo);
    expect(await readDrainDeadline({ runDir, t0, loadEndAt: t0 + 61_000 })).toEqual({ at: t0 + 120_000, simMs: 41_400_000 });
  });

  it('never places it before the load\'s last answer, moving its simulated time by the speed', async () => {
    const runDir = await planDir(demo);
    expect(await readDrainDeadline({ runDir, t0, loadEndAt: t0 + 121_500 })).toEqual({ at: t0 + 121_500, simMs: 41_400_000 + 1_500 * 60 });
  });

  it('is null for a plan without one, and names the file and the field when it is malformed', async () => {
    expect(await readDrainDeadline({ runDir: await planDir({ gates: [] }), t0, loadEndAt: null })).toBeNull();
    const broken = await planDir({ drain: { deadlineSim: 1, deadlineWallMs: 'soon' } });
    await expect(readDrainDeadline({ runDir: broken, t0, loadEndAt: null })).rejects.toThrow(/plan\.json: drain\.deadlineWallMs: .*number/);
  });
});

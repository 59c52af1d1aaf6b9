import { rm } from 'node:fs/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { UserError } from '../../core/index.ts';
import { scoreRun } from '../scoreRun.ts';
import { buildRunDir } from '../../../test/support/scoring/buildRunDir.ts';
import { scoreRunBounded } from './scoreRunBounded.ts';

const dirs: string[] = [];
afterAll(async () => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

describe('scoreRunBounded', () => {
  it('gives the same report as scoreRun, from a worker thread', async () => {
    const { runDir } = await buildRunDir({ durationMs: 30_000, ratePerSec: 10, gates: ['score >= 70'], faults: [{ id: 'f1', fromMs: 10_000, toMs: 20_000 }], respond: ({ inFault }) => ({ ok: !inFault, latencyMs: 10, outcome: inFault ? 'failed' : 'done' }) });
    dirs.push(runDir);
    const now = () => new Date('2026-01-01T00:00:00Z');
    expect(await scoreRunBounded({ runDir, now })).toEqual(await scoreRun({ runDir, now }));
  });

  it('leaves the breakdown out when asked (thap compare renders none), and scores the same', async () => {
    const { runDir } = await buildRunDir({ durationMs: 30_000, ratePerSec: 10, faults: [{ id: 'f1', fromMs: 10_000, toMs: 20_000 }], respond: ({ inFault }) => ({ ok: !inFault, latencyMs: 10, outcome: inFault ? 'failed' : 'done' }) });
    dirs.push(runDir);
    const now = () => new Date('2026-01-01T00:00:00Z');
    const { breakdown, ...full } = await scoreRunBounded({ runDir, now });
    const lean = await scoreRunBounded({ runDir, now, breakdown: false });
    expect(breakdown?.steps.length).toBeGreaterThan(0);
    expect(lean).not.toHaveProperty('breakdown');
    expect(lean).toEqual(full);
  });

  it('brings a user error back as a UserError with its message', async () => {
    const { runDir } = await buildRunDir({ durationMs: 5000, ratePerSec: 2, respond: () => ({ ok: true, latencyMs: 1 }) });
    dirs.push(runDir);
    await rm(`${runDir}/run.json`);
    const error = await scoreRunBounded({ runDir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toMatch(/run\.json: cannot read it/);
    expect((error as UserError).code).toBe('THAP_RUN_DIR');
  });
});

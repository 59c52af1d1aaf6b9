import { afterAll, describe, expect, it } from 'vitest';
import type { BuildRunDirOptions } from '../../../test/support/scoring/buildRunDir.ts';
import { cleanFixtures, scoreFixture } from '../../../test/support/scoring/scoreFixture.ts';
import { scoredTotal } from '../../../test/support/scoring/scoredTotal.ts';

afterAll(cleanFixtures);

const MINUTE = 60_000;

/**
 * The demo's incident (scenarios/demo.yaml: 09:30-10:30, 0.5 registrations per simulated second, NIC down
 * 09:50-10:05) at a given speed. The client is the same at any speed: it fails fast while NIC is down and,
 * for 3 simulated minutes after, answers slowly (above the SLO) while it catches up.
 */
function demoAt(speed: number): BuildRunDirOptions {
  const sim = (wallOffsetMs: number) => wallOffsetMs * speed;
  return {
    durationMs: (60 * MINUTE) / speed,
    ratePerSec: 0.5 * speed,
    clock: { startSim: 9.5 * 60 * MINUTE, speed },
    faults: [{ id: 'down', fromMs: (20 * MINUTE) / speed, toMs: (35 * MINUTE) / speed }],
    respond: ({ inFault, offsetMs }) => {
      if (inFault) return { ok: false, latencyMs: 4, outcome: 'failed' };
      const catchingUp = sim(offsetMs) >= 35 * MINUTE && sim(offsetMs) < 38 * MINUTE;
      return { ok: true, latencyMs: catchingUp ? 3000 : 15, outcome: 'done' };
    },
  };
}

describe('scores on the incident clock', () => {
  it('give the same durations and score at the shipped speed and at half of it', async () => {
    const fast = (await scoreFixture(demoAt(60))).report;
    const slow = (await scoreFixture(demoAt(30))).report;
    expect(fast.clock).toMatchObject({ speed: 60, simStartMs: 9.5 * 60 * MINUTE });
    expect(slow.settings.bucketMs).toBe(MINUTE);
    expect(slow.settings.bucketWallMs).toBe(2 * fast.settings.bucketWallMs);
    expect(fast.recovery.ttrMs).toBe(3 * MINUTE);
    expect(slow.recovery.ttrMs).toBe(fast.recovery.ttrMs);
    expect(slow.recovery.ttrWallMs).toBe(2 * (fast.recovery.ttrWallMs ?? 0));
    expect(fast.phases.find((phase) => phase.name === 'fault')).toMatchObject({ durationMs: 15 * MINUTE, simStart: (9 * 60 + 50) * MINUTE, simEnd: (10 * 60 + 5) * MINUTE });
    expect(slow.phases.find((phase) => phase.name === 'fault')?.durationMs).toBe(15 * MINUTE);
    expect(fast.faults[0]?.simAppliedAt).toBe((9 * 60 + 50) * MINUTE);
    expect(fast.timeline.tSim[0]).toBe(9.5 * 60 * MINUTE);
    expect(Math.abs(scoredTotal(fast) - scoredTotal(slow))).toBeLessThan(0.5);
  });
});

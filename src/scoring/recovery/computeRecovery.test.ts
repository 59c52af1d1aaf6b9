import { afterEach, describe, expect, it } from 'vitest';
import { cleanFixtures, scoreFixture } from '../../../test/support/scoring/scoreFixture.ts';
import type { BuildRunDirOptions } from '../../../test/support/scoring/buildRunDir.ts';

afterEach(cleanFixtures);

const recoveryOf = async (options: BuildRunDirOptions) => (await scoreFixture(options)).report.recovery;

// Two outages, wall 10-20 s and 40-50 s (simulated minutes at the fixture's 60x); NIC is up between them.
const twoOutages = { durationMs: 70_000, ratePerSec: 10, faults: [{ id: 'first', fromMs: 10_000, toMs: 20_000 }, { id: 'second', fromMs: 40_000, toMs: 50_000 }] };
const inGap = (offsetMs: number) => offsetMs >= 29_000 && offsetMs < 31_000;

describe('time to detect', () => {
  it('is read within each outage: a slow minute while NIC is up between two outages is not a missed outage', async () => {
    const recovery = await recoveryOf({
      ...twoOutages,
      respond: ({ inFault, offsetMs }) => (inFault ? { ok: false, latencyMs: 3, outcome: 'failed' } : { ok: true, latencyMs: inGap(offsetMs) ? 4_000 : 20, outcome: 'done' }),
    });
    // Both outages noticed at once; over the span of both, the slow gap would have read 21 simulated minutes.
    expect(recovery.ttdMs).toBe(0);
  });

  it('is the slowest outage to be noticed, on the incident clock', async () => {
    const recovery = await recoveryOf({
      ...twoOutages,
      // The second outage hangs for its first 3 s of wall (3 simulated minutes) before failing fast.
      respond: ({ inFault, offsetMs }) => (inFault ? { ok: false, latencyMs: offsetMs >= 40_000 && offsetMs < 43_000 ? 5_000 : 3, outcome: 'failed' } : { ok: true, latencyMs: 20, outcome: 'done' }),
    });
    expect(recovery.ttdMs).toBe(3 * 60_000);
    expect(recovery.ttdWallMs).toBe(3_000);
  });

  it('is null when one outage is never noticed', async () => {
    const recovery = await recoveryOf({
      ...twoOutages,
      respond: ({ inFault, offsetMs }) => (inFault ? { ok: false, latencyMs: offsetMs >= 40_000 ? 5_000 : 3, outcome: 'failed' } : { ok: true, latencyMs: 20, outcome: 'done' }),
    });
    expect(recovery.ttdMs).toBeNull();
  });
});

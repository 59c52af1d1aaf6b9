import { describe, expect, it } from 'vitest';
import { createServiceTimes } from '../clock/serviceTimes.ts';
import { CapacityGate } from './capacityGate.ts';

describe('CapacityGate', () => {
  it('admits up to concurrency, queues up to queueLimit, then refuses with retryAfterSec', async () => {
    const gate = new CapacityGate({ concurrency: 2, queueLimit: 1, retryAfterSec: 7, serviceTimeMs: 0 });
    const a = await gate.admit();
    const b = await gate.admit();
    expect(a.admitted && b.admitted).toBe(true);
    const queued = gate.admit();
    expect(gate.queueLength).toBe(1);
    expect(await gate.admit()).toEqual({ admitted: false, retryAfterSec: 7 });
    if (a.admitted) a.release();
    const third = await queued;
    expect(third.admitted).toBe(true);
    expect(gate.queueLength).toBe(0);
  });

  it('spaces starts 1/ratePerSec apart', async () => {
    const gate = new CapacityGate({ ratePerSec: 50, queueLimit: 10, retryAfterSec: 1, serviceTimeMs: 0 });
    const started = Date.now();
    const admissions = await Promise.all([gate.admit(), gate.admit(), gate.admit()]);
    expect(admissions.every((admission) => admission.admitted)).toBe(true);
    expect(Date.now() - started).toBeGreaterThanOrEqual(38);
  });

  it('on a segmented clock, spaces starts and answers Retry-After at the speed of the moment', async () => {
    const HOUR = 3_600_000;
    const t0 = 1_700_000_000_000;
    // 09:00 at 60x, from 10:00 (wall +60 s) at 600x: 1 start per wall second, then 10.
    const times = createServiceTimes({ startSim: 9 * HOUR, speed: 60, segments: [{ fromSim: 10 * HOUR, speed: 600 }] });
    times.start(t0);
    const gate = new CapacityGate({ ratePerSec: 1, queueLimit: 0, retryAfterSec: 30, serviceTimeMs: 0 }, times);
    expect((await gate.admit(t0)).admitted).toBe(true);
    // 30 s at 60x is 30 simulated minutes, all in the first segment.
    expect(await gate.admit(t0 + 500)).toEqual({ admitted: false, retryAfterSec: 30 });
    // From 09:58:30, 30 simulated minutes cross the change: 1.5 s at 60x to 10:00, then 2.85 s at 600x.
    expect((await gate.admit(t0 + 58_000)).admitted).toBe(true);
    expect(await gate.admit(t0 + 58_500)).toEqual({ admitted: false, retryAfterSec: 4 });
    // The next start was due a wall second after 09:58; past it, in the 600x segment, starts are 100 ms apart.
    expect((await gate.admit(t0 + 61_000)).admitted).toBe(true);
    expect((await gate.admit(t0 + 61_100)).admitted).toBe(true);
    expect(await gate.admit(t0 + 61_150)).toEqual({ admitted: false, retryAfterSec: 3 });
  });
});

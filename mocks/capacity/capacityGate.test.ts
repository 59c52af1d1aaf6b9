import { describe, expect, it } from 'vitest';
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
});

import { describe, expect, it } from 'vitest';
import type { Phase } from '../reportSchema.ts';
import { computeScore } from './computeScore.ts';

const phase = (kind: 'baseline' | 'fault', steps: Phase['steps'], goodput: number): Phase =>
  ({
    name: kind,
    kind,
    faultIds: [],
    start: 0,
    end: 1,
    simStart: 0,
    simEnd: 60,
    durationMs: 60,
    durationWallMs: 1,
    requests: 100,
    successes: 100,
    droppedIterations: 0,
    availability: 1,
    offeredPerSec: 1,
    achievedPerSec: 1,
    goodputPerSec: goodput,
    goodput,
    p50Ms: 10,
    p95Ms: 20,
    p99Ms: 30,
    latencyInflation: 1,
    failFastMs: null,
    outcomes: { done: 100, queued: 0, failed: 0 },
    steps,
  }) as Phase;

const absorbFrom = (baseline: Phase, fault: Phase) =>
  computeScore({
    baseline,
    fault,
    recovery: { faultStart: null, faultEnd: null } as never,
    integrity: { accepted: 0 } as never,
    nic: { measured: false, retryAmplification: null } as never,
    harm: { journeys: [], backlog: null, summary: [] },
    deliveredShare: null,
  }).components.find((component) => component.name === 'absorb');
const absorbOf = (fault: Phase) => absorbFrom(phase('baseline', { createSrf: { done: 90, queued: 0, failed: 0 }, createConsignment: { done: 10, queued: 0, failed: 0 } }, 1), fault);

describe('absorb', () => {
  it('takes the desk that stopped: a failed consignment step outweighs SRFs that still work (O13)', () => {
    const naive = absorbOf(phase('fault', { createSrf: { done: 20, queued: 0, failed: 0 }, createConsignment: { done: 0, queued: 0, failed: 8 } }, 0.7));
    expect(naive?.value).toBe(0);
    expect(naive?.explanation).toContain('createConsignment');
    const resilient = absorbOf(phase('fault', { createSrf: { done: 20, queued: 0, failed: 0 }, createConsignment: { done: 0, queued: 8, failed: 0 } }, 1));
    expect(resilient?.value).toBe(1);
  });

  it('weighs only steps a client can keep: an online payment no client can take while the gateway is down is not a desk the client stopped', () => {
    const baseline = phase('baseline', { fee: { done: 90, queued: 0, failed: 0 }, onlinePayment: { done: 30, queued: 0, failed: 0 } }, 1);
    const fault = phase('fault', { fee: { done: 90, queued: 0, failed: 0 }, onlinePayment: { done: 0, queued: 0, failed: 30 } }, 0.75);
    const absorb = absorbFrom(baseline, fault);
    expect(absorb?.value).toBeCloseTo(0.75, 5);
    expect(absorb?.explanation).not.toContain('onlinePayment');
    // The fee desk stopping is still the client's to answer for.
    const feeStopped = absorbFrom(baseline, phase('fault', { fee: { done: 0, queued: 0, failed: 90 }, onlinePayment: { done: 30, queued: 0, failed: 0 } }, 0.25));
    expect(feeStopped?.value).toBe(0);
    expect(feeStopped?.explanation).toContain('fee step');
  });

  it('ignores steps with too few answers to judge', () => {
    const few = absorbOf(phase('fault', { createSrf: { done: 20, queued: 0, failed: 0 }, createConsignment: { done: 0, queued: 0, failed: 2 } }, 0.9));
    expect(few?.value).toBeCloseTo(0.9, 5);
  });
});

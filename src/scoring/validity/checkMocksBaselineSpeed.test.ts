import { describe, expect, it } from 'vitest';
import { checkMocksBaselineSpeed, MOCKS_BASELINE_BOUND_MS } from './checkMocksBaselineSpeed.ts';

const at = (s: number, latencyMs: number, eventLoopP99Ms: number, target = 'mocks') => ({ t: s * 1000, target, ok: true, latencyMs, eventLoopP99Ms });

describe('mocks.baselineSpeed', () => {
  it('passes mocks answering at their own speed, one stall does not decide it', () => {
    const probes = [at(1, 2, 6), at(2, 3, 8), at(3, 2, 1200), at(4, 2.5, 7), at(5, 2, 6)];
    const check = checkMocksBaselineSpeed({ probes, from: 0, to: 10_000 });
    expect(check).toMatchObject({ name: 'mocks.baselineSpeed', passed: true, figure: 7, bound: MOCKS_BASELINE_BOUND_MS, unit: 'ms' });
  });

  it('fails a saturated machine: the mocks themselves slow in the baseline', () => {
    const probes = [at(1, 900, 850), at(2, 2400, 1900), at(3, 1800, 2100)];
    const check = checkMocksBaselineSpeed({ probes, from: 0, to: 10_000 });
    expect(check).toMatchObject({ passed: false, figure: 1900 });
    expect(check.message).toContain('the machine, not the client, was slow');
  });

  it('reads only successful mocks probes inside the baseline', () => {
    const probes = [at(1, 2, 5), at(2, 2, 5), at(3, 2, 5), at(20, 3000, 3000), at(2, 3000, 3000, 'toxiproxy')];
    expect(checkMocksBaselineSpeed({ probes, from: 0, to: 10_000 })).toMatchObject({ passed: true, figure: 5 });
    expect(checkMocksBaselineSpeed({ probes: probes.slice(0, 2), from: 0, to: 10_000 })).toMatchObject({ passed: true, figure: null });
  });
});

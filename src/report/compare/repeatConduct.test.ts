import { describe, expect, it } from 'vitest';
import { ALIKE_NIC_REQUESTS_SHARE, repeatConduct } from './repeatConduct.ts';

const run = (requestsToNic: number | null, metastable: boolean | null = false) => ({ requestsToNic, metastable });

describe('repeatConduct', () => {
  it('finds runs alike when every one says what it sent NIC and they differ by no more than the share', () => {
    // journal's O2: 1.0% apart, the widest of any client whose scores repeat.
    expect(repeatConduct([run(40_000), run(40_400), run(40_200)])).toEqual({ verdict: 'alike', evidence: ['NIC received 40,000 to 40,400 of its requests'] });
    expect(repeatConduct([run(0), run(0)]).verdict).toBe('alike');
  });

  it('finds them different when NIC received more than the share more in one run', () => {
    // Highest less lowest, over their midpoint.
    const low = 10_000;
    expect(repeatConduct([run(low), run(low * (1 + ALIKE_NIC_REQUESTS_SHARE + 0.01))]).verdict).toBe('differed');
    expect(repeatConduct([run(low), run(low * (1 + ALIKE_NIC_REQUESTS_SHARE))]).verdict).toBe('alike');
    // retry-storm's O3: 39,568 and 53,920.
    expect(repeatConduct([run(53_920), run(39_568)])).toEqual({ verdict: 'differed', evidence: ['NIC received 39,568 to 53,920 of its requests'] });
  });

  it('finds them different when the client stayed metastable after the fault in some runs only, whatever NIC received', () => {
    expect(repeatConduct([run(25_262), run(25_000), run(25_100, true)])).toEqual({
      verdict: 'differed',
      evidence: ['NIC received 25,000 to 25,262 of its requests', 'metastable after the fault in 1 of 3 runs'],
    });
    // Metastable in every run is no difference.
    expect(repeatConduct([run(100, true), run(100, true)]).verdict).toBe('alike');
  });

  it('cannot say they were alike when a run does not say what it sent NIC, but can say they differed', () => {
    expect(repeatConduct([run(100), run(100), run(null, null)])).toEqual({ verdict: 'unknown', evidence: ['NIC received 100 to 100 of its requests'] });
    expect(repeatConduct([run(null), run(null)])).toEqual({ verdict: 'unknown', evidence: [] });
    expect(repeatConduct([run(100), run(300), run(null, null)]).verdict).toBe('differed');
    expect(repeatConduct([run(null, true), run(null, false)]).verdict).toBe('differed');
  });
});

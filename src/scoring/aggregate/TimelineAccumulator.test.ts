import { describe, expect, it } from 'vitest';
import { TimelineAccumulator } from './TimelineAccumulator.ts';

describe('TimelineAccumulator.addNicWait', () => {
  it('spreads a wait in a NIC queue over the buckets it spans, clipped to the run', () => {
    const timeline = new TimelineAccumulator(0, 3000, 1000);
    timeline.addNicWait(500, 2200);
    timeline.addNicWait(2900, 4000);
    timeline.addNicWait(-500, 100);
    expect([...timeline.nicQueuedMs]).toEqual([600, 1000, 300]);
  });
});

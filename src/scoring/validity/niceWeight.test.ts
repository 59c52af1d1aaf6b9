import { describe, expect, it } from 'vitest';
import { niceWeight } from './niceWeight.ts';

describe('niceWeight', () => {
  it("counts work at the run's priority or above fully, and lower priorities at the share the scheduler lets them take", () => {
    expect([niceWeight({ nice: -15, runNice: 0 }), niceWeight({ nice: 0, runNice: 0 }), niceWeight({ nice: -15, runNice: -15 })]).toEqual([1, 1, 1]);
    expect(niceWeight({ nice: 10, runNice: 0 })).toBeCloseTo(0.194, 3);
    expect(niceWeight({ nice: 19, runNice: 0 })).toBeCloseTo(0.029, 3);
    expect(niceWeight({ nice: 0, runNice: -15 })).toBeCloseTo(0.068, 3);
    expect(niceWeight({ nice: 1, runNice: 0 })).toBeGreaterThan(niceWeight({ nice: 2, runNice: 0 }));
  });
});

import { describe, expect, it } from 'vitest';
import { niceWeight } from './niceWeight.ts';

describe('niceWeight', () => {
  it('counts normal priority fully and niced work at the share the scheduler lets it take from a nice-0 process', () => {
    expect([niceWeight(-15), niceWeight(0)]).toEqual([1, 1]);
    expect(niceWeight(10)).toBeCloseTo(0.194, 3);
    expect(niceWeight(19)).toBeCloseTo(0.029, 3);
    expect(niceWeight(1)).toBeGreaterThan(niceWeight(2));
  });
});

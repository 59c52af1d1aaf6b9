import { describe, expect, it } from 'vitest';
import { waitValue } from './computeScore.ts';

describe('waitValue (fail-fast on a log scale)', () => {
  it('gives full marks up to the fast bound and none from 10 s', () => {
    expect(waitValue(80, 106)).toBe(1);
    expect(waitValue(106, 106)).toBe(1);
    expect(waitValue(10_000, 106)).toBe(0);
    expect(waitValue(30_000, 106)).toBe(0);
  });

  it('values a wait by its ratio: doubling a blink costs what doubling a stall costs', () => {
    const blink = waitValue(150, 106) - waitValue(300, 106);
    const stall = waitValue(3_000, 106) - waitValue(6_000, 106);
    expect(blink).toBeCloseTo(stall, 10);
    // The demo's retry storm at 30x and 60x (docs/scoring.md, speed invariance): 150 and 282 ms against a 106 ms bound.
    expect(waitValue(150, 106) - waitValue(282, 106)).toBeLessThan(0.15);
    expect(waitValue(282, 106)).toBeGreaterThan(waitValue(2_000, 106));
  });

  it('gives nothing when even the fast bound is a hang', () => {
    expect(waitValue(12_000, 11_000)).toBe(0);
  });
});

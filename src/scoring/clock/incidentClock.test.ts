import { describe, expect, it } from 'vitest';
import { simAt, simSpan, wallSpan } from './incidentClock.ts';

// The demo's clock (scenarios/demo.yaml): 09:30 at t0, 60 simulated seconds per wall second.
const demo = { speed: 60, t0: 1_700_000_000_000, simStartMs: 9.5 * 3_600_000 };

describe('incident clock', () => {
  it('maps wall instants to simulated ms of day', () => {
    expect(simAt(demo, demo.t0)).toBe(9.5 * 3_600_000);
    // Wall +20 s at 60x is 09:50, the demo's fault.
    expect(simAt(demo, demo.t0 + 20_000)).toBe((9 * 60 + 50) * 60_000);
  });

  it('turns wall spans into simulated spans and back', () => {
    expect(simSpan(demo, 15_000)).toBe(15 * 60_000);
    expect(simSpan(demo, null)).toBeNull();
    expect(wallSpan(demo, 60_000)).toBe(1000);
  });
});

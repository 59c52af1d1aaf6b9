import { describe, expect, it } from 'vitest';
import { RouteHealth } from './routeHealth.ts';

const settings = { probeInitialMs: 100, probeMaxMs: 1_000, tripAfter: 3, paceStep: 0.25, minPace: 1 / 8 };

describe('RouteHealth', () => {
  it('stays healthy through a refusal among answers (NIC at its capacity) and halves its pace', () => {
    const route = new RouteHealth(settings);
    expect(route.failed(1_000, 0)).toBe(false);
    expect(route.healthy).toBe(true);
    expect(route.mayTry(0)).toBe(true);
    expect(route.pace).toBe(0.5);
    route.answered();
    expect(route.failed(undefined, 0)).toBe(false);
    expect(route.failed(undefined, 0)).toBe(false);
    expect(route.healthy).toBe(true);
  });

  it('turns unhealthy after failures in a row and waits for NIC\'s Retry-After before its one probe', () => {
    const route = new RouteHealth(settings);
    route.failed(undefined, 0);
    route.failed(undefined, 0);
    expect(route.failed(5_000, 0)).toBe(true);
    expect(route.healthy).toBe(false);
    expect(route.mayTry(4_999)).toBe(false);
    expect(route.mayTry(5_000)).toBe(true);
    route.probing();
    expect(route.mayTry(60_000)).toBe(false);
    expect(route.answered()).toBe(true);
    expect(route.mayTry(0)).toBe(true);
  });

  it('keeps its pace while failed probes say NIC is still away, and raises it with each answer', () => {
    const route = new RouteHealth(settings);
    for (let failure = 0; failure < 10; failure += 1) route.failed(undefined, failure);
    // Halved at each of the three failures while healthy (1 -> 0.125), the third tripped it: probes do not slow it further.
    expect(route.pace).toBe(0.125);
    route.answered();
    expect(route.pace).toBe(0.375);
    route.answered();
    route.answered();
    route.answered();
    expect(route.pace).toBe(1);
  });

  it('never paces below its floor', () => {
    const route = new RouteHealth({ ...settings, tripAfter: 100 });
    for (let failure = 0; failure < 20; failure += 1) route.failed(undefined, failure);
    expect(route.pace).toBe(1 / 8);
  });
});

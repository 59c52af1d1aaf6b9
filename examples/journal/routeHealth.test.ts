import { describe, expect, it } from 'vitest';
import { RouteHealth } from './routeHealth.ts';

const settings = { probeInitialMs: 100, probeMaxMs: 1_000, tripAfter: 3, paceWindow: 10, minPace: 1 / 8 };

describe('RouteHealth', () => {
  it('stays healthy through a refusal among answers (NIC busy) and paces at the share NIC answered', () => {
    const route = new RouteHealth(settings);
    expect(route.pace).toBe(1);
    expect(route.failed(1_000, 0)).toBe(false);
    expect(route.healthy).toBe(true);
    expect(route.mayTry(0)).toBe(true);
    route.answered();
    expect(route.failed(undefined, 0)).toBe(false);
    expect(route.failed(undefined, 0)).toBe(false);
    expect(route.healthy).toBe(true);
    expect(route.pace).toBe(0.25);
  });

  it('follows a gateway that fails 70% of sends at 30% of the rate, not at its floor', () => {
    const route = new RouteHealth({ ...settings, tripAfter: 100 });
    for (let round = 0; round < 5; round += 1) {
      for (let i = 0; i < 7; i += 1) route.failed(undefined, 0);
      for (let i = 0; i < 3; i += 1) route.answered();
    }
    expect(route.pace).toBeCloseTo(0.3, 10);
    // As the gateway recovers, the old failures leave the window.
    for (let i = 0; i < 10; i += 1) route.answered();
    expect(route.pace).toBe(1);
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

  it('keeps its pace while failed probes say NIC is still away', () => {
    const route = new RouteHealth(settings);
    for (let i = 0; i < 7; i += 1) route.answered();
    for (let failure = 0; failure < 10; failure += 1) route.failed(undefined, failure);
    // The three failures that tripped it count; the seven failed probes after them do not.
    expect(route.pace).toBeCloseTo(0.7, 10);
    route.answered();
    expect(route.pace).toBeCloseTo(0.7, 10);
  });

  it('never paces below its floor', () => {
    const route = new RouteHealth({ ...settings, tripAfter: 100 });
    for (let failure = 0; failure < 20; failure += 1) route.failed(undefined, failure);
    expect(route.pace).toBe(1 / 8);
  });
});

import { describe, expect, it } from 'vitest';
import type { HarmJourney } from '../reportSchema.ts';
import { computeScore } from './computeScore.ts';

const journey = (kind: string, offered: number, notCompleted: number): HarmJourney => ({
  kind,
  unit: kind,
  offered,
  completed: offered - notCompleted,
  notCompleted,
  notCompletedShare: notCompleted / offered,
  notCompletedBy: { refused: notCompleted, blocked: 0, invalid: 0, queued: 0, done: 0 },
  text: `${notCompleted} ${kind}`,
});

const abandonedOf = (journeys: HarmJourney[]) =>
  computeScore({
    baseline: undefined,
    fault: undefined,
    recovery: { faultStart: null, faultEnd: null } as never,
    integrity: { accepted: 0 } as never,
    nic: { measured: false, retryAmplification: null } as never,
    harm: { journeys, backlog: null, summary: [] },
    deliveredShare: null,
  }).components.find((component) => component.name === 'abandoned');

describe('abandoned', () => {
  it('weighs only work a client can queue: payments the silent gateway took are the outage, not the client (payment-gateway-down)', () => {
    const part = abandonedOf([journey('registration', 600, 0), journey('fee', 600, 0), journey('online-payment', 200, 120)]);
    expect(part?.value).toBe(1);
    expect(part?.explanation).toContain('0 registration');
  });

  it('still weighs the worst kind a client can queue beside them', () => {
    const part = abandonedOf([journey('registration', 600, 150), journey('mobile-verification', 200, 200)]);
    expect(part?.value).toBeCloseTo(1 - 150 / 600 / 0.5, 5);
  });

  it('is not measured when only work that cannot be queued was offered', () => {
    expect(abandonedOf([journey('abha-share', 100, 10)])?.value).toBeNull();
  });
});

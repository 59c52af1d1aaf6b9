import { describe, expect, it } from 'vitest';
import { contractSteps, correlationIdHeader } from '../contract/index.ts';
import { validateScenario } from '../scenario/loadScenario.ts';
import { buildLoad } from './buildLoad.ts';
import { scriptData } from './scriptData.ts';
import { trafficSteps } from './k6/trafficSteps.ts';

const scenario = (traffic: unknown[], clock = { start: '09:00', duration: '2m', speed: 60 }) =>
  validateScenario({
    raw: { name: 'data', seed: 3, client: { command: ['node', 'client.js'] }, services: { ehospital: {}, icmr: {} }, clock, traffic },
    file: 'data.yaml',
  });

describe('scriptData', () => {
  it('gives the script the contract\'s routes, the header name and the lab code instead of literals', () => {
    const data = scriptData(buildLoad(scenario([{ kind: 'constant', journey: 'opd-registration', ratePerSecond: 1 }])));
    for (const { step } of Object.values(trafficSteps)) expect(data.contract[step]).toMatchObject({ method: contractSteps[step as keyof typeof contractSteps].method });
    expect(data.contract.register).toEqual({ method: 'POST', path: '/opd/registrations', ledgerId: 'visitId' });
    expect(data.contract.fetchReport).toEqual({ method: 'GET', path: '/lab/reports/:orderId' });
    expect(data.contract.onlinePayment).toEqual({ method: 'POST', path: '/opd/payments', ledgerId: 'qrId', callbackLedgerId: 'utr' });
    expect(data.headers.correlationId).toBe(correlationIdHeader);
    expect(data.labCode).toMatch(/^[A-Za-z0-9_-]{2,32}$/);
  });

  it('points every k6 scenario at replay, each constant entry at its own patients', () => {
    const load = buildLoad(scenario([{ kind: 'constant', journey: 'opd-registration', ratePerSecond: 1 }, { kind: 'constant', journey: 'opd-registration', ratePerSecond: 2 }]));
    const data = scriptData(load);
    expect(Object.values(data.options.scenarios as Record<string, { exec: string }>).map(({ exec }) => exec)).toEqual(['replay', 'replay']);
    // 1/s for 2 simulated minutes = 120 patients, then the second entry's.
    expect(data.replays).toEqual({
      'registration-constant-1': { series: 'registration', first: 0, reads: 'none', keepsRecord: true },
      'registration-constant-2': { series: 'registration', first: 120, reads: 'none', keepsRecord: true },
    });
    const registrations = load.series.registration ?? [];
    expect(new Set(registrations.map((visit) => visit.entity)).size).toBe(registrations.length);
    // Registrations alone: no later visit reads a slip, so none is kept.
    expect(data.slipsNeeded).toBe(false);
  });

  it('keeps slips when a later visit reads them, and tells each series which slips it starts from', () => {
    const data = scriptData(buildLoad(scenario([{ kind: 'profile', profile: 'T1', count: 2000 }], { start: '08:00', duration: '8h', speed: 600 })));
    expect(data.slipsNeeded).toBe(true);
    const reads = Object.fromEntries(Object.values(data.replays).map(({ series, reads }) => [series, reads]));
    expect(reads).toMatchObject({ registration: 'none', lab: 'own' });
  });
});

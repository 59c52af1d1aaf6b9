import { describe, expect, it } from 'vitest';
import { servedSteps } from './servedSteps.ts';

describe('servedSteps', () => {
  const visit = {
    entity: 'pt-000001',
    simMs: 0,
    wallMs: 0,
    steps: [
      { name: 'lookup', thinkMs: 0 },
      { name: 'otp-send', thinkMs: 100 },
      { name: 'otp-verify', thinkMs: 200 },
      { name: 'register', thinkMs: 300 },
      { name: 'online-payment', thinkMs: 400 },
      { name: 'fee', thinkMs: 0 },
    ],
  };

  it('drops the steps of services the scenario does not serve and keeps the later steps at their times', () => {
    const [kept] = servedSteps([visit], new Set(['ehospital']));
    expect(kept!.steps).toEqual([
      { name: 'lookup', thinkMs: 0 },
      { name: 'register', thinkMs: 600 },
      { name: 'fee', thinkMs: 400 },
    ]);
  });

  it('keeps a visit whose services are all served as it is', () => {
    const [kept] = servedSteps([visit], new Set(['ehospital', 'sms', 'payment']));
    expect(kept).toBe(visit);
  });
});

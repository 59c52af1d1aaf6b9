import { afterEach, describe, expect, it } from 'vitest';
import { startMocks, type RunningMocks } from '../../mocks/index.ts';
import { mocksConfigOf } from '../stack/index.ts';
import { validateScenario } from '../scenario/loadScenario.ts';
import { startMocksClock } from './startMocksClock.ts';

const segmented = validateScenario({
  file: 'segmented.yaml',
  raw: {
    name: 'segmented',
    client: { command: ['node', 'client.js'] },
    services: { ehospital: { capacity: { ratePerSec: 50 } }, icmr: {} },
    clock: { start: '09:00', duration: '2h', speed: 60, segments: [{ from: '10:00', speed: 600 }] },
    traffic: [{ kind: 'constant', journey: 'opd-registration', ratePerSecond: 0.5 }],
  },
});

describe('startMocksClock', () => {
  let mocks: RunningMocks | undefined;
  afterEach(() => mocks?.close());

  it("starts the run's mocks on the incident clock from t0, on every service's port", async () => {
    mocks = await startMocks({ services: ['ehospital', 'icmr'], config: mocksConfigOf(segmented) });
    const clockOf = async (url: string) => (await fetch(`${url}/__admin/clock`)).json() as Promise<{ started: boolean; speed: number; simMs: number }>;
    expect(await clockOf(mocks.urls.ehospital)).toMatchObject({ started: false, speed: 60, simMs: 9 * 3_600_000 });
    // t0 was 61 wall seconds ago: 10:00 was reached a second ago, and the clock now runs at 600x.
    await startMocksClock({ mockUrls: mocks.urls, t0: Date.now() - 61_000 });
    for (const url of Object.values(mocks.urls)) expect(await clockOf(url)).toMatchObject({ started: true, speed: 600 });
  });

  it("gives the mocks a one-speed scenario's clock without segments, and a segmented one's with them", () => {
    expect(mocksConfigOf({ ...segmented, clock: { ...segmented.clock, segments: undefined } })).toEqual({ services: segmented.services, clock: { startSim: 9 * 3_600_000, speed: 60 } });
    expect(mocksConfigOf(segmented).clock).toEqual({ startSim: 9 * 3_600_000, speed: 60, segments: [{ fromSim: 10 * 3_600_000, speed: 600 }] });
  });
});

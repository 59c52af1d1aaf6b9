import { describe, expect, it } from 'vitest';
import { ValidationError } from '../core/index.ts';
import { buildLoad } from '../load/buildLoad.ts';
import { validateScenario } from './loadScenario.ts';

const base = {
  name: 'stampede',
  client: { command: ['node', 'client.js'] },
  services: { ehospital: {} },
  clock: { start: '09:50', duration: '50m', speed: 20 },
};
const baseline = { kind: 'constant', journey: 'opd-registration', ratePerSecond: 0.1 };

function problems(traffic: unknown[]): Map<string, string> {
  try {
    validateScenario({ raw: { ...base, traffic }, file: 'test.yaml' });
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return new Map((error as ValidationError).issues.map((issue) => [issue.path, issue.message]));
  }
  return new Map();
}

describe('constant traffic with its own window (a step of load)', () => {
  it('starts the step at its time on both clocks and lasts its span, beside a baseline over the whole clock', () => {
    const scenario = validateScenario({ raw: { ...base, traffic: [baseline, { ...baseline, ratePerSecond: 5, at: '10:00', for: '40m' }] }, file: 'test.yaml' });
    const load = buildLoad(scenario);
    expect(load.scenarios['registration-constant-1']).toMatchObject({ duration: '2m30s' });
    expect(load.scenarios['registration-constant-1']?.startTime).toBeUndefined();
    // 10 simulated minutes after 09:50 at 20x is 30 wall seconds; 40 minutes is 2 wall minutes.
    expect(load.scenarios['registration-constant-2']).toMatchObject({ startTime: '30s', duration: '2m', rate: 100, timeUnit: '1s' });
    const step = load.series.registration?.slice(300) ?? [];
    expect(step).toHaveLength(12_000);
    expect(step[0]).toMatchObject({ simMs: 10 * 3_600_000, wallMs: 30_000 });
    expect(step.at(-1)?.simMs).toBeLessThan(10 * 3_600_000 + 40 * 60_000);
    expect(load.counts.registration).toBe(300 + 12_000);
  });

  it('refuses a window outside the clock, one that ends before it starts, and both for and until', () => {
    expect(problems([{ ...baseline, at: '09:00', for: '10m' }]).get('traffic.0.at')).toMatch(/starts at 09:00, outside the run \(09:50 to 10:40\)/);
    expect(problems([{ ...baseline, at: '10:00', for: '1h' }]).get('traffic.0.for')).toMatch(/ends at 11:00, after the run ends at 10:40/);
    expect(problems([{ ...baseline, at: '10:20', until: '10:10' }]).get('traffic.0.until')).toMatch(/not after it starts/);
    expect(problems([{ ...baseline, at: '10:00', for: '5m', until: '10:10' }]).get('traffic.0')).toMatch(/at most one of "for"/);
  });
});

describe('constant traffic at a rate that is not a whole number per wall second', () => {
  it('is paced per minute, so k6 starts one iteration per visit and never replays the next entry', () => {
    const scenario = validateScenario({ raw: { ...base, traffic: [{ ...baseline, ratePerSecond: 0.135 }] }, file: 'test.yaml' });
    const load = buildLoad(scenario);
    // 0.135/s x 20 = 2.7 per wall second = 162 a minute, for 2.5 wall minutes: 405 iterations, 405 visits.
    expect(load.scenarios['registration-constant-1']).toMatchObject({ rate: 162, timeUnit: '1m', duration: '2m30s' });
    expect(load.series.registration).toHaveLength(405);
  });
});

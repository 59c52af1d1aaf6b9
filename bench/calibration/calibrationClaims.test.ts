import { describe, expect, it } from 'vitest';
import { calibrationClaims, claimLines } from './calibrationClaims.ts';
import type { CalibrationRun } from './calibrationRun.ts';
import type { CalibrationClient } from './clients.ts';

const clients: CalibrationClient[] = [
  { name: 'naive', kind: 'reference', script: 'n.ts', traits: ['honest', 'refusesWork'] },
  { name: 'resilient', kind: 'reference', script: 'r.ts', traits: ['honest', 'keepsCounters', 'wellBuilt'] },
  { name: 'journal', kind: 'reference', script: 'j.ts', traits: ['honest', 'keepsCounters', 'wellBuilt'] },
  { name: 'liar', kind: 'bad', script: 'l.ts', traits: ['fabricates'] },
  { name: 'dropper', kind: 'bad', script: 'd.ts', traits: ['loses'] },
];
const run = (client: string, status: string, score: number, failedGates?: string[]): CalibrationRun => ({ client, scenario: 'demo', repeat: 1, status, exitCode: 0, score, at: '2026-12-05T00:00:00Z', ...(failedGates ? { failedGates } : {}) });
const outcomes = (runs: CalibrationRun[]) => Object.fromEntries(calibrationClaims({ clients, scenarios: ['demo'], runs }).map((claim) => [claim.claim, claim]));

describe('calibration claims', () => {
  it('holds each claim when the valid runs bear it out, naming the margins', () => {
    const result = outcomes([run('naive', 'passed', 62.2), run('naive', 'passed', 62.4), run('resilient', 'passed', 99.7), run('liar', 'failed', 37.2), run('dropper', 'failed', 94.6, ['integrity.undelivered == 0 (actual 32)'])]);
    expect(result['an honest client outscores one that fabricates']).toMatchObject({ outcome: 'holds', detail: 'lowest naive 62.3 above highest liar 37.2' });
    expect(result['a client that keeps the counters open and loses nothing outscores one that refuses work']).toMatchObject({ outcome: 'holds', detail: 'lowest resilient 99.7 above highest naive 62.3' });
    expect(result['a client that loses or fabricates never passes']).toMatchObject({ outcome: 'holds', detail: 'liar failed 1 of 1; dropper failed 1 of 1' });
    expect(result["every cell's repeats within ±2 points"]).toMatchObject({ outcome: 'holds', detail: '1 cells with repeats, widest naive ±0.1' });
    expect(result['well-built clients of different designs score within 4 points of each other']).toMatchObject({ outcome: 'not measured' });
  });

  it('holds well-built clients of different designs to scores within twice the repeat bound', () => {
    const alike = outcomes([run('resilient', 'passed', 99.7), run('journal', 'passed', 96.2)]);
    expect(alike['well-built clients of different designs score within 4 points of each other']).toMatchObject({ outcome: 'holds', detail: 'resilient 99.7, journal 96.2: 3.5 apart' });
    const apart = outcomes([run('resilient', 'passed', 100), run('journal', 'failed', 55.6, ['integrity.undelivered == 0 (actual 10862)'])]);
    expect(apart['well-built clients of different designs score within 4 points of each other']).toMatchObject({ outcome: 'broken', detail: 'resilient 100.0, journal 55.6: 44.4 apart' });
  });

  it('names what breaks a claim: an inversion, a passing loser, a wide spread', () => {
    const result = outcomes([run('naive', 'passed', 30), run('naive', 'passed', 36), run('resilient', 'passed', 20), run('liar', 'passed', 40)]);
    expect(result['an honest client outscores one that fabricates']).toMatchObject({ outcome: 'broken', detail: 'naive 33.0 is not above liar 40.0; resilient 20.0 is not above liar 40.0' });
    expect(result['a client that keeps the counters open and loses nothing outscores one that refuses work']).toMatchObject({ outcome: 'broken', detail: 'resilient 20.0 is not above naive 33.0' });
    expect(result['a client that loses or fabricates never passes']).toMatchObject({ outcome: 'broken', detail: 'liar passed 1 of 1' });
    expect(result["every cell's repeats within ±2 points"]).toMatchObject({ outcome: 'broken', detail: 'naive ±3.0' });
  });

  it('leaves invalid runs out, and does not hold a client that lost work to the keeping claim', () => {
    const result = outcomes([run('naive', 'passed', 60), run('resilient', 'failed', 55, ['integrity.undelivered == 0 (actual 3)']), run('liar', 'invalid', 90)]);
    expect(result['an honest client outscores one that fabricates']).toMatchObject({ outcome: 'not measured' });
    expect(result['a client that keeps the counters open and loses nothing outscores one that refuses work']).toMatchObject({ outcome: 'not measured', detail: 'no valid run on one side; resilient lost work here' });
    expect(result['a client that loses or fabricates never passes']).toMatchObject({ outcome: 'not measured' });
  });

  it('renders one Markdown line per claim and scenario', () => {
    const lines = claimLines(calibrationClaims({ clients, scenarios: ['demo', 'o2'], runs: [run('naive', 'passed', 60)] }));
    expect(lines).toHaveLength(10);
    expect(lines[0]).toBe('- demo: an honest client outscores one that fabricates: **not measured** (no valid run on one side)');
  });
});

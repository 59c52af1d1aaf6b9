import { describe, expect, it } from 'vitest';
import { calibrationClaims, claimLines } from './calibrationClaims.ts';
import type { CalibrationRun } from './calibrationRun.ts';
import type { CalibrationClient } from './clients.ts';

const clients: CalibrationClient[] = [
  { name: 'naive', kind: 'reference', script: 'n.ts', traits: ['honest', 'refusesWork'] },
  { name: 'resilient', kind: 'reference', script: 'r.ts', traits: ['honest', 'keepsCounters', 'referenceDesign'] },
  { name: 'journal', kind: 'reference', script: 'j.ts', traits: ['honest', 'keepsCounters', 'otherDesign'] },
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
    expect(result["every cell's repeats within ±2 points where the client behaved alike from run to run"]).toMatchObject({ outcome: 'holds', detail: '1 cells with repeats, widest naive ±0.1' });
    expect(result['a well-built client of another design scores as well as resilient (at most 4 points below)']).toMatchObject({ outcome: 'not measured' });
  });

  it('holds a well-built client of another design to at most twice the repeat bound below resilient, not above', () => {
    const claim = 'a well-built client of another design scores as well as resilient (at most 4 points below)';
    expect(outcomes([run('resilient', 'passed', 99.7), run('journal', 'passed', 96.2)])[claim]).toMatchObject({ outcome: 'holds', detail: 'resilient 99.7; journal 96.2' });
    expect(outcomes([run('resilient', 'passed', 88.8), run('journal', 'passed', 99.5)])[claim]).toMatchObject({ outcome: 'holds' });
    expect(outcomes([run('resilient', 'passed', 100), run('journal', 'failed', 55.6, ['integrity.undelivered == 0 (actual 10862)'])])[claim]).toMatchObject({ outcome: 'broken', detail: 'resilient 100.0; journal 55.6' });
  });

  it('leaves invalid runs out, and does not hold a client that lost work to the keeping claim', () => {
    const result = outcomes([run('naive', 'passed', 60), run('resilient', 'failed', 55, ['integrity.undelivered == 0 (actual 3)']), run('liar', 'invalid', 90)]);
    expect(result['an honest client outscores one that fabricates']).toMatchObject({ outcome: 'not measured' });
    expect(result['a client that keeps the counters open and loses nothing outscores one that refuses work']).toMatchObject({ outcome: 'not measured', detail: 'no valid run on one side; resilient lost work here' });
    expect(result['a client that loses or fabricates never passes']).toMatchObject({ outcome: 'not measured' });
  });

  it('holds a bad client to its claims only in the runs where it committed its flaw: a liar whose NIC never failed answered as naive does', () => {
    const idle = (client: string, status: string, score: number): CalibrationRun => ({ ...run(client, status, score), flawsCommitted: 0 });
    const noOccasion = outcomes([run('naive', 'failed', 98.2), idle('liar', 'passed', 99.7), idle('dropper', 'passed', 99.7)]);
    expect(noOccasion['an honest client outscores one that fabricates']).toMatchObject({ outcome: 'not measured', detail: 'no valid run on one side; liar had no occasion here (its flaw committed 0 times)' });
    expect(noOccasion['a client that loses or fabricates never passes']).toMatchObject({ outcome: 'not measured', detail: expect.stringContaining('dropper had no occasion here') });
    const caught = outcomes([run('naive', 'failed', 98.2), { ...run('liar', 'failed', 0), flawsCommitted: 90 }, idle('dropper', 'passed', 99.7)]);
    expect(caught['a client that loses or fabricates never passes']).toMatchObject({ outcome: 'holds', detail: 'liar failed 1 of 1; dropper had no occasion here (its flaw committed 0 times)' });
    const missed = outcomes([{ ...run('dropper', 'passed', 92.0), flawsCommitted: 454 }]);
    expect(missed['a client that loses or fabricates never passes']).toMatchObject({ outcome: 'broken', detail: 'dropper passed 1 of 1' });
  });

  it('renders one Markdown line per claim and scenario', () => {
    const lines = claimLines(calibrationClaims({ clients, scenarios: ['demo', 'o2'], runs: [run('naive', 'passed', 60)] }));
    expect(lines).toHaveLength(10);
    expect(lines[0]).toBe('- demo: an honest client outscores one that fabricates: **not measured** (no valid run on one side)');
  });

  it('names the component that moved most in a cell whose repeats spread beyond the bound', () => {
    const claim = "every cell's repeats within ±2 points where the client behaved alike from run to run";
    const withPoints = (score: number, points: Record<string, number>) => ({ ...run('naive', 'failed', score), points });
    const flipped = [withPoints(20.3, { absorb: 4.1, recover: 9.3, integrity: 0 }), withPoints(9.9, { absorb: 3.5, recover: 0, integrity: 0 }), withPoints(20.0, { absorb: 4, recover: 9.1, integrity: 0 })];
    expect(outcomes(flipped)[claim]).toMatchObject({ outcome: 'broken', detail: 'naive ±5.2 (recover: 9.3 points in the best run, 0.0 in the worst)' });
    // Runs logged before the points say only the spread.
    expect(outcomes([run('naive', 'failed', 20.3), run('naive', 'failed', 9.9)])[claim]).toMatchObject({ outcome: 'broken', detail: 'naive ±5.2' });
  });

  it("says, beside what moved, what k6 sent the client and what it sent NIC in the best and worst runs, and a metastability that flipped", () => {
    const claim = "every cell's repeats within ±2 points where the client behaved alike from run to run";
    const behaved = (score: number, recover: number, requestsToNic: number, metastable: boolean): CalibrationRun => ({
      ...run('naive', 'failed', score),
      points: { recover },
      behaviour: { requestsToClient: 13700 + Math.round(score), requestsToNic, metastable },
    });
    expect(outcomes([behaved(20.2, 9.4, 25262, false), behaved(9.9, 0, 23034, true)])[claim]).toMatchObject({
      detail: '1 cells with repeats, widest of the rest none; naive ±5.1 (recover: 9.4 points in the best run, 0.0 in the worst; k6 sent it 13,720 and 13,710 requests; it sent NIC 25,262 and 23,034; it stayed metastable after the fault in the worst run only): it behaved differently from run to run',
    });
    const bothMetastable = outcomes([behaved(30, 0, 100, true), behaved(20, 0, 99, true)])[claim];
    expect(bothMetastable?.detail).not.toContain('metastable');
    expect(bothMetastable?.outcome).toBe('broken');
    // A run logged before the behaviour says only what moved.
    expect(outcomes([behaved(30, 5, 100, false), { ...run('naive', 'failed', 20), points: { recover: 0 } }])[claim]?.detail).toBe('naive ±5.0 (recover: 5.0 points in the best run, 0.0 in the worst)');
  });

  it('holds the bound against the measurement, not against a client whose runs show it behaving differently', () => {
    const claim = "every cell's repeats within ±2 points where the client behaved alike from run to run";
    const behaved = (client: string, score: number, requestsToNic: number, metastable = false): CalibrationRun => ({
      ...run(client, 'failed', score),
      points: { absorb: score / 2 },
      behaviour: { requestsToClient: 20000, requestsToNic, metastable },
    });
    // retry-storm's O3: NIC got 53,920 and 39,568 for the same plan.
    const storm = [behaved('dropper', 33.1, 53920), behaved('dropper', 38.3, 39568)];
    const steady = [behaved('naive', 72.9, 9000), behaved('naive', 72.8, 9010)];
    expect(outcomes([...storm, ...steady])[claim]).toMatchObject({
      outcome: 'holds',
      detail: '2 cells with repeats, widest of the rest naive ±0.1; dropper ±2.6 (absorb: 19.1 points in the best run, 16.6 in the worst; k6 sent it 20,000 and 20,000 requests; it sent NIC 39,568 and 53,920): it behaved differently from run to run',
    });
    // A client that behaved alike in each run yet spread wide breaks it, and so does one whose runs do not say.
    const alikeButWide = outcomes([...storm, behaved('naive', 72.9, 9000), behaved('naive', 66.0, 9010)])[claim];
    expect(alikeButWide).toMatchObject({ outcome: 'broken' });
    expect(alikeButWide?.detail).toMatch(/^naive ±3\.5 .*; dropper ±2\.6 .*: it behaved differently from run to run$/);
    expect(outcomes([behaved('naive', 72.9, 9000), run('naive', 'failed', 66.0)])[claim]).toMatchObject({ outcome: 'broken' });
  });
});


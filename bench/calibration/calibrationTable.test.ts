import { describe, expect, it } from 'vitest';
import type { CalibrationRun } from './calibrationRun.ts';
import { summarizeCell } from './calibrationRun.ts';
import { calibrationTable } from './calibrationTable.ts';

const run = (client: string, scenario: string, status: string, score: number | null): CalibrationRun => ({ client, scenario, repeat: 1, status, exitCode: 0, score, at: '2026-12-05T00:00:00Z' });

describe('calibration table', () => {
  it('gives the mean and half-range of the scores, leaving invalid runs out of both', () => {
    expect(summarizeCell([run('a', 'demo', 'failed', 60), run('a', 'demo', 'failed', 64), run('a', 'demo', 'invalid', 10)])).toEqual({
      runs: 3,
      score: 62,
      spread: 2,
      statuses: { failed: 2, invalid: 1 },
    });
    expect(summarizeCell([run('a', 'demo', 'invalid', 90)])).toMatchObject({ score: null, spread: null });
  });

  it('renders one row per client and one column per scenario, with verdicts, run counts, gaps, notes and why runs did not pass', () => {
    const table = calibrationTable({
      clients: [
        { name: 'naive', kind: 'reference', script: 'examples/naive/server.ts', traits: [] },
        { name: 'vendor', kind: 'reference', note: 'no mapping option', traits: [] },
        { name: 'liar', kind: 'bad', script: 'examples/bad/fabricatesIds.ts', traits: [] },
      ],
      scenarios: ['demo', 'o13', 'o5', 'o8'],
      runs: [
        run('naive', 'demo', 'passed', 64.9),
        run('naive', 'demo', 'passed', 65.3),
        { ...run('liar', 'demo', 'failed', 40), failedGates: ['integrity.falseClaims == 0 (actual 90)', 'integrity.lost == 0 (actual 3)'] },
        { ...run('liar', 'demo', 'invalid', 70), failedGates: ['integrity.falseClaims == 0 (actual 85)'], invalidBecause: ['mocks.baselineSpeed: the mocks took 800 ms'] },
        run('liar', 'o13', 'no report (exit 3)', null),
        { ...run('liar', 'o5', 'passed', 99.7), flawsCommitted: 0 },
        { ...run('liar', 'o5', 'failed', 0), flawsCommitted: 12, failedGates: ['integrity.falseClaims == 0 (actual 12)'] },
        { ...run('liar', 'o8', 'passed', 99.7), flawsCommitted: 0 },
      ],
    });
    expect(table.split('\n')).toEqual([
      '| client | kind | demo | o13 | o5 | o8 |',
      '|---|---|---|---|---|---|',
      '| naive | reference | 65.1 ±0.2 passed (2) | not run | not run | not run |',
      '| vendor | reference | cannot run | cannot run | cannot run | cannot run |',
      '| liar | bad | 40.0 failed x1, invalid x1 (2) | - no report (exit 3) (1) | 49.9 ±49.9 passed x1, failed x1 (2) | 99.7 passed (1), flaw not committed |',
      '',
      '- vendor: no mapping option',
      '',
      '- liar on demo: failed integrity.falseClaims == 0 (x2), integrity.lost == 0 (x1); invalid mocks.baselineSpeed (x1)',
      '- liar on o13: no report (exit 3) (x1)',
      '- liar on o5: failed integrity.falseClaims == 0 (x1); flaw not committed in 1 of 2 (its own log: the scenario gave it no occasion)',
      '- liar on o8: flaw not committed in 1 of 1 (its own log: the scenario gave it no occasion)',
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { reportVerdict } from './reportVerdict.ts';

describe('reportVerdict', () => {
  it('keeps the status and score, the failed gates with their actual values and the failed validity checks', () => {
    expect(
      reportVerdict({
        status: 'invalid',
        score: { total: null, withheld: 'the run is invalid' },
        gates: [
          { expr: 'integrity.lost == 0', passed: true, actual: 0 },
          { expr: 'integrity.duplicated == 0', passed: false, actual: 253 },
        ],
        validity: { checks: [{ name: 'harness.alive', passed: true }, { name: 'mocks.baselineSpeed', passed: false, figure: 812, message: 'the mocks answered in 812 ms' }] },
      }),
    ).toEqual({ status: 'invalid', score: null, failedGates: ['integrity.duplicated == 0 (actual 253)'], invalidBecause: ['mocks.baselineSpeed: the mocks answered in 812 ms'] });
  });

  it('leaves out the lists when every gate and check passed', () => {
    expect(reportVerdict({ status: 'passed', score: { total: 99.7 }, gates: [{ expr: 'score >= 70', passed: true, actual: 99.7 }] })).toEqual({ status: 'passed', score: 99.7 });
  });

  it('keeps the scoring version the figures come from, so a run whose directory is gone says how it was scored', () => {
    expect(reportVerdict({ status: 'passed', score: { total: 62.2 }, versions: { scoring: '8.0.0' } })).toMatchObject({ scoring: '8.0.0' });
  });

  it("keeps each score component's points, so a wide cell can say which part of the score moved", () => {
    const components = [{ name: 'absorb', points: 4.1 }, { name: 'recover', points: 0 }, { name: 'note' }];
    expect(reportVerdict({ status: 'failed', score: { total: 9.9, components } })).toMatchObject({ points: { absorb: 4.1, recover: 0 } });
    expect(reportVerdict({ status: 'failed', score: { total: 9.9 } })).not.toHaveProperty('points');
  });

  it('keeps what was offered to the client, what it sent NIC and whether it stayed metastable, so a wide cell can tell a client that behaved differently', () => {
    const report = { status: 'failed', score: { total: 9.9 }, samples: { httpRequests: 13707 }, nic: { measured: true, upstreamRequests: 23034 }, recovery: { metastable: true } };
    expect(reportVerdict(report)).toMatchObject({ behaviour: { requestsToClient: 13707, requestsToNic: 23034, metastable: true } });
    expect(reportVerdict({ ...report, nic: { measured: false }, recovery: { metastable: null } })).toMatchObject({ behaviour: { requestsToClient: 13707, requestsToNic: null, metastable: false } });
    expect(reportVerdict({ status: 'error', score: { total: null } })).not.toHaveProperty('behaviour');
  });
});

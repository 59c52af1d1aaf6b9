import { afterEach, describe, expect, it } from 'vitest';
import { cleanFixtures, scoreFixture as score } from '../../../test/support/scoring/scoreFixture.ts';

// The whole path: k6.csv thap_outcome samples (metadata entity and nic) and plan.json's drain deadline, through
// scoring's k6 parsing, to report.json's integrity and the gate every run gets.
afterEach(cleanFixtures);

// 600 requests at 10/s, request i at offset i x 100 ms; the 200 of indexes 200-399 start inside the fault.
const outage = { durationMs: 60_000, ratePerSec: 10, faults: [{ id: 'f1', fromMs: 20_000, toMs: 40_000 }] };
const gate = 'integrity.falseClaims == 0';

describe('integrity in report.json', () => {
  it('fails a client that answers done with made-up NIC ids while NIC is down, by the gate every run gets', async () => {
    const { report } = await score({
      ...outage,
      respond: ({ index, inFault }) => (inFault ? { ok: true, latencyMs: 2, outcome: 'done', stored: 0, claimedId: `V-MADE-UP-${index}` } : { ok: true, latencyMs: 20, outcome: 'done' }),
    });
    expect(report.integrity).toMatchObject({ accepted: 600, done: 600, lost: 200, falseClaims: 200 });
    expect(report.integrity.falseClaimSamples).toHaveLength(20);
    expect(report.integrity.falseClaimSamples[0]).toBe('pt-200');
    expect(report.gates.find((g) => g.expr === gate)).toMatchObject({ passed: false, actual: 200 });
    expect(report.status).toBe('failed');
  });

  it('counts a done naming another request\'s id as a false claim, and passes an honest client', async () => {
    const { report: borrowing } = await score({
      ...outage,
      // Requests 300-309 answer with the id NIC issued for request 0 (V1): issued, but not for them.
      respond: ({ index }) => (index >= 300 && index < 310 ? { ok: true, latencyMs: 20, outcome: 'done', claimedId: 'V1' } : { ok: true, latencyMs: 20, outcome: 'done' }),
    });
    expect(borrowing.integrity).toMatchObject({ falseClaims: 10, lost: 0, stored: 600 });
    const { report: honest } = await score({ ...outage, respond: ({ inFault }) => (inFault ? { ok: false, latencyMs: 2, outcome: 'failed' } : { ok: true, latencyMs: 20, outcome: 'done' }) });
    expect(honest.integrity.falseClaims).toBe(0);
    expect(honest.gates.find((g) => g.expr === gate)?.passed).toBe(true);
  });

  it('counts queued writes a client silently dropped as undelivered, however its other writes went', async () => {
    const { report } = await score({
      ...outage,
      drainDeadlineAfterMs: 30_000,
      // Every queued write reaches NIC 25 s later, except every 50th (200, 250, 300, 350): dropped.
      respond: ({ index, inFault }) => (inFault ? { ok: true, latencyMs: 5, outcome: 'queued', storedAfterMs: 25_000, stored: index % 50 === 0 ? 0 : 1 } : { ok: true, latencyMs: 20, outcome: 'done' }),
    });
    expect(report.integrity).toMatchObject({ accepted: 600, queued: 200, stored: 596, undelivered: 4, pending: 4, lost: 0, falseClaims: 0 });
    expect(report.integrity.drainDeadlineAt).toBe(1_700_000_000_000 + 90_000);
  });

  it('counts writes stored after the drain deadline as undelivered, so a repeat cannot differ by where a drain stopped', async () => {
    const { report } = await score({
      ...outage,
      drainDeadlineAfterMs: 5_000,
      // Queued writes drain 40 s after they were accepted: those of offsets 20.0-25.0 s are stored by the deadline
      // at 65 s (indexes 200-250), the other 149 after it.
      respond: ({ inFault }) => (inFault ? { ok: true, latencyMs: 5, outcome: 'queued', storedAfterMs: 40_000 } : { ok: true, latencyMs: 20, outcome: 'done' }),
    });
    expect(report.integrity).toMatchObject({ stored: 600, pending: 0, undelivered: 149, drainDeadlineAt: 1_700_000_065_000, drainDeadlineSimMs: 9 * 3_600_000 + 65_000 * 60 });
    // The fixture's clock: 09:00 at 60x, so the deadline 65 wall seconds in is 10:05.
    expect(report.gates.find((g) => g.expr === gate)?.passed).toBe(true);
  });
});

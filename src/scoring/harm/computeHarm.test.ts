import { afterAll, describe, expect, it } from 'vitest';
import { cleanFixtures, scoreFixture } from '../../../test/support/scoring/scoreFixture.ts';

afterAll(cleanFixtures);

// One simulated hour at 60x (09:00-10:00), 10 registrations per wall second; NIC down 09:20-09:40.
const outage = { durationMs: 60_000, ratePerSec: 10, faults: [{ id: 'f1', fromMs: 20_000, toMs: 40_000 }] };

describe('harm', () => {
  it('says the patients a client refused were not registered, refused by it, and were not kept waiting', async () => {
    const { report } = await scoreFixture({ ...outage, respond: ({ inFault }) => (inFault ? { ok: false, latencyMs: 3, outcome: 'failed' } : { ok: true, latencyMs: 20, outcome: 'done' }) });
    expect(report.harm.journeys).toEqual([
      {
        kind: 'registration',
        unit: 'patients',
        offered: 600,
        completed: 400,
        notCompleted: 200,
        notCompletedShare: 200 / 600,
        notCompletedBy: { refused: 200, blocked: 0, invalid: 0, queued: 0, done: 0 },
        text: '200 patients not registered (refused by the client)',
      },
    ]);
    // Nobody waited: the client sent them away, so there is no backlog to drain and no "waited" sentence.
    expect(report.harm.backlog).toBeNull();
    expect(report.harm.summary).toEqual(['200 patients not registered (refused by the client)']);
  });

  it('tells queued work never delivered from refused work, and counts only the queued as waiting', async () => {
    // In the fault's first half the client refuses; in its second half it queues and never delivers.
    const { report } = await scoreFixture({
      ...outage,
      respond: ({ inFault, offsetMs }) =>
        !inFault ? { ok: true, latencyMs: 20, outcome: 'done' } : offsetMs < 30_000 ? { ok: false, latencyMs: 3, outcome: 'failed' } : { ok: true, latencyMs: 5, outcome: 'queued', stored: 0 },
    });
    expect(report.harm.journeys[0]).toMatchObject({ notCompleted: 200, notCompletedBy: { refused: 100, queued: 100, done: 0 } });
    expect(report.harm.journeys[0]?.text).toBe('200 patients not registered (100 refused by the client; 100 queued by the client and never delivered)');
    expect(report.harm.backlog).toMatchObject({ peak: 100, drainedSimMs: null });
    expect(report.harm.backlog?.text).toBe('100 patients waited to be registered; backlog not drained by the end of the run');
  });

  it('says done answers whose record NIC never stored were answered done and never stored', async () => {
    const { report } = await scoreFixture({ ...outage, respond: ({ inFault }) => (inFault ? { ok: true, latencyMs: 3, outcome: 'done', stored: 0 } : { ok: true, latencyMs: 20, outcome: 'done' }) });
    expect(report.harm.journeys[0]?.text).toBe('200 patients not registered (answered done and never stored at NIC)');
  });

  it('sees a queued backlog drain after the fault, in simulated minutes', async () => {
    // Writes queued in the fault reach NIC 3 wall seconds (3 simulated minutes) after it ends.
    const { report } = await scoreFixture({
      ...outage,
      respond: ({ inFault, offsetMs }) => (inFault ? { ok: true, latencyMs: 5, outcome: 'queued', storedAfterMs: 40_000 - offsetMs + 3_000 } : { ok: true, latencyMs: 20, outcome: 'done' }),
    });
    expect(report.harm.journeys[0]).toMatchObject({ offered: 600, completed: 600, notCompleted: 0 });
    expect(report.harm.backlog).toMatchObject({ peak: 200, drainedSimMs: 4 * 60_000 });
    expect(report.harm.backlog?.peakSimAt).toBe((9 * 60 + 40) * 60_000);
    expect(report.harm.backlog?.text).toBe('200 patients waited to be registered; backlog drained in 4 simulated minutes after the fault ended');
    expect(report.integrity.pending).toBe(0);
  });

  it('weighs a consignment by the samples in its batch (outages.md O13)', async () => {
    const { report } = await scoreFixture({
      durationMs: 60_000,
      ratePerSec: 1,
      faults: [{ id: 'f1', fromMs: 20_000, toMs: 40_000 }],
      step: 'createConsignment',
      entityPrefix: 'c-',
      correlationSuffix: '.createConsignment',
      consignmentBatches: Object.fromEntries(Array.from({ length: 60 }, (_, index) => [`c-${index}`, 60])),
      gates: ['harm.consignment.notCompleted <= 100'],
      respond: ({ inFault }) => (inFault ? { ok: false, latencyMs: 3, outcome: 'failed' } : { ok: true, latencyMs: 20, outcome: 'done' }),
    });
    expect(report.harm.journeys).toEqual([expect.objectContaining({ kind: 'consignment', unit: 'samples', offered: 3600, notCompleted: 1200, text: '1,200 samples without a consignment id (refused by the client)' })]);
    expect(report.gates[0]).toMatchObject({ expr: 'harm.consignment.notCompleted <= 100', passed: false, actual: 1200 });
  });

  it('gates a kind whose work carried no units as none abandoned (consignments of SRFs before the run window)', async () => {
    const { report } = await scoreFixture({
      durationMs: 10_000,
      ratePerSec: 1,
      step: 'createConsignment',
      entityPrefix: 'c-',
      correlationSuffix: '.createConsignment',
      consignmentBatches: Object.fromEntries(Array.from({ length: 10 }, (_, index) => [`c-${index}`, 0])),
      gates: ['harm.consignment.notCompletedShare <= 5%'],
      respond: () => ({ ok: false, latencyMs: 3, outcome: 'failed' }),
    });
    expect(report.harm.journeys[0]).toMatchObject({ kind: 'consignment', offered: 0, notCompletedShare: null });
    expect(report.gates[0]).toMatchObject({ passed: true, actual: 0 });
  });
});

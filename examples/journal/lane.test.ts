import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { NicSessions } from '../shared/nicSession.ts';
import { startFakeNic, type FakeNicRequest } from '../shared/testing/fakeNic.ts';
import { configuredSteps } from '../shared/steps/index.ts';
import { Journal } from './journal.ts';
import { Lane } from './lane.ts';
import { journalSettings, type JournalSettings } from './settings.ts';

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

/** A lane that is never started: nothing is sent, so what it holds stays queued. */
async function idleLane(baseUrl = 'http://127.0.0.1:9', settings: Partial<JournalSettings> = {}) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'thap-journal-lane-'));
  const journal = await Journal.open(path.join(dir, 'journal.ndjson'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }), () => journal.close());
  const config = { port: 0, nic: { ehospital: baseUrl }, timeScale: 20 };
  const steps = new Map(configuredSteps(config).map((step) => [step.step, step]));
  const lane = new Lane({ service: 'ehospital', baseUrl, steps, journal, settings: { ...journalSettings(config), ...settings }, session: new NicSessions().for({ baseUrl, service: 'ehospital' }), logEvent: () => undefined });
  const offer = (correlationId: string): void => {
    lane.recordOffered();
    journal.accept({ correlationId, step: 'register', body: { patient: { name: 'Meena Tiwari', gender: 'female', age: 44, mobile: '+919450000654' }, department: 'ent', visitType: 'new' }, params: {}, provides: ['uhid'] });
    lane.enqueue(correlationId);
  };
  return { lane, offer, journal };
}

describe("Lane: NIC's gateway 403", () => {
  it('holds every send for the block, keeps the writes and delivers each once after, where another 4xx gives a write up', async () => {
    let blocking = true;
    const requests: Array<{ at: number; request: FakeNicRequest }> = [];
    const nic = await startFakeNic({
      answer: (request) => {
        requests.push({ at: Date.now(), request });
        if (blocking) return { status: 403, body: { error: { code: 'forbidden_window' } } };
        return { status: 201, body: { uhid: `UH${requests.length}`, visitId: `V${requests.length}`, tokenNo: requests.length } };
      },
    });
    cleanups.push(nic.close);
    const { lane, offer, journal } = await idleLane(nic.url, { gatewayBlockMs: 400 });
    cleanups.push(() => lane.stop());
    for (let i = 0; i < 3; i += 1) offer(`pt-7${i}.register`);
    lane.start();
    await expect.poll(() => requests.length, { timeout: 2000 }).toBeGreaterThan(0);
    const firstBlockAt = requests[0]?.at ?? 0;
    await new Promise((resolve) => setTimeout(resolve, 200));
    // Inside the block the lane sent nothing more than what was already on its way, and gave nothing up.
    const sentInBlock = requests.length;
    expect(sentInBlock).toBeLessThanOrEqual(3);
    expect(lane.healthyFor('register')).toBe(false);
    blocking = false;
    await expect.poll(() => ['pt-70', 'pt-71', 'pt-72'].map((id) => journal.get(`${id}.register`)?.state), { timeout: 3000 }).toEqual(['delivered', 'delivered', 'delivered']);
    expect((requests[sentInBlock]?.at ?? 0) - firstBlockAt).toBeGreaterThanOrEqual(350);
    expect(requests.filter((entry) => entry.at - firstBlockAt >= 350)).toHaveLength(3);
  });
});

describe('Lane.sendsWithin', () => {
  it('lets a counter wait for NIC when nothing is queued ahead of its write', async () => {
    const { lane } = await idleLane();
    expect(lane.sendsWithin('register', 150)).toBe(true);
  });

  it('says no behind a backlog the send rate cannot clear within the budget, so the counter answers queued at once', async () => {
    const { lane, offer } = await idleLane();
    for (let i = 0; i < 60; i += 1) offer(`pt-${i}.register`);
    expect(lane.backlog).toBe(60);
    expect(lane.sendsWithin('register', 150)).toBe(false);
    // A budget long enough for the lane's rate to reach the end of the queue.
    expect(lane.sendsWithin('register', 600_000)).toBe(true);
  });
});

import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { NicSessions } from '../shared/nicSession.ts';
import { configuredSteps } from '../shared/steps/index.ts';
import { Journal } from './journal.ts';
import { Lane } from './lane.ts';
import { journalSettings } from './settings.ts';

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

/** A lane that is never started: nothing is sent, so what it holds stays queued. */
async function idleLane() {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'thap-journal-lane-'));
  const journal = await Journal.open(path.join(dir, 'journal.ndjson'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }), () => journal.close());
  const baseUrl = 'http://127.0.0.1:9';
  const config = { port: 0, nic: { ehospital: baseUrl }, timeScale: 20 };
  const steps = new Map(configuredSteps(config).map((step) => [step.step, step]));
  const lane = new Lane({ service: 'ehospital', baseUrl, steps, journal, settings: journalSettings(config), session: new NicSessions().for({ baseUrl, service: 'ehospital' }), logEvent: () => undefined });
  const offer = (correlationId: string): void => {
    lane.recordOffered();
    journal.accept({ correlationId, step: 'register', body: {}, params: {}, provides: ['uhid'] });
    lane.enqueue(correlationId);
  };
  return { lane, offer };
}

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

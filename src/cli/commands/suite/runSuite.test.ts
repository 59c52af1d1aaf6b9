import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InterruptedError } from '../../../core/index.ts';
import type { Scenario } from '../../../scenario/index.ts';
import { runSuite, type RunSlot } from './runSuite.ts';
import type { SuiteSlot } from './suiteSlots.ts';

const made: string[] = [];
afterAll(async () => Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true }))));

async function slotsIn(count: number): Promise<SuiteSlot[]> {
  const root = await mkdtemp(join(tmpdir(), 'thap-suite-runs-'));
  made.push(root);
  return Array.from({ length: count }, (_, index) => ({
    scenario: { name: 'short' } as Scenario,
    scenarioFile: 'short.yaml',
    client: { name: `client-${index}`, command: ['x'], health: '/health' },
    repeat: 1,
    dir: join(root, `slot-${index}`),
    mappingField: 'clients.0.mapping',
  }));
}

/** What thap run leaves in a slot: a run directory with its report. */
async function writeRun(slot: SuiteSlot, name: string, report: { status: string; score: { total: number | null } }): Promise<string> {
  const runDir = join(slot.dir, name);
  await mkdir(runDir, { recursive: true });
  await writeFile(join(runDir, 'report.json'), JSON.stringify(report));
  return runDir;
}

const scored: RunSlot = async (slot) => {
  await writeRun(slot, 'short-20261205T200000Z', { status: 'failed', score: { total: 61 } });
  return {};
};

describe('runSuite', () => {
  it('skips slots that hold a scored run and runs the others, in order', async () => {
    const slots = await slotsIn(3);
    const earlier = await writeRun(slots[1] as SuiteSlot, 'short-20261205T190000Z', { status: 'passed', score: { total: 90 } });
    const ran: string[] = [];
    const outcome = await runSuite({ slots, stopped: () => undefined, log: () => {}, runSlot: async (slot) => (ran.push(slot.client.name), scored(slot)) });
    expect(ran).toEqual(['client-0', 'client-2']);
    expect(outcome.runs.map(({ skipped, runDir }) => [skipped, runDir === undefined])).toEqual([[false, false], [true, false], [false, false]]);
    expect(outcome.runs[1]?.runDir).toBe(earlier);
  });

  it('runs again a slot whose run was interrupted or invalid: it has no verdict', async () => {
    const [slot] = await slotsIn(1);
    await writeRun(slot as SuiteSlot, 'short-20261205T190000Z', { status: 'interrupted', score: { total: 50 } });
    await writeRun(slot as SuiteSlot, 'short-20261205T190500Z', { status: 'invalid', score: { total: null } });
    let runs = 0;
    const outcome = await runSuite({ slots: [slot as SuiteSlot], stopped: () => undefined, log: () => {}, runSlot: async (s) => (runs++, scored(s)) });
    expect(runs).toBe(1);
    expect(outcome.runs[0]?.runDir).toMatch(/short-20261205T200000Z$/);
  });

  it('stops at an interrupt, during a run or between runs, and starts nothing after it', async () => {
    const slots = await slotsIn(3);
    const ran: string[] = [];
    const during = await runSuite({ slots, stopped: () => undefined, log: () => {}, runSlot: async (slot) => (ran.push(slot.client.name), { interruptedBy: 'SIGINT' }) });
    expect(during.interruptedBy).toBe('SIGINT');
    expect(ran).toEqual(['client-0']);
    let signal: string | undefined;
    const between = await runSuite({ slots, stopped: () => signal, log: () => {}, runSlot: async (slot) => ((signal = 'SIGTERM'), scored(slot)) });
    expect(between).toMatchObject({ interruptedBy: 'SIGTERM', runs: [{ slot: { client: { name: 'client-0' } } }] });
    const beforeStart = await runSuite({ slots: slots.slice(2), stopped: () => undefined, log: () => {}, runSlot: async () => Promise.reject(new InterruptedError('SIGINT')) });
    expect(beforeStart.interruptedBy).toBe('SIGINT');
  });

  it('names a run that failed and goes on with the next', async () => {
    const slots = await slotsIn(2);
    const lines: string[] = [];
    const outcome = await runSuite({
      slots,
      stopped: () => undefined,
      log: (line) => lines.push(line),
      runSlot: async (slot) => (slot.client.name === 'client-0' ? Promise.reject(new Error('k6 exited with code 107')) : scored(slot)),
    });
    expect(outcome.runs.map(({ problem }) => problem !== undefined)).toEqual([true, false]);
    expect(lines).toContain('suite: short x client-0, repeat 1 failed: k6 exited with code 107');
  });

  it('starts no more than maxRuns runs and says how many slots are left for the next call', async () => {
    const slots = await slotsIn(3);
    const ran: string[] = [];
    const outcome = await runSuite({ slots, stopped: () => undefined, log: () => {}, maxRuns: 1, runSlot: async (slot) => (ran.push(slot.client.name), scored(slot)) });
    expect(ran).toEqual(['client-0']);
    expect(outcome.left).toBe(2);
    const next = await runSuite({ slots, stopped: () => undefined, log: () => {}, maxRuns: 1, runSlot: async (slot) => (ran.push(slot.client.name), scored(slot)) });
    expect(ran).toEqual(['client-0', 'client-1']);
    expect(next).toMatchObject({ left: 1, runs: [{ skipped: true }, { skipped: false }] });
  });
});

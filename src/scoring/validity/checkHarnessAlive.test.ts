import { describe, expect, it } from 'vitest';
import { checkHarnessAlive } from './checkHarnessAlive.ts';

// The demo's clock: 09:30 at t0, 60x (scenarios/demo.yaml).
const clock = { t0: 1_700_000_000_000, speed: 60, simStartMs: 9.5 * 3_600_000 };
const probe = (atS: number, ok: boolean, target = 'mocks') => ({ t: clock.t0 + atS * 1000, target, ok, ...(ok ? { latencyMs: 2 } : { error: 'ECONNREFUSED' }) });

describe('harness.alive', () => {
  it('fails on a harness process run.json records as dead, at its time on the incident clock', () => {
    const check = checkHarnessAlive({ failures: [{ process: 'mocks', at: clock.t0 + 22_000, kind: 'exited', detail: 'signal SIGKILL' }], probes: [], monitored: true, clock });
    expect(check).toMatchObject({ name: 'harness.alive', passed: false, figure: 1, bound: 0, unit: 'failures' });
    expect(check.message).toBe('the mocks process exited at sim 09:52 (signal SIGKILL): the harness, not the client, failed');
  });

  it('fails on three failed probes in a row that run.json does not name, once per process', () => {
    const probes = [probe(1, true), probe(2, false, 'toxiproxy'), probe(3, false, 'toxiproxy'), probe(4, false, 'toxiproxy'), probe(5, false, 'toxiproxy'), probe(3, true)];
    const check = checkHarnessAlive({ failures: [], probes, monitored: true, clock });
    expect(check.figure).toBe(1);
    expect(check.message).toContain('the toxiproxy process stopped answering at sim 09:32 (3 probes failed in a row: ECONNREFUSED)');
  });

  it('passes two failed probes between good ones, and counts a process run.json already names once', () => {
    const blips = [probe(1, false), probe(2, false), probe(3, true), probe(4, false)];
    expect(checkHarnessAlive({ failures: [], probes: blips, monitored: true, clock })).toMatchObject({ passed: true, figure: 0 });
    const dead = [probe(1, false), probe(2, false), probe(3, false)];
    expect(checkHarnessAlive({ failures: [{ process: 'mocks', at: clock.t0 + 1000, kind: 'exited', detail: '' }], probes: dead, monitored: true, clock }).figure).toBe(1);
  });

  it('says "not monitored" for a run directory older than the monitor', () => {
    expect(checkHarnessAlive({ failures: [], probes: [], monitored: false, clock })).toMatchObject({ passed: true, figure: null });
  });
});

import { describe, expect, it } from 'vitest';
import type { Phase } from '../reportSchema.ts';
import type { LoggedFault } from '../runFiles/readFaults.ts';
import { checkFaultsTouched } from './checkFaultsTouched.ts';

const clock = { t0: 1_700_000_000_000, speed: 60, simStartMs: 9.5 * 3_600_000 };
const fault = (over: Partial<LoggedFault>): LoggedFault => ({ faultId: 'f1', kind: 'http-status', service: 'ehospital', describe: 'ehospital: 503 on POST /registrations', appliedAt: clock.t0 + 20_000, removedAt: clock.t0 + 35_000, ok: true, ...over });
const faultPhase = (name: string, steps: Phase['steps']): Phase => ({ name, kind: 'fault', steps } as Phase);
const none = { phases: [], clientExitsAt: [], clock };

describe('faults.touched', () => {
  it('fails an app fault that hit no request, naming it and its window on the incident clock', () => {
    const check = checkFaultsTouched({ faults: [fault({ hits: 0 })], ...none });
    expect(check).toMatchObject({ name: 'faults.touched', passed: false, figure: 1, bound: 0 });
    expect(check.message).toMatch(/^fault f1 \(ehospital: 503 on POST \/registrations\) was applied from sim 09:50 to sim 10:05 and touched 0 requests \(mock hits\)/);
  });

  it('passes an app fault that touched nothing because the client sent no request in its scope while it was applied', () => {
    const requestsTo = (faultId: string) => (faultId === 'f1' ? 0 : 7);
    const check = checkFaultsTouched({ faults: [fault({ hits: 0 })], ...none, requestsTo });
    expect(check).toMatchObject({ passed: true, figure: 0 });
    expect(check.message).toContain('the client sent no request in the scope of f1 while it was applied');
    // Requests in its scope arrived and the fault touched none of them: the harness's doing.
    expect(checkFaultsTouched({ faults: [fault({ faultId: 'f2', hits: 0 })], ...none, requestsTo }).passed).toBe(false);
    // Not counted (an older run, or a network fault): as before, untouched is invalid.
    expect(checkFaultsTouched({ faults: [fault({ hits: 0 })], ...none, requestsTo: () => undefined }).passed).toBe(false);
  });

  it('passes a fault on a share of requests that touched none of the few the client sent, and fails it on real volume', () => {
    const requestsTo = () => 12;
    const fewCheck = checkFaultsTouched({ faults: [fault({ hits: 0 })], ...none, requestsTo, chanceUntouched: () => 0.95 ** 12 });
    expect(fewCheck).toMatchObject({ passed: true, figure: 0 });
    expect(fewCheck.message).toContain('too few requests for a fault on a share of them to be sure to touch one: f1 (12 requests; untouched by chance 54% of the time)');
    // 5% of 400 writes untouched happens once in 800 million runs: the fault did not fire.
    expect(checkFaultsTouched({ faults: [fault({ hits: 0 })], ...none, requestsTo: () => 400, chanceUntouched: () => 0.95 ** 400 }).passed).toBe(false);
    // A fault on every request that some reached touched them, or the harness failed.
    expect(checkFaultsTouched({ faults: [fault({ hits: 0 })], ...none, requestsTo: () => 1, chanceUntouched: () => 0 }).passed).toBe(false);
  });

  it('passes faults that touched traffic: hits, bytes', () => {
    expect(checkFaultsTouched({ faults: [fault({ hits: 412 }), fault({ faultId: 'f2', kind: 'latency', bytes: 18_234 })], ...none })).toMatchObject({ passed: true, figure: 0 });
    expect(checkFaultsTouched({ faults: [fault({ faultId: 'f2', kind: 'latency', bytes: 0 })], ...none }).passed).toBe(false);
  });

  it('reads 0 bytes (connections still open when the fault ended) through the steps that call the service', () => {
    const hung = fault({ kind: 'timeout', service: 'icmr', bytes: 0 });
    const withSrf = [faultPhase('fault', { createSrf: { done: 0, queued: 0, failed: 4 } })];
    expect(checkFaultsTouched({ faults: [hung], ...none, phases: withSrf })).toMatchObject({ passed: true, figure: 0 });
    expect(checkFaultsTouched({ faults: [hung], ...none, phases: [faultPhase('fault', { register: { done: 9, queued: 0, failed: 0 } })] }).passed).toBe(false);
  });

  it('counts the requests of steps that call the service of a disabled proxy (bytes null) in the fault window', () => {
    const down = fault({ kind: 'down', service: 'icmr', bytes: null });
    const opdOnly = [faultPhase('fault', { register: { done: 0, queued: 0, failed: 300 } })];
    const withSrf = [faultPhase('fault', { register: { done: 0, queued: 0, failed: 300 }, createSrf: { done: 0, queued: 0, failed: 4 } })];
    expect(checkFaultsTouched({ faults: [down], ...none, phases: opdOnly })).toMatchObject({ passed: false, figure: 1 });
    expect(checkFaultsTouched({ faults: [down], ...none, phases: withSrf })).toMatchObject({ passed: true, figure: 0 });
    expect(checkFaultsTouched({ faults: [down], ...none, phases: withSrf }).message).toContain('f1 4 requests of steps that call icmr');
  });

  it('with several faults reads each fault\'s own phase', () => {
    const faults = [fault({ service: 'icmr', bytes: null }), fault({ faultId: 'f2', service: 'icmr', bytes: null, appliedAt: clock.t0 + 40_000, removedAt: clock.t0 + 45_000 })];
    const phases = [faultPhase('fault', { createSrf: { done: 0, queued: 0, failed: 9 } }), faultPhase('fault-f1', { createSrf: { done: 0, queued: 0, failed: 9 } }), faultPhase('fault-f2', {})];
    expect(checkFaultsTouched({ faults, ...none, phases }).message).toMatch(/^fault f2 /);
  });

  it('does not blame the harness when the client was down: it exited before the fault ended, or failed its health check', () => {
    expect(checkFaultsTouched({ faults: [fault({ hits: 0 })], ...none, clientExitsAt: [clock.t0 + 10_000] }).passed).toBe(true);
    expect(checkFaultsTouched({ faults: [fault({ hits: 0 })], ...none, clientHealthy: false }).passed).toBe(true);
    expect(checkFaultsTouched({ faults: [fault({ hits: 0 })], ...none, clientExitsAt: [clock.t0 + 40_000] }).passed).toBe(false);
  });

  it('measures nothing when faults.ndjson has no counts (older runs), and ignores faults never applied', () => {
    expect(checkFaultsTouched({ faults: [fault({})], ...none })).toMatchObject({ passed: true, figure: null });
    expect(checkFaultsTouched({ faults: [fault({ appliedAt: null, ok: false, hits: 0 })], ...none })).toMatchObject({ passed: true, figure: null });
  });
});

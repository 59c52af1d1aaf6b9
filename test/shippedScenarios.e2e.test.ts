import { describe, expect, it } from 'vitest';
import { leftovers } from './support/leftovers.ts';
import { runScenario } from './support/runScenario.ts';
import { runThap } from './support/runThap.ts';
import { scenarioCopy, type ScenarioDocument } from './support/scenarioCopy.ts';

interface Report {
  status: string;
  phases: Array<{ name: string; requests: number }>;
  integrity: { accepted: number; lost: number };
}

/**
 * The two outages this project exists for (issue 7), each run for real against the resilient reference
 * client on a window of its day around the fault, at the shipped speed: the KGMU crash at peak from 09:45 on
 * its first day, with the first 15 minutes of the 502s (of 3 h) and half an hour for the client's backlog to drain; the
 * night consignment outage from 20:30 to midnight, through the whole 21:30-23:00 outage. Each window keeps the
 * scenario's own faults, traffic profile, seed and gates; the full days are validated and planned as shipped
 * (here by `--dry-run`, and src/scenario/shippedScenarios.test.ts for every shipped scenario).
 */
const shipped = [
  {
    file: 'scenarios/o2-crash-at-peak.yaml',
    window: (scenario: ScenarioDocument) => {
      // One day's window at the busy hours' 120x: the two-day clock's segments and the second day's outage lie outside it.
      const { segments: _segments, ...clock } = scenario.clock;
      scenario.clock = { ...clock, start: '09:45', duration: '60m', speed: 120 };
      scenario.faults![0]!.for = '15m';
      delete scenario.faults![0]!.repeat;
      // One outage in the window: its per-day gates become the one fault phase's (thap validate refuses a gate
      // on a phase the run cannot have), and the second day's goes.
      scenario.gates = scenario.gates!.filter((gate) => !gate.startsWith('phase.fault-gateway-502-2.')).map((gate) => gate.replace('phase.fault-gateway-502-1.', 'phase.fault.'));
    },
    minAccepted: 1_000,
    minFaultRequests: 100,
  },
  {
    file: 'scenarios/o13-night-consignment-outage.yaml',
    // The whole day (17 simulated hours, about 140 s at its 450x): the night's consignments carry the SRFs of
    // the day, so a window that starts in the evening offers consignment visits whose SRFs were never created,
    // k6 blocks them, and the outage touches nothing (the run is rightly invalid).
    window: () => {},
    minAccepted: 200,
    // 21:30-23:00 of profile T4 (domain/traffic.md): consignment batches and the last SRFs of the day.
    minFaultRequests: 50,
  },
];

describe('shipped outages, run for real', { timeout: 300_000 }, () => {
  it.each(shipped)('$file: the resilient client keeps the counters moving and loses nothing', async ({ file, window, minAccepted, minFaultRequests }) => {
    const dryRun = await runThap(['run', file, '--dry-run']);
    expect(dryRun.code, dryRun.stderr).toBe(0);
    expect(dryRun.stdout).toMatch(/^fault /m);
    const copy = await scenarioCopy(file, (scenario) => {
      scenario.client.command = ['node', '--import', 'tsx', 'examples/resilient/server.ts'];
      window(scenario);
    });
    const run = await runScenario<Report>(copy);
    expect(run.code, run.stdout + run.stderr.slice(-2_000)).toBe(0);
    expect(run.report?.status).toBe('passed');
    expect(run.report?.integrity.accepted).toBeGreaterThan(minAccepted);
    expect(run.report?.integrity.lost).toBe(0);
    expect(run.report?.phases.find((phase) => phase.name === 'fault')?.requests).toBeGreaterThan(minFaultRequests);
    expect(await leftovers(run.runDir!)).toEqual({ processes: [], ports: [] });
  });
});

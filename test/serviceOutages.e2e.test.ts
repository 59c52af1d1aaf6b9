import { describe, expect, it } from 'vitest';
import { leftovers } from './support/leftovers.ts';
import { runScenario } from './support/runScenario.ts';
import { scenarioCopy, type ScenarioDocument } from './support/scenarioCopy.ts';

interface Report {
  status: string;
  gates: Array<{ expr: string; passed: boolean }>;
  phases: Array<{ name: string; requests: number }>;
  integrity: { accepted: number; lost: number; falseClaims: number; services?: { callbacksNeverReceived: number; paymentsCapturedTwice: number; otpVerifiedAfterExpiry: number } };
}

/** A window of a shipped scenario's day around its fault, run for real with one reference client. */
async function runWindow(args: { file: string; client: string; window: (scenario: ScenarioDocument) => void }) {
  const copy = await scenarioCopy(args.file, (scenario) => {
    scenario.client.command = ['node', '--import', 'tsx', `examples/${args.client}/server.ts`];
    args.window(scenario);
  });
  const run = await runScenario<Report>(copy);
  expect(await leftovers(run.runDir!)).toEqual({ processes: [], ports: [] });
  return run;
}

/** 09:15-10:15 with the faults until 10:00 (each from its own start). */
function morningWindow(scenario: ScenarioDocument): void {
  scenario.clock = { ...scenario.clock, start: '09:15', duration: '60m' };
  for (const fault of scenario.faults ?? []) fault.until = '10:00';
}

const failedGates = (report: Report | undefined) => (report?.gates ?? []).filter((gate) => !gate.passed).map((gate) => gate.expr);

/**
 * O11, the ABDM outage (issue 17), on a window of its day: 09:15 to 10:15 simulated (40 s of wall time at the
 * shipped 90x) with the faults from 09:30 to 10:00, and the shipped gates, for the resilient and the naive client.
 */
describe('ABDM outage (O11), run for real', { timeout: 300_000 }, () => {
  it('O11: on-share callbacks lost; resilient reads the tokens from the status route, naive leaves them unread and fails', async () => {
    const window = morningWindow;
    const resilient = await runWindow({ file: 'scenarios/o11-abdm-callback-loss.yaml', client: 'resilient', window });
    expect(resilient.code, resilient.stdout + resilient.stderr.slice(-2_000)).toBe(0);
    expect(resilient.report?.integrity.services?.callbacksNeverReceived).toBe(0);
    const naive = await runWindow({ file: 'scenarios/o11-abdm-callback-loss.yaml', client: 'naive', window });
    expect(naive.code, naive.stdout + naive.stderr.slice(-2_000)).toBe(1);
    expect(naive.report?.integrity.services?.callbacksNeverReceived).toBeGreaterThan(0);
    expect(failedGates(naive.report)).toContain('integrity.callbacksNeverReceived == 0');
  });
});

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScenario, type ScenarioRun } from '../../test/support/runScenario.ts';
import { withClient } from '../../test/support/scenarioCopy.ts';
import { forgets } from './forgets.ts';

// Each bad client through the real `thap run` (real k6, Toxiproxy, mocks), one at a time: on this 2-core
// machine concurrent runs would measure the machine, not the clients. Each must be caught with the exact count
// its own log says it earned, and none may pass.

interface BadClientReport {
  status: string;
  integrity: { lost: number; duplicated: number; extraRecords: number; falseClaims: number; undelivered: number };
  score: { total: number | null; disqualified?: string };
  gates: Array<{ expr: string; passed: boolean }>;
}

interface OutcomeLine {
  step: string;
  correlationId: string;
  outcome: string;
  reason?: string;
  attempts?: number;
}

const writeSteps = new Set(['register', 'fee', 'labOrder', 'barcode', 'collectSample', 'createSrf', 'createConsignment', 'uploadResult']);

async function run(args: { scenario: string; client: string; env?: Record<string, string> }): Promise<{ run: ScenarioRun<BadClientReport>; report: BadClientReport; outcomes: OutcomeLine[] }> {
  const result = await runScenario<BadClientReport>(await withClient(`examples/bad/${args.scenario}`, `examples/bad/${args.client}`, args.env), { timeoutMs: 150_000 });
  expect(result.runDir, result.stderr.slice(-2000)).toBeDefined();
  const text = await readFile(path.join(result.runDir as string, 'client.log'), 'utf8');
  const outcomes = text
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Partial<OutcomeLine>)
    .filter((line): line is OutcomeLine => typeof line.step === 'string' && typeof line.correlationId === 'string');
  return { run: result, report: result.report as BadClientReport, outcomes };
}

function failedGates(report: BadClientReport): string[] {
  return report.gates.filter((gate) => !gate.passed).map((gate) => gate.expr);
}

describe('bad clients through the real thap run', { timeout: 200_000 }, () => {
  it('the client that makes up NIC ids while NIC is down: every made-up done is a false claim, and it fails', async () => {
    const { run: result, report, outcomes } = await run({ scenario: 'outage.yaml', client: 'fabricatesIds.ts' });
    const madeUp = outcomes.filter((line) => line.outcome === 'done' && line.reason?.startsWith('made up NIC ids')).length;
    expect(madeUp).toBeGreaterThan(50);
    expect(report.integrity.falseClaims).toBe(madeUp);
    expect(report.status).toBe('failed');
    expect(result.code).toBe(1);
    expect(failedGates(report)).toContain('integrity.falseClaims == 0');
    expect(report.score).toMatchObject({ total: 0, disqualified: expect.stringContaining(`${madeUp} answers claimed NIC ids NIC never issued`) });
  });

  it('the client that silently drops a seeded share of its queued writes: each dropped write is undelivered, and it fails', async () => {
    const { run: result, report, outcomes } = await run({ scenario: 'outage.yaml', client: 'dropsQueued.ts', env: { BAD_CLIENT_DROP_SHARE: '0.05', BAD_CLIENT_DROP_SEED: '3' } });
    const dropped = outcomes.filter((line) => writeSteps.has(line.step) && line.outcome === 'queued' && forgets({ seed: 3, share: 0.05, correlationId: line.correlationId })).length;
    expect(dropped).toBeGreaterThan(5);
    expect(report.integrity.undelivered).toBe(dropped);
    expect(report.integrity.falseClaims).toBe(0);
    expect(report.status).toBe('failed');
    expect(result.code).toBe(1);
    expect(failedGates(report)).toContain('integrity.undelivered == 0');
  });

  it('the client that retries slow writes without an idempotency key: every extra attempt is an extra record, and it fails', async () => {
    const { run: result, report, outcomes } = await run({ scenario: 'slow-writes.yaml', client: 'retriesWithoutKey.ts' });
    const retried = outcomes.filter((line) => writeSteps.has(line.step) && (line.attempts ?? 1) > 1);
    expect(retried.length).toBeGreaterThan(50);
    expect(report.integrity.duplicated).toBe(retried.length);
    expect(report.integrity.extraRecords).toBe(retried.reduce((sum, line) => sum + (line.attempts ?? 1) - 1, 0));
    expect(report.status).toBe('failed');
    expect(result.code).toBe(1);
    expect(failedGates(report)).toContain('integrity.duplicated == 0');
  });

  it('the client with no timeouts that hangs while NIC is away: the counter waits, and it fails (the client, not the harness, is to blame)', async () => {
    const { run: result, report } = await run({ scenario: 'outage.yaml', client: 'hangsWithNic.ts' });
    expect(report.status).toBe('failed');
    expect(result.code).toBe(1);
    expect(failedGates(report)).toContain('phase.fault.p95 < 2s');
    expect(report.integrity.lost).toBe(0);
  });
});

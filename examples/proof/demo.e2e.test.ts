import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { findChromium } from '../../src/report/browser/findChromium.ts';
import { proofChecks, type ProofRuns } from './proofChecks.ts';
import { runProofClients } from './runProofClients.ts';

interface DemoReport {
  status: string;
  scenario: { name: string; fingerprint: string; seed: number };
  phases: Array<{ name: string; requests: number; availability: number }>;
  integrity: { accepted: number; stored: number; lost: number };
  score: { total: number; components: Array<{ weight: number }> };
  gates: Array<{ expr: string; passed: boolean }>;
}

/**
 * The demo scenario, run once per reference client. Naive's run is the README's first command,
 * `thap run scenarios/demo.yaml`: the whole walking skeleton with the real k6 and Toxiproxy. On the same runs,
 * the proof: e-Hospital comes back from a 15-minute outage with a capacity limit, and retry-storm's flood
 * times out and stores registrations twice.
 */
describe('the demo scenario', () => {
  let runs: ProofRuns;
  beforeAll(async () => {
    runs = await runProofClients('scenarios/demo.yaml', { timeoutMs: 4 * 60_000, readmeCommand: true });
  }, 4 * 4 * 60_000);

  it('runs end to end, shows the outage in the numbers, passes its gates and leaves nothing running', async () => {
    const { code, stdout, stderr, runDir } = runs.naive;
    expect(code, stderr).toBe(0);
    if (!runDir) throw new Error(`no run directory in output:\n${stderr}`);
    for (const file of ['k6.csv', 'faults.ndjson', 'ledger.ndjson', 'report.json', 'plan.json', 'scenario.resolved.json', 'client.log', 'report.html', 'report.md', 'junit.xml']) {
      expect((await stat(join(runDir, file))).size, file).toBeGreaterThan(0);
    }
    // Every format, the PDF through the real Chromium where one is installed (.ci/run installs it).
    if (await findChromium()) expect((await stat(join(runDir, 'report.pdf'))).size).toBeGreaterThan(0);
    else expect(stdout).toContain('note: report.pdf skipped: no Chromium found');
    const report = JSON.parse(await readFile(join(runDir, 'report.json'), 'utf8')) as DemoReport;
    expect(report.status).toBe('passed');
    expect(report.scenario).toMatchObject({ name: 'demo', seed: 42, fingerprint: expect.stringMatching(/^sha256:[0-9a-f]{64}$/) });
    const phase = (name: string) => report.phases.find((entry) => entry.name === name);
    const baseline = phase('baseline');
    const fault = phase('fault');
    const recovery = phase('recovery');
    expect(baseline && fault && recovery).toBeTruthy();
    // ~20 s of baseline and ~15 s of outage at 30 requests/s.
    expect(baseline?.requests).toBeGreaterThan(400);
    expect(fault?.requests).toBeGreaterThan(300);
    expect(baseline?.availability).toBeGreaterThan(0.95);
    expect(fault?.availability).toBeLessThan(0.2);
    expect(recovery?.availability).toBeGreaterThan(0.9);
    expect(report.integrity.lost).toBe(0);
    expect(report.integrity.stored).toBe(report.integrity.accepted);
    expect(report.score.total).toBeGreaterThan(0);
    expect(report.score.total).toBeLessThan(100);
    expect(report.score.components.reduce((sum, component) => sum + component.weight, 0)).toBeCloseTo(100, 5);
    expect(report.gates.every((gate) => gate.passed)).toBe(true);
    expect(stdout).toContain(`report: ${runDir}/report.json`);
    const events = (await readFile(join(runDir, 'faults.ndjson'), 'utf8')).trim().split('\n').map((line) => JSON.parse(line) as { action: string; driftMs: number });
    expect(events.map((event) => event.action)).toEqual(['apply', 'remove']);
    for (const event of events) expect(Math.abs(event.driftMs)).toBeLessThan(250);
    expect(runs.naive.leftovers).toEqual({ processes: [], ports: [] });
  });

  // The demo's gates let a client that refuses work pass: it loses nothing.
  proofChecks(() => runs, { naiveStatus: 'passed' });
});

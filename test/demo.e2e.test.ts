import { mkdtemp, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { leftovers, runDirOf } from './support/leftovers.ts';
import { runThap } from './support/runThap.ts';

interface Report {
  schemaVersion: number | string;
  status: string;
  scenario: { name: string; fingerprint: string; seed: number };
  versions: { thap: string; scoring: string };
  phases: Array<{ name: string; start: number; end: number; requests: number; availability: number; p95Ms: number | null }>;
  integrity: { accepted: number; stored: number; lost: number; duplicated: number };
  score: { total: number; components: Array<{ name: string; weight: number; value: number; explanation: string }> };
  gates: Array<{ expr: string; passed: boolean; actual: unknown }>;
}

// The README's first command runs this scenario: the whole walking skeleton with the real k6 and Toxiproxy.
describe('the demo scenario', { timeout: 150_000 }, () => {
  it('runs end to end, shows the outage in the numbers, passes its gates and leaves nothing running', async () => {
    const result = await runThap(['run', 'scenarios/demo.yaml', '--ci', '--out', await mkdtemp(join(tmpdir(), 'thap-demo-'))]);
    expect(result.code, result.stderr).toBe(0);
    const runDir = runDirOf(result.stderr);
    for (const file of ['k6.csv', 'faults.ndjson', 'ledger.ndjson', 'report.json', 'plan.json', 'scenario.resolved.json', 'client.log']) {
      expect((await stat(join(runDir, file))).size, file).toBeGreaterThan(0);
    }
    const report = JSON.parse(await readFile(join(runDir, 'report.json'), 'utf8')) as Report;
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
    expect(result.stdout).toContain(`report: ${runDir}/report.json`);
    const events = (await readFile(join(runDir, 'faults.ndjson'), 'utf8')).trim().split('\n').map((line) => JSON.parse(line) as { action: string; driftMs: number });
    expect(events.map((event) => event.action)).toEqual(['apply', 'remove']);
    for (const event of events) expect(Math.abs(event.driftMs)).toBeLessThan(250);
    expect(await leftovers(runDir)).toEqual({ processes: [], ports: [] });
  });
});

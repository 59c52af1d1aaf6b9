import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../test/support/runScenario.ts';
import { withClient } from '../../test/support/scenarioCopy.ts';

interface Report {
  phases: Array<{ name: string; availability: number; requests: number }>;
  integrity: { accepted: number; lost: number };
  validity: { valid: boolean };
  score: { total: number | null } | null;
}

// The made-up vendor speaks only its own API (mapping.yaml): `thap run --client-mapping` sends the k6 steps
// through the mapping, so the vendor's system is scored as the reference clients are.
describe('thap run --client-mapping against examples/vendor-arogya', { timeout: 120_000 }, () => {
  it("scores the vendor through its own API: registrations confirmed before the outage, rejected during it, none lost", async () => {
    const scenario = await withClient('test/scenarios/short-outage.yaml', 'examples/vendor-arogya/server.ts');
    const run = await runScenario<Report>(scenario, { args: ['--client-mapping', 'examples/vendor-arogya/mapping.yaml', '--client-name', 'Arogya HMIS 2'] });
    expect(run.report, run.stderr).toBeDefined();
    const report = run.report as Report;
    const phase = (name: string) => report.phases.find((entry) => entry.name === name);
    expect(report.validity.valid, run.stderr).toBe(true);
    expect(phase('baseline')?.availability).toBeGreaterThan(0.95);
    expect(phase('fault')?.availability).toBeLessThan(0.2);
    // Every registration the vendor confirmed is in e-Hospital's ledger under the vendor's X-Request-Ref id.
    expect(report.integrity.accepted).toBeGreaterThan(100);
    expect(report.integrity.lost).toBe(0);
    expect(typeof report.score?.total).toBe('number');
    const runDir = run.runDir as string;
    const data = JSON.parse(await readFile(join(runDir, 'script-data.json'), 'utf8')) as { vendor?: { correlationHeader: string; steps: Record<string, { path: string }> } };
    expect(data.vendor?.correlationHeader).toBe('X-Request-Ref');
    expect(data.vendor?.steps.register?.path).toBe('/api/v2/opd/encounters');
    const runJson = JSON.parse(await readFile(join(runDir, 'run.json'), 'utf8')) as { client: { health: { url: string; ok: boolean } } };
    expect(runJson.client.health).toMatchObject({ ok: true, url: expect.stringMatching(/\/api\/v2\/ping$/) });
  });
});

import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { leftovers, readRunJson, runDirOf } from './support/leftovers.ts';
import { runThap } from './support/runThap.ts';
import { withoutPdf } from './support/withoutPdf.ts';

// End to end with the real k6 and Toxiproxy binaries (from `thap tools install`), real HTTP on loopback.
// Each exit code of the README is produced here by a real run, and each ending leaves nothing behind; exit 130
// (SIGINT, SIGTERM) at every moment of a run is test/kill.e2e.test.ts.
const outDir = () => mkdtemp(join(tmpdir(), 'thap-e2e-'));

async function expectNothingLeft(runDir: string) {
  const run = await readRunJson(runDir);
  expect(run.processes.map((entry) => entry.name)).toEqual(expect.arrayContaining(['toxiproxy', 'mocks']));
  expect(await leftovers(runDir)).toEqual({ processes: [], ports: [] });
}

describe('thap exit codes', { timeout: 120_000 }, () => {
  it('exits 1 when the client is not resilient enough for the gates, and leaves nothing running', async () => {
    const result = await runThap(['run', 'test/scenarios/short-outage.yaml', '--ci', '--out', await outDir(), ...withoutPdf]);
    expect(result.stdout).toContain('FAIL  phase.fault.availability >= 0.9');
    expect(result.code).toBe(1);
    const runDir = runDirOf(result.stderr);
    const report = JSON.parse(await readFile(join(runDir, 'report.json'), 'utf8')) as { status: string };
    expect(report.status).toBe('failed');
    // --format: the formats asked for besides report.json, and no other.
    expect((await readdir(runDir)).filter((name) => /^(report\.(html|md|pdf)|junit\.xml)$/.test(name)).sort()).toEqual(['junit.xml', 'report.html', 'report.md']);
    await expectNothingLeft(runDir);
  });

  it('exits 2 for an invalid scenario, printing every problem without a stack', async () => {
    const result = await runThap(['run', 'src/scenario/fixtures/many-problems.yaml']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('many-problems.yaml:17:11: faults.0.kind: unknown fault kind');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 2 for a bad option', async () => {
    const result = await runThap(['run', 'scenarios/demo.yaml', '--speed', 'fast']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--speed');
  });

  it('exits 1, not 3, for a client that never becomes healthy: no load, the run completes and the health gate fails', async () => {
    const result = await runThap(['run', 'test/scenarios/client-dies-at-start.yaml', '--ci', '--out', await outDir(), ...withoutPdf]);
    expect(result.code, result.stderr.slice(-1_500)).toBe(1);
    expect(result.stdout).toContain('FAIL  client.healthy == 1');
    expect(result.stderr).toMatch(/the client is not healthy at http:\/\/127\.0\.0\.1:\d+\/health: the client exited \(code 4\) before it answered; no load is sent/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    const runDir = runDirOf(result.stderr);
    const run = await readRunJson(runDir);
    expect(run.status).toBe('completed');
    expect(run.client?.health).toMatchObject({ ok: false, error: 'the client exited (code 4) before it answered' });
    expect(run.processes.map((entry) => entry.name)).not.toContain('k6');
    await expect(readFile(join(runDir, 'report.json'), 'utf8')).resolves.toContain('"status"');
    await expectNothingLeft(runDir);
  });

  it('exits 1, not 3, when the client dies mid-run: it is scored, and the run says so in one line', async () => {
    const result = await runThap(['run', 'test/scenarios/client-dies-mid-run.yaml', '--ci', '--out', await outDir(), ...withoutPdf]);
    expect(result.code, result.stderr.slice(-1_500)).toBe(1);
    expect(result.stderr).toMatch(/^the client exited mid-run \(code 1\); its answers stop here/m);
    const runDir = runDirOf(result.stderr);
    const run = await readRunJson(runDir);
    expect(run.status).toBe('completed');
    expect(run.client?.health).toMatchObject({ ok: true });
    expect(run.client?.exits).toEqual([{ at: expect.any(Number), code: 1, signal: null }]);
    expect(run.harness?.failures).toEqual([]);
    expect(result.stdout).toContain('FAIL  client.exits == 0');
    await expectNothingLeft(runDir);
  });

  it('exits 1 when the client answers garbage: scored, failed, and the run says why in one line', async () => {
    const result = await runThap(['run', 'test/scenarios/client-answers-garbage.yaml', '--ci', '--out', await outDir(), ...withoutPdf]);
    expect(result.code, result.stderr.slice(-1_500)).toBe(1);
    expect(result.stdout).toMatch(/warning: the client answered \d+ of \d+ journey requests outside the contract/);
    expect(result.stdout).toContain('FAIL  client.invalidAnswers == 0');
    await expectNothingLeft(runDirOf(result.stderr));
  });
});

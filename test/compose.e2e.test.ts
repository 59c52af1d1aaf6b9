import { readdir, readFile } from 'node:fs/promises';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { failedCheckLines, type CheckLike } from '../src/scoring/validity/failedCheckLines.ts';
import { thapImage } from '../src/stack/container/images/imageList.ts';
import { dockerReadiness } from './support/dockerReadiness.ts';
import { dockerLeftovers } from './support/dockerLeftovers.ts';
import { lockWaitMs, runCommandLocked } from './support/runCommandLocked.ts';
import { repoRoot } from './support/runThap.ts';

// docker-compose.yml with the real `docker compose` (built from its Go module: `thap tools install --compose`)
// and the thap image (`thap tools install --images`): `up --exit-code-from thap` runs a whole scenario, thap
// conducting it inside the stack, and leaves its reports in THAP_REPORTS. Skipped with the reason elsewhere.
const docker = await dockerReadiness({ images: [thapImage], compose: true });

/**
 * One `up` of the whole stack on a scenario named by THAP_SCENARIO, from the directory THAP_SCENARIOS (the
 * default, the demo, is the same path with another file: test/compose.test.ts reads it from the compose file).
 */
async function composeUp(scenario: string) {
  const reports = await mkdtemp(join(tmpdir(), 'thap-compose-'));
  const project = `thap-e2e-${process.pid}-${Date.now()}`;
  const env = { THAP_REPORTS: reports, THAP_SCENARIOS: join(repoRoot, 'test/scenarios'), THAP_SCENARIO: `scenarios/${scenario}`, THAP_TIME_SCALE: '30' };
  const compose = (args: string[]) => runCommandLocked('docker', ['compose', '-p', project, ...args], { cwd: repoRoot, env });
  try {
    const up = await compose(['up', '--exit-code-from', 'thap', '--no-build']);
    const [runId] = await readdir(reports);
    return { up, reports, runDir: join(reports, runId ?? 'none'), project };
  } finally {
    await runCommandLocked('docker', ['compose', '-p', project, 'down', '-v', '--remove-orphans'], { cwd: repoRoot, env, locked: false });
  }
}

interface Report {
  status: string;
  scenario: { name: string };
  score: { total: number | null };
  validity: { valid: boolean; checks: CheckLike[] };
}

describe.skipIf(!docker.ready)(`docker compose up --exit-code-from thap ${docker.reason}`, { timeout: 400_000 + lockWaitMs }, () => {
  it('runs the scenario THAP_SCENARIO names end to end: faults on time, scored, reports in THAP_REPORTS, thap\'s exit code, nothing left', async () => {
    const { up, runDir, project } = await composeUp('docker-two-faults.yaml');
    const output = `${up.stdout}\n${up.stderr}`.slice(-2_000);
    const report = JSON.parse(await readFile(join(runDir, 'report.json'), 'utf8')) as Report;
    expect(report.scenario.name).toBe('docker-two-faults');
    expect(report.validity.valid, failedCheckLines(report.validity.checks).join('\n')).toBe(true);
    expect(report.score.total).toBeGreaterThan(0);
    expect(up.code, output).toBe(report.status === 'passed' ? 0 : 1);
    const faults = (await readFile(join(runDir, 'faults.ndjson'), 'utf8')).trim().split('\n').map((line) => JSON.parse(line) as { faultId: string; action: string; ok: boolean });
    expect(faults.map((event) => `${event.faultId} ${event.action} ${event.ok}`)).toEqual(['network-down apply true', 'network-down remove true', 'app-503 apply true', 'app-503 remove true']);
    expect(await readdir(runDir)).toEqual(expect.arrayContaining(['junit.xml', 'report.html', 'report.json', 'ledger.ndjson']));
    expect(await dockerLeftovers(project, 'com.docker.compose.project')).toEqual({ containers: [], networks: [], volumes: [] });
  });
});

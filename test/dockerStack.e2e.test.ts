import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { failedCheckLines } from '../src/scoring/validity/failedCheckLines.ts';
import { containerImages } from '../src/stack/container/layout.ts';
import { dockerReadiness } from './support/dockerReadiness.ts';
import { runLabel } from '../src/stack/lifeline/removeLabelledContainers.ts';
import { dockerLeftovers, dockerLeftoversAfter } from './support/dockerLeftovers.ts';
import { readRunJson, runDirOf } from './support/leftovers.ts';
import { lockWaitMs, withRealRunLock } from './support/runCommandLocked.ts';
import { runThap } from './support/runThap.ts';
import { withoutPdf } from './support/withoutPdf.ts';

// `thap run --stack docker` on the real engine: Toxiproxy, the NIC mocks and the client as containers, k6 and
// the fault driver here. Scored like the local stack; after every ending (finished, failed, interrupted,
// killed) Docker holds nothing labelled with the run. Needs the engine and the images (`thap tools install
// --images`); skipped with the reason elsewhere.
const docker = await dockerReadiness({ images: [containerImages.toxiproxy, containerImages.node] });
const nothing = { containers: [], networks: [], volumes: [] };

interface Report {
  status: string;
  score: { total: number | null };
  validity: { valid: boolean; checks: Array<{ name: string; passed: boolean; message: string }> };
}

async function runDocker(scenario: string, options: Parameters<typeof runThap>[1] = {}) {
  const out = await mkdtemp(join(tmpdir(), 'thap-docker-'));
  // Its own cache directory: no other thap on the machine sweeps this run's live record.
  const env = { THAP_CACHE_DIR: await mkdtemp(join(tmpdir(), 'thap-docker-cache-')), ...options.env };
  // THAP_REALRUN_LOCK (a lock file): each run waits for it on its own, on a machine shared by several suites.
  const result = await withRealRunLock(() => runThap(['run', scenario, '--stack', 'docker', '--ci', '--out', out, ...withoutPdf], { ...options, env }));
  const runDir = runDirOf(result.stderr);
  return { result, runDir, runId: basename(runDir) };
}

const readReport = async (runDir: string): Promise<Report> => JSON.parse(await readFile(join(runDir, 'report.json'), 'utf8')) as Report;
const faultEvents = async (runDir: string) =>
  (await readFile(join(runDir, 'faults.ndjson'), 'utf8')).trim().split('\n').map((line) => JSON.parse(line) as { faultId: string; action: string; ok: boolean; driftMs: number; hits?: number });

describe.skipIf(!docker.ready)(`thap run --stack docker ${docker.reason}`, { timeout: 300_000 + lockWaitMs }, () => {
  it('runs a scenario in containers and scores it: a network fault (Toxiproxy) and an application fault (the mock) on time, each touching traffic; nothing is left', async () => {
    const { result, runDir, runId } = await runDocker('test/scenarios/docker-two-faults.yaml');
    expect(result.stderr).toContain('stack: containers (--stack docker)');
    expect(result.stderr).toMatch(/stack: containers; Toxiproxy http:\/\/\S+; NIC mocks ehospital http:\/\/127\.0\.0\.1:21001 \(inside the stack\)/);
    const report = await readReport(runDir);
    expect(report.validity.valid, failedCheckLines(report.validity.checks).join('\n')).toBe(true);
    expect(report.validity.checks.find((check) => check.name === 'faults.touched')?.passed).toBe(true);
    expect(report.validity.checks.find((check) => check.name === 'faults.onTime')?.passed).toBe(true);
    expect(report.score.total).toBeGreaterThan(0);
    const events = await faultEvents(runDir);
    expect(events.map((event) => `${event.faultId} ${event.action} ${event.ok}`)).toEqual(['network-down apply true', 'network-down remove true', 'app-503 apply true', 'app-503 remove true']);
    expect(events.find((event) => event.faultId === 'app-503' && event.action === 'remove')?.hits).toBeGreaterThan(0);
    expect(result.code, result.stderr.slice(-1_500)).toBe(report.status === 'passed' ? 0 : 1);
    expect(await dockerLeftovers(runId)).toEqual(nothing);
  });

  it('a client that dies before it is healthy: the run fails the client (exit 1), nothing is left', async () => {
    const { result, runDir, runId } = await runDocker('test/scenarios/client-dies-at-start.yaml');
    expect(result.code, result.stderr.slice(-1_500)).toBe(1);
    expect(result.stderr).not.toContain('internal error');
    expect((await readReport(runDir)).status).toBe('failed');
    expect(await dockerLeftovers(runId)).toEqual(nothing);
  });

  it('SIGINT in the fault window: exit 130 with a report, nothing is left', async () => {
    const { result, runDir, runId } = await runDocker('test/scenarios/docker-two-faults.yaml', { signal: 'SIGINT', signalWhen: /faults: network-down/ });
    expect(result.code, result.stderr.slice(-1_500)).toBe(130);
    expect((await readReport(runDir)).status).toBe('interrupted');
    expect(await dockerLeftovers(runId)).toEqual(nothing);
  });

  it('SIGKILL right after `client:`: the watchdog removes every container of the run', async () => {
    // Every container labelled with any run, just before the kill (this file runs one run at a time).
    const running = () => execFileSync('docker', ['ps', '-q', '--filter', `label=${runLabel}`], { encoding: 'utf8' }).trim().split('\n').filter(Boolean);
    const { result, runDir, runId } = await runDocker('test/scenarios/docker-two-faults.yaml', { signal: 'SIGKILL', signalWhen: /^client: /m, beforeSignal: running });
    expect(result.exitSignal).toBe('SIGKILL');
    expect((result.snapshot as string[]).length, 'Toxiproxy, the mocks and the client were running').toBe(3);
    expect((await readRunJson(runDir)).status).toBe('running');
    expect(await dockerLeftoversAfter(20_000, runId)).toEqual(nothing);
  });
});

import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failedCheckLines, type CheckLike } from '../src/scoring/validity/failedCheckLines.ts';
import { thapImage } from '../src/stack/container/images/imageList.ts';
import { clientEnvironment } from '../src/stack/container/layout.ts';
import { dockerReadiness } from './support/dockerReadiness.ts';
import { findFreePort } from '../src/stack/findFreePort.ts';
import { waitForHttp } from '../src/stack/waitForHttp.ts';
import { lockWaitMs, runCommandLocked } from './support/runCommandLocked.ts';
import { repoRoot } from './support/runThap.ts';

// The thap image as a CI pipeline uses it (examples/ci/): the client under test runs on the runner, and
// examples/ci/run-thap.sh runs the scenario from the image against it: no Node or Go needed for thap itself.
const docker = await dockerReadiness({ images: [thapImage] });

describe.skipIf(!docker.ready)(`the thap image in a pipeline (examples/ci/run-thap.sh) ${docker.reason}`, { timeout: 300_000 + lockWaitMs }, () => {
  let client: ReturnType<typeof spawn> | undefined;
  let target = '';
  beforeAll(async () => {
    const port = await findFreePort();
    target = `http://127.0.0.1:${port}`;
    // The naive reference client, as a vendor's system on the runner: NIC through thap's Toxiproxy.
    client = spawn(process.execPath, ['--import', 'tsx', 'examples/naive/server.ts'], {
      cwd: repoRoot,
      env: { ...process.env, ...clientEnvironment({ timeScale: 30 }), PORT: String(port) },
      stdio: 'ignore',
    });
    await waitForHttp({ url: `${target}/health`, timeoutMs: 30_000, what: 'the naive client' });
  });
  afterAll(() => {
    client?.kill('SIGTERM');
  });

  it('runs a scenario against the client, writes junit.xml and the HTML report, and gates on the exit code', async () => {
    const work = await mkdtemp(join(tmpdir(), 'thap-ci-'));
    const result = await runCommandLocked('sh', [join(repoRoot, 'examples/ci/run-thap.sh'), join(repoRoot, 'test/scenarios/short-outage.yaml'), target, 'reports'], { cwd: work });
    const [runId] = await readdir(join(work, 'reports'));
    const runDir = join(work, 'reports', runId ?? 'none');
    const report = JSON.parse(await readFile(join(runDir, 'report.json'), 'utf8')) as { status: string; scenario: { name: string }; validity: { valid: boolean; checks?: CheckLike[] } };
    expect(report.scenario.name).toBe('short-outage');
    expect(report.validity.valid, failedCheckLines(report.validity.checks).join('\n')).toBe(true);
    expect(result.code, `${result.stdout}\n${result.stderr}`.slice(-2_000)).toBe(report.status === 'passed' ? 0 : 1);
    const junit = await readFile(join(runDir, 'junit.xml'), 'utf8');
    expect(junit).toContain('<testcase');
    expect((junit.match(/<failure/g) ?? []).length > 0).toBe(result.code !== 0);
    expect(await readdir(runDir)).toEqual(expect.arrayContaining(['report.html']));
  });
});

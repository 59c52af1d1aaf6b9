import { spawn } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { proxyPorts } from '../src/stack/container/layout.ts';
import { findFreePort } from '../src/stack/findFreePort.ts';
import { waitForHttp } from '../src/stack/waitForHttp.ts';
import { runDirOf } from './support/leftovers.ts';
import { runThap } from './support/runThap.ts';
import { withoutPdf } from './support/withoutPdf.ts';

// A vendor's client that thap does not start: configured beforehand with the fixed NIC proxy ports,
// tested with --target. The naive reference client stands in for the vendor's system.
const clientPort = 28_311;
const client = spawn(process.execPath, ['--import', 'tsx', 'examples/naive/server.ts'], {
  env: { ...process.env, PORT: String(clientPort), THAP_NIC_EHOSPITAL_URL: `http://127.0.0.1:${proxyPorts.ehospital}`, THAP_TIME_SCALE: '30' },
  stdio: 'ignore',
});
afterAll(() => void client.kill());

describe('thap run --target', { timeout: 90_000 }, () => {
  it('scores a client that is already running, through the fixed NIC proxy ports', async () => {
    await waitForHttp({ url: `http://127.0.0.1:${clientPort}/health`, timeoutMs: 20_000, what: 'the naive client' });
    const result = await runThap(['run', 'test/scenarios/short-outage.yaml', '--target', `http://127.0.0.1:${clientPort}`, '--ci', '--out', await mkdtemp(join(tmpdir(), 'thap-target-')), ...withoutPdf]);
    expect(result.code, result.stderr).toBe(1);
    const report = JSON.parse(await readFile(join(runDirOf(result.stderr), 'report.json'), 'utf8')) as { phases: Array<{ name: string; availability: number; requests: number }>; integrity: { accepted: number; lost: number } };
    const phase = (name: string) => report.phases.find((entry) => entry.name === name);
    expect(phase('baseline')?.availability).toBeGreaterThan(0.95);
    expect(phase('fault')?.availability).toBeLessThan(0.2);
    expect(report.integrity.accepted).toBeGreaterThan(100);
    expect(report.integrity.lost).toBe(0);
  });

  it('sends no load to a target that is not listening: the run completes with the failed health check in run.json', async () => {
    const nobody = `http://127.0.0.1:${await findFreePort()}`;
    const result = await runThap(['run', 'test/scenarios/short-outage.yaml', '--target', nobody, '--ci', '--out', await mkdtemp(join(tmpdir(), 'thap-target-')), ...withoutPdf]);
    expect(result.stderr).toContain(`the client is not healthy at ${nobody}/health: ECONNREFUSED`);
    const runDir = runDirOf(result.stderr);
    const run = JSON.parse(await readFile(join(runDir, 'run.json'), 'utf8')) as { status: string; processes: Array<{ name: string }>; client: { health: { url: string; ok: boolean } } };
    expect(run.status).toBe('completed');
    expect(run.client.health).toMatchObject({ url: `${nobody}/health`, ok: false });
    expect(run.processes.map((entry) => entry.name)).not.toContain('k6');
    const report = JSON.parse(await readFile(join(runDir, 'report.json'), 'utf8')) as { samples: { httpRequests: number } };
    expect(report.samples.httpRequests).toBe(0);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('FAIL  client.healthy == 1');
  });

  it('refuses targets outside loopback before starting anything, and government hosts always', async () => {
    const other = await runThap(['run', 'scenarios/demo.yaml', '--target', 'http://10.20.30.40:8080', '--dry-run']);
    expect(other.code).toBe(2);
    expect(other.stderr).toContain('--allow-host 10.20.30.40');
    const government = await runThap(['run', 'scenarios/demo.yaml', '--target', 'https://ors.gov.in', '--allow-host', 'ors.gov.in']);
    expect(government.code).toBe(2);
    expect(government.stderr).toContain('never targets');
    // Issue 14: a trailing dot or a percent-encoded one was a way round the rule.
    for (const [target, allowed] of [['http://ehospital.nic.in.', 'ehospital.nic.in.'], ['http://x.nic.in%2e', 'x.nic.in']]) {
      const spelled = await runThap(['run', 'scenarios/demo.yaml', '--target', target!, '--allow-host', allowed!]);
      expect(spelled.code, target).toBe(2);
      expect(spelled.stderr, target).toMatch(/^thap: refusing to send load to (ehospital|x)\.nic\.in: hosts under \.gov\.in and \.nic\.in are never targets; test a client on loopback or on your own host instead\n$/);
    }
  });
});

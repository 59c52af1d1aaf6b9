import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { locateTool } from '../../stack/tools/locateTool.ts';
import { scoreRun } from '../scoreRun.ts';

// Contract test against the real k6 binary (THAP_K6_PATH, PATH, or thap's cache): its CSV output, with
// thap_outcome samples and entity metadata as the generated script writes them, scores as expected.
const k6 = await locateTool({ name: 'k6' }).catch(() => undefined);
const run = promisify(execFile);

const script = `
import http from 'k6/http';
import exec from 'k6/execution';
import { Counter } from 'k6/metrics';
const outcome = new Counter('thap_outcome');
export const options = { scenarios: { opd: { executor: 'constant-arrival-rate', rate: 20, timeUnit: '1s', duration: '3s', preAllocatedVUs: 5 } } };
export default function () {
  const id = 'pt-' + exec.scenario.iterationInTest;
  exec.vu.metrics.metadata.entity = id;
  const res = http.post(__ENV.TARGET + '/register/' + exec.scenario.iterationInTest, '{}', { tags: { name: 'register' } });
  outcome.add(1, { step: 'register', outcome: res.status === 200 ? 'done' : res.status === 202 ? 'queued' : 'failed' });
}
`;

let dir: string;
let server: Server;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'thap-real-k6-'));
  // Every fourth request fails, every fourth is queued (202), the rest are done.
  server = createServer((req, res) => {
    const n = Number(req.url?.split('/').pop());
    res.writeHead(n % 4 === 0 ? 503 : n % 4 === 1 ? 202 : 200, { 'content-type': 'application/json' });
    res.end('{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await rm(dir, { recursive: true, force: true });
});

describe.skipIf(!k6)(`scoring real k6 output${k6 ? '' : ' (skipped: no k6; set THAP_K6_PATH or run thap tools install)'}`, () => {
  it('reads requests, availability, latency and outcomes from k6 --out csv', async () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    await writeFile(join(dir, 'script.js'), script);
    const startedAt = Date.now();
    await run(k6?.path ?? 'k6', ['run', '--no-usage-report', '-q', '--out', `csv=${join(dir, 'k6.csv')}`, join(dir, 'script.js')], {
      env: { ...process.env, K6_CSV_TIME_FORMAT: 'unix_milli', TARGET: `http://127.0.0.1:${port}` },
    });
    const endedAt = Date.now();
    await writeFile(join(dir, 'run.json'), JSON.stringify({ runId: 'real-k6', status: 'completed', startedAt, endedAt, t0: startedAt }));
    await writeFile(join(dir, 'plan.json'), JSON.stringify({ scenario: { name: 'real-k6', fingerprint: 'sha256:x', seed: 1 }, gates: ['phase.baseline.availability >= 70%'] }));
    await writeFile(join(dir, 'faults.ndjson'), '');
    const report = await scoreRun({ runDir: dir });
    const baseline = report.phases[0];
    expect(report.samples.httpRequests).toBeGreaterThanOrEqual(55);
    expect(baseline?.requests).toBe(report.samples.httpRequests);
    expect(baseline?.availability).toBeCloseTo(0.75, 1);
    expect(baseline?.p95Ms).toBeGreaterThan(0);
    expect(baseline?.p95Ms).toBeLessThan(500);
    expect(report.integrity.accepted).toBe(report.integrity.done + report.integrity.queued);
    expect(report.integrity.queued / report.integrity.accepted).toBeCloseTo(1 / 3, 1);
    expect(report.gates[0]).toMatchObject({ passed: true });
  }, 60_000);
});

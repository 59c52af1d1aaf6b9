import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { locateTool } from '../../stack/tools/locateTool.ts';
import { planTraffic } from '../plan/planTraffic.ts';
import { compileK6 } from './compileK6.ts';

const run = promisify(execFile);

/** A minimal replay script: iteration i of scenario S takes entry i of series S and posts each step. */
const script = `
import http from 'k6/http';
import exec from 'k6/execution';
import { sleep } from 'k6';
import { SharedArray } from 'k6/data';
const file = __ENV.THAP_DATA;
const compiled = JSON.parse(open(__ENV.THAP_SCENARIOS));
const series = {};
for (const name of Object.keys(compiled)) series[name] = new SharedArray(name, () => JSON.parse(open(file)).series[name]);
export const options = { scenarios: compiled };
export default function () {
  const entry = series[exec.scenario.name][exec.scenario.iterationInTest];
  if (!entry) return;
  exec.vu.metrics.metadata.entity = entry.entity;
  for (const step of entry.steps) {
    if (step.thinkMs > 0) sleep(step.thinkMs / 1000);
    http.post(__ENV.TARGET + '/' + step.name, entry.entity, { tags: { name: step.name } });
  }
}
`;

async function k6Path(): Promise<string> {
  const found = await locateTool({ name: 'k6' });
  if (found) return found.path;
  if (existsSync('/tmp/prebuild/bin/k6')) return '/tmp/prebuild/bin/k6';
  throw new Error('k6 not found: set THAP_K6_PATH or run `thap tools install`');
}

describe('compileK6 through the real k6', () => {
  let server: Server;
  let target: string;
  const received = new Map<string, number>();
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'thap-traffic-k6-'));
    server = createServer((req, res) => {
      const step = (req.url ?? '/').slice(1);
      received.set(step, (received.get(step) ?? 0) + 1);
      req.resume();
      req.on('end', () => res.end('ok'));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    target = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  it('starts exactly the planned visits of each series and sends each planned step', async () => {
    // T1 at 240 patients, one simulated hour = 1 s: registration, lab and collection visits (report is next day: left out to keep it short).
    const plan = planTraffic({ seed: 11, parts: [{ profile: 'T1', count: 240 }], speed: 3600 });
    const compiled = compileK6({ plan, binMinutes: 60, requestBudgetMs: 200 });
    const { report: _report, ...scenarios } = compiled.scenarios;
    const { report: _reportData, ...series } = compiled.data.series;
    writeFileSync(path.join(dir, 'data.json'), JSON.stringify({ ...compiled.data, series }));
    writeFileSync(path.join(dir, 'scenarios.json'), JSON.stringify(scenarios));
    writeFileSync(path.join(dir, 'replay.js'), script);
    const csv = path.join(dir, 'k6.csv');
    await run(await k6Path(), ['run', '--no-usage-report', '--quiet', '--out', `csv=${csv}`, path.join(dir, 'replay.js')], {
      env: { ...process.env, THAP_DATA: path.join(dir, 'data.json'), THAP_SCENARIOS: path.join(dir, 'scenarios.json'), TARGET: target, K6_CSV_TIME_FORMAT: 'unix_milli' },
      timeout: 60_000,
    });
    const rows = parse(readFileSync(csv), { columns: true }) as Array<Record<string, string>>;
    const iterations = new Map<string, number>();
    let dropped = 0;
    const droppedBy = new Map<string, number>();
    for (const row of rows) {
      if (row.metric_name === 'iterations') iterations.set(row.scenario as string, (iterations.get(row.scenario as string) ?? 0) + Number(row.metric_value));
      if (row.metric_name === 'dropped_iterations') {
        dropped += Number(row.metric_value);
        droppedBy.set(row.scenario as string, (droppedBy.get(row.scenario as string) ?? 0) + Number(row.metric_value));
      }
    }
    // k6 drops an arrival it cannot start on time (a starved machine): every planned arrival is either
    // started or reported dropped, and on a machine with CPU to spare none is dropped.
    for (const name of ['registration', 'lab', 'collection'] as const) {
      expect((iterations.get(name) ?? 0) + (droppedBy.get(name) ?? 0), name).toBe(series[name]?.length);
    }
    expect(dropped, 'dropped iterations').toBeLessThanOrEqual(0.02 * 240);
    if (dropped > 0) return;
    expect(iterations.get('registration')).toBe(240);
    const plannedSteps = new Map<string, number>();
    for (const entries of Object.values(series)) for (const entry of entries ?? []) for (const step of entry.steps) plannedSteps.set(step.name, (plannedSteps.get(step.name) ?? 0) + 1);
    expect(Object.fromEntries(received)).toEqual(Object.fromEntries(plannedSteps));
    const httpByName = new Map<string, number>();
    for (const row of rows) if (row.metric_name === 'http_reqs') httpByName.set(row.name as string, (httpByName.get(row.name as string) ?? 0) + 1);
    expect(Object.fromEntries(httpByName)).toEqual(Object.fromEntries(plannedSteps));
  }, 60_000);
});

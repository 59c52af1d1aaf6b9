import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../reportSchema.ts';
import { scoreRun } from '../scoreRun.ts';
import { buildRunDir } from '../../../test/support/scoring/buildRunDir.ts';

const HEADER = 'metric_name,timestamp,metric_value,check,error,error_code,expected_response,group,method,name,proto,scenario,service,status,subproto,tls_version,url,extra_tags,metadata';
const t0 = 1_700_000_000_000;

/**
 * Two journeys start every wall second (one simulated minute at 60x).
 * Outside the fault each makes three requests (register, fee, token); in the fault (20-40 s) the register
 * times out and the journey aborts after one request, as the k6 script does.
 */
function k6Csv(): string {
  const rows = [HEADER];
  for (let second = 0; second < 60; second += 1) {
    for (const offset of [100, 600]) {
      const start = t0 + second * 1000 + offset;
      const inFault = second >= 20 && second < 40;
      const steps = inFault ? [{ name: 'register', ok: false, ms: 50, status: 0, error: 'request timeout' }] : ['register', 'fee', 'token'].map((name) => ({ name, ok: true, ms: 20, status: 200, error: '' }));
      let at = start;
      for (const step of steps) {
        at += step.ms;
        rows.push(`http_req_duration,${at},${step.ms}.000000,,${step.error},,${step.ok},,POST,${step.name},HTTP/1.1,opd,,${step.status},,,${step.name},,entity=pt-${second}-${offset}.${step.name}`);
        rows.push(`thap_outcome,${at + 1},1.000000,,,,,,,,,opd,,,,,,outcome=${step.ok ? 'done' : 'failed'}&step=${step.name},entity=pt-${second}-${offset}.${step.name}`);
      }
      rows.push(`iteration_duration,${at + 2},${at + 2 - start}.000000,,,,,,,,,opd,,,,,,,`);
    }
  }
  rows.push(`iteration_duration,${t0 + 100},5.000000,,,,,::setup,,,,,,,,,,,`);
  return `${rows.join('\n')}\n`;
}

let runDir: string;
let report: Report;
beforeAll(async () => {
  ({ runDir } = await buildRunDir({ durationMs: 60_000, ratePerSec: 1, startedAt: t0, faults: [{ id: 'down', fromMs: 20_000, toMs: 40_000 }], respond: () => ({ ok: true, latencyMs: 1 }) }));
  await writeFile(join(runDir, 'k6.csv'), k6Csv());
  report = await scoreRun({ runDir });
});
afterAll(async () => rm(runDir, { recursive: true, force: true }));

describe('arrivals: journeys started, not requests sent', () => {
  it('stay level through an outage while the requests the client got fall with every aborted journey', () => {
    const { arrivals, achieved, t } = report.timeline;
    const at = (second: number) => t.findIndex((start) => start === t0 + second * 1000);
    const [calm, outage] = [at(10), at(30)];
    // A bucket is one simulated minute (one wall second at 60x): two journeys start in each, setup left out.
    expect(arrivals?.[calm]).toBe(2);
    expect(arrivals?.[outage]).toBe(2);
    expect(achieved[outage]).toBeCloseTo((achieved[calm] ?? 0) / 3, 5);
  });

  it('breaks requests, errors and latency down per step, and errors by status and reason', () => {
    const steps = Object.fromEntries((report.breakdown?.steps ?? []).map((row) => [row.step, row]));
    expect(steps.register).toMatchObject({ requests: 120, errors: 40, done: 80, failed: 40 });
    expect(steps.fee).toMatchObject({ requests: 80, errors: 0, done: 80 });
    expect(report.breakdown?.errors.find((row) => row.side === 'client')).toEqual({ side: 'client', where: 'register', status: 0, reason: 'request timeout', count: 40 });
  });
});

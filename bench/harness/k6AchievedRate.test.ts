import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { k6AchievedRate } from './k6AchievedRate.ts';
import { faultDrift } from './faultDrift.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'thap-bench-harness-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const header = 'metric_name,timestamp,metric_value,check,error,error_code,expected_response,group,method,name,proto,scenario,service,status,subproto,tls_version,url,extra_tags,metadata';
const request = (at: number, name: string, error = '') =>
  `http_req_duration,${at},1.5,,${error},,true,,POST,${name},HTTP/1.1,registration-constant-1,,201,,,http://127.0.0.1:1/opd/registrations,,entity=p.register`;

describe('k6AchievedRate', () => {
  it('counts target requests over their span, leaves thap-* requests out and sums dropped iterations', async () => {
    const file = path.join(dir, 'k6.csv');
    writeFileSync(
      file,
      [
        header,
        request(1_000, 'register'),
        request(1_500, 'thap-slip'),
        'http_reqs,1600,1,,,,true,,POST,register,HTTP/1.1,registration-constant-1,,201,,,,,',
        request(2_000, 'register', '"dial tcp: refused, twice"'),
        'dropped_iterations,2100,3,,,,,,,,,registration-constant-1,,,,,,,',
        request(3_000, 'register'),
        'dropped_iterations,2200,2,,,,,,,,,registration-constant-1,,,,,,,',
        '',
      ].join('\n'),
    );
    const rate = await k6AchievedRate(file);
    expect(rate).toEqual({ requests: 3, harnessRequests: 1, dropped: 5, spanMs: 2_000, perSec: 1.5 });
  });

  it('says what is wrong with a file that is not k6 CSV', async () => {
    const file = path.join(dir, 'other.csv');
    writeFileSync(file, 'a,b,c\n1,2,3\n');
    await expect(k6AchievedRate(file)).rejects.toThrow(/no metric_name column/);
  });
});

describe('faultDrift', () => {
  it('summarises the drift of one action and counts failures apart', async () => {
    const file = path.join(dir, 'faults.ndjson');
    const event = (action: string, driftMs: number, ok = true) => JSON.stringify({ faultId: 'f', action, plannedAt: 0, actualAt: driftMs, driftMs, ok });
    writeFileSync(file, [event('apply', 3), event('apply', 7), event('apply', 40), event('apply', 900, false), event('remove', 100), JSON.stringify({ faultId: 'g', action: 'remove', driftMs: 0, ok: true, reason: 'load finished' }), ''].join('\n'));
    expect(await faultDrift({ file, action: 'apply' })).toEqual({ count: 3, failed: 1, p50: 7, p99: 40, max: 40 });
    expect(await faultDrift({ file, action: 'remove' })).toMatchObject({ count: 1, p50: 100 });
  });
});

import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { segmentOf, segmentSequence } from '../../src/load/startK6.ts';
import { CleanupStack } from '../../src/stack/cleanupStack.ts';
import { startMocksProcess } from '../../src/stack/startMocksProcess.ts';
import { ensureTool } from '../../src/stack/tools/index.ts';
import { median } from '../lib/median.ts';
import type { BenchEntry, BenchRow } from '../types.ts';

const run = promisify(execFile);
const name = 'k6-segments';
/** Total closed-loop VUs, split evenly between the processes (k6 splits VUs by execution segment). */
const vus = 32;
const durationSec = 8;
const rounds = 3;

// One registration per iteration, a valid body (docs/nic-mocks.md e-Hospital); synthetic identities only.
const script = `
import http from 'k6/http';
import exec from 'k6/execution';
export const options = { scenarios: { w: { executor: 'constant-vus', vus: ${vus}, duration: '${durationSec}s' } } };
const headers = { 'Content-Type': 'application/json' };
export default function () {
  const n = exec.scenario.iterationInTest;
  const body = JSON.stringify({ patient: { name: 'Asha Verma', gender: 'F', age: 20 + (n % 60), mobile: '9' + String(100000000 + n).slice(-9), district: 'Lucknow', pin: '226003' }, department: 'medicine', visitType: 'new' });
  http.post(__ENV.BASE + '/ehospital/v1/registrations', body, { headers });
}
export function handleSummary(data) { return { [__ENV.OUT]: JSON.stringify({ count: data.metrics.http_reqs.values.count, failed: data.metrics.http_req_failed.values.passes }) }; }
`;

/**
 * Issue 9 (docs/scale.md "How far one machine goes"): requests/s of one k6 process against the e-Hospital mock
 * (closed loop, ${vus} VUs) beside two k6 processes on execution segments 0:1/2 and 1/2:1 with ${vus} VUs between
 * them, in paired rounds. The ratio says whether k6 or the target limits one machine.
 */
const entry: BenchEntry = {
  name,
  description: `k6 against the e-Hospital mock: 1 process vs 2 execution segments, ${vus} VUs, ${durationSec} s, ${rounds} paired rounds`,
  async run(): Promise<BenchRow[]> {
    const k6 = await ensureTool({ name: 'k6' });
    const dir = mkdtempSync(path.join(os.tmpdir(), 'thap-bench-segments-'));
    const cleanup = new CleanupStack();
    try {
      const mocks = await startMocksProcess({ runDir: dir, seed: 1, services: ['ehospital'], cleanup });
      const base = mocks.urls.ehospital as string;
      const scriptFile = path.join(dir, 'script.js');
      writeFileSync(scriptFile, script);
      const k6Run = async (segment: { index: number; count: number } | undefined, tag: string): Promise<{ count: number; failed: number }> => {
        const out = path.join(dir, `summary-${tag}.json`);
        const segmentArgs = segment ? ['--execution-segment', segmentOf(segment), '--execution-segment-sequence', segmentSequence(segment.count)] : [];
        await run(k6.path, ['run', '--no-usage-report', '-q', ...segmentArgs, '-e', `BASE=${base}`, '-e', `OUT=${out}`, scriptFile], { maxBuffer: 16 << 20 });
        return JSON.parse(readFileSync(out, 'utf8')) as { count: number; failed: number };
      };
      await k6Run(undefined, 'warm-up');
      const one: number[] = [];
      const two: number[] = [];
      let failed = 0;
      for (let round = 0; round < rounds; round++) {
        const single = await k6Run(undefined, `one-${round}`);
        one.push(single.count / durationSec);
        const pair = await Promise.all([0, 1].map((index) => k6Run({ index, count: 2 }, `two-${round}-${index}`)));
        two.push(pair.reduce((sum, part) => sum + part.count, 0) / durationSec);
        failed += single.failed + pair.reduce((sum, part) => sum + part.failed, 0);
      }
      const load = os.loadavg()[0] ?? 0;
      return [
        {
          entry: name,
          subject: 'k6 -> e-Hospital mock registrations, requests/s',
          metrics: { one_process_rps: Math.round(median(one)), two_segments_rps: Math.round(median(two)), ratio_two_to_one: Number((median(two) / median(one)).toFixed(2)), failed_requests: failed },
          note: `per round one: ${one.map(Math.round).join(', ')}; two: ${two.map(Math.round).join(', ')}; load average ${load.toFixed(1)} on ${os.cpus().length} cores`,
        },
      ];
    } finally {
      const failures = await cleanup.runAll();
      rmSync(dir, { recursive: true, force: true });
      for (const failure of failures) process.stderr.write(`bench: ${name}: clean-up ${failure.label} failed: ${failure.error.message}\n`);
    }
  },
};

export default entry;

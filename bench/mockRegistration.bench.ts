import { runWrk } from './lib/wrk.ts';
import { startServer } from './lib/startServer.ts';
import { hotWrites } from './lib/hotWrites.ts';
import type { BenchEntry, BenchRow } from './types.ts';

const DURATION_SEC = Number(process.env.BENCH_DURATION_SEC ?? 5);

/**
 * Issue 3's bench seed: the demo's mock registration endpoint (`POST /ehospital/v1/registrations`) against a
 * bare node:http server answering the same JSON, side by side with wrk (1 thread, 32 connections).
 */
const entry: BenchEntry = {
  name: 'mock-registration',
  description: 'e-Hospital registration mock vs bare node:http (wrk -t1 -c32)',
  async run() {
    const registration = hotWrites('http://127.0.0.1:1')[0]!;
    const rows: BenchRow[] = [];
    const bare = await startServer('bare');
    const bareResult = await runWrk({ url: `${bare.url}${registration.path}`, body: registration.body, headers: registration.headers, durationSec: DURATION_SEC }).finally(() => bare.stop());
    const thap = await startServer('thap', ['--service', 'ehospital']);
    const thapResult = await runWrk({ url: `${thap.url}${registration.path}`, body: registration.body, headers: registration.headers, durationSec: DURATION_SEC }).finally(() => thap.stop());
    rows.push({ entry: 'mock-registration', subject: 'bare node:http', metrics: { rps: bareResult.rps, p50Ms: bareResult.p50Ms, p99Ms: bareResult.p99Ms, ratioToBare: 1 } });
    rows.push({
      entry: 'mock-registration',
      subject: 'thap ehospital registration',
      metrics: { rps: thapResult.rps, p50Ms: thapResult.p50Ms, p99Ms: thapResult.p99Ms, ratioToBare: thapResult.rps / bareResult.rps },
      note: thapResult.non2xx || thapResult.socketErrors ? `non-2xx ${thapResult.non2xx}, socket errors ${thapResult.socketErrors}` : undefined,
    });
    return rows;
  },
};
export default entry;

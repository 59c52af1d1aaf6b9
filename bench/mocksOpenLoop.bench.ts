import { heaviestScenarioPeak } from './lib/scenarioPeak.ts';
import { hotWrites } from './lib/hotWrites.ts';
import { runOpenLoop, type OpenLoopResult } from './lib/openLoop.ts';
import { startServer } from './lib/startServer.ts';
import type { BenchEntry, BenchRow } from './types.ts';

const DURATION_SEC = Number(process.env.BENCH_DURATION_SEC ?? 5);
const MULTIPLE = 10;

/**
 * Issue 4: each service at 10x the peak request rate of the heaviest shipped scenario (open loop), against
 * bare node:http at the same rate. Target: addedP99Ms (thap p99 - bare p99) <= 5 ms, and no errors.
 */
const entry: BenchEntry = {
  name: 'mocks-open-loop',
  description: "each service's hottest write at 10x the heaviest scenario's peak rate: p99 added over bare node:http",
  async run() {
    const peak = await heaviestScenarioPeak();
    const ratePerSec = peak.ratePerSec * MULTIPLE;
    const writes = hotWrites('http://127.0.0.1:1');
    const measure = async (server: string, args: string[], write: (typeof writes)[number]): Promise<OpenLoopResult> => {
      const started = await startServer(server, args);
      try {
        const body = started.sink ? write.body.replaceAll('http://127.0.0.1:1', started.sink) : write.body;
        await runOpenLoop({ url: `${started.url}${write.path}`, body, headers: write.headers, ratePerSec, durationSec: 1 });
        return await runOpenLoop({ url: `${started.url}${write.path}`, body, headers: write.headers, ratePerSec, durationSec: DURATION_SEC });
      } finally {
        await started.stop();
      }
    };
    const bare = await measure('bare', [], writes[0]!);
    const rows: BenchRow[] = [
      { entry: 'mocks-open-loop', subject: 'bare node:http', metrics: { ratePerSec, achievedRps: bare.achievedRps, p50Ms: bare.p50Ms, p99Ms: bare.p99Ms, addedP99Ms: 0, errors: bare.errors }, note: `10x peak of ${peak.scenario} (${peak.ratePerSec}/s)` },
    ];
    for (const write of writes) {
      const result = await measure('thap', ['--service', write.service], write);
      rows.push({
        entry: 'mocks-open-loop',
        subject: `thap ${write.service}`,
        metrics: { ratePerSec, achievedRps: result.achievedRps, p50Ms: result.p50Ms, p99Ms: result.p99Ms, addedP99Ms: result.p99Ms - bare.p99Ms, errors: result.errors },
        note: result.p99Ms - bare.p99Ms <= 5 && result.errors === 0 ? 'meets: <= 5 ms added p99' : 'MISSES: > 5 ms added p99 or errors',
      });
    }
    return rows;
  },
};
export default entry;

import { withCallbackSink } from './lib/withCallbackSink.ts';
import { heaviestScenarioPeak } from './lib/scenarioPeak.ts';
import { hotWrites, type HotWrite } from './lib/hotWrites.ts';
import { median } from './lib/median.ts';
import { runOpenLoop, type OpenLoopResult } from './lib/openLoop.ts';
import { startServer, type BenchServer } from './lib/startServer.ts';
import type { BenchEntry, BenchRow } from './types.ts';

const DURATION_SEC = Number(process.env.BENCH_DURATION_SEC ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const MULTIPLE = 10;

/**
 * Issue 4: each service's hottest write at 10x the peak request rate of the heaviest shipped scenario (open
 * loop), against bare node:http at the same rate. Target: addedP99Ms (thap p99 - bare p99) <= 5 ms, no
 * errors. Each server is warmed up for 2 s first; figures are medians over paired rounds (BENCH_ROUNDS).
 */
const entry: BenchEntry = {
  name: 'mocks-open-loop',
  description: "each service's hottest write at 10x the heaviest scenario's peak rate: p99 added over bare node:http",
  // Callbacks go to a separate bare server (withCallbackSink), so that receiving them is not counted against the mock.
  run: () => withCallbackSink(measureAll),
};
export default entry;

async function measureAll(sink: BenchServer): Promise<BenchRow[]> {
  const peak = await heaviestScenarioPeak();
  const ratePerSec = peak.ratePerSec * MULTIPLE;
  const writes = hotWrites(sink.url);
  const measure = async (server: string, args: string[], write: HotWrite): Promise<OpenLoopResult> => {
    const started = await startServer(server, args);
    try {
      await runOpenLoop({ url: `${started.url}${write.path}`, body: write.body, headers: write.headers, ratePerSec, durationSec: 2 });
      return await runOpenLoop({ url: `${started.url}${write.path}`, body: write.body, headers: write.headers, ratePerSec, durationSec: DURATION_SEC });
    } finally {
      await started.stop();
    }
  };
  const subjects = [{ subject: 'bare node:http', server: 'bare', args: [] as string[], write: writes[0]! }, ...writes.map((write) => ({ subject: `thap ${write.service}`, server: 'thap', args: ['--service', write.service], write }))];
  const rounds: Array<Map<string, OpenLoopResult>> = [];
  for (let round = 0; round < ROUNDS; round++) {
    const results = new Map<string, OpenLoopResult>();
    for (const { subject, server, args, write } of subjects) results.set(subject, await measure(server, args, write));
    rounds.push(results);
  }
  return subjects.map(({ subject }) => {
    const med = (pick: (result: OpenLoopResult, bare: OpenLoopResult) => number) => median(rounds.map((r) => pick(r.get(subject)!, r.get('bare node:http')!)));
    const added = med((result, bare) => result.p99Ms - bare.p99Ms);
    const errors = rounds.reduce((sum, r) => sum + r.get(subject)!.errors, 0);
    return {
      entry: 'mocks-open-loop',
      subject,
      metrics: { ratePerSec, achievedRps: med((r) => r.achievedRps), p50Ms: med((r) => r.p50Ms), p99Ms: med((r) => r.p99Ms), addedP99Ms: added, errors },
      note: subject === 'bare node:http' ? `10x peak of ${peak.scenario} (${peak.ratePerSec}/s)` : added <= 5 && errors === 0 ? 'meets: <= 5 ms added p99' : 'misses: > 5 ms added p99 or errors',
    };
  });
}

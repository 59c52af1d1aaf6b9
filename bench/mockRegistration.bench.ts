import { hotWrites } from './lib/hotWrites.ts';
import { median } from './lib/median.ts';
import { startServer } from './lib/startServer.ts';
import { runWrk, type WrkResult } from './lib/wrk.ts';
import type { BenchEntry, BenchRow } from './types.ts';

const DURATION_SEC = Number(process.env.BENCH_DURATION_SEC ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

/**
 * Issue 3's bench seed: the demo's mock registration endpoint (`POST /ehospital/v1/registrations`) against a
 * bare node:http server answering the same JSON, side by side with wrk (1 thread, 32 connections); medians
 * over paired rounds (BENCH_ROUNDS).
 */
const entry: BenchEntry = {
  name: 'mock-registration',
  description: 'e-Hospital registration mock vs bare node:http (wrk -t1 -c32)',
  async run() {
    const registration = hotWrites('http://127.0.0.1:1')[0]!;
    const measure = async (server: string, args: string[]): Promise<WrkResult> => {
      const started = await startServer(server, args);
      try {
        return await runWrk({ url: `${started.url}${registration.path}`, body: registration.body, headers: registration.headers, durationSec: DURATION_SEC });
      } finally {
        await started.stop();
      }
    };
    const rounds: Array<{ bare: WrkResult; thap: WrkResult }> = [];
    for (let round = 0; round < ROUNDS; round++) rounds.push({ bare: await measure('bare', []), thap: await measure('thap', ['--service', 'ehospital']) });
    const row = (subject: string, pick: (round: { bare: WrkResult; thap: WrkResult }) => WrkResult): BenchRow => {
      const failed = rounds.map(pick).find((result) => result.non2xx || result.socketErrors);
      return {
        entry: 'mock-registration',
        subject,
        metrics: {
          rps: median(rounds.map((r) => pick(r).rps)),
          p50Ms: median(rounds.map((r) => pick(r).p50Ms)),
          p99Ms: median(rounds.map((r) => pick(r).p99Ms)),
          ratioToBare: median(rounds.map((r) => pick(r).rps / r.bare.rps)),
        },
        note: failed ? `non-2xx ${failed.non2xx}, socket errors ${failed.socketErrors}` : undefined,
      };
    };
    return [row('bare node:http', (r) => r.bare), row('thap ehospital registration', (r) => r.thap)];
  },
};
export default entry;

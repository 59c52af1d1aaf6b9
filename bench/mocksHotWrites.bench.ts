import { runWrk, type WrkResult } from './lib/wrk.ts';
import { startServer } from './lib/startServer.ts';
import { hotWrites } from './lib/hotWrites.ts';
import type { BenchEntry, BenchRow } from './types.ts';

const DURATION_SEC = Number(process.env.BENCH_DURATION_SEC ?? 5);
const WORKERS = Number(process.env.BENCH_CLUSTER_WORKERS ?? 2);
/** Rounds, interleaved; each subject keeps its best round (noise from other processes only ever slows a run down). */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);

/**
 * Issue 4: each service's hottest write route served by thap, against the Fetch-object ceiling server and
 * bare node:http, all with wrk -t1 -c32 in one run. Target: ratioToCeiling >= 0.9. Also each service with
 * node:cluster (BENCH_CLUSTER_WORKERS, default 2) to show what several processes gain. BENCH_ROUNDS rounds
 * (default 2) run interleaved and each subject keeps its best.
 */
const entry: BenchEntry = {
  name: 'mocks-hot-writes',
  description: "each service's hottest write route vs the Fetch-object ceiling and bare node:http (wrk -t1 -c32)",
  async run() {
    const writes = hotWrites('http://127.0.0.1:1');
    const first = writes[0]!;
    const measure = async (server: string, args: string[], path: string, body: string, headers?: Record<string, string>): Promise<WrkResult> => {
      const started = await startServer(server, args);
      try {
        const sinkBody = started.sink ? body.replaceAll('http://127.0.0.1:1', started.sink) : body;
        return await runWrk({ url: `${started.url}${path}`, body: sinkBody, headers, durationSec: DURATION_SEC });
      } finally {
        await started.stop();
      }
    };
    const subjects: Array<{ subject: string; server: string; args: string[]; write: (typeof writes)[number] }> = [
      { subject: 'bare node:http', server: 'bare', args: [], write: first },
      { subject: 'Fetch-object ceiling', server: 'ceiling', args: [], write: first },
      ...writes.map((write) => ({ subject: `thap ${write.service} POST ${write.path}`, server: 'thap', args: ['--service', write.service], write })),
      ...(WORKERS > 1 ? writes.map((write) => ({ subject: `thap ${write.service} x${WORKERS} cluster`, server: 'thap', args: ['--service', write.service, '--workers', String(WORKERS)], write })) : []),
    ];
    const best = new Map<string, WrkResult>();
    for (let round = 0; round < ROUNDS; round++) {
      for (const { subject, server, args, write } of subjects) {
        const result = await measure(server, args, write.path, write.body, write.headers);
        const previous = best.get(subject);
        if (!previous || result.rps > previous.rps) best.set(subject, result);
      }
    }
    const bare = best.get('bare node:http')!;
    const ceiling = best.get('Fetch-object ceiling')!;
    const row = (subject: string, result: WrkResult): BenchRow => ({
      entry: 'mocks-hot-writes',
      subject,
      metrics: { rps: result.rps, p50Ms: result.p50Ms, p99Ms: result.p99Ms, ratioToCeiling: result.rps / ceiling.rps, ratioToBare: result.rps / bare.rps },
      note: result.non2xx || result.socketErrors ? `non-2xx ${result.non2xx}, socket errors ${result.socketErrors}` : undefined,
    });
    const rows = subjects.map(({ subject }) => row(subject, best.get(subject)!));
    return rows;
  },
};
export default entry;

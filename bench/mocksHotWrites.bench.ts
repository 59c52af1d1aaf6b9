import { readFileSync } from 'node:fs';
import { withCallbackSink } from './lib/withCallbackSink.ts';
import { median } from './lib/median.ts';
import { processTreeCpuMs } from './lib/procCpu.ts';
import { runWrk, type WrkResult } from './lib/wrk.ts';
import { startServer, type BenchServer } from './lib/startServer.ts';
import { hotWrites } from './lib/hotWrites.ts';
import type { BenchEntry, BenchRow } from './types.ts';

const DURATION_SEC = Number(process.env.BENCH_DURATION_SEC ?? 5);
const WORKERS = Number(process.env.BENCH_CLUSTER_WORKERS ?? 2);
/** Paired rounds (BENCH_ROUNDS, default 3): every figure is the median over rounds. */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
/** BENCH_SUBJECTS: comma-separated substrings; only thap subjects naming one of them run (bare and ceiling always do). */
const SUBJECTS = process.env.BENCH_SUBJECTS?.split(',').map((part) => part.trim()).filter(Boolean);
/**
 * BENCH_BASELINE_DIR: the root of an older checkout (e.g. `git archive <commit> mocks bench src package.json
 * tsconfig.json | tar -x -C DIR` plus a node_modules symlink); its thap server runs beside today's, each of its
 * subjects prefixed `before:`, for a before/after comparison in the same rounds.
 */
const BASELINE_DIR = process.env.BENCH_BASELINE_DIR;

/**
 * Issue 4: each service's hottest write route served by thap, against the Fetch-object ceiling server and
 * bare node:http, all with wrk -t1 -c32 in one run. Target: ratioToCeiling >= 0.9. Also each service with
 * node:cluster (BENCH_CLUSTER_WORKERS, default 2) to show what several processes gain. Also CPU time per
 * request of the server process tree (from /proc), steadier than throughput on a shared machine.
 */
type Measured = WrkResult & { cpuUsPerReq: number; mainCpuUsPerReq: number; sinkCpuUsPerReq: number };

/**
 * CPU time (user + system, ms) of a process's main thread alone (/proc/PID/task/PID/stat; Linux), so that a
 * worker thread's share (callbacks sent from a worker) shows apart from the serving thread's. NaN without /proc.
 */
function mainThreadCpuMs(pid: number): number {
  try {
    const text = readFileSync(`/proc/${pid}/task/${pid}/stat`, 'utf8');
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) / 100) * 1000; // USER_HZ ticks
  } catch {
    return NaN;
  }
}

const entry: BenchEntry = {
  name: 'mocks-hot-writes',
  description: "each service's hottest write route vs the Fetch-object ceiling and bare node:http (wrk -t1 -c32)",
  // Callbacks go to a separate bare server (withCallbackSink), so that receiving them is not counted against the mock.
  run: () => withCallbackSink(measureAll),
};

async function measureAll(sink: BenchServer): Promise<BenchRow[]> {
  const writes = hotWrites(sink.url);
  const first = writes[0]!;
  const measure = async (server: string, args: string[], path: string, body: string, headers?: Record<string, string>, env?: Record<string, string>): Promise<Measured> => {
    const started = await startServer(server, args, env);
    try {
      const cpuBefore = processTreeCpuMs(started.pid);
      const mainBefore = mainThreadCpuMs(started.pid);
      const sinkBefore = processTreeCpuMs(sink.pid);
      const result = await runWrk({ url: `${started.url}${path}`, body, headers, durationSec: DURATION_SEC });
      const cpuUsPerReq = ((processTreeCpuMs(started.pid) - cpuBefore) * 1000) / result.requests;
      // The serving (main) thread alone: with callbacks sent from a worker thread, the rest of the process's CPU is there.
      const mainCpuUsPerReq = ((mainThreadCpuMs(started.pid) - mainBefore) * 1000) / result.requests;
      // What receiving the callbacks cost the sink (a bare node:http server in its own process), per request served.
      const sinkCpuUsPerReq = ((processTreeCpuMs(sink.pid) - sinkBefore) * 1000) / result.requests;
      return { ...result, cpuUsPerReq, mainCpuUsPerReq, sinkCpuUsPerReq };
    } finally {
      await started.stop();
    }
  };
  type Subject = { subject: string; server: string; args: string[]; write: (typeof writes)[number]; env?: Record<string, string> };
  const allSubjects: Subject[] = [
    { subject: 'bare node:http', server: 'bare', args: [], write: first },
    { subject: 'Fetch-object ceiling', server: 'ceiling', args: [], write: first },
    ...writes.map((write) => ({ subject: `thap ${write.service} POST ${write.path}`, server: 'thap', args: ['--service', write.service], write })),
    // The same handlers (thap/mocks) served through msw's getResponse in a plain node:http adapter (docs/mocks-performance.md).
    { subject: 'thap ehospital handlers via msw getResponse', server: 'mswGetResponse', args: ['--service', 'ehospital'], write: first },
    ...(WORKERS > 1 ? writes.map((write) => ({ subject: `thap ${write.service} x${WORKERS} cluster`, server: 'thap', args: ['--service', write.service, '--workers', String(WORKERS)], write })) : []),
    // The same route with its callbacks sent from the serving thread (THAP_MOCKS_CALLBACKS=inline) rather than the worker thread.
    ...writes
      .filter((write) => write.service === 'abdm' || write.service === 'payment')
      .map((write) => ({ subject: `thap ${write.service} POST ${write.path} (callbacks inline)`, server: 'thap', args: ['--service', write.service], write, env: { THAP_MOCKS_CALLBACKS: 'inline' } })),
    // The same route with its callback dropped by a fault: the difference is what the callback costs in place.
    ...writes
      .filter((write) => write.service === 'abdm' || write.service === 'payment')
      .map((write) => ({ subject: `thap ${write.service} POST ${write.path} (callbacks dropped)`, server: 'thap', args: ['--service', write.service, '--fault', JSON.stringify({ kind: 'callback', settings: { mode: 'missing' } })], write })),
    ...(BASELINE_DIR ? writes.map((write) => ({ subject: `before: thap ${write.service} POST ${write.path}`, server: `${BASELINE_DIR}/bench/servers/thap.ts`, args: ['--service', write.service], write })) : []),
  ];
  const subjects = allSubjects.filter(({ server, subject }) => server === 'bare' || server === 'ceiling' || !SUBJECTS || SUBJECTS.some((part) => subject.includes(part)));
  // Paired rounds: within a round every subject runs back to back, so a ratio compares runs that saw the
  // same background load; each reported figure is the median over rounds.
  const rounds: Array<Map<string, Measured>> = [];
  for (let round = 0; round < ROUNDS; round++) {
    const results = new Map<string, Measured>();
    for (const { subject, server, args, write, env } of subjects) results.set(subject, await measure(server, args, write.path, write.body, write.headers, env));
    rounds.push(results);
  }
  const med = (pick: (results: Map<string, Measured>) => number) => median(rounds.map(pick));
  const rows: BenchRow[] = subjects.map(({ subject }) => {
    const failures = rounds.map((results) => results.get(subject)!).filter((result) => result.non2xx || result.socketErrors);
    return {
      entry: 'mocks-hot-writes',
      subject,
      metrics: {
        rps: med((r) => r.get(subject)!.rps),
        p50Ms: med((r) => r.get(subject)!.p50Ms),
        p99Ms: med((r) => r.get(subject)!.p99Ms),
        ratioToCeiling: med((r) => r.get(subject)!.rps / r.get('Fetch-object ceiling')!.rps),
        ratioToBare: med((r) => r.get(subject)!.rps / r.get('bare node:http')!.rps),
        cpuUsPerReq: med((r) => r.get(subject)!.cpuUsPerReq),
        cpuRatioToCeiling: med((r) => r.get('Fetch-object ceiling')!.cpuUsPerReq / r.get(subject)!.cpuUsPerReq),
        mainCpuUsPerReq: med((r) => r.get(subject)!.mainCpuUsPerReq),
        sinkCpuUsPerReq: med((r) => r.get(subject)!.sinkCpuUsPerReq),
      },
      note: failures.length ? `non-2xx ${failures[0]!.non2xx}, socket errors ${failures[0]!.socketErrors}` : undefined,
    };
  });
  return rows;
}
export default entry;

import { loadavg } from 'node:os';
import { withCallbackSink } from './lib/withCallbackSink.ts';
import { scenarioPeaks, type ScenarioServicePeak } from './lib/scenarioPeak.ts';
import { hotWrites, type HotWrite } from './lib/hotWrites.ts';
import { median } from './lib/median.ts';
import { processTreeCpuMs } from './lib/procCpu.ts';
import { runOpenLoop, type OpenLoopResult } from './lib/openLoop.ts';
import { startServer, type BenchServer } from './lib/startServer.ts';
import type { BenchEntry, BenchRow } from './types.ts';

const DURATION_SEC = Number(process.env.BENCH_DURATION_SEC ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
/** Issue 4: 10x the peak. */
const MULTIPLE = Number(process.env.BENCH_MULTIPLE ?? 10);
/** Workers of the cluster subject (`thap mocks serve --workers N`); 1 leaves it out. */
const WORKERS = Number(process.env.BENCH_CLUSTER_WORKERS ?? 2);
/** Comma-separated services to measure (default: all five). */
const ONLY = process.env.BENCH_SERVICES?.split(',').map((name) => name.trim());

/** `loadAvg1`: the machine's 1-minute load average when the measured run ended (other processes' demand). */
type Measured = OpenLoopResult & { serverCores: number; generatorCores: number; loadAvg1: number };

interface Subject {
  subject: string;
  service: string;
  server: string;
  args: string[];
  write: HotWrite;
  ratePerSec: number;
  bare: string;
}

/**
 * Issue 4: each service's hottest write at 10x the peak request rate the heaviest shipped scenario sends
 * THAT service (bench/lib/scenarioPeak.ts: per NIC service, the most requests in one wall second over every
 * `scenarios/*.yaml`, planned as k6 replays it), open loop, side by side with bare node:http at the same rate
 * and with the service served by N node:cluster workers. Target: addedP99Ms (thap p99 - bare p99 in the same
 * round) <= 5 ms, no errors. Every service has a shipped scenario that calls it (ABDM: O11, SMS: O5, payment:
 * payment-gateway-down); a service none did would be measured at the largest service peak as a stand-in.
 * Each server is warmed up for 2 s first;
 * figures are medians over paired rounds (BENCH_ROUNDS).
 */
const entry: BenchEntry = {
  name: 'mocks-open-loop',
  description: "each service's hottest write at 10x its own peak in the heaviest scenario: p99 added over bare node:http, 1 vs N processes",
  // Callbacks go to a separate bare server (withCallbackSink), so that receiving them is not counted against the mock.
  run: () => withCallbackSink(measureAll),
};
export default entry;

async function measureAll(sink: BenchServer): Promise<BenchRow[]> {
  const peaks = await scenarioPeaks();
  const known = Object.values(peaks) as ScenarioServicePeak[];
  const standIn = known.reduce((best, peak) => (peak.peakPerSec > best.peakPerSec ? peak : best), known[0] ?? { peakPerSec: 30, scenario: 'demo floor', speed: 60, atSec: 0, total: 0 });
  const peakOf = (service: string): { perSec: number; from: string } => {
    const own = peaks[service as keyof typeof peaks];
    return own ? { perSec: own.peakPerSec, from: `${own.scenario} at speed ${own.speed}, second ${own.atSec}` } : { perSec: standIn.peakPerSec, from: `no shipped scenario calls it; stand-in: ${standIn.scenario}` };
  };
  const writes = hotWrites(sink.url).filter((write) => !ONLY || ONLY.includes(write.service));
  const subjects: Subject[] = [];
  for (const write of writes) {
    const ratePerSec = peakOf(write.service).perSec * MULTIPLE;
    const bare = `bare node:http @${ratePerSec}/s`;
    if (!subjects.some((subject) => subject.subject === bare)) subjects.push({ subject: bare, service: '-', server: 'bare', args: [], write, ratePerSec, bare });
    subjects.push({ subject: `thap ${write.service}`, service: write.service, server: 'thap', args: ['--service', write.service], write, ratePerSec, bare });
    if (WORKERS > 1) subjects.push({ subject: `thap ${write.service} x${WORKERS} workers`, service: write.service, server: 'thap', args: ['--service', write.service, '--workers', String(WORKERS)], write, ratePerSec, bare });
  }
  const measure = async ({ server, args, write, ratePerSec }: Subject): Promise<Measured> => {
    const started = await startServer(server, args);
    try {
      const url = `${started.url}${write.path}`;
      await runOpenLoop({ url, body: write.body, headers: write.headers, ratePerSec, durationSec: 2 });
      const serverCpuBefore = processTreeCpuMs(started.pid);
      const generatorCpuBefore = process.cpuUsage();
      const wallBefore = performance.now();
      const result = await runOpenLoop({ url, body: write.body, headers: write.headers, ratePerSec, durationSec: DURATION_SEC });
      const wallMs = performance.now() - wallBefore;
      const generatorCpu = process.cpuUsage(generatorCpuBefore);
      // Cores busy during the measured run: the server's process tree (all workers), and this process (the generator).
      return { ...result, loadAvg1: loadavg()[0] ?? NaN, serverCores: (processTreeCpuMs(started.pid) - serverCpuBefore) / wallMs, generatorCores: (generatorCpu.user + generatorCpu.system) / 1000 / wallMs };
    } finally {
      await started.stop();
    }
  };
  const rounds: Array<Map<string, Measured>> = [];
  for (let round = 0; round < ROUNDS; round++) {
    const results = new Map<string, Measured>();
    for (const subject of subjects) results.set(subject.subject, await measure(subject));
    rounds.push(results);
  }
  return subjects.map(({ subject, service, ratePerSec, bare }) => {
    const med = (pick: (result: Measured, bare: Measured) => number) => median(rounds.map((r) => pick(r.get(subject)!, r.get(bare)!)));
    const added = med((result, bareResult) => result.p99Ms - bareResult.p99Ms);
    const errors = rounds.reduce((sum, r) => sum + r.get(subject)!.errors, 0);
    const isBare = subject === bare;
    const peak = peakOf(service === '-' ? '' : service);
    return {
      entry: 'mocks-open-loop',
      subject,
      metrics: {
        ratePerSec,
        achievedRps: med((r) => r.achievedRps),
        p50Ms: med((r) => r.p50Ms),
        p99Ms: med((r) => r.p99Ms),
        addedP99Ms: added,
        sendLagP99Ms: med((r) => r.sendLagP99Ms),
        serverCores: med((r) => r.serverCores),
        generatorCores: med((r) => r.generatorCores),
        loadAvg1: med((r) => r.loadAvg1),
        errors,
      },
      note: isBare
        ? 'the load generator: a high sendLagP99Ms or p99 here means the machine, not the mock, is the limit'
        : `${MULTIPLE}x peak ${peak.perSec}/s (${peak.from}); ${added <= 5 && errors === 0 ? 'meets' : 'misses'}: <= 5 ms added p99, no errors`,
    };
  });
}

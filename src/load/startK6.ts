import { join } from 'node:path';
import { type CleanupStack, type ManagedProcess, type ProcessGuard, startProcess } from '../stack/index.ts';
import { existsSync } from 'node:fs';

/** coreutils' nice, where the machine has it. */
const niceBinary = ['/usr/bin/nice', '/bin/nice'].find((path) => existsSync(path));

/** One execution segment of N (`index` from 0): k6 runs the share index/N..(index+1)/N of the load. */
export interface K6Segment {
  index: number;
  count: number;
}

/**
 * Starts the real k6 binary on a script, with raw samples to `k6.csv` (millisecond
 * timestamps) and k6's own output to `k6.log`. With `segment`, k6 runs only that execution segment
 * (`--execution-segment i/N:(i+1)/N` of the sequence `0,1/N,...,1`) and writes `k6-<i>.csv` and
 * `k6-<i>.log` instead. The caller awaits `process.exited`.
 */
export async function startK6({
  binary,
  runDir,
  scriptFile,
  env,
  cleanup,
  segment,
  guard,
}: {
  binary: string;
  runDir: string;
  scriptFile: string;
  env: Record<string, string>;
  cleanup: CleanupStack;
  segment?: K6Segment;
  guard?: ProcessGuard;
}): Promise<ManagedProcess> {
  const suffix = segment ? `-${segment.index}` : '';
  const segmentArgs = segment ? ['--execution-segment', segmentOf(segment), '--execution-segment-sequence', segmentSequence(segment.count)] : [];
  const k6 = startProcess({
    name: `k6${suffix}`,
    // k6 runs at a lower CPU priority (nice 10, inherited by all its threads): on a busy machine the fault
    // timers in thap's process then start within milliseconds of plan (docs/harness-performance.md).
    command: niceBinary ?? binary,
    args: [...(niceBinary ? ['-n', '10', binary] : []), 'run', '--no-usage-report', '--no-color', ...segmentArgs, '--out', `csv=${join(runDir, `k6${suffix}.csv`)}`, scriptFile],
    cwd: runDir,
    env: { ...env, K6_CSV_TIME_FORMAT: 'unix_milli' },
    logFile: join(runDir, `k6${suffix}.log`),
    guard,
  });
  // On interrupt k6 gets SIGINT first: it stops its scenarios gracefully and flushes its outputs.
  cleanup.defer(`stop k6${suffix}`, async () => void (await k6.stop({ signal: 'SIGINT', graceMs: 8_000 })));
  return k6;
}

/** `i/N:(i+1)/N`, as k6's `--execution-segment` reads it. */
export function segmentOf({ index, count }: K6Segment): string {
  return `${index}/${count}:${index + 1}/${count}`;
}

/** `0,1/N,2/N,...,1`: every process gets the same sequence, so their segments tile the load exactly once. */
export function segmentSequence(count: number): string {
  return ['0', ...Array.from({ length: count - 1 }, (_, index) => `${index + 1}/${count}`), '1'].join(',');
}

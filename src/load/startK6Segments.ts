import { join } from 'node:path';
import type { CleanupStack, ManagedProcess, ProcessExit, ProcessGuard } from '../stack/index.ts';
import { startK6 } from './startK6.ts';

export interface K6Group {
  processes: ManagedProcess[];
  /** The CSV and log file of each process, in segment order (`k6.csv`/`k6.log` for one process). */
  csvFiles: string[];
  logFiles: string[];
  /** Resolves once every process has exited, with the worst exit: a failure first, then 99 (thresholds), then 0. */
  exited: Promise<ProcessExit & { log: string }>;
}

/**
 * Starts `count` real k6 processes at once on the same script, process i running execution segment
 * i/count (see `startK6`): together they send the scenario's load once, each writing `k6-<i>.csv`. One
 * process (count 1) runs the whole test and writes `k6.csv`, as a run always did.
 */
export async function startK6Segments({
  count,
  ...options
}: {
  count: number;
  binary: string;
  runDir: string;
  scriptFile: string;
  env: Record<string, string>;
  cleanup: CleanupStack;
  guard?: ProcessGuard;
}): Promise<K6Group> {
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`k6 segments: expected a whole number >= 1, got ${count}`);
  const segments = count === 1 ? [undefined] : Array.from({ length: count }, (_, index) => ({ index, count }));
  const processes: ManagedProcess[] = [];
  for (const segment of segments) processes.push(await startK6({ ...options, ...(segment ? { segment } : {}) }));
  const names = segments.map((segment) => (segment ? `k6-${segment.index}` : 'k6'));
  const logFiles = names.map((name) => join(options.runDir, `${name}.log`));
  const exited = Promise.all(processes.map((process) => process.exited)).then((exits) => {
    const withLog = exits.map((exit, index) => ({ ...exit, log: logFiles[index] as string }));
    return withLog.find((exit) => exit.code !== 0 && exit.code !== 99) ?? withLog.find((exit) => exit.code === 99) ?? (withLog[0] as ProcessExit & { log: string });
  });
  return { processes, csvFiles: names.map((name) => join(options.runDir, `${name}.csv`)), logFiles, exited };
}

import { appendFile } from 'node:fs/promises';
import type { RunProcessName } from '../../scoring/index.ts';
import { hostSample } from './hostSample.ts';
import { takeProcSnapshot, type ProcSnapshot } from './procSnapshot.ts';

/**
 * Samples the machine's CPU about once a wall second while a run is live, appending one host.ndjson line per
 * interval (hostSample.ts): what the machine did, and how much of it was the run's own process tree (thap,
 * `root`, and every process it started). One line is one write, so a run stopped at any moment leaves whole
 * lines. Without /proc (not Linux) it writes nothing and the validity check says "not measured".
 */
export function startHostSampler({ file, runIncludes, root = process.pid, intervalMs = 1_000, snapshot = () => takeProcSnapshot({ root }) }: { file: string; runIncludes: RunProcessName[]; root?: number; intervalMs?: number; snapshot?: () => ProcSnapshot | undefined }): { stop(): Promise<void> } {
  let previous = snapshot();
  let stopped = false;
  let writing: Promise<void> = Promise.resolve();
  const tick = () => {
    const current = snapshot();
    if (!previous || !current || stopped) return;
    const line = `${JSON.stringify(hostSample({ before: previous, after: current, root, runIncludes }))}\n`;
    previous = current;
    writing = writing.then(() => appendFile(file, line)).catch(() => undefined);
  };
  const timer = previous ? setInterval(tick, intervalMs) : undefined;
  timer?.unref();
  return {
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await writing;
    },
  };
}

/**
 * Which of the run's processes are thap's descendants: all of them when thap starts the stack and the client;
 * no client when the client is already running (`--target`); with the container stack only k6, as the
 * containers run under the container runtime.
 */
export function runProcessesInTree({ containers, clientStarted }: { containers: boolean; clientStarted: boolean }): RunProcessName[] {
  if (containers) return ['thap', 'k6'];
  return ['thap', 'k6', 'toxiproxy', 'mocks', ...(clientStarted ? (['client'] as const) : [])];
}

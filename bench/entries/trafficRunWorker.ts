import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const worker = path.join(import.meta.dirname, 'trafficWorker.ts');

export interface WorkerResult {
  records: number;
  seconds: number;
  /** CPU time of the child (all threads, GC included): steadier than wall time on a busy machine. */
  cpuSeconds: number;
  peakRssMb: number;
  bytes: number;
  warmSeconds?: number;
}

/** Runs one traffic bench worker in a fresh Node process (tsx loader) and returns what it measured. */
export async function runTrafficWorker({ mode, count }: { mode: 'thap-samples' | 'faker-loop' | 't1-day'; count: number }): Promise<WorkerResult> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'thap-bench-traffic-'));
  const out = path.join(dir, 'out.ndjson');
  try {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', worker, mode, String(count), out], { maxBuffer: 1024 * 1024, timeout: 15 * 60_000 });
    const result = JSON.parse(stdout.trim().split('\n').at(-1) as string) as Omit<WorkerResult, 'bytes'>;
    return { ...result, bytes: statSync(out).size };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

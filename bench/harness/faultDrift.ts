import { readFile } from 'node:fs/promises';
import { percentile } from './percentile.ts';

export interface DriftSummary {
  count: number;
  failed: number;
  p50: number;
  p99: number;
  max: number;
}

/**
 * Drift (actual minus planned wall time, ms) of one action in a run's `faults.ndjson`
 * (docs/run-directory.md). Actions that failed count in `failed`, not in the percentiles. Removes with a
 * `reason` (the run stopping early or the load ending) were not scheduled and are left out.
 */
export async function faultDrift({ file, action }: { file: string; action: 'apply' | 'remove' }): Promise<DriftSummary> {
  const events = (await readFile(file, 'utf8'))
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as { action: string; driftMs: number; ok: boolean; reason?: string });
  const mine = events.filter((event) => event.action === action && event.reason === undefined);
  const drifts = mine.filter((event) => event.ok).map((event) => event.driftMs);
  return { count: drifts.length, failed: mine.length - drifts.length, p50: percentile(drifts, 50), p99: percentile(drifts, 99), max: Math.max(...drifts) };
}

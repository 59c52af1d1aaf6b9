import { appendFile } from 'node:fs/promises';
import type { HarnessProcess } from '../scoring/index.ts';
import { probeHarness, type HarnessProbe } from './probeHarness.ts';

export interface MonitoredTarget {
  process: HarnessProcess;
  /** What to GET: the mocks' `/__admin/health`, Toxiproxy's `/version`. */
  url: string;
}

/** Failed probes in a row after which a target is recorded as unresponsive (INTERFACES.md). */
export const UNRESPONSIVE_AFTER = 3;

/**
 * The harness monitor: about once a wall second, probes each harness process (all at once, each with a short
 * timeout) and appends one harness.ndjson line per probe, so that a run can show the harness was alive and
 * fast while it measured the client. A target that fails UNRESPONSIVE_AFTER probes in a row is reported
 * once through `onUnresponsive`. Ticks never overlap: a slow round delays the next.
 */
export function startHarnessMonitor({
  targets,
  file,
  onUnresponsive,
  intervalMs = 1_000,
  timeoutMs = 1_000,
  probe = probeHarness,
}: {
  targets: MonitoredTarget[];
  file: string;
  onUnresponsive: (target: HarnessProcess, detail: string) => void;
  intervalMs?: number;
  timeoutMs?: number;
  probe?: typeof probeHarness;
}): { stop(): Promise<void> } {
  const failedInARow = new Map<HarnessProcess, number>();
  let stopped = false;
  let wake: () => void = () => undefined;
  let timer: NodeJS.Timeout | undefined;

  const check = (result: HarnessProbe) => {
    const failures = result.ok ? 0 : (failedInARow.get(result.target) ?? 0) + 1;
    failedInARow.set(result.target, failures);
    if (failures === UNRESPONSIVE_AFTER) onUnresponsive(result.target, `${UNRESPONSIVE_AFTER} probes in a row failed, the last: ${result.error ?? 'failed'}`);
  };
  const round = async () => {
    const results = await Promise.all(targets.map((target) => probe({ target: target.process, url: target.url, timeoutMs })));
    if (stopped) return;
    results.forEach(check);
    await appendFile(file, results.map((result) => `${JSON.stringify(result)}\n`).join(''));
  };
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      wake = resolve;
      timer = setTimeout(resolve, ms);
    });
  const loop = (async () => {
    while (!stopped) {
      const started = Date.now();
      await round().catch(() => undefined);
      await pause(Math.max(0, intervalMs - (Date.now() - started)));
    }
  })();
  return {
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      wake();
      await loop;
    },
  };
}

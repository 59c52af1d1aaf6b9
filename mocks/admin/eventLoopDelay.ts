import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';

/** The span each p99 covers: the harness monitor probes about once a second (src/run/harnessMonitor.ts). */
const WINDOW_MS = 1_000;

let histogram: IntervalHistogram | undefined;
let lastP99Ms: number | null = null;

/**
 * The 99th percentile of this process's event-loop delay over the last full second, in ms (null until a
 * second has been measured): how late the mocks' own timers and handlers run, whatever the client does.
 * Measured from the first call on, by perf_hooks.monitorEventLoopDelay sampling every 10 ms; the
 * histogram is read and reset once per window by an unref'd timer that never keeps the process alive.
 */
export function eventLoopP99Ms(): number | null {
  if (!histogram) {
    const started = monitorEventLoopDelay({ resolution: 10 });
    started.enable();
    histogram = started;
    setInterval(() => {
      lastP99Ms = started.count > 0 ? Math.round(started.percentile(99) / 1e4) / 100 : null;
      started.reset();
    }, WINDOW_MS).unref();
  }
  return lastP99Ms;
}

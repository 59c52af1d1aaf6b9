import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';

/** The span each p99 covers: the harness monitor probes about once a second (src/run/harnessMonitor.ts). */
const WINDOW_MS = 1_000;
/** The sampling timer's period: each sample is the time between its firings, so an idle loop reads about this. */
const RESOLUTION_MS = 10;

let histogram: IntervalHistogram | undefined;
let lastP99Ms: number | null = null;

/**
 * The 99th percentile of this process's event-loop delay over the last full second, in ms (null until a
 * second has been measured): how late the mocks' own timers and handlers run, whatever the client does.
 * Measured from the first call on, by perf_hooks.monitorEventLoopDelay sampling every 10 ms (less those
 * 10 ms, so that an idle loop reads about 0); the
 * histogram is read and reset once per window by an unref'd timer that never keeps the process alive.
 */
export function eventLoopP99Ms(): number | null {
  if (!histogram) {
    const started = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
    started.enable();
    histogram = started;
    setInterval(() => {
      lastP99Ms = started.count > 0 ? Math.max(0, Math.round((started.percentile(99) / 1e6 - RESOLUTION_MS) * 100) / 100) : null;
      started.reset();
    }, WINDOW_MS).unref();
  }
  return lastP99Ms;
}

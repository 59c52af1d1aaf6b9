import { percentile } from './percentile.ts';

export interface LagSummary {
  samples: number;
  p50: number;
  p99: number;
  max: number;
}

/**
 * Every `everyMs` runs `probe` and records how late it finished against its planned start (timer
 * lateness + the probe's own time, ms), the same measure as a fault's drift. With a Toxiproxy control
 * call as the probe it shows what Toxiproxy adds; with an empty probe, how starved of CPU this (idle)
 * process is on the machine. `stop()` ends the probe and summarises.
 */
export function startLagProbe({ everyMs, probe }: { everyMs: number; probe: () => Promise<unknown> }): { stop(): LagSummary } {
  const lags: number[] = [];
  let stopped = false;
  const tick = (planned: number) => {
    const timer = setTimeout(() => {
      void probe()
        .catch(() => undefined)
        .then(() => {
          if (stopped) return;
          lags.push(performance.now() - planned);
          tick(planned + everyMs * Math.max(1, Math.ceil((performance.now() - planned) / everyMs)));
        });
    }, Math.max(0, planned - performance.now()));
    timer.unref();
  };
  tick(performance.now() + everyMs);
  return {
    stop: () => {
      stopped = true;
      return { samples: lags.length, p50: percentile(lags, 50), p99: percentile(lags, 99), max: lags.length ? Math.max(...lags) : NaN };
    },
  };
}

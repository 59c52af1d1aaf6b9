import { simAt, simSpan, type IncidentClock } from '../clock/incidentClock.ts';
import type { Phase } from '../reportSchema.ts';
import type { PhaseAccumulator } from './PhaseAccumulator.ts';

/**
 * Turns a phase's running totals into its report entry. Rates are per second over the part of the phase in
 * which load ran (`loadFrom`..`loadTo`: the first and last request of the run), so the seconds before k6
 * started or after it stopped do not dilute them. Rates stay per WALL second (what the machine carried);
 * durations are on the incident's clock.
 */
export function toPhase({ acc, clock, baselineP95, loadFrom, loadTo }: { acc: PhaseAccumulator; clock: IncidentClock; baselineP95: number | null; loadFrom: number; loadTo: number }): Phase {
  const { window } = acc;
  const from = Math.max(window.start, loadFrom);
  const to = Math.min(window.end, loadTo);
  const activeSec = Math.max(0.001, (to - from) / 1000);
  const offered = acc.requests + acc.dropped;
  const p95Ms = acc.latency.quantile(0.95);
  // An answer outside the contract came back as an HTTP success but served nobody: it is neither available nor goodput.
  const successes = Math.max(0, acc.successes - acc.invalid);
  const withinSlo = Math.max(0, acc.withinSlo - acc.invalid);
  return {
    name: window.name,
    kind: window.kind,
    faultIds: window.faultIds,
    start: window.start,
    end: window.end,
    simStart: simAt(clock, window.start),
    simEnd: simAt(clock, window.end),
    durationMs: simSpan(clock, window.start, window.end),
    durationWallMs: window.end - window.start,
    requests: acc.requests,
    successes,
    droppedIterations: acc.dropped,
    availability: acc.requests > 0 ? successes / acc.requests : null,
    offeredPerSec: offered / activeSec,
    achievedPerSec: acc.requests / activeSec,
    goodputPerSec: withinSlo / activeSec,
    goodput: offered > 0 ? withinSlo / offered : null,
    p50Ms: acc.latency.quantile(0.5),
    p95Ms,
    p99Ms: acc.latency.quantile(0.99),
    latencyInflation: p95Ms !== null && baselineP95 !== null && baselineP95 > 0 ? p95Ms / baselineP95 : null,
    failFastMs: acc.failedLatency.quantile(0.95),
    outcomes: { done: acc.done, queued: acc.queued, failed: acc.failed },
    steps: Object.fromEntries([...acc.steps.entries()].sort(([a], [b]) => a.localeCompare(b))),
    ...(acc.regions.size > 0
      ? {
          regions: Object.fromEntries(
            [...acc.regions.entries()]
              .sort(([a], [b]) => a.localeCompare(b))
              .map(([region, { requests, successes, done, queued, failed }]) => [region, { requests, successes, availability: requests > 0 ? successes / requests : null, outcomes: { done, queued, failed } }]),
          ),
        }
      : {}),
  };
}

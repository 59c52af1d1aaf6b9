import type { TrafficPlan } from '../plan/trafficPlan.ts';
import type { Series } from '../plan/visit.ts';
import type { RampingArrivalRate } from './k6Types.ts';
import { iterateVisits } from '../plan/iterateVisits.ts';
import { addToBins, emptyBins } from './bins.ts';
import { toK6Stages } from './toK6Stages.ts';

/**
 * One series of a plan (default: `registration`, the patients' arrivals; `srf` for samples) as a k6
 * `ramping-arrival-rate` scenario, at the plan's speed or another. Streams the plan once; for the scenarios
 * of every series plus their data file, use `compileK6`.
 */
export function planToK6Stages({ plan, series = 'registration', speed = plan.clock.speed, binMinutes = 60, requestBudgetMs }: {
  plan: TrafficPlan;
  series?: Series;
  speed?: number;
  binMinutes?: number;
  requestBudgetMs?: number;
}): RampingArrivalRate {
  const bins = emptyBins({ clock: plan.clock, binMinutes });
  let longest = 0;
  let steps = 1;
  for (const { visit } of iterateVisits(plan)) {
    if (visit.series !== series) continue;
    addToBins(bins, visit.simMs);
    longest = Math.max(longest, visit.steps.reduce((sum, s) => sum + s.thinkSimMs, 0) / speed);
    steps = Math.max(steps, visit.steps.length);
  }
  return toK6Stages({ bins, speed, iterationWallMs: Math.round(longest), steps, ...(requestBudgetMs !== undefined ? { requestBudgetMs } : {}) });
}

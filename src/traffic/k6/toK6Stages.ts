import type { Bins } from './bins.ts';
import type { RampingArrivalRate } from './k6Types.ts';
import { UserError } from '../../core/index.ts';

/**
 * Compiles binned arrivals into a `ramping-arrival-rate` scenario whose arrivals per bin equal the plan's.
 *
 * `timeUnit` is one bin on the wall clock, so a stage's `target` is simply the bin's count: each bin is a 0 s
 * jump to its count followed by a hold for the bin's wall duration (k6 interpolates linearly inside a stage,
 * and a 0 s stage makes the rate piecewise constant). The integral over any bin is then its count, up to the
 * rounding of the bin's wall duration to whole milliseconds. Leading empty bins become `startTime`, trailing
 * ones are dropped, equal neighbours are merged.
 *
 * VUs: an iteration of a visit lasts about its think times on the wall plus `requestBudgetMs` per step (request); k6
 * needs peak rate x iteration time of them (Little's law), with 50% headroom pre-allocated and 3x as the cap.
 */
export function toK6Stages({ bins, speed, startWallMs = 0, iterationWallMs, steps = 1, requestBudgetMs = 500 }: {
  bins: Bins;
  speed: number;
  /** Wall offset of the bins' start (a later clock segment's start; 0 for the clock's start). */
  startWallMs?: number;
  /** Longest think time of one visit on the wall clock. */
  iterationWallMs?: number;
  /** Most steps (requests) in one visit. */
  steps?: number;
  /** Wall time allowed per request when sizing VUs. */
  requestBudgetMs?: number;
}): RampingArrivalRate {
  const binWallMs = Math.round(bins.binMs / speed);
  if (binWallMs < 1) throw new UserError(`a ${bins.binMs / 60_000}-minute bin at speed ${speed} is under 1 ms of wall time; use longer bins or a lower speed`);
  const first = bins.counts.findIndex((c) => c > 0);
  let last = bins.counts.length - 1;
  while (last >= 0 && bins.counts[last] === 0) last -= 1;
  const stages: RampingArrivalRate['stages'] = [];
  let peak = 0;
  for (let k = Math.max(first, 0); k <= last; k += 1) {
    const count = bins.counts[k] as number;
    peak = Math.max(peak, count);
    const previous = stages[stages.length - 1];
    if (previous && previous.target === count) {
      previous.duration = `${Number.parseInt(previous.duration, 10) + binWallMs}ms`;
      continue;
    }
    stages.push({ target: count, duration: '0ms' }, { target: count, duration: `${binWallMs}ms` });
  }
  // k6 starts iteration n when the rate's integral reaches n; summed in floating point, the last one can land a
  // hair after the final stage ends and be lost. Half an inter-arrival gap more keeps it (and adds none).
  const tail = stages[stages.length - 1];
  if (tail && tail.target > 0) tail.duration = `${Number.parseInt(tail.duration, 10) + Math.max(1, Math.ceil(binWallMs / tail.target / 2))}ms`;
  const peakPerSecond = (peak / binWallMs) * 1000;
  const iterationSeconds = ((iterationWallMs ?? 0) + requestBudgetMs * steps) / 1000;
  const preAllocatedVUs = Math.max(1, Math.ceil(peakPerSecond * iterationSeconds * 1.5));
  return {
    executor: 'ramping-arrival-rate',
    startRate: 0,
    timeUnit: `${binWallMs}ms`,
    stages,
    preAllocatedVUs,
    maxVUs: Math.max(preAllocatedVUs * 3, preAllocatedVUs + 10),
    startTime: `${Math.round(startWallMs) + (first < 0 ? 0 : first * binWallMs)}ms`,
  };
}

import type { TrafficPlan } from '../plan/trafficPlan.ts';
import type { Series } from '../plan/visit.ts';
import type { K6Entry, RampingArrivalRate } from './k6Types.ts';
import { iterateVisits } from '../plan/iterateVisits.ts';
import { simToWall } from '../plan/clock.ts';
import { clockPieces, speedAtSim, type ClockPiece } from '../../util/index.ts';
import { addToBins, emptyBins, type Bins } from './bins.ts';
import { toK6Stages } from './toK6Stages.ts';

export interface K6Compilation {
  /**
   * k6 `options.scenarios`: one `ramping-arrival-rate` scenario per series that has visits, named after it.
   * On a segmented clock, the series' first segment with visits (the whole series is in `parts`).
   */
  scenarios: Partial<Record<Series, RampingArrivalRate>>;
  /**
   * Per series, one scenario per clock segment that has visits (one for a one-speed clock, the same as
   * `scenarios`): a k6 stage has one wall time unit, so a series that crosses a segment boundary is split
   * there, each part at its segment's speed, replaying the series from visit `first` on.
   */
  parts: Partial<Record<Series, Array<{ first: number; options: RampingArrivalRate }>>>;
  /** The data file's content: per series, the visits in time order (iteration i takes entry i). */
  data: { version: number; seed: number; clock: TrafficPlan['clock']; series: Partial<Record<Series, K6Entry[]>> };
  /** Planned arrivals per bin and series, to check k6's counts against. */
  bins: Partial<Record<Series, Bins>>;
}

/** Turns a plan into k6 scenarios plus the data they replay. Holds every visit in memory: for load runs, not for `generate`. */
export function compileK6({ plan, binMinutes = 60, requestBudgetMs, window }: {
  plan: TrafficPlan;
  binMinutes?: number;
  requestBudgetMs?: number;
  /** Replay the patients and samples whose first visit is in [fromSimMs, toSimMs); wall time 0 is fromSimMs. */
  window?: { fromSimMs: number; toSimMs: number };
}): K6Compilation {
  const clock = window ? { ...plan.clock, startSim: window.fromSimMs } : plan.clock;
  const series: Partial<Record<Series, K6Entry[]>> = {};
  const bins: Partial<Record<Series, Bins>> = {};
  const pieces = clockPieces(clock);
  const pieceBins: Partial<Record<Series, Array<{ bins: Bins; first: number }>>> = {};
  const longest: Partial<Record<Series, number>> = {};
  const mostSteps: Partial<Record<Series, number>> = {};
  const firstVisit = new Set<string>();
  // With a window, a patient or sample is replayed when its first visit (registration, SRF) falls in it, and
  // then all its visits that start before the window ends: later visits never lack the ids earlier ones got.
  const admitted = new Set<string>();
  const admit = (visit: { series: Series; entity: string; simMs: number }): boolean => {
    if (!window || visit.simMs >= window.toSimMs) return !window;
    if (visit.series === 'registration' || visit.series === 'srf') {
      if (visit.simMs >= window.fromSimMs) admitted.add(visit.entity);
      return admitted.has(visit.entity);
    }
    if (visit.series === 'consignment') return visit.simMs >= window.fromSimMs;
    return admitted.has(visit.entity);
  };
  for (const { visit, record } of iterateVisits(plan)) {
    if (window && !admit(visit)) continue;
    const speed = clock.segments ? speedAtSim(clock, visit.simMs) : clock.speed;
    const steps = visit.steps.map((s) => ({ name: s.name, thinkMs: Math.round(s.thinkSimMs / speed) }));
    const entry: K6Entry = { entity: visit.entity, simMs: visit.simMs, wallMs: simToWall(clock, visit.simMs), steps };
    if ((visit.series === 'registration' || visit.series === 'srf') && !firstVisit.has(visit.entity)) {
      firstVisit.add(visit.entity);
      entry.record = record;
    }
    (series[visit.series] ??= []).push(entry);
    addToBins((bins[visit.series] ??= emptyBins({ clock, binMinutes })), visit.simMs);
    if (pieces.length > 1) addToPieceBins({ pieceBins: (pieceBins[visit.series] ??= []), pieces, clock, binMinutes, simMs: visit.simMs });
    const duration = steps.reduce((sum, s) => sum + s.thinkMs, 0);
    longest[visit.series] = Math.max(longest[visit.series] ?? 0, duration);
    mostSteps[visit.series] = Math.max(mostSteps[visit.series] ?? 0, steps.length);
  }
  const scenarios: K6Compilation['scenarios'] = {};
  const parts: K6Compilation['parts'] = {};
  for (const name of Object.keys(series) as Series[]) {
    (series[name] as K6Entry[]).sort((a, b) => a.simMs - b.simMs || (a.entity < b.entity ? -1 : 1));
    const sizing = { iterationWallMs: longest[name] ?? 0, steps: mostSteps[name] ?? 1, ...(requestBudgetMs !== undefined ? { requestBudgetMs } : {}) };
    parts[name] =
      pieces.length > 1
        ? numberParts(pieceBins[name] ?? []).flatMap((part, index) => (part.bins.counts.some((count) => count > 0) ? [{ first: part.first, options: toK6Stages({ bins: part.bins, speed: (pieces[index] as ClockPiece).speed, startWallMs: (pieces[index] as ClockPiece).fromWall, ...sizing }) }] : []))
        : [{ first: 0, options: toK6Stages({ bins: bins[name] as Bins, speed: clock.speed, ...sizing }) }];
    const firstPart = parts[name][0];
    if (firstPart) scenarios[name] = firstPart.options;
  }
  return { scenarios, parts, data: { version: plan.version, seed: plan.seed, clock, series }, bins };
}

/**
 * Counts a visit into the bins of its clock segment; each segment's bins start at the segment's start (or the
 * clock's, for the first). `first` is set once all are counted (`numberParts`).
 */
function addToPieceBins({ pieceBins, pieces, clock, binMinutes, simMs }: { pieceBins: Array<{ bins: Bins; first: number }>; pieces: readonly ClockPiece[]; clock: TrafficPlan['clock']; binMinutes: number; simMs: number }): void {
  const index = Math.max(0, pieces.findLastIndex((piece) => simMs >= piece.fromSim));
  while (pieceBins.length <= index) {
    const piece = pieces[pieceBins.length] as ClockPiece;
    pieceBins.push({ bins: emptyBins({ clock: { ...clock, startSim: Math.max(piece.fromSim, clock.startSim) }, binMinutes }), first: 0 });
  }
  addToBins((pieceBins[index] as { bins: Bins }).bins, simMs);
}

/** Sets each segment's `first`: the series' visits in the segments before it (the series is in time order). */
function numberParts(pieceBins: Array<{ bins: Bins; first: number }>): Array<{ bins: Bins; first: number }> {
  let before = 0;
  return pieceBins.map((part) => {
    const numbered = { ...part, first: before };
    before += part.bins.counts.reduce((sum, count) => sum + count, 0);
    return numbered;
  });
}

import type { Clock } from '../plan/clock.ts';

/** Arrivals counted in fixed simulated bins from the clock's start: bin k covers [start + k*binMs, start + (k+1)*binMs). */
export interface Bins {
  binMs: number;
  startSimMs: number;
  counts: number[];
}

export function emptyBins({ clock, binMinutes }: { clock: Clock; binMinutes: number }): Bins {
  return { binMs: Math.round(binMinutes * 60_000), startSimMs: clock.startSim, counts: [] };
}

export function addToBins(bins: Bins, simMs: number): void {
  const k = Math.max(0, Math.floor((simMs - bins.startSimMs) / bins.binMs));
  while (bins.counts.length <= k) bins.counts.push(0);
  bins.counts[k] = (bins.counts[k] as number) + 1;
}

import type { Segment } from './profileDefinition.ts';

/**
 * The profile's queued-at-opening share (its first segment, e.g. T1's 12% "before 08:00", traffic.md T1) as a
 * burst in the first `burstHours` after the counters open (that segment's end): the queue that formed outside
 * walks in when the counters open. The later segments keep their shares; the part of them that falls in the
 * burst is split off so that the segments stay in time order without overlap (arrivalSampler's inverse CDF).
 */
export function burstAtOpening(segments: readonly Segment[], burstHours: number): Segment[] {
  const [queued, ...rest] = segments;
  if (!queued || rest.length === 0) return [...segments];
  const opens = queued.toHour;
  const burstEnd = opens + burstHours;
  const inBurst = rest.filter((s) => s.fromHour < burstEnd);
  const shareInBurst = inBurst.reduce((sum, s) => sum + (s.percent * (Math.min(s.toHour, burstEnd) - s.fromHour)) / (s.toHour - s.fromHour), 0);
  const after = rest.flatMap((s): Segment[] => {
    if (s.toHour <= burstEnd) return [];
    if (s.fromHour >= burstEnd) return [s];
    return [{ fromHour: burstEnd, toHour: s.toHour, percent: (s.percent * (s.toHour - burstEnd)) / (s.toHour - s.fromHour) }];
  });
  return [{ fromHour: opens, toHour: burstEnd, percent: queued.percent + shareInBurst }, ...after];
}

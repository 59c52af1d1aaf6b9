import type { Issue } from '../core/index.ts';
import { formatTimeOfDay } from '../util/index.ts';
import type { Scenario } from './schema.ts';

/** Segments start on whole load bins: the load is compiled in 5-simulated-minute bins, each segment's from its start. */
export const segmentGrainMs = 5 * 60_000;

/** Clock segments start inside the clock, in order, on whole 5-minute steps after its start, and change the speed. */
export function checkClockSegments(clock: Scenario['clock']): Array<Omit<Issue, 'file'>> {
  const issues: Array<Omit<Issue, 'file'>> = [];
  const end = clock.start + clock.duration;
  let previous = { from: clock.start, speed: clock.speed };
  (clock.segments ?? []).forEach((segment, index) => {
    const path = `clock.segments.${index}`;
    if (segment.from <= previous.from || segment.from >= end) {
      issues.push({ path: `${path}.from`, message: `starts at ${formatTimeOfDay(segment.from)}: each segment starts after the one before (${formatTimeOfDay(previous.from)}) and before the clock ends (${formatTimeOfDay(end)})` });
    } else if ((segment.from - clock.start) % segmentGrainMs !== 0) {
      issues.push({ path: `${path}.from`, message: `starts at ${formatTimeOfDay(segment.from)}, not a whole number of 5 minutes after clock.start ${formatTimeOfDay(clock.start)} (the load's bins); move it` });
    }
    if (segment.speed === previous.speed) issues.push({ path: `${path}.speed`, message: `is the speed before it (${segment.speed}); drop the segment or change its speed` });
    previous = segment;
  });
  return issues;
}

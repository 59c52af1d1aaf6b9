import type { Issue } from '../core/index.ts';
import { formatTimeOfDay } from '../util/index.ts';
import type { Scenario } from './schema.ts';

/** The simulated span [from, to) of a constant traffic entry: its own `at`/`for`/`until`, else the whole clock. */
export function constantTrafficWindow(entry: { at?: number; for?: number; until?: number }, clock: Pick<Scenario['clock'], 'start' | 'duration'>): { from: number; to: number } {
  const from = entry.at ?? clock.start;
  const to = entry.for !== undefined ? from + entry.for : (entry.until ?? clock.start + clock.duration);
  return { from, to };
}

/** A constant traffic entry's window lies inside the clock, ends after it starts, and has at most one of `for` and `until`. */
export function checkTrafficWindows(scenario: Scenario): Array<Omit<Issue, 'file'>> {
  const issues: Array<Omit<Issue, 'file'>> = [];
  const start = scenario.clock.start;
  const end = start + scenario.clock.duration;
  scenario.traffic.forEach((entry, index) => {
    if (entry.kind !== 'constant') return;
    const path = `traffic.${index}`;
    if (entry.for !== undefined && entry.until !== undefined) {
      issues.push({ path, message: 'give at most one of "for" (a duration) and "until" (a time of day)' });
      return;
    }
    const { from, to } = constantTrafficWindow(entry, scenario.clock);
    if (from < start || from >= end) {
      issues.push({ path: `${path}.at`, message: `starts at ${formatTimeOfDay(from)}, outside the run (${formatTimeOfDay(start)} to ${formatTimeOfDay(end)})` });
    } else if (to > end) {
      issues.push({ path: `${path}.${entry.for !== undefined ? 'for' : 'until'}`, message: `ends at ${formatTimeOfDay(to)}, after the run ends at ${formatTimeOfDay(end)}; shorten it or lengthen clock.duration` });
    } else if (to <= from) {
      issues.push({ path: `${path}.until`, message: `ends at ${formatTimeOfDay(to)}, not after it starts at ${formatTimeOfDay(from)}` });
    }
  });
  return issues;
}

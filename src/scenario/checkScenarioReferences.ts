import type { Issue } from '../core/index.ts';
import { formatDuration } from './duration.ts';
import { formatTimeOfDay } from '../util/index.ts';
import type { Scenario } from './schema.ts';
import { validateGates } from '../scoring/gates/index.ts';
import { checkFaultRoutes } from './checkFaultRoutes.ts';
import { checkRegions } from './checkRegions.ts';
import { checkTrafficWindows } from './checkTrafficWindows.ts';
import { checkClockSegments } from './checkClockSegments.ts';
import { checkGatePhases } from './checkGatePhases.ts';

/**
 * Checks what a schema alone cannot: a fault names a service the scenario declares, its times fall inside
 * the simulated clock, it has exactly one of `for` and `until`, ids are unique, client regions and the
 * faults naming them agree (checkRegions.ts), constant traffic lies inside the clock (checkTrafficWindows.ts), clock segments are in order inside it (checkClockSegments.ts), an app fault's route matches a mock route (checkFaultRoutes.ts), and gates name known metrics and fault phases (checkGatePhases.ts).
 */
export function checkScenarioReferences(scenario: Scenario): Array<Omit<Issue, 'file'>> {
  const issues: Array<Omit<Issue, 'file'>> = [];
  const declared = Object.keys(scenario.services);
  const start = scenario.clock.start;
  const end = start + scenario.clock.duration;
  const ids = new Set<string>();
  scenario.faults.forEach((fault, index) => {
    const path = `faults.${index}`;
    if (fault.service !== 'all' && !declared.includes(fault.service)) {
      issues.push({ path: `${path}.service`, message: `service "${fault.service}" is not declared under services (declared: ${declared.join(', ') || 'none'}); add it there` });
    }
    if ((fault.for === undefined) === (fault.until === undefined)) {
      issues.push({ path, message: 'give exactly one of "for" (a duration) and "until" (a time of day)' });
    }
    const span = (fault.for !== undefined ? fault.at + fault.for : (fault.until ?? fault.at)) - fault.at;
    if (fault.repeat && span + fault.repeat.jitter >= fault.repeat.every) {
      issues.push({ path: `${path}.repeat.every`, message: `occurrences would overlap: each lasts ${formatDuration(span)} (+ jitter ${formatDuration(fault.repeat.jitter)}) but they start every ${formatDuration(fault.repeat.every)}; make "every" longer` });
    }
    const lastStart = fault.repeat ? fault.at + (fault.repeat.times - 1) * fault.repeat.every + fault.repeat.jitter : fault.at;
    const faultEnd = lastStart + span;
    if (fault.at < start || fault.at >= end) {
      issues.push({ path: `${path}.at`, message: `starts at ${formatTimeOfDay(fault.at)}, outside the run (${formatTimeOfDay(start)} to ${formatTimeOfDay(end)})` });
    } else if (faultEnd > end) {
      issues.push({ path: fault.repeat ? `${path}.repeat.times` : `${path}.${fault.for !== undefined ? 'for' : 'until'}`, message: `ends at ${formatTimeOfDay(faultEnd)}, after the run ends at ${formatTimeOfDay(end)}; shorten it or lengthen clock.duration` });
    } else if (span <= 0) {
      issues.push({ path: `${path}.until`, message: `ends at ${formatTimeOfDay(faultEnd)}, not after it starts at ${formatTimeOfDay(fault.at)}` });
    }
    const id = fault.id ?? `f${index + 1}`;
    if (ids.has(id)) issues.push({ path: `${path}.id`, message: `id "${id}" is used twice; ids must be unique` });
    ids.add(id);
  });
  issues.push(...checkFaultRoutes(scenario));
  issues.push(...checkRegions(scenario));
  issues.push(...checkTrafficWindows(scenario));
  issues.push(...checkClockSegments(scenario.clock));
  // Gates are checked against scoring's grammar and known metrics before a run starts.
  issues.push(...validateGates(scenario.gates));
  issues.push(...checkGatePhases(scenario));
  return issues;
}

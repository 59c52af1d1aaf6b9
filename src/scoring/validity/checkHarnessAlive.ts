import type { ValidityCheck } from '../reportSchema.ts';
import { incidentTime } from './incidentTime.ts';
import type { HarnessFailure } from '../runFiles/runJsonFields.ts';
import type { HarnessProbe, IncidentClock } from './readValidityInputs.ts';

/** A harness failure as the check words it: run.json's, or a run of failed probes in harness.ndjson. */
type Failure = Pick<HarnessFailure, 'at' | 'kind' | 'detail'> & { process: string };

/** Probes failed in a row that make a target unresponsive (the monitor's own rule, src/run/harnessMonitor.ts). */
export const UNRESPONSIVE_PROBES = 3;

/**
 * harness.alive: no harness process (mocks, Toxiproxy, the harness endpoint, k6, the fault driver) died or
 * stopped answering while the run was live. Reads run.json `harness.failures` and, for a monitor that could
 * not write run.json in time, runs of failed probes in harness.ndjson. Bound: 0 failures.
 */
export function checkHarnessAlive({ failures, probes, monitored, clock }: { failures: HarnessFailure[]; probes: HarnessProbe[]; monitored: boolean; clock: IncidentClock }): ValidityCheck {
  const base = { name: 'harness.alive', bound: 0, unit: 'failures' } as const;
  if (!monitored) return { ...base, passed: true, figure: null, message: 'not monitored: the run directory has no harness.ndjson and run.json no harness fields (a run older than the harness monitor)' };
  const all: Failure[] = [...failures, ...unresponsiveStreaks(probes).filter((streak) => !failures.some((failure) => failure.process === streak.process))].sort((a, b) => a.at - b.at);
  if (all.length === 0) return { ...base, passed: true, figure: 0, message: `every harness process stayed up and answered (${probes.length} probes)` };
  const described = all.map((failure) => `the ${failure.process} process ${failure.kind === 'exited' ? 'exited' : 'stopped answering'} at ${incidentTime({ at: failure.at, clock })}${failure.detail ? ` (${failure.detail})` : ''}`);
  return { ...base, passed: false, figure: all.length, message: `${described.join('; ')}: the harness, not the client, failed` };
}

function unresponsiveStreaks(probes: HarnessProbe[]): Failure[] {
  const found: Failure[] = [];
  const streaks = new Map<string, { from: number; count: number; error?: string }>();
  for (const probe of probes) {
    if (probe.ok) {
      streaks.delete(probe.target);
      continue;
    }
    const streak = streaks.get(probe.target) ?? { from: probe.t, count: 0, ...(probe.error ? { error: probe.error } : {}) };
    streak.count += 1;
    streaks.set(probe.target, streak);
    if (streak.count === UNRESPONSIVE_PROBES && !found.some((failure) => failure.process === probe.target)) {
      found.push({ process: probe.target, at: streak.from, kind: 'unresponsive', detail: `${UNRESPONSIVE_PROBES} probes failed in a row${streak.error ? `: ${streak.error}` : ''}` });
    }
  }
  return found;
}

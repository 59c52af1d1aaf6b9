import type { Issue } from '../core/index.ts';
import type { Scenario } from './schema.ts';

/**
 * A gate on a single fault's phase (`phase.fault-<id>.availability`) names a fault the plan has. The report
 * has such a phase per fault occurrence when there are two or more of them (docs/scoring.md "Phases"): a
 * repeated fault's occurrences are `<id>-1`, `<id>-2`, ... (src/scenario/plan.ts); with one, only `fault`.
 * A gate on a phase the run never has fails every run, so a misspelt id is caught here, before the run.
 */
export function checkGatePhases(scenario: Pick<Scenario, 'faults' | 'gates'>): Array<Omit<Issue, 'file'>> {
  const phases = faultPhaseNames(scenario.faults);
  return scenario.gates.flatMap((gate, index) => {
    const named = /(?:^|\.)phase\.(fault-[\w-]+)\./.exec(gate.trim())?.[1];
    if (named === undefined || phases.includes(named)) return [];
    const known = phases.length > 0 ? `the scenario's are ${phases.join(', ')}` : 'with one fault the report has only phase.fault';
    return [{ path: `gates.${index}`, message: `names the phase ${named}, which no run of this scenario has (${known}); fix the fault id` }];
  });
}

/** `fault-<id>` of every fault occurrence, when there are two or more (one fault has only the phase `fault`). */
function faultPhaseNames(faults: Scenario['faults']): string[] {
  const ids = faults.flatMap((fault, index) => {
    const id = fault.id ?? `f${index + 1}`;
    const times = fault.repeat?.times ?? 1;
    return times > 1 ? Array.from({ length: times }, (_, n) => `${id}-${n + 1}`) : [id];
  });
  return ids.length > 1 ? ids.map((id) => `fault-${id}`) : [];
}

import { contractSteps, type ServiceName } from '../contract/index.ts';
import type { K6Entry } from '../traffic/index.ts';
import { trafficSteps } from './k6/trafficSteps.ts';

/**
 * Drops the steps whose NIC service the scenario does not serve (an OPD day without `sms` has no OTP, without
 * `abdm` no Scan and Share, without `payment` no online payment), adding each dropped step's think time to the
 * next one so that the rest of the visit keeps its times. Steps with no NIC service (lookups) stay.
 */
export function servedSteps(entries: K6Entry[], services: ReadonlySet<ServiceName>): K6Entry[] {
  return entries.map((entry) => {
    let carried = 0;
    const steps: K6Entry['steps'] = [];
    for (const step of entry.steps) {
      const contract = trafficSteps[step.name]?.step;
      if (contract !== undefined && !services.has(contractSteps[contract as keyof typeof contractSteps].service)) {
        carried += step.thinkMs;
        continue;
      }
      steps.push(carried === 0 ? step : { ...step, thinkMs: step.thinkMs + carried });
      carried = 0;
    }
    return steps.length === entry.steps.length ? entry : { ...entry, steps };
  });
}

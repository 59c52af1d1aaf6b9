import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { journeySteps } from '../../examples/shared/steps/index.ts';
import type { ServiceName } from '../../src/contract/services.ts';
import { buildLoad, type Load } from '../../src/load/buildLoad.ts';
import { trafficSteps } from '../../src/load/k6/trafficSteps.ts';
import { loadScenario } from '../../src/scenario/loadScenario.ts';

/**
 * Traffic step names (src/traffic/plan/visit.ts) to the client contract's steps, as the k6 script sends them
 * (src/load/k6/trafficSteps.ts). `lookup` has no contract step: k6 skips it, so it makes no NIC call.
 */
export const trafficToContractStep: Readonly<Record<string, string>> = Object.fromEntries(Object.entries(trafficSteps).map(([name, { step }]) => [name, step]));

/** Contract step -> the NIC service its one NIC request goes to, from the reference clients (examples/shared/steps). */
const serviceOfContractStep = new Map<string, ServiceName>(journeySteps.map((step) => [step.step, step.service]));

/** The NIC service a traffic step calls (each contract step is exactly one NIC request), or undefined for none. */
export function nicServiceOfStep(trafficStep: string): ServiceName | undefined {
  const contractStep = trafficToContractStep[trafficStep];
  return contractStep === undefined ? undefined : serviceOfContractStep.get(contractStep);
}

export interface ServicePeak {
  /** Most NIC requests to the service in any one wall-clock second of the run. */
  peakPerSec: number;
  /** That second, as whole seconds from the run's t0. */
  atSec: number;
  /** NIC requests to the service over the whole run. */
  total: number;
}

/**
 * Per NIC service, the most requests in one wall-clock second of a planned load: each visit starts at its
 * `wallMs`, each step follows the previous after its wall `thinkMs` (as k6 replays it: sleep, then send), and
 * each step that maps to a contract step is one request to that step's service. Client latency is not
 * counted (it only spreads the steps further apart), nor session logins (one per token expiry).
 */
export function servicePeaks({ load }: { load: Pick<Load, 'series'> }): Partial<Record<ServiceName, ServicePeak>> {
  const perSecond = new Map<ServiceName, Map<number, number>>();
  for (const visits of Object.values(load.series)) {
    for (const visit of visits ?? []) {
      let at = visit.wallMs;
      for (const step of visit.steps) {
        at += step.thinkMs;
        const service = nicServiceOfStep(step.name);
        if (!service) continue;
        const seconds = perSecond.get(service) ?? new Map<number, number>();
        perSecond.set(service, seconds);
        const second = Math.floor(at / 1000);
        seconds.set(second, (seconds.get(second) ?? 0) + 1);
      }
    }
  }
  const peaks: Partial<Record<ServiceName, ServicePeak>> = {};
  for (const [service, seconds] of perSecond) {
    let best: ServicePeak = { peakPerSec: 0, atSec: 0, total: 0 };
    for (const [second, count] of seconds) {
      best.total += count;
      if (count > best.peakPerSec || (count === best.peakPerSec && second < best.atSec)) best = { ...best, peakPerSec: count, atSec: second };
    }
    peaks[service] = best;
  }
  return peaks;
}

export interface ScenarioServicePeak extends ServicePeak {
  /** The scenario file the peak comes from. */
  scenario: string;
  speed: number;
}

/**
 * For each NIC service, the heaviest second over every shipped scenario (`scenarios/*.yaml`) at its default
 * speed, planned with the project's own planning (loadScenario -> buildLoad). Services no scenario calls are
 * absent.
 */
export async function scenarioPeaks(dir = fileURLToPath(new URL('../../scenarios/', import.meta.url))): Promise<Partial<Record<ServiceName, ScenarioServicePeak>>> {
  const files = (await readdir(dir)).filter((file) => /\.ya?ml$/.test(file)).sort();
  const best: Partial<Record<ServiceName, ScenarioServicePeak>> = {};
  for (const file of files) {
    const { scenario } = await loadScenario(join(dir, file));
    const peaks = servicePeaks({ load: buildLoad(scenario) });
    for (const [service, peak] of Object.entries(peaks) as Array<[ServiceName, ServicePeak]>) {
      if (peak.peakPerSec > (best[service]?.peakPerSec ?? 0)) best[service] = { ...peak, scenario: file, speed: scenario.clock.speed };
    }
  }
  return best;
}

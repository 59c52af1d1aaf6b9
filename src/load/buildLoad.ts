import { scenarioClock, type Scenario } from '../scenario/index.ts';
import { compileK6, type K6Entry, planTraffic, type PlanPart, type Series } from '../traffic/index.ts';
import { addConstantTraffic } from './constantLoad.ts';
import { gracefulStop } from './gracefulStop.ts';
import { assignRegions } from './assignRegions.ts';
import { servedSteps } from './servedSteps.ts';
import { speedAtSim } from '../util/index.ts';
import type { ServiceName } from '../contract/index.ts';

/** A visit as the k6 script replays it; consignment visits also name the samples in their batch. */
export interface VisitEntry extends K6Entry {
  batch?: string[];
  /** With client regions: the region whose client this visit goes to (src/load/assignRegions.ts). */
  region?: string;
}

export interface Load {
  /** k6 `options.scenarios`, one per series that has visits (and one per constant traffic entry); `exec` is the script's `replay`. */
  scenarios: Record<string, Record<string, unknown>>;
  /** Per k6 scenario: the series it replays, from visit `first` on (iteration i replays visit first + i). */
  replays: Record<string, { series: Series; first: number }>;
  /** The data files: per series, the visits in time order. */
  series: Partial<Record<Series, VisitEntry[]>>;
  /** Planned visits per series, to check k6's counts against. */
  counts: Partial<Record<Series, number>>;
  /** With client regions: visits per region. */
  regions?: Record<string, number>;
  /** Simulated seconds per wall second (the scenario's clock): the patient's waits for an OTP scale with it. */
  speed?: number;
  /** Per k6 scenario on a later clock segment: that segment's speed, where it is not `speed`. */
  speeds?: Record<string, number>;
}

/** The script's one scenario function (src/load/k6/script.ts): it replays what `replays` gives its scenario. */
export const replayExec = 'replay';

/**
 * Turns a scenario's traffic into what k6 replays. Profile traffic (traffic.md T1-T5) is planned by the
 * traffic model, windowed to the scenario's clock and compiled to `ramping-arrival-rate` stages; constant
 * traffic is registrations at a `constant-arrival-rate`. Both are open-model executors, so a slow client
 * does not quietly reduce the offered load.
 */
export function buildLoad(scenario: Scenario): Load {
  const { start, duration, speed } = scenario.clock;
  const clock = scenarioClock(scenario.clock);
  const profiles = scenario.traffic.filter((entry) => entry.kind === 'profile');
  const constants = scenario.traffic.filter((entry) => entry.kind === 'constant');
  const load: Load = { scenarios: {}, replays: {}, series: {}, counts: {}, speed };
  const requestTimeoutMs = scenario.client.requestTimeout;
  if (profiles.length > 0) {
    const plan = planTraffic({
      seed: scenario.seed,
      speed,
      ...(clock.segments ? { segments: clock.segments } : {}),
      parts: profiles.flatMap(planParts),
    });
    const compiled = compileK6({ plan, binMinutes: clock.segments ? 5 : binMinutesFor(duration), window: { fromSimMs: start, toSimMs: start + duration } });
    const served = new Set(Object.keys(scenario.services) as ServiceName[]);
    for (const [name, entries] of Object.entries(compiled.data.series) as Array<[Series, K6Entry[]]>) {
      load.series[name] = servedSteps(entries, served);
      load.counts[name] = entries.length;
      // One k6 scenario per clock segment the series has visits in (src/traffic/k6/compileK6.ts); the first keeps the series' name.
      (compiled.parts[name] ?? []).forEach(({ first, options }, part) => {
        const scenarioName = part === 0 ? name : `${name}-${part + 1}`;
        load.scenarios[scenarioName] = { ...options, exec: replayExec, gracefulStop: gracefulStop(requestTimeoutMs) };
        load.replays[scenarioName] = { series: name, first };
        const partSpeed = clock.segments ? speedAtSim(clock, entries[first]?.simMs ?? start) : speed;
        if (partSpeed !== speed) (load.speeds ??= {})[scenarioName] = partSpeed;
      });
    }
    attachBatches(load.series);
  }
  constants.forEach((entry, index) => addConstantTraffic({ load, entry, index, scenario }));
  const regions = scenario.client.regions;
  if (regions) load.regions = assignRegions({ series: load.series, regions, seed: scenario.seed });
  return load;
}

/** Bins of 5 simulated minutes for runs up to 6 hours, 15 up to a day, else 60: fine enough for fault windows. */
function binMinutesFor(durationMs: number): number {
  if (durationMs <= 6 * 3_600_000) return 5;
  if (durationMs <= 24 * 3_600_000) return 15;
  return 60;
}

/** A profile entry as traffic-model parts: one per simulated day it repeats on (`days`), each its own patients. */
function planParts(entry: Extract<Scenario['traffic'][number], { kind: 'profile' }>): PlanPart[] {
  const { profile, count, scale, startHour, variant, batchSize, days, openingBurst } = entry;
  const part: PlanPart = { profile, count, scale, startHour, variant, batchSize, ...(openingBurst !== undefined ? { openingBurstHours: openingBurst / 3_600_000 } : {}) };
  if (days === undefined) return [part];
  return Array.from({ length: days }, (_, day) => ({ ...part, day }));
}

/** A consignment visit carries the sample entities of its batch (from each SRF record's consignment id). */
function attachBatches(series: Load['series']): void {
  const byConsignment = new Map<string, string[]>();
  for (const entry of series.srf ?? []) {
    const consignmentId = (entry.record as { consignmentId?: string } | undefined)?.consignmentId;
    if (!consignmentId) continue;
    const batch = byConsignment.get(consignmentId) ?? [];
    batch.push(entry.entity);
    byConsignment.set(consignmentId, batch);
  }
  for (const entry of series.consignment ?? []) entry.batch = byConsignment.get(entry.entity) ?? [];
}

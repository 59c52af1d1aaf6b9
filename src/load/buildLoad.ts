import { constantTrafficWindow, formatDuration, type Scenario } from '../scenario/index.ts';
import { compileK6, generatePatients, type K6Entry, planTraffic, type RampingArrivalRate, type Series } from '../traffic/index.ts';
import { assignRegions } from './assignRegions.ts';
import { servedSteps } from './servedSteps.ts';
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
  const profiles = scenario.traffic.filter((entry) => entry.kind === 'profile');
  const constants = scenario.traffic.filter((entry) => entry.kind === 'constant');
  const load: Load = { scenarios: {}, replays: {}, series: {}, counts: {}, speed };
  const requestTimeoutMs = scenario.client.requestTimeout;
  if (profiles.length > 0) {
    const plan = planTraffic({
      seed: scenario.seed,
      speed,
      parts: profiles.map(({ profile, count, scale, startHour, variant, batchSize }) => ({ profile, count, scale, startHour, variant, batchSize })),
    });
    const compiled = compileK6({ plan, binMinutes: binMinutesFor(duration), window: { fromSimMs: start, toSimMs: start + duration } });
    const served = new Set(Object.keys(scenario.services) as ServiceName[]);
    for (const [name, entries] of Object.entries(compiled.data.series) as Array<[Series, K6Entry[]]>) {
      load.series[name] = servedSteps(entries, served);
      load.counts[name] = entries.length;
      const options = compiled.scenarios[name] as RampingArrivalRate;
      load.scenarios[name] = { ...options, exec: replayExec, gracefulStop: gracefulStop(requestTimeoutMs) };
      load.replays[name] = { series: name, first: 0 };
    }
    attachBatches(load.series);
  }
  constants.forEach((entry, index) => {
    const perWallSecond = entry.ratePerSecond * speed;
    const window = constantTrafficWindow(entry, scenario.clock);
    const startWallMs = Math.round((window.from - start) / speed);
    const count = Math.round((entry.ratePerSecond * (window.to - window.from)) / 1_000);
    const patients = generatePatients({ seed: scenario.seed, count: Math.min(count, 50_000), startIndex: index * 1_000_000 });
    const entries: VisitEntry[] = patients.map((patient, at) => ({
      entity: patient.id,
      simMs: window.from + Math.round((at * 1_000) / entry.ratePerSecond),
      wallMs: startWallMs + Math.round((at * 1_000) / perWallSecond),
      steps: [{ name: patient.visitType === 'new' ? 'register' : 'revisit', thinkMs: 0 }],
      record: patient,
    }));
    const name = `registration-constant-${index + 1}`;
    load.replays[name] = { series: 'registration', first: load.series.registration?.length ?? 0 };
    load.series.registration = [...(load.series.registration ?? []), ...entries];
    load.counts.registration = (load.counts.registration ?? 0) + count;
    // A rate that is not a whole number per second is expressed per minute, so that k6 starts as many
    // iterations as there are visits: rounded to 3/s, 2.7/s started 11% more, and the extra iterations
    // replayed the next entry's first patients a second time (two records for one person).
    const perMinute = !Number.isInteger(perWallSecond);
    const rate = perMinute ? Math.round(perWallSecond * 60) : Math.round(perWallSecond);
    load.scenarios[name] = {
      executor: 'constant-arrival-rate',
      exec: replayExec,
      rate,
      timeUnit: perMinute ? '1m' : '1s',
      ...(startWallMs > 0 ? { startTime: formatDuration(startWallMs) } : {}),
      duration: formatDuration(Math.round((window.to - window.from) / speed)),
      preAllocatedVUs: Math.max(5, Math.ceil(perWallSecond)),
      maxVUs: Math.max(50, Math.ceil(perWallSecond * Math.max(2, requestTimeoutMs / 1_000))),
      gracefulStop: gracefulStop(requestTimeoutMs),
    };
  });
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

function gracefulStop(requestTimeoutMs: number): string {
  return formatDuration(Math.min(requestTimeoutMs + 1_000, 30_000));
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

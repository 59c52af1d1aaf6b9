import { faultCatalogue } from './faultCatalogue/catalogue.ts';
import { formatDuration } from './duration.ts';
import { scenarioFingerprint } from './fingerprint.ts';
import { constantTrafficWindow } from './checkTrafficWindows.ts';
import type { FaultEntry, Scenario } from './schema.ts';
import { formatTimeOfDay, simOfWallOffset, speedAtSim, wallOffsetOf } from '../util/index.ts';
import { scenarioClock } from './scenarioClock.ts';
import { faultsOffClientSpeed } from '../scoring/clock/index.ts';

export interface PlannedFault {
  id: string;
  kind: string;
  layer: 'network' | 'app';
  service: FaultEntry['service'];
  /** The kind's own settings (everything but timing and target). */
  settings: Record<string, unknown>;
  describe: string;
  /** Simulated times of day, ms. */
  startSim: number;
  endSim: number;
  /** Wall offsets from the run's t0, ms. */
  startWallMs: number;
  endWallMs: number;
}

export interface PlannedTraffic {
  /** One line per traffic entry of the scenario. */
  entries: string[];
  /** Visits (k6 iterations) per series, e.g. registration, lab, srf, consignment. */
  visitsBySeries: Record<string, number>;
  /** Visits starting in each simulated hour of the run. */
  perHour: Array<{ hour: number; visits: number }>;
  /** With client regions: visits per region (each region's client gets its share). */
  visitsByRegion?: Record<string, number>;
}

/**
 * The visits the load will replay, as far as the plan needs them: when each starts (wall ms from t0) and how
 * many each series has. `src/load/buildLoad.ts` makes them; the plan only counts them, so the scenario layer
 * stays below the load layer (DESIGN.md's flow).
 */
export interface PlannedVisits {
  series: Partial<Record<string, ReadonlyArray<{ wallMs: number }>>>;
  counts: Partial<Record<string, number>>;
  /** With client regions: visits per region. */
  regions?: Record<string, number>;
}

/**
 * The drain deadline (scenario `client.drainDeadline`): by then every write the client accepted must be stored
 * at NIC. The run waits for the client's outbox until it and no longer; integrity judges at it.
 */
export interface PlannedDrain {
  /** Simulated ms after the load ends. */
  afterLoadSim: number;
  /** The deadline in simulated ms of the day (days past the first continue: 24 h + ...). */
  deadlineSim: number;
  /** The deadline as a wall offset from the run's t0, ms. */
  deadlineWallMs: number;
}

export interface Plan {
  scenario: { name: string; fingerprint: string; seed: number };
  /** `speed` from `startSim`, then each of `segments` from its `fromSim` (simulated ms; absent: one speed). */
  clock: { startSim: number; durationSim: number; speed: number; wallDurationMs: number; date?: string; segments?: Array<{ fromSim: number; speed: number }> };
  drain: PlannedDrain;
  traffic: PlannedTraffic;
  faults: PlannedFault[];
  gates: string[];
}

/** Turns a validated scenario into the plan: both clocks, the traffic, the fault timeline, the gates. */
export function buildPlan(scenario: Scenario, visits: PlannedVisits): Plan {
  const { start, duration, speed } = scenario.clock;
  const clock = scenarioClock(scenario.clock);
  const toWall = (sim: number) => Math.round(wallOffsetOf(clock, sim));
  return {
    scenario: { name: scenario.name, fingerprint: scenarioFingerprint(scenario), seed: scenario.seed },
    clock: {
      startSim: start,
      durationSim: duration,
      speed,
      wallDurationMs: wallDurationMs(scenario.clock),
      ...(scenario.clock.date !== undefined ? { date: scenario.clock.date } : {}),
      ...(clock.segments ? { segments: [...clock.segments] } : {}),
    },
    drain: planDrain(scenario),
    traffic: summariseTraffic(scenario, visits),
    faults: scenario.faults.flatMap((fault, index) => {
      const { kind, id, service, at, for: length, until, repeat, ...settings } = fault;
      const definition = faultCatalogue.get(kind);
      if (!definition) throw new Error(`fault kind ${kind} passed validation but is not in the catalogue`);
      const span = (length !== undefined ? at + length : (until as number)) - at;
      return occurrences({ at, repeat, seed: scenario.seed + index }).map((start, occurrence, all) => ({
        id: all.length > 1 ? `${id ?? `f${index + 1}`}-${occurrence + 1}` : (id ?? `f${index + 1}`),
        kind,
        layer: definition.layer,
        service,
        settings,
        describe: `${service}: ${definition.describe(settings)}`,
        startSim: start,
        endSim: start + span,
        startWallMs: toWall(start),
        endWallMs: toWall(start + span),
      }));
    }),
    gates: scenario.gates,
  };
}

/** The drain deadline on both clocks: the load's planned end plus `client.drainDeadline`. */
export function planDrain(scenario: Pick<Scenario, 'clock' | 'client'>): PlannedDrain {
  const { start, duration } = scenario.clock;
  const afterLoadSim = scenario.client.drainDeadline;
  const deadlineSim = start + duration + afterLoadSim;
  return { afterLoadSim, deadlineSim, deadlineWallMs: Math.round(wallOffsetOf(scenarioClock(scenario.clock), deadlineSim)) };
}

/** How long a scenario runs on the wall clock at its speed (each segment at its own). */
export function wallDurationMs(clock: Pick<Scenario['clock'], 'start' | 'duration' | 'speed' | 'segments'>): number {
  return Math.round(wallOffsetOf(scenarioClock(clock), clock.start + clock.duration));
}

/** The plan in lines, each part describing itself in one line (`thap run --dry-run`). */
export function describePlan(plan: Plan): string[] {
  const { startSim, durationSim, speed, wallDurationMs, date, segments } = plan.clock;
  const clock = { startSim, speed, ...(segments ? { segments } : {}) };
  const speeds = segments ? `, from ${segments.map((segment) => `${formatTimeOfDay(segment.fromSim)} ${segment.speed}x`).join(', from ')}` : '';
  const lines = [
    `scenario ${plan.scenario.name} (${plan.scenario.fingerprint.slice(0, 19)}…, seed ${plan.scenario.seed})`,
    `clock    ${date ? `${date} ` : ''}${formatTimeOfDay(startSim)} to ${formatTimeOfDay(startSim + durationSim)} simulated, speed ${speed}x${speeds}, ${formatDuration(wallDurationMs)} wall`,
  ];
  for (const entry of plan.traffic.entries) lines.push(`traffic  ${entry}`);
  const series = Object.entries(plan.traffic.visitsBySeries).map(([name, count]) => `${name} ${count}`);
  lines.push(`visits   ${series.join(', ') || 'none'}`);
  const byRegion = Object.entries(plan.traffic.visitsByRegion ?? {});
  if (byRegion.length > 0) lines.push(`regions  ${byRegion.map(([region, visits]) => `${region} ${visits}`).join(', ')} (one client and one proxy per service each)`);
  for (const { hour, visits } of plan.traffic.perHour) {
    lines.push(`  ${formatTimeOfDay(hour * 3_600_000)}  ${String(visits).padStart(7)}  (wall +${formatDuration(Math.max(0, wallOffsetOf(clock, hour * 3_600_000)))})`);
  }
  for (const fault of plan.faults) {
    lines.push(
      `fault    ${fault.id} ${formatTimeOfDay(fault.startSim)}-${formatTimeOfDay(fault.endSim)} (wall +${formatDuration(fault.startWallMs)} to +${formatDuration(fault.endWallMs)}): ${fault.describe}`,
    );
  }
  const { afterLoadSim, deadlineSim, deadlineWallMs } = plan.drain;
  lines.push(`drain    writes at NIC by ${formatTimeOfDay(deadlineSim)} simulated (load end + ${formatDuration(afterLoadSim)}; wall +${formatDuration(deadlineWallMs)}), else undelivered`);
  for (const gate of plan.gates) lines.push(`gate     ${gate}`);
  for (const warning of faultsOffClientSpeed({ clock, faults: plan.faults })) lines.push(`warning  ${warning}`);
  return lines;
}

function summariseTraffic(scenario: Scenario, load: PlannedVisits): PlannedTraffic {
  const clock = scenarioClock(scenario.clock);
  const entries = scenario.traffic.map((entry) =>
    entry.kind === 'constant'
      ? `${entry.journey}: ${entry.ratePerSecond}/s simulated = ${entry.ratePerSecond * speedAtSim(clock, constantTrafficWindow(entry, scenario.clock).from)}/s wall, constant arrival rate${constantWindowText(entry, scenario.clock)}`
      : `profile ${entry.profile}${entry.variant ? ` (${entry.variant})` : ''}${entry.count ? `, ${entry.count} a day` : ''}${entry.scale ? `, scale ${entry.scale}` : ''}${entry.days ? `, on ${entry.days} days` : ''}${entry.openingBurst ? `, the queue at opening within ${formatDuration(entry.openingBurst)}` : ''}, ramping arrival rate`,
  );
  const perHour = new Map<number, number>();
  for (const visits of Object.values(load.series)) {
    for (const visit of visits ?? []) {
      const hour = Math.floor(simOfWallOffset(clock, visit.wallMs) / 3_600_000);
      perHour.set(hour, (perHour.get(hour) ?? 0) + 1);
    }
  }
  return {
    entries,
    visitsBySeries: Object.fromEntries(Object.entries(load.counts).filter((entry): entry is [string, number] => entry[1] !== undefined)),
    perHour: [...perHour.entries()].sort(([a], [b]) => a - b).map(([hour, visits]) => ({ hour, visits })),
    ...(load.regions ? { visitsByRegion: load.regions } : {}),
  };
}

/**
 * Start times of a fault's occurrences: `at`, then every `repeat.every`, each later one moved by a seeded
 * draw in [0, jitter) so flapping is irregular but the same for the same seed.
 */
export function occurrences({ at, repeat, seed }: { at: number; repeat?: { every: number; times: number; jitter: number }; seed: number }): number[] {
  if (!repeat) return [at];
  let state = (seed * 2_654_435_761) >>> 0 || 1;
  const next = () => {
    // xorshift32: small, seeded, enough for spreading a handful of start times.
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 4_294_967_296;
  };
  return Array.from({ length: repeat.times }, (_, n) => at + n * repeat.every + (n === 0 ? 0 : Math.floor(next() * repeat.jitter)));
}

/** ` from 10:00 to 10:40` for a constant entry with its own window; empty when it spans the clock. */
function constantWindowText(entry: { at?: number; for?: number; until?: number }, clock: Scenario['clock']): string {
  if (entry.at === undefined && entry.for === undefined && entry.until === undefined) return '';
  const { from, to } = constantTrafficWindow(entry, clock);
  return ` from ${formatTimeOfDay(from)} to ${formatTimeOfDay(to)}`;
}

import { faultKinds } from '../faults/registry.ts';
import { formatDuration } from './duration.ts';
import { scenarioFingerprint } from './fingerprint.ts';
import type { FaultEntry, Scenario } from './schema.ts';
import { formatTimeOfDay } from './timeOfDay.ts';

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
  kind: 'constant';
  journey: string;
  ratePerSecondSim: number;
  /** Arrivals per wall second: the simulated rate times the speed. */
  ratePerSecondWall: number;
  expectedArrivals: number;
}

export interface Plan {
  scenario: { name: string; fingerprint: string; seed: number };
  clock: { startSim: number; durationSim: number; speed: number; wallDurationMs: number };
  traffic: PlannedTraffic[];
  faults: PlannedFault[];
  gates: string[];
}

/** Turns a validated scenario into the plan: both clocks, the traffic, the fault timeline, the gates. */
export function buildPlan(scenario: Scenario): Plan {
  const { start, duration, speed } = scenario.clock;
  const toWall = (sim: number) => Math.round((sim - start) / speed);
  return {
    scenario: { name: scenario.name, fingerprint: scenarioFingerprint(scenario), seed: scenario.seed },
    clock: { startSim: start, durationSim: duration, speed, wallDurationMs: Math.round(duration / speed) },
    traffic: scenario.traffic.map((entry) => ({
      kind: entry.kind,
      journey: entry.journey,
      ratePerSecondSim: entry.ratePerSecond,
      ratePerSecondWall: entry.ratePerSecond * speed,
      expectedArrivals: Math.round((entry.ratePerSecond * duration) / 1_000),
    })),
    faults: scenario.faults.map((fault, index) => {
      const { kind, id, service, at, for: length, until, ...settings } = fault;
      const definition = faultKinds.get(kind);
      if (!definition) throw new Error(`fault kind ${kind} passed validation but is not registered`);
      const end = length !== undefined ? at + length : (until as number);
      return {
        id: id ?? `f${index + 1}`,
        kind,
        layer: definition.layer,
        service,
        settings,
        describe: `${service}: ${definition.describe(settings)}`,
        startSim: at,
        endSim: end,
        startWallMs: toWall(at),
        endWallMs: toWall(end),
      };
    }),
    gates: scenario.gates,
  };
}

/** The plan in lines, each part describing itself in one line (`thap run --dry-run`). */
export function describePlan(plan: Plan): string[] {
  const { startSim, durationSim, speed, wallDurationMs } = plan.clock;
  const lines = [
    `scenario ${plan.scenario.name} (${plan.scenario.fingerprint.slice(0, 19)}…, seed ${plan.scenario.seed})`,
    `clock    ${formatTimeOfDay(startSim)} to ${formatTimeOfDay(startSim + durationSim)} simulated, speed ${speed}x, ${formatDuration(wallDurationMs)} wall`,
  ];
  for (const traffic of plan.traffic) {
    lines.push(
      `traffic  ${traffic.journey}: ${traffic.ratePerSecondSim}/s simulated = ${traffic.ratePerSecondWall}/s wall, constant arrival rate, ~${traffic.expectedArrivals} arrivals`,
    );
  }
  for (const fault of plan.faults) {
    lines.push(
      `fault    ${fault.id} ${formatTimeOfDay(fault.startSim)}-${formatTimeOfDay(fault.endSim)} (wall +${formatDuration(fault.startWallMs)} to +${formatDuration(fault.endWallMs)}): ${fault.describe}`,
    );
  }
  for (const gate of plan.gates) lines.push(`gate     ${gate}`);
  return lines;
}

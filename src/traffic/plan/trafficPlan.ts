import type { ResolvedPart, PlanPart } from '../profiles/resolvePart.ts';
import type { Clock } from './clock.ts';

/** Bump when the same options would give other bytes (draw order, tables, record fields). */
export const trafficModelVersion = 1;

export interface TrafficPlanOptions {
  seed: number;
  parts: PlanPart[];
  /** Simulated seconds per wall second (default 1). */
  speed?: number;
  /** Later clock segments, each at its own speed from its simulated instant on (src/traffic/plan/clock.ts). */
  segments?: ReadonlyArray<{ fromSim: number; speed: number }>;
  /** Simulated day, `YYYY-MM-DD` (default Mon 2 Feb 2026, the ORS day of [44]). */
  date?: string;
}

/** Everything that decides the generated traffic; records are drawn from it lazily, the same every time. */
export interface TrafficPlan {
  version: typeof trafficModelVersion;
  seed: number;
  clock: Clock;
  parts: ResolvedPart[];
  /** Where each part's entity indexes start (patients and samples are numbered separately). */
  offsets: number[];
}

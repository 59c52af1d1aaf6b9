import type { z } from 'zod';

/**
 * A fault kind's configuration: what a scenario may write for it and how it reads in the plan, with no
 * way to act on a stack (its runtime, `apply`, lives in src/faults/ under the same kind name). The k6
 * model: configuration is data that validates and describes itself; the executor is elsewhere.
 */
export interface FaultConfig<Settings extends object = Record<string, unknown>> {
  kind: string;
  layer: 'network' | 'app';
  summary: string;
  /**
   * The kind names its services in its own `services` setting, so the fault's `service` may be left out
   * (then it reads `all`, or the one service `services` lists).
   */
  serviceOptional?: boolean;
  /** Strict schema of the kind's own fields (written flat beside `kind`, `service`, `at` in a scenario), units in their names. */
  settings: z.ZodType;
  /** The one line the plan and the event log show. */
  describe(settings: Settings): string;
}

/** An application fault's configuration also names the mocks' own fault kind it is applied as. */
export interface AppFaultConfig extends FaultConfig {
  layer: 'app';
  mockKind: string;
  /** What the mocks apply it to: every request in its scope, only writes, or only the callbacks NIC sends. */
  appliesTo: 'requests' | 'writes' | 'callbacks';
}

/** Returns its input unchanged: it exists so each kind's file types its settings once and `describe` is checked against them. */
export function defineFaultConfig<Settings extends object>(config: FaultConfig<Settings>): FaultConfig<Settings> {
  return config;
}

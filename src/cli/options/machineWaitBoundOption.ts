import type { OptionSpec } from './defineOptions.ts';
import { decimal } from './optionValues.ts';

/** machine.otherWork's bound for the runs a command makes (docs/scoring.md "Run validity"), shared by `run` and `suite`. */
export const machineWaitBoundOption = {
  flags: '--machine-wait-bound <ms>',
  description: "machine.otherWork's bound: ms per wall second a run may wait for CPU held by other work before it is invalid (default 150); raise it only where runs share the machine by design, and the report states it",
  schema: decimal({ min: 0, above: true }).optional(),
  env: 'THAP_MACHINE_WAIT_BOUND_MS',
} satisfies OptionSpec;

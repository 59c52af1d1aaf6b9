/**
 * The documented exit codes of `thap` (README "Exit codes"). A run keeps "the client degraded" (1) apart
 * from "the harness failed" (3), as Chaos Toolkit's journal does.
 */
export const ExitCode = {
  /** Every gate passed. */
  Passed: 0,
  /** The run completed but at least one gate failed: the client is not resilient enough. */
  GatesFailed: 1,
  /** Invalid scenario, invalid option, unknown command: the user's input is wrong. */
  InvalidInput: 2,
  /** The harness or its infrastructure failed (a tool missing, a port taken, a client that never started). */
  HarnessFailure: 3,
  /** Interrupted by SIGINT or SIGTERM; faults were removed and processes stopped. */
  Interrupted: 130,
} as const;

export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

import type { PlannedFault } from '../scenario/index.ts';
import type { FaultEvent } from './faultDriver.ts';

/**
 * What a run needs of its fault timeline, wherever its timers run (src/faults/faultDriver.ts in this
 * thread, src/faults/threadedFaultDriver.ts in a worker thread): start the timers at t0, say which faults
 * are active, and remove every applied fault when the run stops. Each action is in `events` and in
 * faults.ndjson (plannedAt, actualAt, driftMs).
 */
export interface FaultTimeline {
  schedule(t0: number): void;
  activeFaults(): PlannedFault[];
  /** Cancels what has not started, removes what is active and waits for it; safe to call more than once. */
  removeAll(reason: string): Promise<void>;
  readonly events: FaultEvent[];
  /** Where the timers run in a thread of their own: resolves with why when it ends on its own, undefined when ended by thap. */
  readonly ended?: Promise<string | undefined>;
}

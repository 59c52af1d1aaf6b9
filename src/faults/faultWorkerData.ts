import type { PlannedFault } from '../scenario/index.ts';
import type { FaultEvent } from './faultDriver.ts';
import type { FaultContext } from './faultRuntime.ts';

/** What the fault worker thread starts from: all of it plain data (structured-clone safe). */
export interface FaultWorkerData {
  faults: PlannedFault[];
  eventLog: string;
  toxiproxy: { apiUrl: string; timeoutMs?: number };
  mockUrls: Record<string, string>;
  /** Per fault id, what it acts on (computed in the main thread, where the run decides proxy names). */
  targets: Record<string, FaultTarget>;
}

export type FaultTarget = Pick<FaultContext, 'service' | 'proxyName'>;

/** Main thread to worker. */
export type ToFaultWorker = { type: 'schedule'; t0: number } | { type: 'removeAll'; reason: string };

/** Worker to main thread. */
export type FromFaultWorker =
  | { type: 'ready' }
  | { type: 'event'; event: FaultEvent }
  | { type: 'removedAll'; error?: string };

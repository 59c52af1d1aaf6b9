import type { PlannedFault } from '../scenario/index.ts';
import { createMocksAdmin } from './app/mocksAdmin.ts';
import { FaultDriver } from './faultDriver.ts';
import type { FaultTimeline } from './faultTimeline.ts';
import type { FaultTarget } from './faultWorkerData.ts';
import type { ToxiproxyControl } from './network/toxiproxyControl.ts';
import { ThreadedFaultDriver } from './threadedFaultDriver.ts';

/**
 * The run's fault timeline: in a worker thread when the Toxiproxy control names its API (every real stack),
 * so that fault timers keep time while the main thread is busy (docs/harness-performance.md); otherwise
 * (a control without an address, e.g. a test fake) in this thread. `stop()` ends the worker thread and
 * belongs in clean-up after `removeAll`.
 */
export async function startFaultTimeline({ faults, eventLog, toxiproxy, mockUrls, target }: {
  faults: PlannedFault[];
  eventLog: string;
  toxiproxy: ToxiproxyControl;
  mockUrls: Record<string, string>;
  /** What each fault acts on: its service and the Toxiproxy proxy in front of it. */
  target: (fault: PlannedFault) => FaultTarget;
}): Promise<{ timeline: FaultTimeline; stop(): Promise<void> }> {
  if (toxiproxy.apiUrl && faults.length > 0) {
    const settings = { apiUrl: toxiproxy.apiUrl, ...(toxiproxy.timeoutMs !== undefined ? { timeoutMs: toxiproxy.timeoutMs } : {}) };
    const targets = Object.fromEntries(faults.map((fault) => [fault.id, target(fault)]));
    const threaded = await ThreadedFaultDriver.start({ faults, eventLog, toxiproxy: settings, mockUrls, targets });
    return { timeline: threaded, stop: () => threaded.terminate() };
  }
  const mocks = createMocksAdmin({ urls: mockUrls });
  const driver = new FaultDriver({
    faults,
    eventLog,
    context: (fault) => ({ toxiproxy, mocks, ...target(fault), faultId: fault.id }),
  });
  return { timeline: driver, stop: async () => undefined };
}

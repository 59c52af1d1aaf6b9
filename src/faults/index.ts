// faults: each fault kind's runtime (Toxiproxy and the mocks' admin API), under the kind names of the
// catalogue (src/scenario/faultCatalogue/), and the timeline that applies and removes faults on time. The
// public face other layers import.
export { createMocksAdmin } from './app/mocksAdmin.ts';
export type { FaultContext, FaultRuntime, RemoveFault } from './faultRuntime.ts';
export type { FaultTimeline } from './faultTimeline.ts';
export { createToxiproxyControl, type ToxiproxyControl } from './network/toxiproxyControl.ts';
export { faultRuntimes } from './registry.ts';
export { startFaultTimeline } from './startFaultTimeline.ts';


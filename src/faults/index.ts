// faults: the fault runtime (Toxiproxy and the mocks' admin API) and the timeline that applies and removes
// faults on time. The public face other layers import.
export { createMocksAdmin } from './app/mocksAdmin.ts';
export type { FaultContext, RemoveFault } from './faultKind.ts';
export type { FaultTimeline } from './faultTimeline.ts';
export { createToxiproxyControl, type ToxiproxyControl } from './network/toxiproxyControl.ts';
export { faultKinds, knownFaultKinds } from './registry.ts';
export { startFaultTimeline } from './startFaultTimeline.ts';


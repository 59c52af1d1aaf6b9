// The fault catalogue: each fault kind's configuration (settings schema, one-line description), imported by
// scenario validation and by each kind's runtime in src/faults/. It imports no runtime.
export { faultCatalogue, knownFaultKinds } from './catalogue.ts';
export { defineFaultConfig, type AppFaultConfig, type FaultConfig } from './faultConfig.ts';
export { appTargetFields } from './app/appTargetFields.ts';
export { bandwidth, type BandwidthSettings } from './network/bandwidth.ts';
export { blackHole, type BlackHoleSettings } from './network/blackHole.ts';
export { down } from './network/down.ts';
export { latency, type LatencySettings } from './network/latency.ts';
export { regionalPartition, type RegionalPartitionSettings } from './network/regionalPartition.ts';
export { reset, type ResetSettings } from './network/reset.ts';
export { slicer, type SlicerSettings } from './network/slicer.ts';
export { slowClose, type SlowCloseSettings } from './network/slowClose.ts';
export type { ToxicCommon } from './network/toxicFaultConfig.ts';

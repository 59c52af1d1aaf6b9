import { faultCatalogue, type AppFaultConfig } from '../scenario/faultCatalogue/index.ts';
import type { FaultRuntime } from './faultRuntime.ts';
import { mockFault } from './app/mockFault.ts';
import { bandwidthRuntime } from './network/bandwidth.ts';
import { blackHoleRuntime } from './network/blackHole.ts';
import { downRuntime } from './network/down.ts';
import { latencyRuntime } from './network/latency.ts';
import { regionalPartitionRuntime } from './network/regionalPartition.ts';
import { resetRuntime } from './network/reset.ts';
import { slicerRuntime } from './network/slicer.ts';
import { slowCloseRuntime } from './network/slowClose.ts';

/** Network faults act through Toxiproxy, each its own way. */
const networkRuntimes = [downRuntime, latencyRuntime, blackHoleRuntime, resetRuntime, bandwidthRuntime, slicerRuntime, slowCloseRuntime, regionalPartitionRuntime];

/** Application faults all act the same way, through the mocks' admin API as the mocks' own kind. */
const appRuntimes = [...faultCatalogue.values()].filter((config): config is AppFaultConfig => config.layer === 'app').map(mockFault);

/**
 * How each fault kind of the catalogue (src/scenario/faultCatalogue) acts on a running stack, by the same
 * kind names. registry.test.ts checks that the two list the same kinds.
 */
export const faultRuntimes: ReadonlyMap<string, FaultRuntime> = new Map(
  [...networkRuntimes, ...appRuntimes].map((runtime) => [runtime.config.kind, runtime]),
);

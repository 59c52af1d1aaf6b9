import { malformedBody, slowBody, truncatedBody } from './app/badBody.ts';
import { callback } from './app/callback.ts';
import { httpStatus } from './app/httpStatus.ts';
import { notStored } from './app/notStored.ts';
import { rateLimit } from './app/rateLimit.ts';
import { sessionExpiry } from './app/sessionExpiry.ts';
import { slowResponse } from './app/slowResponse.ts';
import type { FaultConfig } from './faultConfig.ts';
import { bandwidth } from './network/bandwidth.ts';
import { blackHole } from './network/blackHole.ts';
import { down } from './network/down.ts';
import { latency } from './network/latency.ts';
import { regionalPartition } from './network/regionalPartition.ts';
import { reset } from './network/reset.ts';
import { slicer } from './network/slicer.ts';
import { slowClose } from './network/slowClose.ts';

/**
 * Every fault kind a scenario may name, by name: its settings schema and description. A scenario naming
 * another kind is an error listing these. Each has its runtime in src/faults/registry.ts under the same name.
 */
export const faultCatalogue: ReadonlyMap<string, FaultConfig> = new Map(
  [
    down, latency, blackHole, reset, bandwidth, slicer, slowClose, regionalPartition,
    httpStatus, slowResponse, notStored, sessionExpiry, rateLimit, callback, slowBody, truncatedBody, malformedBody,
  ].map((config) => [config.kind, config]),
);

export function knownFaultKinds(): string[] {
  return [...faultCatalogue.keys()].sort();
}

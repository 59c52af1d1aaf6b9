import { callbackFault } from './kinds/callback.ts';
import { latencyFault } from './kinds/latency.ts';
import { malformedBodyFault } from './kinds/malformedBody.ts';
import { notStoredFault } from './kinds/notStored.ts';
import { rateLimitFault } from './kinds/rateLimit.ts';
import { sessionExpiryFault } from './kinds/sessionExpiry.ts';
import { slowBodyFault } from './kinds/slowBody.ts';
import { statusFault } from './kinds/status.ts';
import { truncatedBodyFault } from './kinds/truncatedBody.ts';
import type { AnyFaultKind } from './types.ts';

/** Every application fault kind, by name. Add a kind: one file in `kinds/`, one line here. */
export const faultKinds: ReadonlyMap<string, AnyFaultKind> = new Map(
  [statusFault, latencyFault, slowBodyFault, truncatedBodyFault, malformedBodyFault, notStoredFault, sessionExpiryFault, rateLimitFault, callbackFault].map(
    (kind): [string, AnyFaultKind] => [kind.kind, kind],
  ),
);

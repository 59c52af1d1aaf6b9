import { join } from 'node:path';
import { access } from 'node:fs/promises';
import { readNdjson } from '../runFiles/readNdjson.ts';
import { LogicalRequests } from './LogicalRequests.ts';
import type { TimelineAccumulator } from '../aggregate/TimelineAccumulator.ts';
import type { BreakdownAccumulator } from '../aggregate/BreakdownAccumulator.ts';
import type { FaultTargetCounter } from '../validity/FaultTargetCounter.ts';

export interface UpstreamAggregate {
  measured: boolean;
  attempts: number;
  logical: number;
  retryAfterObserved: number;
  retryAfterHonoured: number;
  /**
   * From the first fault on: attempts and logical requests; `worst` is the route with the most attempts per
   * logical request (at least 5 logical requests), reported to show which dependency was retried hardest.
   */
  fromFault: { attempts: number; logical: number; worst?: { route: string; attempts: number; logical: number } } | null;
}

/**
 * Streams upstream.ndjson (one line per request the NIC mocks received, every attempt) into the timeline's
 * `upstream` buckets, and the time each waited in a NIC capacity queue (`queuedMs`) into `nicQueuedMs`. A logical request is identified by `idempotencyKey`, else `clientRef`, else
 * `businessKey` (per service and method); a line with none of them is its own logical request. Retry-After is
 * counted from lines that carry `retryAfterHonoured` (true/false). Time is `t` (docs/nic-mocks.md), else `at` or `receivedAt`.
 */
export async function readUpstream({ runDir, timeline, faultStart = null, breakdown, faultTargets }: { runDir: string; timeline: TimelineAccumulator; faultStart?: number | null; breakdown?: BreakdownAccumulator; faultTargets?: FaultTargetCounter }): Promise<UpstreamAggregate> {
  const file = join(runDir, 'upstream.ndjson');
  try {
    await access(file);
  } catch {
    return { measured: false, attempts: 0, logical: 0, retryAfterObserved: 0, retryAfterHonoured: 0, fromFault: null };
  }
  faultTargets?.upstreamFound();
  const logical = new LogicalRequests();
  let anonymousFromFault = 0;
  let attempts = 0;
  let anonymous = 0;
  let retryAfterObserved = 0;
  let retryAfterHonoured = 0;
  await readNdjson({ file, onObject: (line) => {
      attempts += 1;
      const service = String(line.service ?? '');
      const method = String(line.method ?? '');
      const route = String(line.route ?? line.path ?? '');
      const status = typeof line.status === 'number' ? line.status : 0;
      breakdown?.addUpstream({ service, method, route, status, durationMs: typeof line.durationMs === 'number' ? line.durationMs : undefined, fault: typeof line.fault === 'string' ? line.fault : line.fault && typeof line.fault === 'object' ? String((line.fault as { kind?: unknown }).kind ?? 'fault') : undefined });
      const at = [line.t, line.at, line.receivedAt].find((value): value is number => typeof value === 'number');
      if (at !== undefined) {
        faultTargets?.add({ service, method, route, at, status });
        const bucket = timeline.bucketOf(at);
        if (bucket !== -1) timeline.upstream[bucket] = (timeline.upstream[bucket] ?? 0) + 1;
        // Work waiting at NIC: the request sat in the service's capacity queue from its arrival for queuedMs.
        if (typeof line.queuedMs === 'number' && line.queuedMs > 0) timeline.addNicWait(at, at + line.queuedMs);
      }
      const ref = [line.idempotencyKey, line.clientRef, line.businessKey].find((value): value is string => typeof value === 'string' && value !== '');
      const afterFault = faultStart !== null && at !== undefined && at >= faultStart;
      if (ref === undefined) {
        anonymous += 1;
        if (afterFault) anonymousFromFault += 1;
      } else logical.add({ service, method, key: ref, path: route, afterFault });
      if (typeof line.retryAfterHonoured === 'boolean') {
        retryAfterObserved += 1;
        if (line.retryAfterHonoured) retryAfterHonoured += 1;
      }
    },
  });
  const totals = logical.fromFaultTotals();
  const fromFault = faultStart === null ? null : { ...totals, attempts: totals.attempts + anonymousFromFault, logical: totals.logical + anonymousFromFault };
  return { measured: true, attempts, logical: logical.size + anonymous, retryAfterObserved, retryAfterHonoured, fromFault };
}

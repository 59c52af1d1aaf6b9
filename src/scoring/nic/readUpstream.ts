import { join } from 'node:path';
import { access } from 'node:fs/promises';
import { readNdjson } from '../runFiles/readNdjson.ts';
import type { TimelineAccumulator } from '../aggregate/TimelineAccumulator.ts';

export interface UpstreamAggregate {
  measured: boolean;
  attempts: number;
  logical: number;
  retryAfterObserved: number;
  retryAfterHonoured: number;
}

/**
 * Streams upstream.ndjson (one line per request the NIC mocks received, every attempt) into the timeline's
 * `upstream` buckets. A logical request is identified by `idempotencyKey`, else `clientRef`, else
 * `businessKey` (per service and method); a line with none of them is its own logical request. Retry-After is
 * counted from lines that carry `retryAfterHonoured` (true/false). Time is `t` (docs/nic-mocks.md), else `at` or `receivedAt`.
 */
export async function readUpstream({ runDir, timeline }: { runDir: string; timeline: TimelineAccumulator }): Promise<UpstreamAggregate> {
  const file = join(runDir, 'upstream.ndjson');
  try {
    await access(file);
  } catch {
    return { measured: false, attempts: 0, logical: 0, retryAfterObserved: 0, retryAfterHonoured: 0 };
  }
  const keys = new Set<string>();
  let attempts = 0;
  let anonymous = 0;
  let retryAfterObserved = 0;
  let retryAfterHonoured = 0;
  await readNdjson({ file, onObject: (line) => {
      attempts += 1;
      const at = [line.t, line.at, line.receivedAt].find((value): value is number => typeof value === 'number');
      if (at !== undefined) {
        const bucket = timeline.bucketOf(at);
        if (bucket !== -1) timeline.upstream[bucket] = (timeline.upstream[bucket] ?? 0) + 1;
      }
      const ref = [line.idempotencyKey, line.clientRef, line.businessKey].find((value): value is string => typeof value === 'string' && value !== '');
      if (ref === undefined) anonymous += 1;
      else keys.add(`${String(line.service ?? '')}|${String(line.method ?? '')}|${ref}`);
      if (typeof line.retryAfterHonoured === 'boolean') {
        retryAfterObserved += 1;
        if (line.retryAfterHonoured) retryAfterHonoured += 1;
      }
    },
  });
  return { measured: true, attempts, logical: keys.size + anonymous, retryAfterObserved, retryAfterHonoured };
}

import { join } from 'node:path';
import type { Integrity } from '../reportSchema.ts';
import { readNdjson } from '../runFiles/readNdjson.ts';

const SAMPLE = 20;

/**
 * Reconciles what the client claimed (done or queued correlation ids from k6.csv) against what the NIC mocks
 * actually stored (ledger.ndjson, one line per accepted write, `clientRef` = the correlation id, `businessKey` =
 * the business entity). A ledger line counts as stored unless it says `stored: false` or `storedAt: null`
 * (a write answered 200 but never stored). Also returns the latest storedAt of a record the client accepted
 * while a fault was on (`backlog`), for drain time.
 */
export async function computeIntegrity({ runDir, done, queued, backlog }: { runDir: string; done: Set<string>; queued: Set<string>; backlog: Set<string> }): Promise<{ integrity: Integrity; lastStoredAt: number | null }> {
  const storedRefs = new Set<string>();
  const perEntity = new Map<string, number>();
  let ledgerRecords = 0;
  let unclaimed = 0;
  let lastStoredAt: number | null = null;
  for await (const line of readNdjson({ file: join(runDir, 'ledger.ndjson'), optional: true })) {
    ledgerRecords += 1;
    if (line.stored === false || ('storedAt' in line && line.storedAt === null)) continue;
    const clientRef = typeof line.clientRef === 'string' ? line.clientRef : undefined;
    const businessKey = typeof line.businessKey === 'string' ? line.businessKey : clientRef;
    if (clientRef !== undefined) {
      storedRefs.add(clientRef);
      const claimed = done.has(clientRef) || queued.has(clientRef);
      if (!claimed) unclaimed += 1;
      const storedAt = typeof line.storedAt === 'number' ? line.storedAt : typeof line.acceptedAt === 'number' ? line.acceptedAt : null;
      if (backlog.has(clientRef) && storedAt !== null && (lastStoredAt === null || storedAt > lastStoredAt)) lastStoredAt = storedAt;
    } else unclaimed += 1;
    if (businessKey !== undefined) {
      const key = typeof line.service === 'string' ? `${line.service}:${businessKey}` : businessKey;
      perEntity.set(key, (perEntity.get(key) ?? 0) + 1);
    }
  }
  let stored = 0;
  const lostSample: string[] = [];
  let lost = 0;
  for (const ref of done) {
    if (storedRefs.has(ref)) stored += 1;
    else {
      lost += 1;
      if (lostSample.length < SAMPLE) lostSample.push(ref);
    }
  }
  let pending = 0;
  for (const ref of queued) {
    if (storedRefs.has(ref)) stored += 1;
    else pending += 1;
  }
  let duplicated = 0;
  let extraRecords = 0;
  const duplicatedSample: string[] = [];
  for (const [key, count] of perEntity) {
    if (count < 2) continue;
    duplicated += 1;
    extraRecords += count - 1;
    if (duplicatedSample.length < SAMPLE) duplicatedSample.push(key);
  }
  return {
    integrity: {
      accepted: done.size + queued.size,
      done: done.size,
      queued: queued.size,
      stored,
      lost,
      pending,
      duplicated,
      extraRecords,
      unclaimed,
      ledgerRecords,
      lostSample,
      duplicatedSample,
    },
    lastStoredAt,
  };
}

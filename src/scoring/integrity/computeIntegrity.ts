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
 *
 * To keep memory flat on long runs, `done` and `queued` are CONSUMED: each stored id moves from them into one
 * set of stored ids, so what is left in `done` afterwards is exactly the lost ids.
 */
export async function computeIntegrity({ runDir, done, queued, backlog }: { runDir: string; done: Set<string>; queued: Set<string>; backlog: Set<string> }): Promise<{ integrity: Integrity; lastStoredAt: number | null }> {
  const doneCount = done.size;
  const queuedCount = queued.size;
  const stored = new Set<string>();
  const perEntity = new Map<string, number>();
  let ledgerRecords = 0;
  let unclaimed = 0;
  let lastStoredAt: number | null = null;
  await readNdjson({
    file: join(runDir, 'ledger.ndjson'),
    optional: true,
    onObject: (line) => {
      ledgerRecords += 1;
      if (line.stored === false || ('storedAt' in line && line.storedAt === null)) return;
      const clientRef = typeof line.clientRef === 'string' ? line.clientRef : undefined;
      const businessKey = typeof line.businessKey === 'string' ? line.businessKey : clientRef;
      if (clientRef === undefined) unclaimed += 1;
      else {
        if (done.delete(clientRef) || queued.delete(clientRef)) stored.add(clientRef);
        else if (!stored.has(clientRef)) unclaimed += 1;
        const storedAt = typeof line.storedAt === 'number' ? line.storedAt : typeof line.acceptedAt === 'number' ? line.acceptedAt : null;
        if (storedAt !== null && (lastStoredAt === null || storedAt > lastStoredAt) && backlog.has(clientRef)) lastStoredAt = storedAt;
      }
      if (businessKey !== undefined) {
        const key = typeof line.service === 'string' ? `${line.service}:${businessKey}` : businessKey;
        perEntity.set(key, (perEntity.get(key) ?? 0) + 1);
      }
    },
  });
  const lostSample: string[] = [];
  for (const ref of done) {
    if (lostSample.length >= SAMPLE) break;
    lostSample.push(ref);
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
      accepted: doneCount + queuedCount,
      done: doneCount,
      queued: queuedCount,
      stored: stored.size,
      lost: done.size,
      pending: queued.size,
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

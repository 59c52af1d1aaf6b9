import { join } from 'node:path';
import type { Integrity } from '../reportSchema.ts';
import { readNdjson } from '../runFiles/readNdjson.ts';
import { claimKeyOfLedgerId } from './claimKey.ts';
import { DuplicateEntities } from './DuplicateEntities.ts';
import { isStoredLine } from './entityKey.ts';
import { ServiceFindingsAccumulator } from './serviceFindings.ts';
import type { DrainDeadline } from './drainDeadline.ts';

const SAMPLE = 20;
/** Outside claimKey's range (0 to 2^31 - 1): no ledger id verifies it. */
const NEVER_VERIFIED = -1;

/**
 * Reconciles what the client claimed (done or queued correlation ids from k6.csv) against what the NIC mocks
 * actually stored (ledger.ndjson, one line per accepted write, `clientRef` = the correlation id, `businessKey` =
 * the business entity). A ledger line counts as stored unless it says `stored: false` or `storedAt: null`
 * (a write answered 200 but never stored). Also returns the latest storedAt of a record the client accepted
 * while a fault was on (`backlog`), for drain time, and how many accepted writes NIC first stored from
 * `tailFrom` to the deadline (the drain's last stretch: was the client still delivering when it came?).
 *
 * - lost: answered done, never stored; pending: answered queued, never stored (informational).
 * - undelivered: accepted (done or queued) with no stored line at or before the drain deadline, whatever the
 *   client said; with no deadline (older runs), at any time.
 * - falseClaims: a done whose NIC id (`claims`: correlation id to claimKey of the id) is on no ledger line of
 *   that correlation id, stored or not: NIC never issued it, or issued it for another request. Likewise the
 *   id NIC issues later, in its callback (`laterClaims`: a payment's utr, on the gateway's `payment-capture`
 *   line), which must also differ from the first id: a payment the gateway never confirmed is a false claim.
 *   A done with both ids unverified counts once.
 * - duplicated, extraRecords: business entities stored more than once, counted by DuplicateEntities (no
 *   string per ledger line; it reads the ledger a second time only when some entity may be stored twice).
 *
 * To keep memory flat on long runs, `done`, `queued`, `claims` and `laterClaims` are CONSUMED: each stored id
 * moves from them into one set of stored ids, and each verified claim is removed, so what is left in `done`
 * afterwards is exactly the lost ids and what is left in `claims` (the later ones merged in) the false ones.
 */
export async function computeIntegrity({ runDir, done, queued, backlog, claims = new Map(), laterClaims = new Map(), deadline = null, tailFrom }: {
  runDir: string;
  done: Set<string>;
  queued: Set<string>;
  backlog: Set<string>;
  claims?: Map<string, number>;
  laterClaims?: Map<string, number>;
  deadline?: DrainDeadline | null;
  /** Wall instant from which a write stored by the deadline counts in `deliveredInTail`. */
  tailFrom?: number;
}): Promise<{ integrity: Integrity; lastStoredAt: number | null; deliveredInTail: number }> {
  const ledger = join(runDir, 'ledger.ndjson');
  const doneCount = done.size;
  const queuedCount = queued.size;
  const stored = new Set<string>();
  // Accepted ids whose first stored line came after the deadline (few): one stored in time may still follow.
  const late = new Set<string>();
  let deliveredInTime = 0;
  let deliveredInTail = 0;
  const duplicates = new DuplicateEntities();
  let ledgerRecords = 0;
  let unclaimed = 0;
  let lastStoredAt: number | null = null;
  const findings = new ServiceFindingsAccumulator(new Set([...done].filter((id) => id.endsWith('.verifyOtp'))));
  // A later id that repeats the first (utr = qrId) would be verified by the first id's own line: it never is.
  for (const [ref, key] of laterClaims) if (claims.get(ref) === key) laterClaims.set(ref, NEVER_VERIFIED);
  await readNdjson({
    file: ledger,
    optional: true,
    onObject: (line) => {
      ledgerRecords += 1;
      const clientRef = typeof line.clientRef === 'string' ? line.clientRef : undefined;
      const claim = clientRef === undefined ? undefined : claims.get(clientRef);
      const laterClaim = clientRef === undefined ? undefined : laterClaims.get(clientRef);
      if ((claim !== undefined || laterClaim !== undefined) && typeof line.id === 'string') {
        const key = claimKeyOfLedgerId(line.id);
        if (key === claim) claims.delete(clientRef as string);
        if (key === laterClaim) laterClaims.delete(clientRef as string);
      }
      if (line.service === 'abdm' || line.service === 'payment' || line.service === 'sms') findings.add(line);
      duplicates.add(line);
      if (!isStoredLine(line)) return;
      if (clientRef === undefined) unclaimed += 1;
      else {
        const storedAt = typeof line.storedAt === 'number' ? line.storedAt : typeof line.acceptedAt === 'number' ? line.acceptedAt : null;
        const inTime = deadline === null || (storedAt !== null && storedAt <= deadline.at);
        const inTail = inTime && tailFrom !== undefined && storedAt !== null && storedAt >= tailFrom;
        if (done.delete(clientRef) || queued.delete(clientRef)) {
          stored.add(clientRef);
          if (inTime) deliveredInTime += 1;
          else late.add(clientRef);
          if (inTail) deliveredInTail += 1;
        } else if (!stored.has(clientRef)) unclaimed += 1;
        else if (inTime && late.delete(clientRef)) {
          deliveredInTime += 1;
          if (inTail) deliveredInTail += 1;
        }
        if (storedAt !== null && (lastStoredAt === null || storedAt > lastStoredAt) && backlog.has(clientRef)) lastStoredAt = storedAt;
      }
    },
  });
  // A done is one false claim whichever of its ids NIC never issued for it.
  for (const ref of laterClaims.keys()) if (!claims.has(ref)) claims.set(ref, NEVER_VERIFIED);
  const { duplicated, extraRecords, duplicatedSample } = await duplicates.count({ ledger });
  return {
    integrity: {
      accepted: doneCount + queuedCount,
      done: doneCount,
      queued: queuedCount,
      stored: stored.size,
      lost: done.size,
      pending: queued.size,
      undelivered: doneCount + queuedCount - deliveredInTime,
      falseClaims: claims.size,
      duplicated,
      extraRecords,
      unclaimed,
      ledgerRecords,
      drainDeadlineAt: deadline?.at ?? null,
      drainDeadlineSimMs: deadline?.simMs ?? null,
      lostSample: firstOf(done),
      falseClaimSamples: firstOf(claims.keys()),
      duplicatedSample,
      ...serviceFindings(findings),
    },
    lastStoredAt,
    deliveredInTail,
  };
}

function firstOf(ids: Iterable<string>): string[] {
  const sample: string[] = [];
  for (const id of ids) {
    if (sample.length >= SAMPLE) break;
    sample.push(id);
  }
  return sample;
}

function serviceFindings(findings: ServiceFindingsAccumulator): { services?: NonNullable<ReturnType<ServiceFindingsAccumulator['result']>> } {
  const services = findings.result();
  return services === undefined ? {} : { services };
}

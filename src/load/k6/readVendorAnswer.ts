import { readDone, type ReadAnswer } from './readAnswer.ts';
import type { VendorReply } from './vendorStep.ts';

/**
 * A vendor answer (read through its mapping, vendorStep.ts) in the terms readAnswer gives for a contract
 * answer: a done write keeps NIC's ids and must name the one its ledger line carries, a queued one keeps the
 * vendor's provisional id under each id the step keeps, anything else failed.
 */
export function readVendorAnswer({ reply, keep, ledgerId }: { reply: VendorReply; keep: string[]; ledgerId?: string }): ReadAnswer {
  if (reply.outcome === 'done') return readDone(reply.nic, keep, ledgerId);
  if (reply.outcome === 'queued') return { outcome: 'queued', ids: Object.fromEntries(keep.map((key) => [key, reply.provisionalId])) };
  return { outcome: 'failed', ids: {} };
}

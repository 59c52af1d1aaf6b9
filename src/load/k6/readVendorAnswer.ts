import { readDone, type ReadAnswer } from './readAnswer.ts';
import type { VendorReply } from './vendorStep.ts';

/**
 * A vendor answer (read through its mapping, vendorStep.ts) in the terms readAnswer gives for a contract
 * answer: a done write keeps NIC's ids and must name those its ledger lines carry, a queued one keeps the
 * vendor's provisional id under each id the step keeps, anything else failed.
 */
export function readVendorAnswer({ reply, keep, ledgerId, callbackLedgerId }: { reply: VendorReply; keep: string[]; ledgerId?: string; callbackLedgerId?: string }): ReadAnswer {
  if (reply.outcome === 'done') return readDone({ nic: reply.nic, keep, ledgerId, callbackLedgerId });
  if (reply.outcome === 'queued') return { outcome: 'queued', ids: Object.fromEntries(keep.map((key) => [key, reply.provisionalId])) };
  return { outcome: 'failed', ids: {} };
}

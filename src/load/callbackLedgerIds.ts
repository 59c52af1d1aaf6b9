import type { StepName } from '../contract/index.ts';

/**
 * For a write NIC finishes later, in its callback: the field of a `done` answer's `nic` holding the id NIC issues
 * only then, which NIC's ledger records as the `id` of another line of the same correlation id. k6 records it
 * with each `done` (`nicLater=<id>`) and integrity checks it like the step's `ledgerId`
 * (src/contract/steps.ts), so a `done` naming the right first id but a made-up later one is a false claim too.
 * Only onlinePayment has one: `utr`, on the gateway's `payment-capture` line once the patient paid (the
 * contract's response schema already requires it). The ABDM share's token, sent in ABDM's on-share callback, is
 * not on NIC's ledger and cannot be checked.
 *
 * It is the harness's check, not a rule a client reads, so it lives here and not in src/contract: the
 * reference clients import the contract, and a change there makes their calibration runs stale
 * (bench/calibration/staleRuns.ts).
 */
export const callbackLedgerIds: Partial<Record<StepName, string>> = { onlinePayment: 'utr' };

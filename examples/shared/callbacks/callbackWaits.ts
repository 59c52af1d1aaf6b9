import type { AwaitedCallback } from '../steps/journeyStep.ts';
import { wallMs } from '../timeScale.ts';
import type { CallbackPolicy } from './callbackPolicy.ts';

type Kind = AwaitedCallback['kind'];

/**
 * Simulated seconds a counter waits for each kind of callback before it gives up on it (asks NIC's status route
 * or sends again). Each is a few times what the callback takes when NIC is well, so only a late or lost one
 * ends the wait. Assumptions, as the scenarios that state the delays say:
 * - ABDM on-share: about 4.5 s after the share (o11-abdm-callback-loss.yaml); 30 s.
 * - Payment webhook: it comes only once the patient at the counter has paid the UPI QR, about a minute after
 *   it is shown, then about 4.5 s (payment-gateway-down.yaml); 3 minutes.
 */
export const callbackWaitSimSeconds: Readonly<Record<Kind, number>> = {
  'abdm-on-share': 30,
  'payment-webhook': 180,
};

/**
 * One callback policy per kind, each wait `callbackWaitSimSeconds` in wall ms at the client's THAP_TIME_SCALE
 * (never below `floorMs`), with the client's own poll and resends.
 */
export function callbackPolicies(args: { timeScale: number; floorMs: number; pollTimeoutMs?: number; resends: number }): Record<Kind, CallbackPolicy> {
  const policyFor = (kind: Kind): CallbackPolicy => ({
    waitMs: wallMs({ simSeconds: callbackWaitSimSeconds[kind], timeScale: args.timeScale, floorMs: args.floorMs }),
    ...(args.pollTimeoutMs !== undefined ? { pollTimeoutMs: args.pollTimeoutMs } : {}),
    resends: args.resends,
  });
  return { 'abdm-on-share': policyFor('abdm-on-share'), 'payment-webhook': policyFor('payment-webhook') };
}

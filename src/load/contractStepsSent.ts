import type { Load } from './buildLoad.ts';
import { trafficSteps } from './k6/trafficSteps.ts';

/**
 * The contract steps a run's load sends to the client (src/contract/steps.ts names), sorted: each visit step's
 * contract step (`lookup` has none), and `resendOtp` wherever an OTP is verified, since the patient asks for
 * a resend when no code reached the phone (src/load/k6/verifyByPhone.ts).
 */
export function contractStepsSent(load: Load): string[] {
  const sent = new Set<string>();
  for (const visits of Object.values(load.series)) {
    for (const visit of visits ?? []) {
      for (const { name } of visit.steps) {
        const step = trafficSteps[name]?.step;
        if (step) sent.add(step);
        if (name === 'otp-verify') sent.add(trafficSteps['otp-resend']?.step ?? 'resendOtp');
      }
    }
  }
  return [...sent].sort();
}

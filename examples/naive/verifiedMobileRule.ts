import type { StepStrategy } from '../shared/journeyRoute.ts';
import { failedReply } from '../shared/replies.ts';
import { field } from '../shared/steps/journeyStep.ts';

export const unverifiedMobileReason = 'mobile not verified by OTP; the counter registers a new patient only with a verified mobile';

/**
 * The naive counter's rule for a new patient, as ORS has it (verify the mobile by OTP before registering,
 * nic-services.md [8]): once it sent an OTP to a mobile, it registers that patient only after NIC verified the
 * code. It has no way round an SMS that never came, so when OTP delivery degrades (outages.md O5) the patient is
 * sent away; the resilient client registers with the mobile marked unverified instead (docs/client-contract.md).
 * A mobile it never sent an OTP to (a scenario without the SMS gateway, a follow-up visit) registers as before.
 */
export function requireVerifiedMobile(strategy: StepStrategy): StepStrategy {
  const mobileOfOtp = new Map<string, string>();
  const awaitingVerification = new Set<string>();
  return async (args) => {
    const { step, correlationId } = args;
    const body = args.request.body;
    if (step.step === 'register') {
      const mobile = field(field(body, 'patient'), 'mobile');
      if (field(body, 'visitType') === 'new' && typeof mobile === 'string' && awaitingVerification.delete(mobile)) {
        return { ...failedReply({ correlationId, reason: unverifiedMobileReason, httpStatus: 503 }), attempts: 0 };
      }
      return strategy(args);
    }
    const reply = await strategy(args);
    const nic = field(reply.body, 'status') === 'done' ? field(reply.body, 'nic') : undefined;
    if (step.step === 'sendOtp' || step.step === 'resendOtp') {
      const mobile = field(body, 'mobile');
      if (typeof mobile !== 'string') return reply;
      awaitingVerification.add(mobile);
      const otpId = field(nic, 'otpId');
      if (typeof otpId === 'string') mobileOfOtp.set(otpId, mobile);
    } else if (step.step === 'verifyOtp' && nic !== undefined) {
      const otpId = field(body, 'otpId');
      const mobile = typeof otpId === 'string' ? mobileOfOtp.get(otpId) : undefined;
      if (mobile !== undefined) awaitingVerification.delete(mobile);
      if (typeof otpId === 'string') mobileOfOtp.delete(otpId);
    }
    return reply;
  };
}

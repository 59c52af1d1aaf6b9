import { field, pickIds, type JourneyStep } from './journeyStep.ts';

const whenUnavailable = 'registration proceeds with the mobile marked unverified';

/** The SMS gateway's OTP send, for both `sendOtp` and `resendOtp` (a resend is a new OTP for the same mobile). */
function otpSendStep(args: { step: 'sendOtp' | 'resendOtp'; route: string }): JourneyStep {
  return {
    step: args.step,
    route: args.route,
    service: 'sms',
    refs: [],
    provides: ['otpId'],
    queueable: false,
    whenUnavailable,
    toNic: ({ body }) => {
      const mobile = field(body, 'mobile');
      if (typeof mobile !== 'string') return 'body must carry mobile';
      return { method: 'POST', path: '/sms/v1/otp/send', body: { mobile, purpose: field(body, 'purpose') ?? 'registration' }, write: true };
    },
    fromNic: (body) => pickIds(body, ['otpId'], ['expiresAt']),
  };
}

/** Send OTP: `POST /opd/otp/send` -> SMS gateway `POST /sms/v1/otp/send` (docs/nic-mocks.md). */
export const sendOtpStep = otpSendStep({ step: 'sendOtp', route: 'POST /opd/otp/send' });

/** Resend OTP: `POST /opd/otp/resend` -> SMS gateway `POST /sms/v1/otp/send`: a new OTP replaces the lost one. */
export const resendOtpStep = otpSendStep({ step: 'resendOtp', route: 'POST /opd/otp/resend' });

/** Verify OTP: `POST /opd/otp/verify` -> SMS gateway `POST /sms/v1/otp/verify` (410 once the OTP expired). */
export const verifyOtpStep: JourneyStep = {
  step: 'verifyOtp',
  route: 'POST /opd/otp/verify',
  service: 'sms',
  refs: ['otpId'],
  provides: ['verificationId'],
  queueable: false,
  whenUnavailable,
  toNic: ({ body }) => {
    const otpId = field(body, 'otpId');
    const otp = field(body, 'otp');
    if (typeof otpId !== 'string' || typeof otp !== 'string') return 'body must carry otpId and otp';
    return { method: 'POST', path: '/sms/v1/otp/verify', body: { otpId, otp }, write: true };
  },
  fromNic: (body) => (field(body, 'verified') === true ? pickIds(body, ['otpId', 'verificationId']) : `NIC did not verify the OTP (got ${JSON.stringify(body).slice(0, 200)})`),
};

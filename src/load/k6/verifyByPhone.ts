import { readOtpOffPhone, type Phone } from './readOtpOffPhone.ts';
import type { Slip } from './scriptData.ts';

/**
 * The patient's side of verifying the mobile (docs/client-contract.md "OTP, ABHA Scan and Share, online
 * payment"): after `sendOtp`, look at the phone for the OTP for up to `waitMs`; nothing: ask for `resendOtp`
 * and look as long again; then `verifyOtp` with the newest code that came. No code, no phone: `verifyOtp` is
 * blocked (its slip has no `otp`). `send` sends a traffic step as replayVisit does.
 */
export function verifyByPhone({ slip, phone, wait, sleepMs, send }: {
  slip: Slip;
  phone: Phone | undefined;
  wait: { waitMs: number; pollMs: number };
  sleepMs: (ms: number) => void;
  send: (trafficStep: 'otp-resend' | 'otp-verify') => void;
}): void {
  const mobile = (slip.record as Record<string, unknown> | undefined)?.mobile;
  const asked = typeof slip.otpId === 'string' ? [slip.otpId] : [];
  const look = () => (phone && typeof mobile === 'string' && asked.length > 0 ? readOtpOffPhone({ phone, mobile, otpIds: asked, ...wait, sleepMs }) : undefined);
  let code = look();
  if (code === undefined && phone && asked.length > 0) {
    send('otp-resend');
    if (typeof slip.otpId === 'string' && !asked.includes(slip.otpId)) asked.push(slip.otpId);
    code = look();
  }
  if (code !== undefined) Object.assign(slip, code);
  send('otp-verify');
  delete slip.otp;
}

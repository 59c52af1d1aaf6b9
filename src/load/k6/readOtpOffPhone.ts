/** The patient's phone: the SMS mock's inbox (`GET /sms/v1/inbox/:mobile`), which k6 reads as the patient. */
export interface Phone {
  inbox(mobile: string): Array<{ messageId: string; text: string }>;
}

/**
 * The patient looks at the phone for an OTP this visit asked for (`otpIds`: the first and a resend), every
 * `pollMs`, for up to `waitMs`: the newest that arrived, with its 6 digits, or undefined when none came.
 */
export function readOtpOffPhone({ phone, mobile, otpIds, waitMs, pollMs, sleepMs }: {
  phone: Phone;
  mobile: string;
  otpIds: readonly string[];
  waitMs: number;
  pollMs: number;
  sleepMs: (ms: number) => void;
}): { otpId: string; otp: string } | undefined {
  for (let waited = 0; ; waited += pollMs) {
    const messages = phone.inbox(mobile);
    for (let index = messages.length - 1; index >= 0; index -= 1) {
      const message = messages[index]!;
      const otp = otpIds.includes(message.messageId) ? /^(\d{6})\b/.exec(message.text)?.[1] : undefined;
      if (otp !== undefined) return { otpId: message.messageId, otp };
    }
    if (waited >= waitMs) return undefined;
    sleepMs(pollMs);
  }
}

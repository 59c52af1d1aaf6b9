import { describe, expect, it } from 'vitest';
import { readOtpOffPhone, type Phone } from './readOtpOffPhone.ts';

/** A phone whose inbox fills as the fake clock passes each message's arrival. */
function phoneWith(arrivals: Array<{ at: number; messageId: string; text: string }>) {
  let now = 0;
  const phone: Phone = { inbox: () => arrivals.filter((message) => message.at <= now) };
  return { phone, sleepMs: (ms: number) => void (now += ms), now: () => now };
}

describe('readOtpOffPhone', () => {
  it('takes the newest OTP this visit asked for, and ignores other messages', () => {
    const { phone, sleepMs } = phoneWith([
      { at: 0, messageId: 'SMS1', text: '123456 is not an OTP of this visit' },
      { at: 30, messageId: 'OTP1', text: '111111 is your OTP for registration.' },
      { at: 50, messageId: 'OTP2', text: '222222 is your OTP for registration.' },
    ]);
    expect(readOtpOffPhone({ phone, mobile: '+919800000001', otpIds: ['OTP1', 'OTP2'], waitMs: 100, pollMs: 10, sleepMs })).toEqual({ otpId: 'OTP1', otp: '111111' });
    sleepMs(25);
    expect(readOtpOffPhone({ phone, mobile: '+919800000001', otpIds: ['OTP1', 'OTP2'], waitMs: 100, pollMs: 10, sleepMs })).toEqual({ otpId: 'OTP2', otp: '222222' });
  });

  it('gives up after the wait when nothing came', () => {
    const { phone, sleepMs, now } = phoneWith([{ at: 500, messageId: 'OTP1', text: '111111 is your OTP' }]);
    expect(readOtpOffPhone({ phone, mobile: '+919800000001', otpIds: ['OTP1'], waitMs: 120, pollMs: 10, sleepMs })).toBeUndefined();
    expect(now()).toBe(120);
  });
});

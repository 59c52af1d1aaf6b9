import { describe, expect, it } from 'vitest';
import type { Phone } from './readOtpOffPhone.ts';
import type { Slip } from './scriptData.ts';
import { verifyByPhone } from './verifyByPhone.ts';

const record = { mobile: '+919876500001' };
const wait = { waitMs: 100, pollMs: 10 };

describe('verifyByPhone', () => {
  it('verifies with the OTP that came, without a resend', () => {
    const slip: Slip = { record, otpId: 'OTP1' };
    const phone: Phone = { inbox: () => [{ messageId: 'OTP1', text: '123456 is your OTP' }] };
    const sent: Array<[string, Slip]> = [];
    verifyByPhone({ slip, phone, wait, sleepMs: () => {}, send: (step) => void sent.push([step, { ...slip }]) });
    expect(sent).toEqual([['otp-verify', { record, otpId: 'OTP1', otp: '123456' }]]);
    expect(slip.otp).toBeUndefined();
  });

  it('asks for a resend when nothing came, and takes whichever OTP then arrives', () => {
    const slip: Slip = { record, otpId: 'OTP1' };
    let now = 0;
    const phone: Phone = { inbox: () => (now > 150 ? [{ messageId: 'OTP1', text: '111111 is your OTP' }] : []) };
    const sent: Array<[string, Slip]> = [];
    verifyByPhone({
      slip,
      phone,
      wait,
      sleepMs: (ms) => void (now += ms),
      send: (step) => {
        sent.push([step, { ...slip }]);
        if (step === 'otp-resend') slip.otpId = 'OTP2';
      },
    });
    expect(sent.map(([step]) => step)).toEqual(['otp-resend', 'otp-verify']);
    // The first OTP came late, during the second wait: the patient types it, with its own id.
    expect(sent[1]![1]).toMatchObject({ otpId: 'OTP1', otp: '111111' });
  });

  it('sends verifyOtp without a code (blocked) when no SMS ever came or there is no phone', () => {
    for (const phone of [{ inbox: () => [] }, undefined]) {
      const slip: Slip = { record, otpId: 'OTP1' };
      const sent: Array<[string, Slip]> = [];
      verifyByPhone({ slip, phone, wait, sleepMs: () => {}, send: (step) => void sent.push([step, { ...slip }]) });
      expect(sent.at(-1)).toEqual(['otp-verify', expect.not.objectContaining({ otp: expect.anything() })]);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { journeyKinds } from './journeyKinds.ts';
import { notCompletedText } from './notCompletedText.ts';

const none = { refused: 0, blocked: 0, invalid: 0, queued: 0, done: 0 };
const fee = journeyKinds.fee!;
const mobiles = journeyKinds.verifyOtp!;
const shares = journeyKinds.abhaShare!;
const payments = journeyKinds.onlinePayment!;

describe('notCompletedText', () => {
  it('says only the count when nothing is left undone', () => {
    expect(notCompletedText({ notCompleted: 0, by: none, journey: fee })).toBe('0 fees not recorded');
  });

  it('names the one reason without repeating the count', () => {
    expect(notCompletedText({ notCompleted: 120000, by: { ...none, queued: 120000 }, journey: fee })).toBe('1,20,000 fees not recorded (queued by the client and never delivered)');
  });

  it('splits several reasons in the order the clerk met them, each with its count', () => {
    const by = { refused: 0, blocked: 634, invalid: 2, queued: 2471, done: 1 };
    expect(notCompletedText({ notCompleted: 3108, by, journey: fee })).toBe(
      '3,108 fees not recorded (634 not sent, as an earlier step failed; 2 answered outside the client contract; 2,471 queued by the client and never delivered; 1 answered done and never stored at NIC)',
    );
  });

  it('tells the OTP, ABHA and payment work in their own words (issue 17)', () => {
    expect(notCompletedText({ notCompleted: 40, by: { ...none, blocked: 33, refused: 7 }, journey: mobiles })).toBe(
      "40 patients' mobiles not verified (7 refused by the client without a verification from NIC; 33 no OTP reached the phone)",
    );
    expect(notCompletedText({ notCompleted: 150, by: { ...none, refused: 150 }, journey: shares })).toBe("150 ABHA records never shared (refused by the client, ABDM's token never received)");
    expect(notCompletedText({ notCompleted: 2, by: { ...none, done: 2 }, journey: shares })).toBe('2 ABHA records never shared (answered shared with a token that never reached the client)');
    expect(notCompletedText({ notCompleted: 1200, by: { ...none, refused: 1200 }, journey: payments })).toBe('1,200 online payments not captured (refused by the client, no payment captured)');
  });
});

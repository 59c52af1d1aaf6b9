import { describe, expect, it } from 'vitest';
import { journeyKinds } from './journeyKinds.ts';
import { notCompletedText } from './notCompletedText.ts';

const none = { refused: 0, blocked: 0, invalid: 0, queued: 0, done: 0 };
const fee = journeyKinds.fee!;

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
});

import { describe, expect, it } from 'vitest';
import { WriteTrouble } from './writeTrouble.ts';

describe('WriteTrouble', () => {
  it('holds for holdMs after a 5xx, a 408 or no answer, and not after NIC pacing the client (429, 403) or a 2xx', () => {
    const trouble = new WriteTrouble(1_000);
    for (const status of [201, 429, 403, 404]) trouble.noteAttempt(status, 0);
    expect(trouble.active(1)).toBe(false);
    trouble.noteAttempt(504, 100);
    expect([trouble.active(1_099), trouble.active(1_100)]).toEqual([true, false]);
    trouble.noteAttempt(undefined, 2_000);
    trouble.noteAttempt(201, 2_500);
    expect([trouble.active(2_999), trouble.active(3_000)]).toEqual([true, false]);
    trouble.noteAttempt(408, 5_000);
    expect(trouble.active(5_500)).toBe(true);
  });
});

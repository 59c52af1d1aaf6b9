import { describe, expect, it } from 'vitest';
import { WriteTrouble } from './writeTrouble.ts';

describe('WriteTrouble', () => {
  it('holds for holdMs after a 5xx or a 408, and not after NIC pacing the client (429, 403, 503 with Retry-After), no answer or a 2xx', () => {
    const trouble = new WriteTrouble(1_000);
    for (const status of [201, 429, 403, 404]) expect(trouble.noteAttempt({ status }, 0)).toBe(false);
    expect(trouble.noteAttempt({ status: 503, retryAfterMs: 1_000 }, 0)).toBe(false);
    expect(trouble.active(1)).toBe(false);
    expect(trouble.noteAttempt({ status: 504 }, 100)).toBe(true);
    expect([trouble.active(1_099), trouble.active(1_100)]).toEqual([true, false]);
    expect(trouble.noteAttempt(undefined, 1_500)).toBe(false);
    expect(trouble.active(1_500)).toBe(false);
    expect(trouble.noteAttempt({ status: 502 }, 2_000)).toBe(true);
    expect(trouble.noteAttempt({ status: 408 }, 2_500)).toBe(false);
    expect([trouble.active(3_499), trouble.active(3_500)]).toEqual([true, false]);
  });
});

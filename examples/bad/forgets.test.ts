import { describe, expect, it } from 'vitest';
import { dropSettings, forgets } from './forgets.ts';

const ids = Array.from({ length: 10_000 }, (_, i) => `pt-${String(i).padStart(6, '0')}.register`);

describe('forgets', () => {
  it('forgets the same writes for the same seed, other writes for another seed, about the share asked', () => {
    const first = ids.filter((correlationId) => forgets({ seed: 1, share: 0.05, correlationId }));
    expect(ids.filter((correlationId) => forgets({ seed: 1, share: 0.05, correlationId }))).toEqual(first);
    expect(first.length).toBeGreaterThan(400);
    expect(first.length).toBeLessThan(600);
    expect(ids.filter((correlationId) => forgets({ seed: 2, share: 0.05, correlationId }))).not.toEqual(first);
    expect(ids.some((correlationId) => forgets({ seed: 1, share: 0, correlationId }))).toBe(false);
    expect(ids.every((correlationId) => forgets({ seed: 1, share: 1, correlationId }))).toBe(true);
  });

  it('reads its settings from the environment and names a bad value', () => {
    expect(dropSettings({})).toEqual({ seed: 1, share: 0.05 });
    expect(dropSettings({ BAD_CLIENT_DROP_SHARE: '0.015', BAD_CLIENT_DROP_SEED: '7' })).toEqual({ seed: 7, share: 0.015 });
    expect(() => dropSettings({ BAD_CLIENT_DROP_SHARE: '5%' })).toThrow(/BAD_CLIENT_DROP_SHARE must be a number from 0 to 1 \(got "5%"\)/);
  });
});

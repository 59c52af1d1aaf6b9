import { describe, expect, it } from 'vitest';
import { weightedPicker } from './weightedPicker.ts';

describe('weightedPicker', () => {
  const pick = weightedPicker({ items: ['a', 'b', 'c'], weight: (x) => ({ a: 1, b: 0, c: 3 })[x] as number });

  it('maps [0, 1) onto items in proportion to their weights, never a zero-weight item', () => {
    expect(pick(0)).toBe('a');
    expect(pick(0.2499)).toBe('a');
    expect(pick(0.25)).toBe('c');
    expect(pick(0.9999999)).toBe('c');
    const counts = { a: 0, b: 0, c: 0 };
    for (let i = 0; i < 4000; i += 1) counts[pick(i / 4000) as 'a' | 'b' | 'c'] += 1;
    expect(counts).toEqual({ a: 1000, b: 0, c: 3000 });
  });

  it('rejects negative, non-finite and all-zero weights', () => {
    expect(() => weightedPicker({ items: [1], weight: () => -1 })).toThrow(/weight -1/);
    expect(() => weightedPicker({ items: [1], weight: () => Number.NaN })).toThrow(/weight NaN/);
    expect(() => weightedPicker({ items: [1, 2], weight: () => 0 })).toThrow(/sum to 0/);
  });
});

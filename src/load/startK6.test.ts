import { describe, expect, it } from 'vitest';
import { segmentOf, segmentSequence } from './startK6.ts';

describe('k6 execution segments', () => {
  it('tiles 0..1 with N segments of one shared sequence', () => {
    expect(segmentSequence(1)).toBe('0,1');
    expect(segmentSequence(2)).toBe('0,1/2,1');
    expect(segmentSequence(4)).toBe('0,1/4,2/4,3/4,1');
    expect([0, 1, 2].map((index) => segmentOf({ index, count: 3 }))).toEqual(['0/3:1/3', '1/3:2/3', '2/3:3/3']);
  });
});

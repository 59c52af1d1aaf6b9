import { describe, expect, it } from 'vitest';
import { exceedsJsonDepth } from './jsonNesting.ts';

describe('exceedsJsonDepth', () => {
  it('counts arrays and objects inside one another', () => {
    expect(exceedsJsonDepth('[[[]]]', 3)).toBe(false);
    expect(exceedsJsonDepth('[[[[]]]]', 3)).toBe(true);
    expect(exceedsJsonDepth('{"a":{"b":[{"c":1}]}}', 3)).toBe(true);
    expect(exceedsJsonDepth('[[],[],[],[],[]]', 2)).toBe(false);
  });

  it('ignores brackets inside strings, escaped quotes included', () => {
    expect(exceedsJsonDepth(JSON.stringify({ name: '[[[[[[{{{{' }), 2)).toBe(false);
    expect(exceedsJsonDepth(JSON.stringify({ name: 'a "quoted [[[[ text' }), 2)).toBe(false);
    expect(exceedsJsonDepth('{"a":"\\\\"}', 1)).toBe(false);
  });

  it('catches 10,000 levels at the default bound', () => {
    expect(exceedsJsonDepth('['.repeat(10_000) + ']'.repeat(10_000))).toBe(true);
    expect(exceedsJsonDepth('['.repeat(10_000))).toBe(true);
  });
});

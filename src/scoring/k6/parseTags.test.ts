import { describe, expect, it } from 'vitest';
import { tagValue } from './parseTags.ts';

describe('tagValue', () => {
  it('finds a key in any order', () => {
    expect(tagValue('outcome=done&step=register', 'step')).toBe('register');
    expect(tagValue('step=register&outcome=queued', 'outcome')).toBe('queued');
    expect(tagValue('entity=pt-0', 'entity')).toBe('pt-0');
  });
  it('does not match a key that only shares a prefix, and is undefined when absent', () => {
    expect(tagValue('steps=9&step=fee', 'step')).toBe('fee');
    expect(tagValue('outcome=done', 'step')).toBeUndefined();
    expect(tagValue('', 'step')).toBeUndefined();
    expect(tagValue(undefined, 'step')).toBeUndefined();
  });
});

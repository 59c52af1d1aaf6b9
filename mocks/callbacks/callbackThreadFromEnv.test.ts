import { describe, expect, it } from 'vitest';
import { callbackThreadFromEnv } from './callbackThreadFromEnv.ts';

describe('callbackThreadFromEnv', () => {
  it('defaults to the worker thread and accepts worker or inline', () => {
    expect(callbackThreadFromEnv({})).toBe('worker');
    expect(callbackThreadFromEnv({ THAP_MOCKS_CALLBACKS: '' })).toBe('worker');
    expect(callbackThreadFromEnv({ THAP_MOCKS_CALLBACKS: 'worker' })).toBe('worker');
    expect(callbackThreadFromEnv({ THAP_MOCKS_CALLBACKS: 'inline' })).toBe('inline');
  });

  it('refuses anything else, naming the variable, the value and the choices', () => {
    expect(() => callbackThreadFromEnv({ THAP_MOCKS_CALLBACKS: 'threads' })).toThrow(/THAP_MOCKS_CALLBACKS must be worker or inline \(got "threads"\)/);
  });
});

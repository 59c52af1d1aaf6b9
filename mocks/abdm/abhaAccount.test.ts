import { describe, expect, it } from 'vitest';
import { ABHA_WITH_ACCOUNT, ABHA_WITHOUT_ACCOUNT } from '../../test/support/mocks/fixtures.ts';
import { hasAbhaAccount } from './abhaAccount.ts';

describe('hasAbhaAccount', () => {
  it('has no account for a number whose digits sum to a multiple of 10, with or without dashes', () => {
    expect(hasAbhaAccount(ABHA_WITH_ACCOUNT)).toBe(true);
    expect(hasAbhaAccount(ABHA_WITHOUT_ACCOUNT)).toBe(false);
    expect(hasAbhaAccount(ABHA_WITHOUT_ACCOUNT.replace(/-/g, ''))).toBe(false);
  });
});

import { randomUUID } from 'node:crypto';

/** Synthetic request bodies for tests (domain/identities.md: UP districts, 22xxxx PINs, 6-9 mobiles). */
export function registrationBody(overrides: Record<string, unknown> = {}) {
  return {
    patient: { name: 'Sita Maurya', gender: 'F', age: 34, mobile: '9876500001', district: 'Lucknow', pin: '226003' },
    department: 'Medicine',
    visitType: 'new',
    ...overrides,
  };
}

export function srfBody(overrides: Record<string, unknown> = {}) {
  return {
    patient: { name: 'Ramesh Yadav', age: 52, gender: 'M', mobile: '9415000001', district: 'Lucknow', pin: '226010' },
    specimenType: 'nasopharyngeal',
    collectedAt: '2021-04-20T10:15:00Z',
    ...overrides,
  };
}

/** ABDM v3 headers: REQUEST-ID (UUID), TIMESTAMP (ISO ms Z), X-CM-ID. */
export function abdmHeaders(extra: Record<string, string> = {}): Record<string, string> {
  return { 'REQUEST-ID': randomUUID(), TIMESTAMP: new Date().toISOString(), 'X-CM-ID': 'sbx', ...extra };
}

/** An ABHA number with an account (digit sum not a multiple of 10, see abdm/profile.ts) and one without. */
export const ABHA_WITH_ACCOUNT = '91-1234-5678-9012';
export const ABHA_WITHOUT_ACCOUNT = '91-1234-5678-9005';

/** Synthetic request bodies for tests (domain/identities.md: UP districts, 22xxxx PINs, 6-9 mobiles). */
export function registrationBody(overrides: Record<string, unknown> = {}) {
  return {
    patient: { name: 'Sita Maurya', gender: 'F', age: 34, mobile: '9876500001', district: 'Lucknow', pin: '226003' },
    department: 'Medicine',
    visitType: 'new',
    ...overrides,
  };
}

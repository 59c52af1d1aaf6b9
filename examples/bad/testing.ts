import { afterAll } from 'vitest';
import { correlationIdHeader } from '../../src/contract/headers.ts';

/** The registration body the bad-client tests send (synthetic, identities.md). */
export const registration = JSON.stringify({
  patient: { name: 'Ramesh Kushwaha', gender: 'male', age: 41, mobile: '+919450000123', district: 'Gorakhpur', pin: '273001' },
  department: 'ent',
  visitType: 'new',
});

/** POST /opd/registrations to a client with this correlation id; the status and JSON body of its answer. */
export async function register(url: string, correlationId: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${url}/opd/registrations`, { method: 'POST', headers: { 'content-type': 'application/json', [correlationIdHeader]: correlationId }, body: registration });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** Cleanups run after the file's tests, last registered first. */
export function cleanupsAfterAll(): Array<() => Promise<unknown>> {
  const cleanups: Array<() => Promise<unknown>> = [];
  afterAll(async () => {
    while (cleanups.length > 0) await cleanups.pop()?.();
  });
  return cleanups;
}

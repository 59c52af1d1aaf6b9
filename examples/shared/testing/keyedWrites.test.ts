import { describe, expect, it } from 'vitest';
import { keyedWrites } from './keyedWrites.ts';

const write = (headers: Record<string, string>) => ({ method: 'POST', path: '/w', headers, body: {} });

describe('keyedWrites', () => {
  it('stores a keyed repeat once and an unkeyed repeat twice, keeping every correlation=key pair', () => {
    const writes = keyedWrites();
    expect(writes.store(write({ 'x-correlation-id': 'pt-1.register', 'idempotency-key': 'pt-1.register' }))).toBe(true);
    expect(writes.store(write({ 'x-correlation-id': 'pt-1.register', 'idempotency-key': 'pt-1.register' }))).toBe(false);
    writes.store(write({ 'x-correlation-id': 'pt-2.register' }));
    writes.store(write({ 'x-correlation-id': 'pt-2.register' }));
    expect([writes.records('pt-1.register'), writes.records('pt-2.register'), writes.records('pt-3.register')]).toEqual([1, 2, 0]);
    expect(writes.pairs()).toEqual(['pt-1.register=pt-1.register', 'pt-2.register=undefined']);
  });
});

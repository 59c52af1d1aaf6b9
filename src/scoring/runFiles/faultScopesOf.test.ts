import { describe, expect, it } from 'vitest';
import { faultScopesOf } from './faultScopesOf.ts';

describe('faultScopesOf', () => {
  it('keys each fault by id with its service, route and method (upper case)', () => {
    const resolved = { faults: [{ id: 'consignment-down', kind: 'http-status', service: 'icmr', route: '/icmr/v1/consignments', method: 'post' }, { id: 'ehospital-down', kind: 'down', service: 'ehospital' }] };
    expect(faultScopesOf(resolved)).toEqual({
      'consignment-down': { service: 'icmr', route: '/icmr/v1/consignments', method: 'POST' },
      'ehospital-down': { service: 'ehospital' },
    });
  });

  it('keeps a rate below 1 (the share of requests the fault acts on), not one of 1 or a value out of range', () => {
    const resolved = { faults: [{ id: 'write-504', service: 'ehospital', rate: 0.05 }, { id: 'all', service: 'ehospital', rate: 1 }, { id: 'odd', service: 'ehospital', rate: 7 }] };
    expect(faultScopesOf(resolved)).toEqual({ 'write-504': { service: 'ehospital', rate: 0.05 }, all: { service: 'ehospital' }, odd: { service: 'ehospital' } });
  });

  it('skips entries without an id or a service, and a scenario without faults', () => {
    expect(faultScopesOf({ faults: [{ kind: 'down', service: 'icmr' }, { id: 'x' }, null] })).toEqual({});
    expect(faultScopesOf(undefined)).toEqual({});
  });
});

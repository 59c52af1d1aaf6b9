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

  it('skips entries without an id or a service, and a scenario without faults', () => {
    expect(faultScopesOf({ faults: [{ kind: 'down', service: 'icmr' }, { id: 'x' }, null] })).toEqual({});
    expect(faultScopesOf(undefined)).toEqual({});
  });
});

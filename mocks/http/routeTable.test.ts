import { describe, expect, it } from 'vitest';
import { HttpResponse } from 'msw';
import { defineRoute } from './route.ts';
import { RouteTable } from './routeTable.ts';

const route = (method: 'GET' | 'POST', path: string) => defineRoute({ service: 'icmr', method, path, summary: path, resolve: () => HttpResponse.json({}) });

describe('RouteTable', () => {
  const table = new RouteTable([route('POST', '/icmr/v1/srfs'), route('GET', '/icmr/v1/srfs/:srfId'), route('GET', '/icmr/v1/labs/:labId/srfs/:srfId')]);

  it('finds exact and parameterised routes with decoded params, by method', () => {
    expect(table.find('POST', '/icmr/v1/srfs')?.route.path).toBe('/icmr/v1/srfs');
    expect(table.find('GET', '/icmr/v1/labs/LAB%20A/srfs/123')?.params).toEqual({ labId: 'LAB A', srfId: '123' });
    expect(table.find('DELETE', '/icmr/v1/srfs')).toBeUndefined();
    expect(table.find('GET', '/icmr/v1/srfs/')).toBeUndefined();
  });

  it('names the nearest route for a typo', () => {
    expect(table.nearest('POST', '/icmr/v1/srf')?.path).toBe('/icmr/v1/srfs');
    expect(table.nearest('GET', '/icmr/v1/lab/L1/srfs/1')?.path).toBe('/icmr/v1/labs/:labId/srfs/:srfId');
  });
});

import { describe, expect, it } from 'vitest';
import { LogicalRequests } from './LogicalRequests.ts';

const attempt = (key: string, { service = 'ehospital', method = 'POST', path = '/registrations', afterFault = false } = {}) => ({ service, method, key, path, afterFault });

describe('LogicalRequests', () => {
  it('counts one logical request per service, method and key, however often it was attempted', () => {
    const logical = new LogicalRequests();
    for (const a of [attempt('r1'), attempt('r1'), attempt('r2'), attempt('r1', { service: 'lab' }), attempt('r1', { method: 'GET' }), attempt('r2')]) logical.add(a);
    expect(logical.size).toBe(4);
  });

  it('tells requests apart as the joined service|method|key string does, a | inside a part included', () => {
    const logical = new LogicalRequests();
    logical.add(attempt('d', { service: 'a|b', method: 'c' }));
    logical.add(attempt('d', { service: 'a', method: 'b|c' }));
    logical.add(attempt('c|d', { service: 'a', method: 'b' }));
    expect(logical.size).toBe(1);
    logical.add(attempt('d', { service: 'a', method: 'b' }));
    expect(logical.size).toBe(2);
  });

  it('from the fault on: every attempt of a request attempted then, under the route of its first attempt then', () => {
    const logical = new LogicalRequests();
    logical.add(attempt('r1')); // before the fault: counted, as r1 is attempted after it too
    logical.add(attempt('r1', { afterFault: true }));
    logical.add(attempt('r1', { afterFault: true, path: '/other' }));
    logical.add(attempt('r2')); // never after the fault
    logical.add(attempt('r3', { afterFault: true, path: '/other' }));
    expect(logical.fromFaultTotals()).toEqual({ attempts: 4, logical: 2 }); // no route has 5 logical requests
  });

  it('names the route with the most attempts per logical request among those with at least 5, the first of equals', () => {
    const logical = new LogicalRequests();
    const add = (path: string, requests: number, each: number) => {
      for (let r = 0; r < requests; r += 1) for (let a = 0; a < each; a += 1) logical.add(attempt(`${path}-${r}`, { path, afterFault: true }));
    };
    add('/calm', 6, 1);
    add('/stormy', 5, 3);
    add('/few', 4, 10); // the most per request, but only 4 requests
    add('/equally-stormy', 10, 3);
    expect(logical.fromFaultTotals()).toEqual({ attempts: 6 + 15 + 40 + 30, logical: 25, worst: { route: 'ehospital POST /stormy', attempts: 15, logical: 5 } });
  });
});

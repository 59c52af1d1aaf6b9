import { describe, expect, it } from 'vitest';
import { faultCatalogue, type AppFaultConfig } from '../../scenario/faultCatalogue/index.ts';
import { FaultTargetCounter, faultTargetsOf, kindsActingOn } from './FaultTargetCounter.ts';

describe('FaultTargetCounter', () => {
  const counter = () => new FaultTargetCounter([
    { faultId: 'consignment-down', service: 'icmr', route: '/icmr/v1/consignments', method: 'POST', from: 100, to: 200 },
    { faultId: 'ehospital-down', service: 'ehospital', from: 150, to: 300 },
  ]);

  it('counts requests in the scope and window of each fault, touched or not', () => {
    const faults = counter();
    faults.add({ service: 'icmr', method: 'post', route: '/icmr/v1/consignments', at: 100, status: 503 });
    faults.add({ service: 'icmr', method: 'POST', route: '/icmr/v1/consignments', at: 200, status: 503 });
    faults.add({ service: 'ehospital', method: 'GET', route: '/ehospital/v1/patients/:id', at: 150, status: 503 });
    expect(faults.requestsTo('consignment-down')).toBe(2);
    expect(faults.requestsTo('ehospital-down')).toBe(1);
  });

  it('leaves out requests outside the window, to another route, with another method or to another service', () => {
    const faults = counter();
    faults.add({ service: 'icmr', method: 'POST', route: '/icmr/v1/consignments', at: 99, status: 503 });
    faults.add({ service: 'icmr', method: 'POST', route: '/icmr/v1/srfs', at: 150, status: 503 });
    faults.add({ service: 'icmr', method: 'GET', route: '/icmr/v1/consignments', at: 150, status: 503 });
    faults.add({ service: 'ehospital', method: 'POST', route: '/icmr/v1/consignments', at: 150, status: 503 });
    expect(faults.requestsTo('consignment-down')).toBe(0);
    expect(faults.requestsTo('unknown')).toBeUndefined();
  });

  it('counts for a callback fault only the writes NIC accepted: a refused or read-only request asks for no callback', () => {
    const faults = new FaultTargetCounter([{ faultId: 'on-share-lost', service: 'abdm', from: 100, to: 200, counts: 'accepted-writes' }]);
    const share = { service: 'abdm', method: 'POST', route: '/api/hiecm/patient-share/v3/share', at: 150 };
    faults.add({ ...share, status: 400 });
    faults.add({ ...share, status: 503 });
    faults.add({ ...share, method: 'GET', route: '/api/hiecm/patient-share/v3/requests/:requestId', status: 200 });
    expect(faults.requestsTo('on-share-lost')).toBe(0);
    faults.add({ ...share, status: 202 });
    expect(faults.requestsTo('on-share-lost')).toBe(1);
  });

  it('counts for a fault on writes only the writes: a read is never stored or lost', () => {
    const faults = new FaultTargetCounter([{ faultId: 'silent-loss', service: 'ehospital', from: 100, to: 200, counts: 'writes' }]);
    faults.add({ service: 'ehospital', method: 'GET', route: '/ehospital/v1/visits/:visitId', at: 150, status: 200 });
    expect(faults.requestsTo('silent-loss')).toBe(0);
    faults.add({ service: 'ehospital', method: 'POST', route: '/ehospital/v1/bills', at: 150, status: 503 });
    expect(faults.requestsTo('silent-loss')).toBe(1);
  });

  it('gives the chance that a fault on a share of requests touched none of those in scope by its own roll', () => {
    const faults = new FaultTargetCounter([
      { faultId: 'write-504', service: 'ehospital', method: 'POST', rate: 0.05, from: 100, to: 200 },
      { faultId: 'all-down', service: 'ehospital', from: 100, to: 200 },
      { faultId: 'later', service: 'ehospital', rate: 0.5, from: 300, to: 400 },
    ]);
    for (let request = 0; request < 10; request++) faults.add({ service: 'ehospital', method: 'POST', route: '/ehospital/v1/bills', at: 150, status: 201 });
    expect(faults.chanceUntouched('write-504')).toBeCloseTo(0.95 ** 10, 12);
    expect(faults.chanceUntouched('all-down')).toBe(0);
    expect(faults.chanceUntouched('later')).toBe(1);
    expect(new FaultTargetCounter([]).chanceUntouched('write-504')).toBeUndefined();
  });

  it('says nothing without upstream.ndjson, and counts 0 when it is there but empty (the client sent NIC nothing)', () => {
    expect(counter().requestsTo('consignment-down')).toBeUndefined();
    expect(counter().chanceUntouched('consignment-down')).toBeUndefined();
    const found = counter();
    found.upstreamFound();
    expect(found.requestsTo('consignment-down')).toBe(0);
    expect(found.chanceUntouched('consignment-down')).toBe(1);
  });
});

describe('faultTargetsOf', () => {
  const logged = { kind: 'http-status', describe: '', ok: true } as const;
  it('takes applied app faults in their scenario scope, an open window ending with the run', () => {
    const faults = [
      { ...logged, faultId: 'consignment-down', service: 'icmr', appliedAt: 100, removedAt: 200, hits: 0 },
      { ...logged, faultId: 'no-scope', service: 'sms', appliedAt: 150, removedAt: null, hits: 3 },
      { ...logged, faultId: 'network', service: 'icmr', appliedAt: 100, removedAt: 200, bytes: 0 },
      { ...logged, faultId: 'never-applied', service: 'icmr', appliedAt: null, removedAt: null, hits: 0 },
      { ...logged, kind: 'callback', faultId: 'on-share-lost', service: 'abdm', appliedAt: 300, removedAt: 400, hits: 0 },
      { ...logged, kind: 'not-stored', faultId: 'silent-loss', service: 'ehospital', appliedAt: 300, removedAt: 400, hits: 0 },
    ];
    const scopes = { 'consignment-down': { service: 'icmr', route: '/icmr/v1/consignments', method: 'POST' } };
    expect(faultTargetsOf({ faults, scopes, end: 900 })).toEqual([
      { faultId: 'consignment-down', service: 'icmr', route: '/icmr/v1/consignments', method: 'POST', from: 100, to: 200 },
      { faultId: 'no-scope', service: 'sms', from: 150, to: 900 },
      { faultId: 'on-share-lost', service: 'abdm', from: 300, to: 400, counts: 'accepted-writes' },
      { faultId: 'silent-loss', service: 'ehospital', from: 300, to: 400, counts: 'writes' },
    ]);
  });
});

describe('kindsActingOn', () => {
  it("agrees with what the mocks apply each scenario fault kind to (the catalogue's appliesTo)", () => {
    const expected: Record<string, string> = {};
    for (const config of faultCatalogue.values()) {
      if (config.layer !== 'app') continue;
      const { appliesTo } = config as AppFaultConfig;
      if (appliesTo !== 'requests') expected[config.kind] = appliesTo === 'writes' ? 'writes' : 'accepted-writes';
    }
    expect(kindsActingOn).toEqual(expected);
  });
});

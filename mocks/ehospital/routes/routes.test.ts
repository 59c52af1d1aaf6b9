import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMocks, type RunningMocks } from '../../index.ts';
import { call } from '../../../test/support/mocks/httpClient.ts';
import { registrationBody } from '../../../test/support/mocks/fixtures.ts';

describe('e-Hospital routes over HTTP (contract)', () => {
  let mocks: RunningMocks;
  let base: string;
  let visitId: string;
  let uhid: string;
  beforeAll(async () => {
    mocks = await startMocks({ services: ['ehospital'], seed: 3, config: { services: { ehospital: { sessionTtlSec: 1 } } } });
    base = mocks.urls.ehospital;
    const registered = await call({ base, path: '/ehospital/v1/registrations', body: registrationBody({ patient: { ...registrationBody().patient, mobile: '9000000011', abhaNumber: '91-1111-2222-3333' } }) });
    visitId = registered.body.visitId;
    uhid = registered.body.uhid;
  });
  afterAll(() => mocks.close());

  it('POST /ehospital/v1/sessions: a token that expires after sessionTtlSec', async () => {
    const login = await call({ base, path: '/ehospital/v1/sessions', body: { username: 'counter1', password: 'x' } });
    expect(login.status).toBe(201);
    const auth = { authorization: `Bearer ${login.body.token}` };
    expect((await call({ base, path: `/ehospital/v1/visits/${visitId}`, headers: auth })).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const expired = await call({ base, path: `/ehospital/v1/visits/${visitId}`, headers: auth });
    expect(expired.status).toBe(401);
    expect(expired.body.error.code).toBe('session_expired');
    expect((await call({ base, path: '/ehospital/v1/sessions', body: { username: '' } })).status).toBe(400);
  });

  it('GET /ehospital/v1/patients: by mobile, UHID and ABHA; 400 without a key', async () => {
    for (const query of ['mobile=9000000011', `uhid=${uhid}`, 'abha=91111122223333']) {
      const found = await call({ base, path: `/ehospital/v1/patients?${query}` });
      expect(found.status).toBe(200);
      expect(found.body.patients.map((p: { uhid: string }) => p.uhid)).toEqual([uhid]);
    }
    expect((await call({ base, path: '/ehospital/v1/patients?mobile=9999999999' })).body.patients).toEqual([]);
    expect((await call({ base, path: '/ehospital/v1/patients' })).status).toBe(400);
  });

  it('GET /ehospital/v1/visits/:visitId: the visit; 404 naming an unknown one', async () => {
    const visit = await call({ base, path: `/ehospital/v1/visits/${visitId}` });
    expect(visit.body).toMatchObject({ visitId, uhid, department: 'Medicine', feePaid: false });
    const missing = await call({ base, path: '/ehospital/v1/visits/V0' });
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toContain('"V0"');
  });

  it('POST /ehospital/v1/bills: OPD card Rs 10 plus tests; marks the fee paid; unknown codes 400', async () => {
    const bill = await call({ base, path: '/ehospital/v1/bills', body: { visitId, items: [{ code: 'OPD_CARD' }, { code: 'CBC' }] } });
    expect(bill.status).toBe(201);
    expect(bill.body.amountRupees).toBe(110);
    expect((await call({ base, path: `/ehospital/v1/visits/${visitId}` })).body.feePaid).toBe(true);
    const bad = await call({ base, path: '/ehospital/v1/bills', body: { visitId, items: [{ code: 'MRI_BRAIN' }] } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0]).toMatchObject({ path: 'items.0.code', got: '"MRI_BRAIN"' });
    expect((await call({ base, path: '/ehospital/v1/bills', body: { visitId: 'V0', items: [{ code: 'CBC' }] } })).status).toBe(404);
  });

  it('GET /ehospital/v1/bills/:billId: the stored bill; 404 for one NIC never stored', async () => {
    const bill = await call({ base, path: '/ehospital/v1/bills', body: { visitId, items: [{ code: 'LFT' }] } });
    expect((await call({ base, path: `/ehospital/v1/bills/${bill.body.billId}` })).body).toMatchObject({ billId: bill.body.billId, visitId, amountRupees: bill.body.amountRupees });
    expect((await call({ base, path: '/ehospital/v1/bills/B0' })).status).toBe(404);
  });

  it('lab order -> barcode -> collection -> report: pending until collected, then ready', async () => {
    const order = await call({ base, path: '/ehospital/v1/lab-orders', body: { visitId, tests: ['CBC', 'LFT'] } });
    expect(order.status).toBe(201);
    expect(order.body.amountRupees).toBe(350);
    expect((await call({ base, path: '/ehospital/v1/lab-orders', body: { visitId, tests: ['NOPE'] } })).status).toBe(400);
    const sample = await call({ base, path: `/ehospital/v1/lab-orders/${order.body.orderId}/samples`, body: { specimen: 'blood' } });
    expect(sample.status).toBe(201);
    expect(sample.body.barcode).toMatch(/^SB\d{12}$/);
    expect((await call({ base, path: `/ehospital/v1/lab-orders/LO0/samples`, body: {} })).status).toBe(404);
    expect((await call({ base, path: `/ehospital/v1/reports/${order.body.orderId}` })).body.status).toBe('pending');
    expect((await call({ base, path: `/ehospital/v1/samples/${sample.body.barcode}` })).body.status).toBe('labelled');
    const collected = await call({ base, path: `/ehospital/v1/samples/${sample.body.barcode}/collection`, body: { collectedBy: 'phlebotomist-2' } });
    expect(collected.status).toBe(200);
    expect(collected.body.status).toBe('collected');
    expect((await call({ base, path: `/ehospital/v1/samples/${sample.body.barcode}` })).body.status).toBe('collected');
    const report = await call({ base, path: `/ehospital/v1/reports/${order.body.orderId}` });
    expect(report.body.status).toBe('ready');
    expect(report.body.results.map((r: { test: string }) => r.test)).toEqual(['CBC', 'LFT']);
    expect((await call({ base, path: '/ehospital/v1/reports/LO0' })).status).toBe(404);
  });

  it('requireSession: routes that take a session refuse a request without one (401 session_required)', async () => {
    const strict = await startMocks({ services: ['ehospital'], config: { services: { ehospital: { requireSession: true } } } });
    try {
      const refused = await call({ base: strict.urls.ehospital, path: '/ehospital/v1/registrations', body: registrationBody() });
      expect(refused.status).toBe(401);
      expect(refused.body.error.code).toBe('session_required');
      const login = await call({ base: strict.urls.ehospital, path: '/ehospital/v1/sessions', body: { username: 'u', password: 'p' } });
      const ok = await call({ base: strict.urls.ehospital, path: '/ehospital/v1/registrations', body: registrationBody(), headers: { authorization: `Bearer ${login.body.token}` } });
      expect(ok.status).toBe(201);
    } finally {
      await strict.close();
    }
  });
});

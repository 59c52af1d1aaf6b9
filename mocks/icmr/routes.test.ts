import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMocks, type RunningMocks } from '../index.ts';
import { call } from '../../test/support/mocks/httpClient.ts';
import { srfBody } from '../../test/support/mocks/fixtures.ts';

describe('ICMR sample portal routes over HTTP (contract)', () => {
  let mocks: RunningMocks;
  let base: string;
  beforeAll(async () => {
    mocks = await startMocks({ services: ['icmr'], seed: 5 });
    base = mocks.urls.icmr;
  });
  afterAll(() => mocks.close());

  it('POST /icmr/v1/sessions: a session token', async () => {
    const login = await call({ base, path: '/icmr/v1/sessions', body: { username: 'collector', password: 'p' } });
    expect(login.status).toBe(201);
    expect(login.body.token).toMatch(/^icmr-/);
  });

  it('POST /icmr/v1/srfs: a 13-digit SRF ID; the same patient again is a repeat patient', async () => {
    const first = await call({ base, path: '/icmr/v1/srfs', body: srfBody() });
    expect(first.status).toBe(201);
    expect(first.body.srfId).toMatch(/^\d{13}$/);
    expect(first.body.repeatPatient).toBe(false);
    const again = await call({ base, path: '/icmr/v1/srfs', body: srfBody({ collectedAt: '2021-04-27T10:15:00Z' }) });
    expect(again.body.patientId).toBe(first.body.patientId);
    expect(again.body.repeatPatient).toBe(true);
    const bad = await call({ base, path: '/icmr/v1/srfs', body: srfBody({ specimenType: 'hair', collectedAt: 'yesterday' }) });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['collectedAt', 'specimenType']);
  });

  it('GET /icmr/v1/patients?mobile=: repeat patient by up to three mobiles', async () => {
    const found = await call({ base, path: '/icmr/v1/patients?mobile=9415000001,9415000002' });
    expect(found.status).toBe(200);
    expect(found.body.patients).toHaveLength(1);
    expect(found.body.patients[0].srfIds).toHaveLength(2);
    expect((await call({ base, path: '/icmr/v1/patients?mobile=1,2,3,4' })).status).toBe(400);
  });

  it('GET /icmr/v1/srfs/:srfId: the SRF; 404 unknown', async () => {
    const created = await call({ base, path: '/icmr/v1/srfs', body: srfBody({ collectedAt: '2021-05-01T08:00:00Z' }) });
    const srf = await call({ base, path: `/icmr/v1/srfs/${created.body.srfId}` });
    expect(srf.body).toMatchObject({ srfId: created.body.srfId, consignmentId: null, labId: null, result: null });
    expect((await call({ base, path: '/icmr/v1/srfs/0000000000000' })).status).toBe(404);
  });

  it('POST /icmr/v1/consignments: one ID for a batch; unknown SRFs 422; an SRF already consigned 409', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await call({ base, path: '/icmr/v1/srfs', body: srfBody({ collectedAt: `2021-05-02T0${i}:00:00Z` }) })).body.srfId);
    const consignment = await call({ base, path: '/icmr/v1/consignments', body: { labId: 'KGMU-VRDL', srfIds: ids } });
    expect(consignment.status).toBe(201);
    expect(consignment.body).toMatchObject({ labId: 'KGMU-VRDL', count: 3 });
    expect(consignment.body.consignmentId).toMatch(/^CN/);
    const unknown = await call({ base, path: '/icmr/v1/consignments', body: { labId: 'KGMU-VRDL', srfIds: ['1234567890123'] } });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.fields[0]).toMatchObject({ path: 'srfIds.0', got: '"1234567890123"' });
    const twice = await call({ base, path: '/icmr/v1/consignments', body: { labId: 'KGMU-VRDL', srfIds: [ids[0]] } });
    expect(twice.status).toBe(409);
  });

  it('GET /icmr/v1/labs/:labId/srfs/:srfId: the first lab owns the SRF, a second lab gets 409', async () => {
    const created = await call({ base, path: '/icmr/v1/srfs', body: srfBody({ collectedAt: '2021-05-03T08:00:00Z' }) });
    const srfId = created.body.srfId;
    expect((await call({ base, path: `/icmr/v1/labs/LAB-A/srfs/${srfId}` })).status).toBe(200);
    expect((await call({ base, path: `/icmr/v1/labs/LAB-A/srfs/${srfId}` })).status).toBe(200);
    const other = await call({ base, path: `/icmr/v1/labs/LAB-B/srfs/${srfId}` });
    expect(other.status).toBe(409);
    expect(other.body.error).toMatchObject({ code: 'srf_other_lab', labId: 'LAB-A' });
  });

  it('POST /icmr/v1/results: the owning lab uploads; another lab 409; unknown SRF 404', async () => {
    const srfId = (await call({ base, path: '/icmr/v1/srfs', body: srfBody({ collectedAt: '2021-05-04T08:00:00Z' }) })).body.srfId;
    const result = { srfId, labId: 'LAB-A', result: 'negative', ctValues: { e: 35.1 }, testedAt: '2021-05-04T20:00:00Z' };
    const uploaded = await call({ base, path: '/icmr/v1/results', body: result });
    expect(uploaded.status).toBe(201);
    expect((await call({ base, path: `/icmr/v1/srfs/${srfId}` })).body).toMatchObject({ result: 'negative', labId: 'LAB-A' });
    expect((await call({ base, path: '/icmr/v1/results', body: { ...result, labId: 'LAB-B' } })).status).toBe(409);
    expect((await call({ base, path: '/icmr/v1/results', body: { ...result, srfId: '9999999999999' } })).status).toBe(404);
    expect((await call({ base, path: '/icmr/v1/results', body: { ...result, result: 'maybe' } })).status).toBe(400);
  });
});

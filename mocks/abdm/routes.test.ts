import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMocks, type RunningMocks } from '../index.ts';
import { call } from '../../test/support/mocks/httpClient.ts';
import { abdmHeaders, ABHA_WITH_ACCOUNT, ABHA_WITHOUT_ACCOUNT } from '../../test/support/mocks/fixtures.ts';
import { startSink } from '../../test/support/mocks/sink.ts';

describe('ABDM routes over HTTP (contract)', () => {
  let mocks: RunningMocks;
  let base: string;
  let sink: Awaited<ReturnType<typeof startSink>>;
  beforeAll(async () => {
    sink = await startSink();
    mocks = await startMocks({ services: ['abdm'], seed: 9, config: { services: { abdm: { callbackDelayMs: 20 } } } });
    base = mocks.urls.abdm;
  });
  afterAll(async () => {
    await mocks.close();
    await sink.close();
  });

  it('POST /api/hiecm/gateway/v3/sessions: a bearer token; missing ABDM headers 400 ABDM-1000 naming each', async () => {
    const session = await call({ base, path: '/api/hiecm/gateway/v3/sessions', body: { clientId: 'hip', clientSecret: 's' }, headers: abdmHeaders() });
    expect(session.status).toBe(200);
    expect(session.body).toMatchObject({ tokenType: 'bearer', expiresIn: 1800 });
    const noHeaders = await call({ base, path: '/api/hiecm/gateway/v3/sessions', body: { clientId: 'hip', clientSecret: 's' }, headers: { 'REQUEST-ID': 'not-a-uuid' } });
    expect(noHeaders.status).toBe(400);
    expect(noHeaders.body.error.code).toBe('ABDM-1000');
    expect(noHeaders.body.error.fields.map((f: { path: string }) => f.path)).toEqual(['headers.REQUEST-ID', 'headers.TIMESTAMP', 'headers.X-CM-ID']);
  });

  it('POST /api/hiecm/v3/abha/search: a synthetic @sbx profile, or 404 ABDM-1114', async () => {
    const found = await call({ base, path: '/api/hiecm/v3/abha/search', body: { abhaNumber: ABHA_WITH_ACCOUNT }, headers: abdmHeaders() });
    expect(found.status).toBe(200);
    expect(found.body.abhaAddress).toMatch(/@sbx$/);
    const missing = await call({ base, path: '/api/hiecm/v3/abha/search', body: { abhaNumber: ABHA_WITHOUT_ACCOUNT }, headers: abdmHeaders() });
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('ABDM-1114');
  });

  it('Scan and Share: 202 now, then the on-share callback with the token, REQUEST-ID and TIMESTAMP', async () => {
    const headers = abdmHeaders();
    const share = await call({ base, path: '/api/hiecm/patient-share/v3/share', body: { hipId: 'KGMU', counterId: 'C1', abhaNumber: ABHA_WITH_ACCOUNT, callbackUrl: `${sink.url}/api/v3/hip/on-share` }, headers });
    expect(share.status).toBe(202);
    expect(share.body.requestId).toBe(headers['REQUEST-ID']);
    const [callback] = await sink.waitFor(1);
    expect(callback!.path).toBe('/api/v3/hip/on-share');
    expect(callback!.headers['request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(callback!.headers['timestamp']).toMatch(/Z$/);
    expect(callback!.body).toMatchObject({ response: { requestId: headers['REQUEST-ID'] }, tokenNumber: '1', context: { hipId: 'KGMU', counterId: 'C1' } });
    const status = await call({ base, path: `/api/hiecm/patient-share/v3/requests/${headers['REQUEST-ID']}` });
    expect(status.body).toMatchObject({ tokenNumber: 1, callbackCopies: 1 });
    expect((await call({ base, path: '/api/hiecm/patient-share/v3/requests/nope' })).status).toBe(404);
  });

  it('refuses a callback URL off loopback (400) so the mocks never call anything else', async () => {
    const share = await call({ base, path: '/api/hiecm/patient-share/v3/share', body: { hipId: 'KGMU', counterId: 'C1', abhaNumber: ABHA_WITH_ACCOUNT, callbackUrl: 'https://example.org/cb' }, headers: abdmHeaders() });
    expect(share.status).toBe(400);
    expect(share.body.error.fields[0].path).toBe('callbackUrl');
  });
});

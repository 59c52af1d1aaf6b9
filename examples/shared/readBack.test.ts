import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMocks, type RunningMocks } from '../../mocks/index.ts';
import { findFreePort } from '../../src/stack/findFreePort.ts';
import { registrationBody } from '../../test/support/mocks/fixtures.ts';
import { call } from '../../test/support/mocks/httpClient.ts';
import { confirmStored } from './readBack.ts';

let mocks: RunningMocks;
let base: string;
const post = async (path: string, body: unknown): Promise<Record<string, string>> => (await call({ base, path, body })).body;
beforeAll(async () => {
  mocks = await startMocks({ services: ['ehospital'], seed: 5 });
  base = mocks.urls.ehospital;
});
afterAll(() => mocks.close());

const confirm = (step: string, nic: Record<string, unknown>, baseUrl = base) => confirmStored({ baseUrl, step, nic, correlationId: `rb-${step}`, timeoutMs: 1_000 });

describe('confirmStored against the real e-Hospital mock', () => {
  it('finds each stored write by the ids NIC answered, and a labelled sample not yet collected', async () => {
    const registered = await post('/ehospital/v1/registrations', registrationBody());
    const bill = await post('/ehospital/v1/bills', { visitId: registered.visitId, items: [{ code: 'OPD_CARD' }] });
    const order = await post('/ehospital/v1/lab-orders', { visitId: registered.visitId, tests: ['CBC'] });
    const sample = await post(`/ehospital/v1/lab-orders/${order.orderId}/samples`, {});
    expect(await confirm('register', registered)).toBe('stored');
    expect(await confirm('fee', bill)).toBe('stored');
    expect(await confirm('labOrder', order)).toBe('stored');
    expect(await confirm('barcode', sample)).toBe('stored');
    expect(await confirm('collectSample', { sampleId: sample.barcode })).toBe('not-stored');
    await post(`/ehospital/v1/samples/${sample.barcode}/collection`, {});
    expect(await confirm('collectSample', { sampleId: sample.barcode })).toBe('stored');
  });

  it('says not-stored for ids NIC does not have, and unknown with no read, no id or no answer', async () => {
    expect(await confirm('register', { visitId: 'V000000000000' })).toBe('not-stored');
    expect(await confirm('fee', { billId: 'B0' })).toBe('not-stored');
    expect(await confirm('createConsignment', { consignmentId: 'C1' })).toBe('unknown');
    expect(await confirm('register', { uhid: '123' })).toBe('unknown');
    expect(await confirm('register', { visitId: 'V1' }, `http://127.0.0.1:${await findFreePort()}`)).toBe('unknown');
  });
});

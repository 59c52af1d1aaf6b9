import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadVendorMapping, type VendorMapping } from '../../src/contract/index.ts';
import { buildVendorRequest, readVendorReply } from '../../src/load/index.ts';
import type { RegisterRequest } from '../../src/contract/types.ts';
import type { RunningServer } from '../shared/jsonServer.ts';
import { startFakeNic } from '../shared/testing/fakeNic.ts';
import { startArogyaClient } from './client.ts';

const mappingFile = fileURLToPath(new URL('./mapping.yaml', import.meta.url));
const registration: RegisterRequest = {
  patient: { name: 'Ramesh Maurya', gender: 'male', age: 52, mobile: '+919812300004', district: 'Sitapur', pin: '261001' },
  department: 'cardiology',
  visitType: 'followup',
  uhid: 'UH-77',
};

let mapping: VendorMapping;
let nicUp = true;
let nic: Awaited<ReturnType<typeof startFakeNic>>;
let vendor: RunningServer;

beforeAll(async () => {
  mapping = await loadVendorMapping({ file: mappingFile });
  nic = await startFakeNic({
    answer: () => (nicUp ? { status: 201, body: { uhid: 'UH-77', visitId: 'V-9', appointmentNo: 'A-3', tokenNo: 41 } } : { status: 503, body: { error: 'down' } }),
  });
  vendor = await startArogyaClient({ config: { port: 0, nic: { ehospital: nic.url }, timeScale: 1 }, log: () => {} });
});

afterAll(async () => {
  await vendor?.close();
  await nic?.close();
});

async function send(correlationId: string) {
  const request = buildVendorRequest({ mapping, step: 'register', request: registration, correlationId });
  const response = await fetch(`${vendor.url}${request.path}`, { method: request.method, headers: request.headers, body: JSON.stringify(request.body) });
  return readVendorReply({ mapping, step: 'register', httpStatus: response.status, body: await response.json() });
}

describe('worked vendor mapping: Arogya HMIS (made-up)', () => {
  it('translates the contract registration into the vendor body and header', () => {
    const request = buildVendorRequest({ mapping, step: 'register', request: registration, correlationId: 'pt-000001.register' });
    expect(request.method).toBe('POST');
    expect(request.path).toBe('/api/v2/opd/encounters');
    expect(request.headers['X-Request-Ref']).toBe('pt-000001.register');
    expect(request.body).toEqual({
      person: { fullName: 'Ramesh Maurya', sex: 'M', ageYears: 52, phone: '+919812300004', address: { district: 'Sitapur', pincode: '261001' } },
      clinic: 'cardiology',
      encounterKind: 'REVISIT',
      crNo: 'UH-77',
      channel: 'COUNTER',
    });
  });

  it('reads a confirmed vendor answer as done with NIC ids under the contract names', async () => {
    nicUp = true;
    expect(await send('pt-000001.register')).toEqual({ outcome: 'done', nic: { uhid: 'UH-77', visitId: 'V-9', tokenNo: 41 } });
    expect(nic.requests.at(-1)?.headers['x-correlation-id']).toBe('pt-000001.register');
  });

  it('reads a rejected vendor answer as failed with the vendor reason', async () => {
    nicUp = false;
    const reply = await send('pt-000002.register');
    expect(reply.outcome).toBe('failed');
    expect(reply.reason).toContain('503');
  });

  it('reads a held answer as queued with the provisional id', () => {
    expect(readVendorReply({ mapping, step: 'register', httpStatus: 200, body: { result: { state: 'HELD', holdRef: 'AR-P-1' } } })).toEqual({ outcome: 'queued', provisionalId: 'AR-P-1' });
  });

  it('fills path placeholders of a GET step', () => {
    const request = buildVendorRequest({ mapping, step: 'fetchReport', request: { orderId: 'ORD 5' }, correlationId: 'pt-1.fetchReport' });
    expect(request).toEqual({ method: 'GET', path: '/api/v2/lab/orders/ORD%205/report', headers: { 'X-Request-Ref': 'pt-1.fetchReport' } });
  });

  it('sends steps the mapping does not list as the contract defines them', () => {
    const request = buildVendorRequest({ mapping, step: 'fee', request: { uhid: 'U', visitId: 'V', amountInr: 10, mode: 'cash' }, correlationId: 'pt-1.fee' });
    expect(request).toMatchObject({ method: 'POST', path: '/opd/fees', body: { uhid: 'U', visitId: 'V', amountInr: 10, mode: 'cash' } });
    expect(readVendorReply({ mapping, step: 'fee', httpStatus: 202, body: { status: 'queued', correlationId: 'pt-1.fee', provisionalId: 'P1' } })).toEqual({ outcome: 'queued', provisionalId: 'P1' });
  });
});

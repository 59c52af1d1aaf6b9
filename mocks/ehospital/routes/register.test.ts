import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startMocks, type RunningMocks } from '../../index.ts';
import { call } from '../../../test/support/mocks/httpClient.ts';
import { registrationBody } from '../../../test/support/mocks/fixtures.ts';

describe('POST /ehospital/v1/registrations over HTTP', () => {
  let mocks: RunningMocks;
  let base: string;
  let runDir: string;
  beforeAll(async () => {
    runDir = await mkdtemp(join(tmpdir(), 'thap-mocks-'));
    mocks = await startMocks({ services: ['ehospital'], seed: 7, runDir });
    base = mocks.urls.ehospital;
  });
  afterAll(() => mocks.close());

  it('registers a new patient: 201 with a 12-digit UHID, visit, appointment number and token', async () => {
    const { status, body } = await call({ base, path: '/ehospital/v1/registrations', body: registrationBody({ department: 'Eye' }), headers: { 'X-Correlation-Id': 'pt-1' } });
    expect(status).toBe(201);
    expect(body.uhid).toMatch(/^\d{12}$/);
    expect(body.visitId).toMatch(/^V\d{12}$/);
    expect(body).toMatchObject({ appointmentNo: 'EYE-0001', tokenNo: 1, newPatient: true });
  });

  it('keeps the UHID of a returning patient and gives a new visit', async () => {
    const first = await call({ base, path: '/ehospital/v1/registrations', body: registrationBody({ patient: { ...registrationBody().patient, mobile: '9876500002' } }) });
    const again = await call({ base, path: '/ehospital/v1/registrations', body: registrationBody({ uhid: first.body.uhid, visitType: 'followup' }) });
    expect(again.status).toBe(201);
    expect(again.body.uhid).toBe(first.body.uhid);
    expect(again.body.visitId).not.toBe(first.body.visitId);
    expect(again.body.newPatient).toBe(false);
  });

  it('replays the first answer for a repeated Idempotency-Key and writes the ledger once', async () => {
    const headers = { 'Idempotency-Key': 'idem-1', 'X-Correlation-Id': 'pt-idem' };
    const first = await call({ base, path: '/ehospital/v1/registrations', body: registrationBody(), headers });
    const second = await call({ base, path: '/ehospital/v1/registrations', body: registrationBody(), headers });
    expect(second.body).toEqual(first.body);
    const ledger = await call({ base, path: '/__admin/ledger?format=json&clientRef=pt-idem' });
    expect(ledger.body).toHaveLength(1);
    expect(ledger.body[0]).toMatchObject({ service: 'ehospital', entity: 'registration', id: first.body.visitId, idempotencyKey: 'idem-1', clientRef: 'pt-idem' });
    expect(ledger.body[0].storedAt).toBe(ledger.body[0].acceptedAt);
  });

  it('answers 400 with every bad field, its path and the value received', async () => {
    const { status, body } = await call({ base, path: '/ehospital/v1/registrations', body: { patient: { name: 'A', gender: 'M', age: 'forty', mobile: '12345', district: 'Agra', pin: '026001' }, department: 'Eye', visitType: 'walk-in' } });
    expect(status).toBe(400);
    const fields = Object.fromEntries(body.error.fields.map((field: { path: string; got: string }) => [field.path, field.got]));
    expect(fields).toEqual({ 'patient.age': '"forty"', 'patient.mobile': '"12345"', 'patient.pin': '"026001"', visitType: '"walk-in"' });
  });

  it('answers 400 for malformed JSON, 413 above 1 MB and 404 naming the nearest route', async () => {
    expect((await call({ base, path: '/ehospital/v1/registrations', raw: '{"patient":' })).status).toBe(400);
    expect((await call({ base, path: '/ehospital/v1/registrations', raw: `"${'x'.repeat(1024 * 1024 + 10)}"` })).status).toBe(413);
    const missing = await call({ base, path: '/ehospital/v1/registraton', body: {} });
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toContain('ehospital');
    expect(missing.body.error.nearest).toBe('POST /ehospital/v1/registrations');
  });

  it('writes ledger.ndjson and upstream.ndjson in the run directory on close', async () => {
    await mocks.close();
    const ledger = (await readFile(join(runDir, 'ledger.ndjson'), 'utf8')).trim().split('\n').map((line) => JSON.parse(line));
    const upstream = (await readFile(join(runDir, 'upstream.ndjson'), 'utf8')).trim().split('\n').map((line) => JSON.parse(line));
    expect(ledger.map((entry) => entry.seq)).toEqual(ledger.map((_, i) => i + 1));
    expect(ledger.length).toBe(4);
    expect(upstream.filter((line) => line.status === 413)).toHaveLength(1);
    expect(upstream.filter((line) => line.replay)).toHaveLength(1);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { call } from '../test/support/mocks/httpClient.ts';
import { registrationBody, srfBody } from '../test/support/mocks/fixtures.ts';

const thapBin = fileURLToPath(new URL('../bin/thap.js', import.meta.url));

describe('journeys over HTTP against `thap mocks serve --json`', () => {
  let child: ChildProcess;
  let urls: Record<string, string>;
  let runDir: string;
  beforeAll(async () => {
    runDir = await mkdtemp(join(tmpdir(), 'thap-serve-'));
    child = spawn(process.execPath, [thapBin, 'mocks', 'serve', '--json', '--run-dir', runDir, '--seed', '5'], { stdio: ['ignore', 'pipe', 'pipe'] });
    const line = await new Promise<string>((resolve, reject) => {
      child.once('exit', (code) => reject(new Error(`thap mocks serve exited ${code}`)));
      createInterface({ input: child.stdout! }).once('line', resolve);
    });
    urls = JSON.parse(line).services;
  });
  afterAll(() => {
    if (child.exitCode === null) child.kill('SIGKILL');
  });

  it('prints one JSON line naming all five services on loopback', () => {
    expect(Object.keys(urls).sort()).toEqual(['abdm', 'ehospital', 'icmr', 'payment', 'sms']);
    for (const url of Object.values(urls)) expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('full OPD journey: login, search, register, OPD card fee, UPI payment, lab order, barcode, collection, report', async () => {
    const eh = urls.ehospital!;
    const login = await call({ base: eh, path: '/ehospital/v1/sessions', body: { username: 'counter-3', password: 'x' } });
    const auth = { authorization: `Bearer ${login.body.token}` };
    expect((await call({ base: eh, path: '/ehospital/v1/patients?mobile=9811100001', headers: auth })).body.patients).toEqual([]);
    const registered = await call({ base: eh, path: '/ehospital/v1/registrations', body: registrationBody({ patient: { ...registrationBody().patient, mobile: '9811100001' } }), headers: { ...auth, 'X-Correlation-Id': 'opd-1', 'Idempotency-Key': 'opd-1-reg' } });
    expect(registered.status).toBe(201);
    const { visitId, uhid } = registered.body;
    expect((await call({ base: eh, path: '/ehospital/v1/patients?mobile=9811100001', headers: auth })).body.patients[0].uhid).toBe(uhid);
    const bill = await call({ base: eh, path: '/ehospital/v1/bills', body: { visitId, items: [{ code: 'OPD_CARD' }] }, headers: { ...auth, 'X-Correlation-Id': 'opd-1' } });
    const qr = await call({ base: urls.payment!, path: '/payment/v1/qr', body: { orderRef: bill.body.billId, amountPaise: bill.body.amountRupees * 100 } });
    expect((await call({ base: urls.payment!, path: `/payment/v1/qr/${qr.body.qrId}/pay`, raw: '' })).body.status).toBe('paid');
    const order = await call({ base: eh, path: '/ehospital/v1/lab-orders', body: { visitId, tests: ['CBC', 'HBA1C'] }, headers: auth });
    const sample = await call({ base: eh, path: `/ehospital/v1/lab-orders/${order.body.orderId}/samples`, body: { specimen: 'blood' }, headers: auth });
    await call({ base: eh, path: `/ehospital/v1/samples/${sample.body.barcode}/collection`, body: {}, headers: auth });
    const report = await call({ base: eh, path: `/ehospital/v1/reports/${order.body.orderId}`, headers: auth });
    expect(report.body).toMatchObject({ status: 'ready', uhid });
    const sms = await call({ base: urls.sms!, path: '/sms/v1/messages', body: { mobile: '9811100001', text: `Report ready for ${uhid}` } });
    expect(sms.status).toBe(202);
  });

  it('full SRF -> consignment -> lab fetch -> result journey', async () => {
    const icmr = urls.icmr!;
    const srfIds: string[] = [];
    for (let i = 0; i < 4; i++) {
      const srf = await call({ base: icmr, path: '/icmr/v1/srfs', body: srfBody({ patient: { ...srfBody().patient, mobile: `941500010${i}` } }), headers: { 'X-Correlation-Id': `srf-${i}` } });
      expect(srf.status).toBe(201);
      srfIds.push(srf.body.srfId);
    }
    const consignment = await call({ base: icmr, path: '/icmr/v1/consignments', body: { labId: 'KGMU-VRDL', srfIds } });
    expect(consignment.status).toBe(201);
    for (const srfId of srfIds) {
      expect((await call({ base: icmr, path: `/icmr/v1/labs/KGMU-VRDL/srfs/${srfId}` })).body.consignmentId).toBe(consignment.body.consignmentId);
      const result = await call({ base: icmr, path: '/icmr/v1/results', body: { srfId, labId: 'KGMU-VRDL', result: 'negative', testedAt: '2021-04-21T02:00:00Z' } });
      expect(result.status).toBe(201);
    }
    expect((await call({ base: icmr, path: `/icmr/v1/srfs/${srfIds[0]}` })).body).toMatchObject({ result: 'negative', labId: 'KGMU-VRDL' });
  });

  it('on SIGTERM flushes the ledger and upstream log to the run directory and exits 0', async () => {
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    const ledger = (await readFile(join(runDir, 'ledger.ndjson'), 'utf8')).trim().split('\n').map((line) => JSON.parse(line));
    const entities = ledger.map((entry) => entry.entity);
    for (const entity of ['registration', 'bill', 'payment-qr', 'lab-order', 'sample', 'collection', 'sms', 'srf', 'consignment', 'result']) expect(entities).toContain(entity);
    expect(ledger.find((entry) => entry.entity === 'registration')).toMatchObject({ clientRef: 'opd-1', idempotencyKey: 'opd-1-reg' });
    const upstream = (await readFile(join(runDir, 'upstream.ndjson'), 'utf8')).trim().split('\n');
    expect(upstream.length).toBeGreaterThanOrEqual(ledger.length);
  });
});

import { describe, expect, it } from 'vitest';
import { correlationIdHeader } from '../../src/contract/headers.ts';
import { startFakeNic, type FakeNicAnswer } from '../shared/testing/fakeNic.ts';
import { spawnClient } from '../shared/testing/spawnClient.ts';
import { madeUpIds } from './madeUpIds.ts';
import { cleanupsAfterAll, register } from './testing.ts';

const cleanups = cleanupsAfterAll();
const registration = ['uhid', 'visitId', 'tokenNo'];

describe('fabricates-ids bad client (real process)', () => {
  it('passes NIC ids on while NIC answers, and answers done with made-up ids, logged as such, whenever NIC does not take the write', async () => {
    const answers: FakeNicAnswer[] = [
      { status: 201, body: { uhid: 'UH-REAL-1', visitId: 'V-REAL-1', tokenNo: 3 } },
      'reset',
      { status: 503, body: { error: 'down' } },
      { status: 429, body: { error: 'slow down' } },
      { status: 403, body: { error: 'blocked by the WAF' } },
      'hang',
      { status: 422, body: { error: 'mobile is not valid' } },
    ];
    const nic = await startFakeNic({ answer: () => answers.shift() ?? 'reset' });
    cleanups.push(nic.close);
    // THAP_TIME_SCALE=1000: its 4 simulated seconds are 4 wall ms, so the 250 ms floor is the wait for a hung NIC.
    const client = await spawnClient({ script: 'examples/bad/fabricatesIds.ts', env: { THAP_NIC_EHOSPITAL_URL: nic.url, THAP_TIME_SCALE: '1000' } });
    cleanups.push(() => client.stop());

    expect(await register(client.url, 'pt-1.register')).toEqual({ status: 200, body: { status: 'done', correlationId: 'pt-1.register', nic: { uhid: 'UH-REAL-1', visitId: 'V-REAL-1', tokenNo: 3 } } });
    const lies = [];
    for (const patient of [2, 3, 4, 5, 6]) lies.push(await register(client.url, `pt-${patient}.register`));
    expect(lies.map((lie) => [lie.status, lie.body.status, lie.body.nic])).toEqual(
      [1, 2, 3, 4, 5].map((serial) => [200, 'done', madeUpIds({ provides: registration, serial })]),
    );
    const turnedDown = await register(client.url, 'pt-7.register');
    expect([turnedDown.status, turnedDown.body.status]).not.toEqual([200, 'done']);
    await expect.poll(() => client.lines.filter((line) => line.includes('made up NIC ids')).length).toBe(5);
  });

  it('answers a payment whose webhook never comes as paid, with a made-up QR id and UTR, logged as made up', async () => {
    const nic = await startFakeNic({ answer: () => ({ status: 201, body: { qrId: 'QR-REAL-1', amountPaise: 1000 } }) });
    cleanups.push(nic.close);
    // THAP_TIME_SCALE=1000: its 180 simulated seconds' wait for the webhook is 180 wall ms.
    const client = await spawnClient({ script: 'examples/bad/fabricatesIds.ts', env: { THAP_NIC_PAYMENT_URL: nic.url, THAP_TIME_SCALE: '1000' } });
    cleanups.push(() => client.stop());

    const response = await fetch(`${client.url}/opd/payments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [correlationIdHeader]: 'pt-8.onlinePayment' },
      body: JSON.stringify({ uhid: 'UH-1', visitId: 'V-8', amountInr: 10, purpose: 'opd-card' }),
    });
    expect([response.status, await response.json()]).toEqual([200, { status: 'done', correlationId: 'pt-8.onlinePayment', nic: madeUpIds({ provides: ['qrId', 'utr'], serial: 1 }) }]);
    expect(nic.requests.map((request) => request.path)).toEqual(['/payment/v1/qr']);
    await expect.poll(() => client.lines.filter((line) => line.includes('made up NIC ids: no callback from NIC payment')).length).toBe(1);
  });

  it('makes up distinct ids for every id a step gives', () => {
    expect(madeUpIds({ provides: ['uhid', 'visitId'], serial: 12 })).toEqual({ uhid: 'UH000000012', visitId: 'VI000000012' });
    expect(madeUpIds({ provides: ['srfId'], serial: 1 })).not.toEqual(madeUpIds({ provides: ['srfId'], serial: 2 }));
  });
});

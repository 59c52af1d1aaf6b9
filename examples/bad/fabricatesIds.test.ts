import { describe, expect, it } from 'vitest';
import { startFakeNic } from '../shared/testing/fakeNic.ts';
import { spawnClient } from '../shared/testing/spawnClient.ts';
import { madeUpIds } from './madeUpIds.ts';
import { cleanupsAfterAll, register } from './testing.ts';

const cleanups = cleanupsAfterAll();

describe('fabricates-ids bad client (real process)', () => {
  it('passes NIC ids on while NIC answers, and answers done with made-up ids, logged as such, while NIC is down', async () => {
    let up = true;
    const nic = await startFakeNic({ answer: () => (up ? { status: 201, body: { uhid: 'UH-REAL-1', visitId: 'V-REAL-1', tokenNo: 3 } } : 'reset') });
    cleanups.push(nic.close);
    const client = await spawnClient({ script: 'examples/bad/fabricatesIds.ts', env: { THAP_NIC_EHOSPITAL_URL: nic.url } });
    cleanups.push(() => client.stop());

    expect(await register(client.url, 'pt-1.register')).toEqual({ status: 200, body: { status: 'done', correlationId: 'pt-1.register', nic: { uhid: 'UH-REAL-1', visitId: 'V-REAL-1', tokenNo: 3 } } });
    up = false;
    const lies = [await register(client.url, 'pt-2.register'), await register(client.url, 'pt-3.register')];
    expect(lies.map((lie) => [lie.status, lie.body.status, lie.body.nic])).toEqual([
      [200, 'done', madeUpIds({ provides: ['uhid', 'visitId', 'tokenNo'], serial: 1 })],
      [200, 'done', madeUpIds({ provides: ['uhid', 'visitId', 'tokenNo'], serial: 2 })],
    ]);
    await expect.poll(() => client.lines.filter((line) => line.includes('made up NIC ids')).length).toBe(2);
  });

  it('makes up distinct ids for every id a step gives', () => {
    expect(madeUpIds({ provides: ['uhid', 'visitId'], serial: 12 })).toEqual({ uhid: 'UH000000012', visitId: 'VI000000012' });
    expect(madeUpIds({ provides: ['srfId'], serial: 1 })).not.toEqual(madeUpIds({ provides: ['srfId'], serial: 2 }));
  });
});

import { describe, expect, it } from 'vitest';
import { startFakeNic, type FakeNicAnswer } from '../shared/testing/fakeNic.ts';
import { spawnClient } from '../shared/testing/spawnClient.ts';
import { correlationIdHeader } from '../../src/contract/headers.ts';
import { ABHA_WITH_ACCOUNT } from '../../test/support/mocks/fixtures.ts';
import { cleanupsAfterAll, register } from './testing.ts';

const cleanups = cleanupsAfterAll();
const stored = { status: 201, body: { uhid: 'UH-1', visitId: 'V-1', tokenNo: 1 } } as const;

describe('hangs-with-nic bad client (real process)', () => {
  it('keeps the counter waiting for as long as NIC hangs, and answers only when NIC does', async () => {
    let release: (answer: FakeNicAnswer) => void = () => {};
    const nic = await startFakeNic({ answer: () => new Promise<FakeNicAnswer>((resolve) => (release = resolve)) });
    cleanups.push(nic.close);
    const client = await spawnClient({ script: 'examples/bad/hangsWithNic.ts', env: { THAP_NIC_EHOSPITAL_URL: nic.url, THAP_TIME_SCALE: '60' } });
    cleanups.push(() => client.stop('SIGKILL'));

    let answered = false;
    const answer = register(client.url, 'pt-1.register').finally(() => (answered = true));
    await expect.poll(() => nic.requests.length).toBe(1);
    // Well past every timeout a careful client would set at 60x (4 simulated seconds = 67 ms).
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(answered).toBe(false);
    release(stored);
    expect((await answer).body.status).toBe('done');
  });

  it('tries a refused connection again and again until NIC takes it', async () => {
    let refusals = 3;
    const nic = await startFakeNic({ answer: () => (refusals-- > 0 ? 'reset' : stored) });
    cleanups.push(nic.close);
    const client = await spawnClient({ script: 'examples/bad/hangsWithNic.ts', env: { THAP_NIC_EHOSPITAL_URL: nic.url, THAP_TIME_SCALE: '60' } });
    cleanups.push(() => client.stop('SIGKILL'));

    expect((await register(client.url, 'pt-2.register')).body.status).toBe('done');
    expect(nic.requests).toHaveLength(4);
    await expect.poll(() => client.lines.some((line) => line.includes('"attempts":4'))).toBe(true);
  });

  it('hangs only: it sends the step\'s own headers and logs in once when NIC answers 401', async () => {
    const ehospital = await startFakeNic({
      answer: (request) => {
        if (request.path === '/ehospital/v1/sessions') return { status: 201, body: { token: 'tok-1' } };
        return request.headers.authorization === 'Bearer tok-1' ? stored : { status: 401, body: { error: 'login' } };
      },
    });
    const abdm = await startFakeNic({ answer: () => ({ status: 422, body: { error: 'unknown ABHA' } }) });
    cleanups.push(ehospital.close, abdm.close);
    const client = await spawnClient({ script: 'examples/bad/hangsWithNic.ts', env: { THAP_NIC_EHOSPITAL_URL: ehospital.url, THAP_NIC_ABDM_URL: abdm.url, THAP_TIME_SCALE: '60' } });
    cleanups.push(() => client.stop('SIGKILL'));

    expect((await register(client.url, 'pt-3.register')).body.status).toBe('done');
    expect(ehospital.requests.map((request) => request.path)).toEqual(['/ehospital/v1/registrations', '/ehospital/v1/sessions', '/ehospital/v1/registrations']);

    const share = await fetch(`${client.url}/opd/abha-shares`, { method: 'POST', headers: { 'content-type': 'application/json', [correlationIdHeader]: 'pt-3.abhaShare' }, body: JSON.stringify({ abhaNumber: ABHA_WITH_ACCOUNT, counterId: 'OPD-1' }) });
    expect(((await share.json()) as { status: string }).status).toBe('failed');
    expect(abdm.requests).toHaveLength(1);
    expect(abdm.requests[0]?.headers).toMatchObject({ 'x-cm-id': 'sbx', 'request-id': expect.any(String), timestamp: expect.any(String) });
  });
});

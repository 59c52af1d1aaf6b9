import { describe, expect, it } from 'vitest';
import { startFakeNic, type FakeNicAnswer } from '../shared/testing/fakeNic.ts';
import { spawnClient } from '../shared/testing/spawnClient.ts';
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
});

import { spawn } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { readVendorReply } from '../../src/load/index.ts';
import { vendorMappingSchema } from '../../src/contract/mapping/schema.ts';
import { freePort } from '../shared/testing/freePort.ts';
import { startFakeNic } from '../shared/testing/fakeNic.ts';
import { spawnClient } from '../shared/testing/spawnClient.ts';

const cleanups: Array<() => Promise<unknown>> = [];
afterAll(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});
const registration = JSON.stringify({
  patient: { name: 'A B', gender: 'male', age: 30, mobile: '+919876543210', district: 'Agra', pin: '282001' },
  department: 'ent',
  visitType: 'new',
});

describe('bad clients', () => {
  it('never-healthy listens but answers /health with 503', async () => {
    const port = await freePort();
    const child = spawn(process.execPath, ['--import', 'tsx', 'examples/bad/neverHealthy.ts'], { env: { ...process.env, PORT: String(port) }, stdio: 'ignore' });
    cleanups.push(async () => child.kill('SIGKILL'));
    let status = 0;
    await expect
      .poll(async () => {
        try {
          status = (await fetch(`http://127.0.0.1:${port}/health`)).status;
        } catch {
          status = 0;
        }
        return status;
      }, { timeout: 10_000 })
      .toBe(503);
  });

  it('dies-mid-run exits 1 after the configured number of requests', async () => {
    const nic = await startFakeNic({ answer: () => ({ status: 201, body: { uhid: 'U', visitId: 'V', tokenNo: 1 } }) });
    cleanups.push(nic.close);
    const client = await spawnClient({ script: 'examples/bad/diesMidRun.ts', env: { THAP_NIC_EHOSPITAL_URL: nic.url, BAD_CLIENT_DIE_AFTER: '3' } });
    cleanups.push(() => client.stop('SIGKILL'));
    const exited = new Promise<number | null>((resolve) => client.child.once('exit', (code) => resolve(code)));
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) {
      const response = await fetch(`${client.url}/opd/registrations`, { method: 'POST', headers: { 'X-Correlation-Id': `pt-${i}.register` }, body: registration });
      statuses.push(response.status);
    }
    expect(statuses).toEqual([200, 200, 200]);
    expect(await exited).toBe(1);
    await expect(fetch(`${client.url}/health`)).rejects.toThrow();
  });

  it('answers-garbage is healthy but no answer reads as done or queued', async () => {
    const client = await spawnClient({ script: 'examples/bad/answersGarbage.ts', env: {} });
    cleanups.push(() => client.stop());
    const mapping = vendorMappingSchema.parse({ vendor: 'contract' });
    for (let i = 0; i < 5; i++) {
      const response = await fetch(`${client.url}/opd/registrations`, { method: 'POST', headers: { 'X-Correlation-Id': `pt-${i}.register` }, body: registration });
      const text = await response.text();
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // not JSON: exactly the point
      }
      expect(readVendorReply({ mapping, step: 'register', httpStatus: response.status, body }).outcome).toBe('failed');
    }
  });
});

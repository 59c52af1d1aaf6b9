import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { drainClient } from './drainClient.ts';

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

/** A fake client whose `GET /thap/outbox` reports `pending(read)` on its n-th read (404 when `pending` is absent). */
async function fakeClient(pending?: (read: number) => number): Promise<{ url: string; reads: () => number; runDir: string }> {
  let reads = 0;
  const server: Server = createServer((request, response) => {
    reads += 1;
    if (!pending || request.url !== '/thap/outbox') return void response.writeHead(404).end();
    const waiting = pending(reads);
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ client: 'fake', at: Date.now(), counts: { pending: waiting, submitted: 10 - waiting, abandoned: 0 }, entries: [] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const runDir = await mkdtemp(join(tmpdir(), 'thap-drain-'));
  cleanups.push(() => new Promise((resolve) => server.close(resolve)), () => rm(runDir, { recursive: true, force: true }));
  const address = server.address();
  return { url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`, reads: () => reads, runDir };
}

describe('drainClient', () => {
  it('stops as soon as the outbox is empty, well before the deadline, and keeps the last snapshot', async () => {
    const client = await fakeClient((read) => Math.max(0, 3 - read));
    const result = await drainClient({ url: client.url, until: Date.now() + 600_000, runDir: client.runDir, log: () => {} });
    expect(result).toMatchObject({ outbox: true, pendingAtEnd: 0 });
    expect(client.reads()).toBe(3);
    expect(JSON.parse(await readFile(join(client.runDir, 'client-outbox.json'), 'utf8')).counts.pending).toBe(0);
  });

  it('does not wait past the drain deadline: one look when it has passed, and what is pending stays pending', async () => {
    const client = await fakeClient(() => 7);
    const lines: string[] = [];
    const result = await drainClient({ url: client.url, until: Date.now() - 1, runDir: client.runDir, log: (line) => lines.push(line), region: 'lucknow' });
    expect(result).toMatchObject({ outbox: true, pendingAtEnd: 7 });
    expect(client.reads()).toBe(1);
    expect(lines).toEqual([expect.stringMatching(/^drain lucknow: 7 still pending at the drain deadline after /)]);
    expect(JSON.parse(await readFile(join(client.runDir, 'client-outbox-lucknow.json'), 'utf8')).counts.pending).toBe(7);
  });

  it('does not wait for a client without an outbox', async () => {
    const client = await fakeClient();
    expect(await drainClient({ url: client.url, until: Date.now() + 600_000, runDir: client.runDir, log: () => {} })).toMatchObject({ outbox: false, pendingAtEnd: 0 });
    expect(client.reads()).toBe(1);
  });
});

import { createServer, type Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { FaultStore } from '../faults/faultStore.ts';
import { startSink } from '../../test/support/mocks/sink.ts';
import { CallbackSender } from './callbackSender.ts';

const until = async (check: () => boolean, timeoutMs = 3000) => {
  const end = Date.now() + timeoutMs;
  while (!check() && Date.now() < end) await new Promise((resolve) => setTimeout(resolve, 5));
};

/** A loopback server that answers every request with `status`, or never answers when `status` is null. */
async function answering(status: number | null): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    req.resume();
    if (status !== null) req.on('end', () => res.writeHead(status, { 'content-type': 'text/plain' }).end('chunked reply'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return { url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`, server };
}

describe.each(['worker', 'inline'] as const)('CallbackSender (undici dispatch, %s)', (thread) => {
  const closers: Array<() => Promise<unknown>> = [];
  afterEach(async () => {
    for (const close of closers.splice(0).reverse()) await close();
  });

  it('POSTs the JSON body with its headers to the path and query, and records status and sentAt', async () => {
    const sink = await startSink();
    const sender = new CallbackSender(new FaultStore(1, () => {}), 10_000, thread);
    closers.push(() => sink.close(), () => sender.close());
    await sender.warm();
    const sent = sender.send({ service: 'abdm', route: '/r', url: `${sink.url}/on-share?x=1`, body: { tokenNumber: '7' }, headers: { 'REQUEST-ID': 'abc' }, delayMs: 0 });
    expect(sent.copies).toBe(1);
    const [received] = await sink.waitFor(1);
    expect(received).toMatchObject({ path: '/on-share?x=1', body: { tokenNumber: '7' } });
    expect(received!.headers['request-id']).toBe('abc');
    expect(received!.headers['content-type']).toBe('application/json');
    await until(() => sender.records[0]!.status !== null);
    expect(sender.records[0]).toMatchObject({ id: sent.id, copy: 1, status: 200, error: null });
    expect(sender.records[0]!.sentAt).toBeTypeOf('number');
  });

  it('records a non-2xx status as the client answered it', async () => {
    const target = await answering(503);
    const sender = new CallbackSender(new FaultStore(1, () => {}), 10_000, thread);
    closers.push(() => new Promise((resolve) => target.server.close(resolve)), () => sender.close());
    await sender.warm();
    sender.send({ service: 'payment', route: '/r', url: `${target.url}/webhook`, body: {}, delayMs: 0 });
    await until(() => sender.records[0]!.status !== null);
    expect(sender.records[0]).toMatchObject({ status: 503, error: null });
  });

  it('records the error when nothing listens, and a timeout when the client never answers', async () => {
    const silent = await answering(null);
    const closed = await answering(200);
    await new Promise((resolve) => closed.server.close(resolve));
    const sender = new CallbackSender(new FaultStore(1, () => {}), 200, thread);
    closers.push(() => sender.close(), async () => silent.server.closeAllConnections());
    closers.unshift(() => new Promise((resolve) => silent.server.close(resolve)));
    await sender.warm();
    sender.send({ service: 'abdm', route: '/r', url: `${closed.url}/cb`, body: {}, delayMs: 0 });
    sender.send({ service: 'abdm', route: '/r', url: `${silent.url}/cb`, body: {}, delayMs: 0 });
    await until(() => sender.records.every((record) => record.error !== null));
    expect(sender.records[0]).toMatchObject({ status: null });
    expect(sender.records[0]!.error).toMatch(/ECONNREFUSED/);
    expect(sender.records[1]).toMatchObject({ status: null, error: 'callback timed out after 0.2 s' });
  });

  it('refuses a URL off loopback and sends nothing after close()', async () => {
    const sink = await startSink();
    const sender = new CallbackSender(new FaultStore(1, () => {}), 10_000, thread);
    closers.push(() => sink.close());
    expect(() => sender.send({ service: 'abdm', route: '/r', url: 'http://example.org/cb', body: {}, delayMs: 0 })).toThrow(/loopback/);
    sender.send({ service: 'abdm', route: '/r', url: `${sink.url}/cb`, body: {}, delayMs: 30 });
    await sender.close();
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(sink.received).toHaveLength(0);
    expect(sender.records[0]!.sentAt).toBeNull();
  });
});

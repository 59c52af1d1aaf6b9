import { mkdtemp } from 'node:fs/promises';
import { createServer, request, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CleanupStack } from '../../stack/cleanupStack.ts';
import { findFreePort } from '../../stack/findFreePort.ts';
import { proxyServices, startToxiproxy, type RunningToxiproxy } from '../../stack/startToxiproxy.ts';
import { ensureTools } from '../../stack/tools/index.ts';
import type { FaultContext } from '../faultRuntime.ts';
import { faultRuntimes } from '../registry.ts';

// Every network fault kind against the real Toxiproxy server in front of a real HTTP upstream: applied, its
// effect seen by a request, removed, and Toxiproxy asked afterwards that the proxy is clean again.
const cleanup = new CleanupStack();
let toxiproxy: RunningToxiproxy;
let proxyUrl: string;
let upstream: Server;

beforeAll(async () => {
  const tools = await ensureTools({});
  const runDir = await mkdtemp(join(tmpdir(), 'thap-toxics-'));
  upstream = createServer((_request, response) => response.end('x'.repeat(20_000)));
  const port = await findFreePort();
  await new Promise<void>((resolve) => upstream.listen(port, '127.0.0.1', resolve));
  cleanup.defer('stop upstream', () => new Promise<void>((resolve) => upstream.close(() => resolve())));
  toxiproxy = await startToxiproxy({ binary: tools.toxiproxy.path, runDir, cleanup });
  proxyUrl = (await proxyServices({ toxiproxy, upstreams: { ehospital: `http://127.0.0.1:${port}` }, cleanup })).ehospital as string;
}, 300_000);
afterAll(() => cleanup.runAll());

/** One request on a fresh connection: its status or error code, and how long it took. */
function probe(timeoutMs = 2_000): Promise<{ outcome: string; ms: number }> {
  const started = Date.now();
  return new Promise((resolve) => {
    const req = request(proxyUrl, { agent: false, timeout: timeoutMs }, (response) => {
      response.resume();
      response.on('end', () => resolve({ outcome: String(response.statusCode), ms: Date.now() - started }));
      response.on('error', (error: NodeJS.ErrnoException) => resolve({ outcome: error.code ?? 'error', ms: Date.now() - started }));
    });
    req.on('timeout', () => req.destroy(Object.assign(new Error('timeout'), { code: 'TIMEOUT' })));
    req.on('error', (error: NodeJS.ErrnoException) => resolve({ outcome: error.code ?? error.message, ms: Date.now() - started }));
    req.end();
  });
}

const context = (faultId: string): FaultContext => ({
  toxiproxy: toxiproxy.control,
  mocks: { addFault: async () => 'unused', removeFault: async () => ({ hits: 0 }), listFaults: async () => [] },
  service: 'ehospital',
  proxyName: 'ehospital',
  faultId,
});

async function withFault(kind: string, raw: Record<string, unknown>, check: () => Promise<void>): Promise<void> {
  const runtime = faultRuntimes.get(kind)!;
  const remove = await runtime.apply(context(kind), runtime.config.settings.parse(raw) as Record<string, unknown>);
  try {
    await check();
  } finally {
    await remove();
  }
  const [proxy] = await toxiproxy.control.listProxies();
  expect(proxy).toMatchObject({ name: 'ehospital', enabled: true, toxics: [] });
  expect((await probe()).outcome).toBe('200');
}

describe('network faults through the real Toxiproxy', { timeout: 30_000 }, () => {
  it('down refuses connections', () => withFault('down', {}, async () => expect((await probe()).outcome).toBe('ECONNREFUSED')));

  it('latency adds its delay to every answer', () =>
    withFault('latency', { latencyMs: 200 }, async () => {
      const { outcome, ms } = await probe();
      expect(outcome).toBe('200');
      expect(ms).toBeGreaterThanOrEqual(195);
    }));

  it('black-hole answers nothing', () => withFault('black-hole', {}, async () => expect((await probe(500)).outcome).toBe('TIMEOUT')));

  it('reset resets the connection', () => withFault('reset', {}, async () => expect((await probe()).outcome).toMatch(/ECONNRESET|socket hang up/)));

  it('bandwidth slows a 20 KB answer to the rate', () =>
    withFault('bandwidth', { rateKBps: 40 }, async () => {
      const { outcome, ms } = await probe(5_000);
      expect(outcome).toBe('200');
      expect(ms).toBeGreaterThanOrEqual(300);
    }));

  it('slicer delays the answer packet by packet', () =>
    withFault('slicer', { averageSizeBytes: 2_000, delayMicros: 50_000 }, async () => {
      const { outcome, ms } = await probe(5_000);
      expect(outcome).toBe('200');
      expect(ms).toBeGreaterThanOrEqual(200);
    }));

  it('slow-close is applied and removed cleanly', () => withFault('slow-close', { delayMs: 100 }, async () => expect((await probe()).outcome).toBe('200')));

  it('a removal counts the bytes the proxy received while applied (-proxy-metrics); none for an idle or disabled proxy', async () => {
    const touched = async (kind: string, raw: Record<string, unknown>, requests: number) => {
      const runtime = faultRuntimes.get(kind)!;
      const remove = await runtime.apply(context(`${kind}-bytes`), runtime.config.settings.parse(raw) as Record<string, unknown>);
      for (let index = 0; index < requests; index += 1) await probe();
      return remove();
    };
    const busy = await touched('latency', { latencyMs: 5 }, 2);
    // Two 20 KB answers came back through the proxy, plus their requests.
    expect(busy).toMatchObject({ bytes: expect.any(Number) });
    expect((busy as { bytes: number }).bytes).toBeGreaterThan(40_000);
    expect(await touched('latency', { latencyMs: 5 }, 0)).toEqual({ bytes: 0 });
    expect(await touched('down', {}, 1)).toEqual({ bytes: null });
  });

  it('toxicity 0 leaves connections alone', () =>
    // A latency far above what a loaded machine adds to a loopback request, so the bound cannot be broken by load.
    withFault('latency', { latencyMs: 1_900, toxicity: 0 }, async () => expect((await probe()).ms).toBeLessThan(1_500)));
});

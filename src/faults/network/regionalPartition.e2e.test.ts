import { mkdtemp } from 'node:fs/promises';
import { createServer, request, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CleanupStack } from '../../stack/cleanupStack.ts';
import { findFreePort } from '../../stack/findFreePort.ts';
import { regionProxyName } from '../../stack/regionProxyName.ts';
import { proxyServices, startToxiproxy, type RunningToxiproxy } from '../../stack/startToxiproxy.ts';
import { ensureTools } from '../../stack/tools/index.ts';
import type { FaultContext } from '../faultRuntime.ts';
import { faultRuntimes } from '../registry.ts';

// Client regions against the real Toxiproxy: two regions, each with its own proxy per service in front of
// the same upstreams. A regional partition cuts off one region only; afterwards every proxy is clean.
const cleanup = new CleanupStack();
const regionNames = ['lucknow', 'tirupati'] as const;
let toxiproxy: RunningToxiproxy;
const urls: Record<string, Record<string, string>> = {};
const regions: Record<string, Record<string, string>> = {};

beforeAll(async () => {
  const tools = await ensureTools({});
  const runDir = await mkdtemp(join(tmpdir(), 'thap-regions-'));
  const upstreams: Record<string, string> = {};
  for (const service of ['ehospital', 'icmr']) {
    const upstream: Server = createServer((_request, response) => response.end(service));
    const port = await findFreePort();
    await new Promise<void>((resolve) => upstream.listen(port, '127.0.0.1', resolve));
    cleanup.defer(`stop ${service}`, () => new Promise<void>((resolve) => upstream.close(() => resolve())));
    upstreams[service] = `http://127.0.0.1:${port}`;
  }
  toxiproxy = await startToxiproxy({ binary: tools.toxiproxy.path, runDir, cleanup });
  for (const region of regionNames) {
    urls[region] = await proxyServices({ toxiproxy, upstreams, cleanup, region });
    regions[region] = Object.fromEntries(Object.keys(upstreams).map((service) => [service, regionProxyName({ service, region })]));
  }
}, 300_000);

afterAll(() => cleanup.runAll());

/** One request on a fresh connection: its status or error code. */
function probe(url: string, timeoutMs = 600): Promise<string> {
  return new Promise((resolve) => {
    const req = request(url, { agent: false, timeout: timeoutMs }, (response) => {
      response.resume();
      response.on('end', () => resolve(String(response.statusCode)));
    });
    req.on('timeout', () => req.destroy(Object.assign(new Error('timeout'), { code: 'TIMEOUT' })));
    req.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
    req.end();
  });
}

const all = () => Promise.all(regionNames.flatMap((region) => ['ehospital', 'icmr'].map(async (service) => `${region}/${service} ${await probe(urls[region]![service]!)}`)));

async function withFault(kind: string, service: FaultContext['service'], raw: Record<string, unknown>, check: () => Promise<void>): Promise<void> {
  const runtime = faultRuntimes.get(kind)!;
  const context: FaultContext = {
    toxiproxy: toxiproxy.control,
    mocks: { addFault: async () => 'unused', removeFault: async () => ({ hits: 0 }), listFaults: async () => [] },
    service,
    proxyName: service,
    faultId: `${kind}-test`,
    regions,
  };
  const remove = await runtime.apply(context, runtime.config.settings.parse(raw) as Record<string, unknown>);
  try {
    await check();
  } finally {
    await remove();
  }
  const proxies = await toxiproxy.control.listProxies();
  expect(proxies).toHaveLength(4);
  for (const proxy of proxies) expect(proxy, proxy.name).toMatchObject({ enabled: true, toxics: [] });
  expect(await all()).toEqual(['lucknow/ehospital 200', 'lucknow/icmr 200', 'tirupati/ehospital 200', 'tirupati/icmr 200']);
}

describe('regional partition through the real Toxiproxy', { timeout: 30_000 }, () => {
  it('timeout: the region gets no answer from every service while the other region is answered', () =>
    withFault('regional-partition', 'all', { region: 'tirupati' }, async () => {
      expect(await all()).toEqual(['lucknow/ehospital 200', 'lucknow/icmr 200', 'tirupati/ehospital TIMEOUT', 'tirupati/icmr TIMEOUT']);
      const proxies = await toxiproxy.control.listProxies();
      expect(proxies.find((proxy) => proxy.name === 'icmr-tirupati')?.toxics).toEqual([{ name: 'thap-regional-partition-test', type: 'timeout' }]);
      expect(proxies.find((proxy) => proxy.name === 'icmr-lucknow')?.toxics).toEqual([]);
    }));

  it('a connection opened before the partition hangs too', async () => {
    // A keep-alive connection of the region's client, opened while the route was fine.
    const { Agent } = await import('node:http');
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const viaAgent = (timeoutMs: number) =>
      new Promise<string>((resolve) => {
        const req = request(urls.tirupati!.icmr!, { agent, timeout: timeoutMs }, (response) => {
          response.resume();
          response.on('end', () => resolve(String(response.statusCode)));
        });
        req.on('timeout', () => req.destroy(Object.assign(new Error('timeout'), { code: 'TIMEOUT' })));
        req.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
        req.end();
      });
    expect(await viaAgent(600)).toBe('200');
    await withFault('regional-partition', 'icmr', { region: 'tirupati', services: ['icmr'] }, async () => {
      expect(await viaAgent(600)).toBe('TIMEOUT');
      expect(await all()).toEqual(['lucknow/ehospital 200', 'lucknow/icmr 200', 'tirupati/ehospital 200', 'tirupati/icmr TIMEOUT']);
    });
    agent.destroy();
  });

  it('down: the region is refused, the other region is answered', () =>
    withFault('regional-partition', 'all', { region: 'lucknow', mode: 'down' }, async () => {
      expect(await all()).toEqual(['lucknow/ehospital ECONNREFUSED', 'lucknow/icmr ECONNREFUSED', 'tirupati/ehospital 200', 'tirupati/icmr 200']);
    }));

  it('a network fault on a service acts on its proxy in every region', () =>
    withFault('down', 'icmr', {}, async () => {
      expect(await all()).toEqual(['lucknow/ehospital 200', 'lucknow/icmr ECONNREFUSED', 'tirupati/ehospital 200', 'tirupati/icmr ECONNREFUSED']);
    }));

  it('an unknown region is refused before Toxiproxy is touched', async () => {
    const runtime = faultRuntimes.get('regional-partition')!;
    const context: FaultContext = { toxiproxy: toxiproxy.control, mocks: { addFault: async () => '', removeFault: async () => ({ hits: 0 }), listFaults: async () => [] }, service: 'all', proxyName: 'all', faultId: 'x', regions };
    await expect(runtime.apply(context, { region: 'delhi', mode: 'timeout' })).rejects.toThrow(/region "delhi" has no proxies \(regions: lucknow, tirupati\)/);
    for (const proxy of await toxiproxy.control.listProxies()) expect(proxy).toMatchObject({ enabled: true, toxics: [] });
  });
});

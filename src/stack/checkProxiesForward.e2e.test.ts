import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLoopbackServer } from '../../test/support/loopbackServer.ts';
import { checkProxiesForward } from './checkProxiesForward.ts';
import { CleanupStack } from './cleanupStack.ts';
import { findFreePort } from './findFreePort.ts';
import { proxyServices, startToxiproxy, type RunningToxiproxy } from './startToxiproxy.ts';
import { ensureTools } from './tools/index.ts';

// The real Toxiproxy server in front of a real HTTP server standing in for a mock's admin health route, and in
// front of a port where nothing listens (a proxy that accepts connections and reaches nothing).
const cleanup = new CleanupStack();
let toxiproxy: RunningToxiproxy;
let runDir: string;
let healthAsked = 0;
/** The proxies' URLs per service: ehospital in front of the mock, icmr in front of nothing. */
const proxied: Record<string, string> = {};

beforeAll(async () => {
  const tools = await ensureTools({});
  runDir = await mkdtemp(join(tmpdir(), 'thap-forward-'));
  const mock = await startLoopbackServer((request, response) => {
    if (request.url === '/__admin/health') healthAsked += 1;
    response.writeHead(request.url === '/__admin/health' ? 200 : 404).end('{}');
  });
  cleanup.defer('stop the mock', () => mock.close());
  toxiproxy = await startToxiproxy({ binary: tools.toxiproxy.path, runDir, cleanup });
  const nothing = `http://127.0.0.1:${await findFreePort()}`;
  Object.assign(proxied, await proxyServices({ toxiproxy, upstreams: { ehospital: mock.url, icmr: nothing }, cleanup }));
}, 300_000);

afterAll(() => cleanup.runAll());

describe('checkProxiesForward through the real Toxiproxy', () => {
  it('passes a proxy that carries the request to its mock, which sees it', async () => {
    const before = healthAsked;
    await expect(checkProxiesForward({ proxied: { ehospital: proxied.ehospital! } })).resolves.toBeUndefined();
    expect(healthAsked).toBeGreaterThan(before);
  });

  it('stops the run as the harness failure, naming only the proxy that reaches nothing', async () => {
    const failure = checkProxiesForward({ proxied, timeoutMs: 1_500 });
    await expect(failure).rejects.toMatchObject({ code: 'THAP_PROXY_DEAD', name: 'HarnessError' });
    const message = await failure.catch((error: Error) => error.message);
    expect(message).toContain(`icmr at ${proxied.icmr}`);
    expect(message).not.toContain('ehospital');
    expect(message).toContain('the harness, not the client, is at fault');
  });

  it('logs each accepted connection at info, not a debug or trace line per connection', async () => {
    await checkProxiesForward({ proxied: { ehospital: proxied.ehospital! } });
    const lines = (await readFile(join(runDir, 'toxiproxy.log'), 'utf8')).split('\n').filter((line) => line.startsWith('{'));
    const levels = lines.map((line) => (JSON.parse(line) as { level: string }).level);
    expect(lines.some((line) => line.includes('Accepted client'))).toBe(true);
    expect(levels.filter((level) => level === 'debug' || level === 'trace')).toEqual([]);
  });
});

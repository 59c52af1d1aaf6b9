import { describe, expect, it } from 'vitest';
import { containerImages, directClientPort, directMockPorts, proxyPorts, toxiproxyApiPort } from './layout.ts';
import { startContainerStack } from './startContainerStack.ts';

// Without Docker: a recording stand-in for testcontainers checks how the stack is wired (images, shared
// network namespace, commands, environment, files copied in, stop order). The real run is in
// startContainerStack.e2e.test.ts, skipped without Docker.
interface Recorded {
  image: string;
  calls: Record<string, unknown[]>;
  stopped: boolean;
}

function recordingTestcontainers({ failStart }: { failStart?: (image: string) => Error | undefined } = {}) {
  const containers: Recorded[] = [];
  const stops: string[] = [];
  class GenericContainer {
    readonly record: Recorded;
    constructor(image: string) {
      this.record = { image, calls: {}, stopped: false };
      containers.push(this.record);
      const index = containers.length;
      const proxy: GenericContainer = new Proxy(this, {
        get: (target, property: string) => {
          if (property === 'start') {
            return async () => {
              const failure = failStart?.(target.record.image);
              if (failure) throw failure;
              return started(target.record, index);
            };
          }
          if (property === 'record') return target.record;
          return (...args: unknown[]) => {
            target.record.calls[property] = args;
            return proxy;
          };
        },
      });
      return proxy;
    }
  }
  const started = (record: Recorded, index: number) => ({
    getId: () => `id-${index}`,
    getHost: () => 'docker.host',
    getMappedPort: (port: number) => port + 10_000,
    stop: async () => {
      record.stopped = true;
      stops.push(record.image + (record.calls.withCommand as string[][] | undefined)?.[0]?.join(' '));
    },
  });
  const Wait = { forHttp: (path: string, port: number) => ({ http: path, port }), forLogMessage: (pattern: RegExp) => ({ log: String(pattern) }) };
  const load = async () => ({ GenericContainer, Wait, getContainerRuntimeClient: async () => ({}) }) as never;
  return { load, containers, stops };
}

describe('startContainerStack wiring', () => {
  it('starts Toxiproxy, then the mocks and the client in its namespace, and maps host URLs', async () => {
    const fake = recordingTestcontainers();
    const stack = await startContainerStack({ testcontainers: fake.load, seed: 9, runDir: '/tmp/run-x', mocksConfig: { services: { ehospital: { idempotency: false } } }, timeScale: 60 });
    const [toxiproxy, mocks, client] = fake.containers;
    expect(fake.containers.map((container) => container.image)).toEqual([containerImages.toxiproxy, containerImages.node, containerImages.node]);
    expect(toxiproxy?.calls.withCommand?.[0]).toContain('-config=/config/toxiproxy.json');
    const config = JSON.parse((toxiproxy?.calls.withCopyContentToContainer?.[0] as Array<{ content: string }>)[0]?.content ?? '[]') as Array<{ name: string }>;
    expect(config.map((proxy) => proxy.name)).toEqual(expect.arrayContaining(['ehospital', 'payment', 'direct-client', 'direct-ehospital']));
    expect(toxiproxy?.calls.withExposedPorts).toEqual(expect.arrayContaining([toxiproxyApiPort, directClientPort, directMockPorts.ehospital]));
    expect(mocks?.calls.withNetworkMode).toEqual(['container:id-1']);
    expect(client?.calls.withNetworkMode).toEqual(['container:id-1']);
    expect(mocks?.calls.withCommand?.[0]).toEqual(['node', '--import', 'tsx', 'src/stack/container/serveMocks.ts']);
    expect(mocks?.calls.withEnvironment?.[0]).toEqual({ THAP_SEED: '9', THAP_RUN_DIR: '/run-dir', THAP_MOCKS_CONFIG: '/config/mocks.json' });
    expect(JSON.parse((mocks?.calls.withCopyContentToContainer?.[0] as Array<{ content: string }>)[0]?.content ?? '{}')).toEqual({ services: { ehospital: { idempotency: false } } });
    expect(client?.calls.withEnvironment?.[0]).toMatchObject({ PORT: '8080', THAP_TIME_SCALE: '60', THAP_NIC_EHOSPITAL_URL: `http://127.0.0.1:${proxyPorts.ehospital}` });
    expect(stack.toxiproxyApiUrl).toBe(`http://docker.host:${toxiproxyApiPort + 10_000}`);
    expect(stack.clientUrl).toBe(`http://docker.host:${directClientPort + 10_000}`);
    expect(stack.mockUrls.sms).toBe(`http://docker.host:${directMockPorts.sms + 10_000}`);
    await stack.stop();
    expect(fake.containers.every((container) => container.stopped)).toBe(true);
    expect(fake.stops[0]).toContain('examples/naive/server.ts');
    expect(fake.stops.at(-1)).toContain(containerImages.toxiproxy);
  });

  it('names an image that cannot be pulled and how to load it without a registry, after stopping what started', async () => {
    const fake = recordingTestcontainers({ failStart: (image) => (image === 'vendor/hmis:1' ? new Error("(HTTP code 404) unexpected - pull access denied for vendor/hmis, repository does not exist or may require 'docker login'") : undefined) });
    const attempt = startContainerStack({ testcontainers: fake.load, client: { command: ['./hmis'], image: 'vendor/hmis:1' } });
    await expect(attempt).rejects.toThrow(/^cannot pull the image vendor\/hmis:1 \(unexpected - pull access denied for vendor\/hmis.*docker load -i image\.tar/);
    await expect(attempt).rejects.toMatchObject({ exitCode: 3, code: 'THAP_IMAGE_PULL' });
    expect(fake.containers.filter((container) => container.image !== 'vendor/hmis:1').every((container) => container.stopped)).toBe(true);
  });

  it('starts no client when told so', async () => {
    const fake = recordingTestcontainers();
    const stack = await startContainerStack({ testcontainers: fake.load, client: null });
    expect(fake.containers).toHaveLength(2);
    expect(stack.clientUrl).toBeUndefined();
    await stack.stop();
  });
});

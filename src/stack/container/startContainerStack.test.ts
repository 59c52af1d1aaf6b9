import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { HarnessError } from '../../core/index.ts';
import { assertDockerAvailable, dockerUnavailableError, isDockerAvailable } from './dockerAvailable.ts';
import { containerImages, directForwards, toxiproxyProxies } from './layout.ts';
import { startContainerStack } from './startContainerStack.ts';
import { dockerReadiness } from './testing/dockerReadiness.ts';
import { docker as runDocker } from './images/docker.ts';

const dockerAvailable = await isDockerAvailable();
// The real stack needs the engine and its images here (`thap tools install --images`): a test never pulls.
const docker = await dockerReadiness({ images: [containerImages.toxiproxy, containerImages.node] });
const here = path.dirname(fileURLToPath(import.meta.url));

describe('container runtime check', () => {
  // This machine has no Docker engine: this is the path users without Docker see.
  it.skipIf(dockerAvailable)('fails with one clear "Docker not available" error when there is no container runtime', async () => {
    const error = (await startContainerStack().catch((caught: unknown) => caught)) as HarnessError;
    expect(error).toBeInstanceOf(HarnessError);
    expect(error.code).toBe('THAP_DOCKER_UNAVAILABLE');
    expect(error.exitCode).toBe(3);
    expect(error.message).toMatch(/^Docker not available: /);
    expect(error.message).toContain('fix: start the Docker engine');
  });

  it('maps only the "no runtime" error and lets other errors through', async () => {
    expect(dockerUnavailableError(new Error('Could not find a working container runtime strategy'))?.code).toBe('THAP_DOCKER_UNAVAILABLE');
    expect(dockerUnavailableError(new Error('pull access denied for x'))).toBeUndefined();
    const other = new Error('socket hang up');
    const load = async () => ({ getContainerRuntimeClient: async () => Promise.reject(other) }) as never;
    await expect(assertDockerAvailable({ load })).rejects.toBe(other);
    const none = async () => ({ getContainerRuntimeClient: async () => Promise.reject(new Error('Could not find a working container runtime strategy')) }) as never;
    await expect(assertDockerAvailable({ load: none })).rejects.toThrow(/^Docker not available/);
  });

  it('imports testcontainers only lazily (type-only imports elsewhere)', () => {
    const files = readdirSync(here).filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'));
    for (const file of files) {
      const source = readFileSync(path.join(here, file), 'utf8');
      const valueImports = source.split('\n').filter((line) => /^import\s+(?!type\b).*from\s+'testcontainers'/.test(line));
      expect(valueImports, file).toEqual([]);
    }
    expect(readFileSync(path.join(here, 'dockerAvailable.ts'), 'utf8')).toContain("import('testcontainers')");
  });

  it('gives the host fault-free forwards that do not clash with the fault proxies', () => {
    const all = [...toxiproxyProxies(), ...directForwards()];
    const names = all.map((proxy) => proxy.name);
    const ports = all.map((proxy) => proxy.listen.split(':')[1]);
    expect(new Set(names).size).toBe(names.length);
    expect(new Set(ports).size).toBe(ports.length);
    expect(directForwards().every((proxy) => proxy.name.startsWith('direct-') && proxy.listen.startsWith('0.0.0.0:'))).toBe(true);
    expect(toxiproxyProxies().every((proxy) => proxy.listen.startsWith('127.0.0.1:'))).toBe(true);
  });
});

describe('container stack (needs a Docker engine and the images)', () => {
  it.skipIf(!docker.ready)(
    `starts Toxiproxy with its proxies, the mocks and the naive client, reachable from the host ${docker.reason}`,
    async () => {
      const stack = await startContainerStack({ seed: 7 });
      try {
        const proxies = (await (await fetch(`${stack.toxiproxyApiUrl}/proxies`)).json()) as Record<string, unknown>;
        expect(Object.keys(proxies)).toEqual(expect.arrayContaining(['ehospital', 'payment', 'direct-client']));
        const health = await fetch(`${stack.mockUrls.ehospital}/__admin/health`);
        expect(await health.json()).toMatchObject({ ok: true, service: 'ehospital' });
        const client = await fetch(`${stack.clientUrl}/health`);
        expect(client.ok).toBe(true);
      } finally {
        await stack.stop();
      }
    },
    300_000,
  );

  it.skipIf(!docker.ready)(`an image that cannot be had: one line naming it and the fix, exit 3, nothing left running ${docker.reason}`, async () => {
    const label = `missing-image-${process.pid}-${Date.now()}`;
    const error = (await startContainerStack({ client: { command: ['true'], image: 'thap-test/not-anywhere:0' }, labels: { 'thap.test': label } }).catch((caught: unknown) => caught)) as HarnessError;
    expect(error).toBeInstanceOf(HarnessError);
    expect(error.exitCode).toBe(3);
    expect(error.message).toMatch(/^cannot pull the image thap-test\/not-anywhere:0 \(.+\); fix: load it without a registry: /);
    expect(error.message).not.toContain('\n');
    const left = await runDocker(['ps', '-aq', '--filter', `label=thap.test=${label}`]);
    expect(left.code).toBe(0);
    expect(left.stdout.trim()).toBe('');
  }, 300_000);
});

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { HarnessError } from '../../core/index.ts';
import { assertDockerAvailable, dockerUnavailableError, isDockerAvailable } from './dockerAvailable.ts';
import { directForwards, toxiproxyProxies } from './layout.ts';
import { startContainerStack } from './startContainerStack.ts';

const dockerAvailable = await isDockerAvailable();
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

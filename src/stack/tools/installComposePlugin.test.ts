import { chmodSync, mkdtempSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { installComposePlugin } from './installComposePlugin.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function fakeCompose(version: string): { root: string; binary: string } {
  const root = mkdtempSync(path.join(os.tmpdir(), 'thap-compose-'));
  dirs.push(root);
  const binary = path.join(root, 'docker-compose');
  writeFileSync(binary, `#!/bin/sh\necho "Docker Compose version v${version}"\n`);
  chmodSync(binary, 0o755);
  return { root, binary };
}

describe('installComposePlugin', () => {
  it('links the compose binary at its pin as the docker CLI plugin, and again when the link points elsewhere', async () => {
    const { root, binary } = fakeCompose('5.6.0');
    const env = { PATH: '/nonexistent', HOME: root, DOCKER_CONFIG: path.join(root, 'docker'), THAP_COMPOSE_PATH: binary };
    const installed = await installComposePlugin({ env, cacheDir: path.join(root, 'cache') });
    expect(installed).toMatchObject({ name: 'compose', version: '5.6.0', source: 'env', plugin: path.join(root, 'docker/cli-plugins/docker-compose') });
    expect(readlinkSync(installed.plugin)).toBe(binary);
    const other = fakeCompose('5.6.0');
    await installComposePlugin({ env: { ...env, THAP_COMPOSE_PATH: other.binary }, cacheDir: path.join(root, 'cache') });
    expect(readlinkSync(installed.plugin)).toBe(other.binary);
  });

  it('links a compose the user named at another version too, reporting that version (their choice, as with k6)', async () => {
    const { root, binary } = fakeCompose('2.20.0');
    const env = { PATH: '/nonexistent', HOME: root, DOCKER_CONFIG: path.join(root, 'docker'), THAP_COMPOSE_PATH: binary };
    const installed = await installComposePlugin({ env, cacheDir: path.join(root, 'cache') });
    expect(installed.version).toBe('2.20.0');
    expect(readlinkSync(installed.plugin)).toBe(binary);
  });
});

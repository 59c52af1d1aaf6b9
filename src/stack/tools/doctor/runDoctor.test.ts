import { chmodSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeFakeWorld, type FakeWorld } from '../../../../test/support/fakeBinaries.ts';
import { checkNode } from './checkNode.ts';
import { formatDoctor } from './formatDoctor.ts';
import { runDoctor } from './runDoctor.ts';

let world: FakeWorld;
beforeEach(() => {
  world = makeFakeWorld();
});
afterEach(() => world.cleanup());

function fake(dir: string, name: string, body: string): void {
  const file = path.join(dir, name);
  writeFileSync(file, `#!/bin/sh\n${body}\n`);
  chmodSync(file, 0o755);
}

describe('runDoctor', () => {
  it('reports missing tools with what they disable and how to fix them, and stays ok without them', async () => {
    const report = await runDoctor({ env: world.env([]), cacheDir: world.dir('cache'), chromiumPaths: [] });
    const byName = Object.fromEntries(report.checks.map((check) => [check.name, check]));
    expect(report.ok).toBe(true);
    expect(report.checks.map((check) => check.name)).toEqual(['node', 'go', 'toxiproxy', 'k6', 'docker', 'chromium']);
    expect(byName.node?.status).toBe('ok');
    expect(byName.go).toMatchObject({ status: 'missing', fix: expect.stringContaining('install Go 1.25+') });
    expect(byName.k6).toMatchObject({ status: 'missing', disables: expect.stringContaining('load generation'), fix: expect.stringContaining('thap tools install') });
    expect(byName.docker).toMatchObject({ status: 'missing' });
    expect(byName.chromium).toMatchObject({ status: 'missing', disables: expect.stringContaining('PDF') });
    const text = formatDoctor(report);
    expect(text).toContain('k6 (missing) disables: load generation');
    expect(text).toContain('fix: run `thap tools install`');
  });

  it('counts Docker only when the engine answers', async () => {
    const dir = world.dir('bin');
    fake(dir, 'docker', 'echo "Cannot connect to the Docker daemon at unix:///var/run/docker.sock." >&2; exit 1');
    const down = await runDoctor({ env: world.env([dir]), cacheDir: world.dir('cache'), chromiumPaths: [] });
    expect(down.checks.find((check) => check.name === 'docker')).toMatchObject({ status: 'unreachable', detail: expect.stringContaining('Cannot connect') });
    fake(dir, 'docker', 'echo "27.3.1"');
    const up = await runDoctor({ env: world.env([dir]), cacheDir: world.dir('cache'), chromiumPaths: [] });
    expect(up.checks.find((check) => check.name === 'docker')).toMatchObject({ status: 'ok', version: '27.3.1' });
  });

  it('finds tools, Go and Chromium with their versions', async () => {
    const dir = world.dir('bin');
    world.fakeK6({ dir, version: '2.2.0' });
    world.fakeToxiproxy({ dir, version: '2.12.0' });
    world.fakeGo({ dir, goVersion: '1.22.1' });
    fake(dir, 'chromium', 'echo "Chromium 131.0.6778.85 built on Debian"');
    const report = await runDoctor({ env: world.env([dir]), cacheDir: world.dir('cache'), chromiumPaths: [] });
    const byName = Object.fromEntries(report.checks.map((check) => [check.name, check]));
    expect(byName.k6).toMatchObject({ status: 'ok', version: '2.2.0', detail: 'from path' });
    expect(byName.toxiproxy).toMatchObject({ status: 'ok', version: '2.12.0' });
    expect(byName.go).toMatchObject({ status: 'wrong-version', version: '1.22.1' });
    expect(byName.chromium).toMatchObject({ status: 'ok', version: '131.0.6778.85' });
  });

  it('fails the required Node check below the engines minimum', () => {
    expect(checkNode({ version: '18.20.4' })).toMatchObject({ status: 'wrong-version', required: true, fix: expect.stringContaining('20.19') });
    expect(checkNode({ version: '20.19.0' }).status).toBe('ok');
  });
});

import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeStamp } from '../../stack/tools/stamp.ts';
import { makeFakeWorld, type FakeWorld } from '../../../test/support/fakeBinaries.ts';

const thap = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../bin/thap.js');
let world: FakeWorld;
beforeEach(() => {
  world = makeFakeWorld();
});
afterEach(() => world.cleanup());

function run(args: string[], env: NodeJS.ProcessEnv) {
  // PATH keeps only node's directory: no real k6, toxiproxy-server or go can be found.
  const result = spawnSync(process.execPath, [thap, ...args], { env: { ...env, PATH: path.dirname(process.execPath) }, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('thap tools and thap doctor', () => {
  it('tools install --json reports cached tools and their source', () => {
    const cacheDir = world.dir('cache');
    const bin = world.dir('cache/bin');
    writeStamp({ binaryPath: world.fakeK6({ dir: bin, version: '2.2.0' }), version: '2.2.0' });
    writeStamp({ binaryPath: world.fakeToxiproxy({ dir: bin, version: '2.12.0' }), version: '2.12.0' });
    const result = run(['tools', 'install', '--json', '--cache-dir', cacheDir], { HOME: world.root });
    expect(result.code).toBe(0);
    const tools = JSON.parse(result.stdout) as Record<string, { source: string; version: string; path: string }>;
    expect(tools.k6).toEqual({ name: 'k6', path: path.join(bin, 'k6'), version: '2.2.0', source: 'cache' });
    expect(tools.toxiproxy?.source).toBe('cache');
  });

  it('an explicit path that does not exist exits 2 naming the flag', () => {
    const result = run(['tools', 'install', '--k6', '/nowhere/k6'], { HOME: world.root });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('thap: --k6 /nowhere/k6: does not exist');
  });

  it('tools install without Go exits 3 with the fix', () => {
    const result = run(['tools', 'install', '--cache-dir', world.dir('empty')], { HOME: world.root });
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('install Go 1.25+');
  });

  it('tools path exits 3 when a tool is missing, never building', () => {
    const result = run(['tools', 'path', '--cache-dir', world.dir('empty')], { HOME: world.root });
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('k6 not found at the pinned version; fix: run `thap tools install`');
  });

  it('doctor --json exits 0 with optional tools missing', () => {
    const result = run(['doctor', '--json', '--cache-dir', world.dir('empty')], { HOME: world.root });
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as { ok: boolean; checks: Array<{ name: string; status: string }> };
    expect(report.ok).toBe(true);
    expect(report.checks.find((check) => check.name === 'k6')?.status).toBe('missing');
    expect(report.checks.find((check) => check.name === 'node')?.status).toBe('ok');
  });
});

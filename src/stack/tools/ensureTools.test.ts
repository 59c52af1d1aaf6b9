import path from 'node:path';
import { existsSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HarnessError } from '../../core/index.ts';
import { ensureTool, ensureTools } from './ensureTools.ts';
import { readStamp } from './stamp.ts';
import { makeFakeWorld, type FakeWorld } from '../../../test/support/fakeBinaries.ts';

let world: FakeWorld;
beforeEach(() => {
  world = makeFakeWorld();
});
afterEach(() => world.cleanup());

describe('ensureTools', () => {
  it('returns tools found on PATH without calling go', async () => {
    const dir = world.dir('path');
    world.fakeK6({ dir, version: '2.2.0' });
    world.fakeToxiproxy({ dir, version: '2.12.0' });
    world.fakeGo({ dir });
    const tools = await ensureTools({ env: world.env([dir]), cacheDir: world.dir('cache') });
    expect(tools.k6).toMatchObject({ source: 'path', version: '2.2.0' });
    expect(tools.toxiproxy).toMatchObject({ source: 'path', version: '2.12.0' });
    expect(world.calls().filter((call) => call.startsWith('go '))).toEqual([]);
  });

  it('explains how to fix a missing Go when a build is needed', async () => {
    const error = await ensureTools({ env: world.env([]), cacheDir: world.dir('cache') }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(HarnessError);
    const message = (error as HarnessError).message;
    expect((error as HarnessError).code).toBe('THAP_TOOL_NO_GO');
    expect(message).toContain('k6 2.2.0 and toxiproxy 2.12.0 not found');
    expect(message).toContain('install Go 1.25+');
    expect(message).toContain('pass --k6 PATH (or set THAP_K6_PATH)');
    expect(message).toContain('pass --toxiproxy PATH');
  });

  it('names only the missing tool', async () => {
    const dir = world.dir('path');
    world.fakeK6({ dir, version: '2.2.0' });
    await expect(ensureTools({ env: world.env([dir]), cacheDir: world.dir('cache') })).rejects.toThrow(/^toxiproxy 2\.12\.0 not found.*install Go 1\.23\+/);
  });

  it('refuses a Go older than the module needs', async () => {
    const dir = world.dir('path');
    world.fakeGo({ dir, goVersion: '1.21.4' });
    const error = (await ensureTools({ env: world.env([dir]), cacheDir: world.dir('cache') }).catch((caught: unknown) => caught)) as HarnessError;
    expect(error.code).toBe('THAP_TOOL_OLD_GO');
    expect(error.message).toContain('needs Go 1.25+, but');
    expect(error.message).toContain('is Go 1.21.4');
    expect(error.message).toContain('GOTOOLCHAIN=auto');
  });

  it('lets an explicit GOTOOLCHAIN build with an older Go', async () => {
    const dir = world.dir('path');
    world.fakeGo({ dir, goVersion: '1.21.4' });
    const tool = await ensureTool({ name: 'k6', env: { ...world.env([dir]), GOTOOLCHAIN: 'auto' }, cacheDir: world.dir('cache') });
    expect(tool.source).toBe('built');
  });

  it('builds missing tools into the cache, stamps them, and reuses them next time', async () => {
    const dir = world.dir('path');
    world.fakeGo({ dir });
    const cacheDir = world.dir('cache');
    const progress: string[] = [];
    const first = await ensureTools({ env: world.env([dir]), cacheDir, onProgress: (line) => progress.push(line) });
    expect(first.k6).toEqual({ name: 'k6', path: path.join(cacheDir, 'bin', 'k6'), version: '2.2.0', source: 'built' });
    expect(first.toxiproxy).toEqual({ name: 'toxiproxy', path: path.join(cacheDir, 'bin', 'toxiproxy-server'), version: '2.12.0', source: 'built' });
    expect(readStamp(first.k6.path)).toBe('2.2.0');
    expect(progress).toContain('k6: go get go.k6.io/k6/v2@v2.2.0');
    expect(progress.some((line) => line.startsWith('toxiproxy: built '))).toBe(true);
    const builds = world.calls().filter((call) => call.startsWith('go build'));
    expect(builds).toHaveLength(2);
    expect(builds[1]).toContain('-X github.com/Shopify/toxiproxy/v2.Version=2.12.0');
    expect(existsSync(path.join(cacheDir, 'tools.lock'))).toBe(false);

    const callsBefore = world.calls().length;
    const second = await ensureTools({ env: world.env([dir]), cacheDir });
    expect(second.k6.source).toBe('cache');
    expect(second.toxiproxy.source).toBe('cache');
    expect(world.calls().length).toBe(callsBefore);
  });

  it('builds outside any workspace and vendor mode of the user', async () => {
    const dir = world.dir('path');
    world.fakeGo({ dir });
    await ensureTool({ name: 'k6', env: { ...world.env([dir]), GOFLAGS: '-mod=vendor -trimpath' }, cacheDir: world.dir('cache') });
    const build = world.calls().find((call) => call.startsWith('go build')) ?? '';
    expect(build).toContain('[GOFLAGS=-trimpath -mod=mod GOWORK=off]');
  });

  it('fails clearly when the built binary reports the wrong version', async () => {
    const dir = world.dir('path');
    world.fakeGo({ dir, builtK6Version: '9.9.9' });
    await expect(ensureTools({ env: world.env([dir]), cacheDir: world.dir('cache') })).rejects.toThrow(/reports version 9\.9\.9, expected 2\.2\.0/);
  });

  it('reports the failing go step with its output', async () => {
    const dir = world.dir('path');
    world.fakeGo({ dir, failGet: true });
    const error = (await ensureTools({ env: world.env([dir]), cacheDir: world.dir('cache') }).catch((caught: unknown) => caught)) as HarnessError;
    expect(error.code).toBe('THAP_TOOL_BUILD');
    expect(error.message).toContain('failed at `go get go.k6.io/k6/v2@v2.2.0` (exit 1)');
    expect(error.message).toContain('go: module lookup disabled');
  });

  it('builds once when two callers race for the same cache', async () => {
    const dir = world.dir('path');
    world.fakeGo({ dir, buildSleepS: 0.3 });
    const cacheDir = world.dir('cache');
    const [a, b] = await Promise.all([ensureTools({ env: world.env([dir]), cacheDir }), ensureTools({ env: world.env([dir]), cacheDir })]);
    expect(world.calls().filter((call) => call.startsWith('go build'))).toHaveLength(2);
    expect([a.k6.source, b.k6.source].sort()).toEqual(['built', 'cache']);
  });
});

describe('ensureTool', () => {
  it('builds only the tool asked for', async () => {
    const dir = world.dir('path');
    world.fakeGo({ dir });
    const tool = await ensureTool({ name: 'toxiproxy', env: world.env([dir]), cacheDir: world.dir('cache') });
    expect(tool).toMatchObject({ name: 'toxiproxy', source: 'built', version: '2.12.0' });
    const builds = world.calls().filter((call) => call.startsWith('go build'));
    expect(builds).toHaveLength(1);
    expect(builds[0]).toContain('toxiproxy/v2/cmd/server');
  });
});

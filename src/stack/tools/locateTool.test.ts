import path from 'node:path';
import { appendFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UserError } from '../../core/index.ts';
import { locateTool } from './locateTool.ts';
import { readStamp, writeStamp } from './stamp.ts';
import { makeFakeWorld, type FakeWorld } from '../../../test/support/fakeBinaries.ts';

let world: FakeWorld;
beforeEach(() => {
  world = makeFakeWorld();
});
afterEach(() => world.cleanup());

describe('locateTool lookup order', () => {
  it('prefers the flag over the env var and PATH', async () => {
    const flagK6 = world.fakeK6({ dir: world.dir('flag'), version: '2.2.0' });
    const envK6 = world.fakeK6({ dir: world.dir('envdir'), version: '2.2.0' });
    const pathDir = world.dir('path');
    world.fakeK6({ dir: pathDir, version: '2.2.0' });
    const env = { ...world.env([pathDir]), THAP_K6_PATH: envK6 };
    const tool = await locateTool({ name: 'k6', k6Path: flagK6, env, cacheDir: world.dir('cache') });
    expect(tool).toEqual({ name: 'k6', path: flagK6, version: '2.2.0', source: 'flag' });
  });

  it('uses THAP_TOXIPROXY_PATH when no flag is given', async () => {
    const envToxi = world.fakeToxiproxy({ dir: world.dir('envdir'), version: '2.12.0' });
    const env = { ...world.env([]), THAP_TOXIPROXY_PATH: envToxi };
    const tool = await locateTool({ name: 'toxiproxy', env, cacheDir: world.dir('cache') });
    expect(tool).toMatchObject({ path: envToxi, source: 'env', version: '2.12.0' });
  });

  it('uses an explicit binary of another version, with a note', async () => {
    const old = world.fakeK6({ dir: world.dir('flag'), version: '1.8.1' });
    const notes: string[] = [];
    const tool = await locateTool({ name: 'k6', k6Path: old, env: world.env([]), cacheDir: world.dir('cache'), onProgress: (line) => notes.push(line) });
    expect(tool).toMatchObject({ path: old, version: '1.8.1', source: 'flag' });
    expect(notes.join('\n')).toContain('thap is pinned to 2.2.0');
  });

  it('rejects an explicit path that does not exist, naming the flag', async () => {
    const missing = path.join(world.root, 'nope', 'k6');
    await expect(locateTool({ name: 'k6', k6Path: missing, env: world.env([]) })).rejects.toThrow(UserError);
    await expect(locateTool({ name: 'k6', k6Path: missing, env: world.env([]) })).rejects.toThrow(`--k6 ${missing}: does not exist`);
  });

  it('rejects an env path that does not exist, naming the variable', async () => {
    const env = { ...world.env([]), THAP_TOXIPROXY_PATH: path.join(world.root, 'gone') };
    await expect(locateTool({ name: 'toxiproxy', env })).rejects.toThrow(/THAP_TOXIPROXY_PATH .*gone: does not exist/);
  });

  it('rejects an explicit path that is a directory', async () => {
    const dir = world.dir('adir');
    await expect(locateTool({ name: 'toxiproxy', toxiproxyPath: dir, env: world.env([]) })).rejects.toThrow('--toxiproxy');
  });

  it('skips a wrong version on PATH with a note and takes the next one', async () => {
    const first = world.dir('first');
    const second = world.dir('second');
    world.fakeK6({ dir: first, version: '0.50.0' });
    const good = world.fakeK6({ dir: second, version: '2.2.0' });
    const notes: string[] = [];
    const tool = await locateTool({ name: 'k6', env: world.env([first, second]), cacheDir: world.dir('cache'), onProgress: (line) => notes.push(line) });
    expect(tool).toMatchObject({ path: good, source: 'path', version: '2.2.0' });
    expect(notes).toEqual([`k6: skipping ${path.join(first, 'k6')} on PATH: it reports 0.50.0, thap needs 2.2.0`]);
  });

  it('returns undefined when only a wrong version exists', async () => {
    const dir = world.dir('old');
    world.fakeToxiproxy({ dir, version: '2.5.0' });
    expect(await locateTool({ name: 'toxiproxy', env: world.env([dir]), cacheDir: world.dir('cache') })).toBeUndefined();
  });
});

describe('locateTool cache', () => {
  it('finds a stamped cached binary without executing it', async () => {
    const cacheDir = world.dir('cache');
    const cached = world.fakeK6({ dir: world.dir('cache/bin'), version: '2.2.0' });
    writeStamp({ binaryPath: cached, version: '2.2.0' });
    const tool = await locateTool({ name: 'k6', env: world.env([]), cacheDir });
    expect(tool).toEqual({ name: 'k6', path: cached, version: '2.2.0', source: 'cache' });
    expect(world.calls()).toEqual([]);
  });

  it('probes an unstamped cached binary once and stamps it', async () => {
    const cacheDir = world.dir('cache');
    const cached = world.fakeToxiproxy({ dir: world.dir('cache/bin'), version: '2.12.0' });
    expect(await locateTool({ name: 'toxiproxy', env: world.env([]), cacheDir })).toMatchObject({ source: 'cache' });
    expect(readStamp(cached)).toBe('2.12.0');
    expect(world.calls()).toHaveLength(1);
    await locateTool({ name: 'toxiproxy', env: world.env([]), cacheDir });
    expect(world.calls()).toHaveLength(1);
  });

  it('ignores a stamp that no longer matches the file', async () => {
    const cacheDir = world.dir('cache');
    const cached = world.fakeK6({ dir: world.dir('cache/bin'), version: '1.0.0' });
    writeStamp({ binaryPath: cached, version: '2.2.0' });
    appendFileSync(cached, '# changed\n');
    const notes: string[] = [];
    expect(await locateTool({ name: 'k6', env: world.env([]), cacheDir, onProgress: (line) => notes.push(line) })).toBeUndefined();
    expect(notes.join('\n')).toContain('reports 1.0.0, thap needs 2.2.0: it will be rebuilt');
  });

  it('reads the cache dir from THAP_CACHE_DIR', async () => {
    const cacheDir = world.dir('envcache');
    world.fakeK6({ dir: world.dir('envcache/bin'), version: '2.2.0' });
    const tool = await locateTool({ name: 'k6', env: { ...world.env([]), THAP_CACHE_DIR: cacheDir } });
    expect(tool).toMatchObject({ source: 'cache', path: path.join(cacheDir, 'bin', 'k6') });
  });
});

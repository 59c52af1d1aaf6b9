import { describe, expect, it } from 'vitest';
import { compareVersions, parseGoBuildInfoVersion, parseGoVersion, parseToolVersion } from './parseVersion.ts';
import { resolveCacheDir } from './cacheDir.ts';

describe('version parsing', () => {
  it('reads k6 and toxiproxy version lines', () => {
    expect(parseToolVersion({ name: 'k6', output: 'k6 v2.2.0 (go1.26.8, linux/amd64)\n' })).toBe('2.2.0');
    expect(parseToolVersion({ name: 'toxiproxy', output: 'toxiproxy-server version 2.12.0\n' })).toBe('2.12.0');
    expect(parseToolVersion({ name: 'toxiproxy', output: 'toxiproxy-server version git\n' })).toBeUndefined();
  });

  it('reads a module version from go build info', () => {
    const output = '/x/server: go1.26.8\n\tpath\tgithub.com/Shopify/toxiproxy/v2/cmd/server\n\tmod\tgithub.com/Shopify/toxiproxy/v2\tv2.12.0\th1:abc=\n\tdep\tgithub.com/beorn7/perks\tv1.0.1\n';
    expect(parseGoBuildInfoVersion({ module: 'github.com/Shopify/toxiproxy/v2', output })).toBe('2.12.0');
    expect(parseGoBuildInfoVersion({ module: 'go.k6.io/k6/v2', output })).toBeUndefined();
  });

  it('reads go version and compares versions numerically', () => {
    expect(parseGoVersion('go version go1.26.8 linux/amd64')).toBe('1.26.8');
    expect(compareVersions('1.9', '1.25')).toBeLessThan(0);
    expect(compareVersions('1.25.0', '1.25')).toBe(0);
    expect(compareVersions('1.26.8', '1.25')).toBeGreaterThan(0);
  });
});

describe('resolveCacheDir', () => {
  it('takes the option, then THAP_CACHE_DIR, then XDG_CACHE_HOME, then HOME', () => {
    const env = { THAP_CACHE_DIR: '/a', XDG_CACHE_HOME: '/b', HOME: '/h' };
    expect(resolveCacheDir({ cacheDir: '/o', env })).toBe('/o');
    expect(resolveCacheDir({ env })).toBe('/a');
    expect(resolveCacheDir({ env: { XDG_CACHE_HOME: '/b', HOME: '/h' } })).toBe('/b/thap');
    expect(resolveCacheDir({ env: { HOME: '/h' } })).toBe('/h/.cache/thap');
  });
});

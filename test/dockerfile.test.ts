import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { goImage } from '../src/stack/container/images/imageList.ts';
import { containerImages } from '../src/stack/container/layout.ts';
import { compareVersions } from '../src/stack/tools/parseVersion.ts';
import { toolPins } from '../src/stack/tools/pins.ts';

// docker/Dockerfile builds the thap image at the pinned versions; test/thapImage.e2e.test.ts runs the image.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dockerfile = readFileSync(path.join(root, 'docker/Dockerfile'), 'utf8');
const argDefault = (name: string): string | undefined => new RegExp(`^ARG ${name}=(\\S+)$`, 'm').exec(dockerfile)?.[1];

describe('docker/Dockerfile', () => {
  it('builds k6 and Toxiproxy at the pins, in the Go image thap makes available, on the Node image of the stack', () => {
    expect(argDefault('K6_VERSION')).toBe(toolPins.k6.version);
    expect(argDefault('TOXIPROXY_VERSION')).toBe(toolPins.toxiproxy.version);
    expect(argDefault('GO_IMAGE')).toBe(goImage);
    expect(argDefault('NODE_IMAGE')).toBe(containerImages.node);
    const goMinor = /^golang:(\d+\.\d+)/.exec(goImage)?.[1] ?? '0';
    for (const pin of [toolPins.k6, toolPins.toxiproxy]) expect(compareVersions(goMinor, pin.minGo), pin.name).toBeGreaterThanOrEqual(0);
    expect(dockerfile).toContain(`-X github.com/Shopify/toxiproxy/v2.Version=\${TOXIPROXY_VERSION}`);
  });

  it('points thap at the built binaries and runs thap (or a .ts file, for the Kubernetes manifests)', () => {
    expect(dockerfile).toContain('ENV THAP_K6_PATH=/usr/local/bin/k6 THAP_TOXIPROXY_PATH=/usr/local/bin/toxiproxy-server');
    expect(dockerfile).toContain('ENTRYPOINT ["/app/docker/entrypoint.sh"]');
    const entrypoint = readFileSync(path.join(root, 'docker/entrypoint.sh'), 'utf8');
    expect(entrypoint).toContain('*.ts) exec node --import tsx "$@"');
    expect(entrypoint).toContain('exec node /app/bin/thap.js "$@"');
  });

  it('keeps the offline inputs out of the image and out of git', () => {
    expect(dockerfile).toContain('RUN rm -rf docker/offline');
    expect(readFileSync(path.join(root, '.gitignore'), 'utf8')).toContain('docker/offline/');
    expect(readFileSync(path.join(root, '.dockerignore'), 'utf8').split('\n')).toEqual(expect.arrayContaining(['node_modules', '.git', 'reports']));
  });
});

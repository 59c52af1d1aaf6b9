import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { clientEnvironment, clientPort, containerImages, harnessForwardPort, mockPorts, toxiproxyApiPort, toxiproxyProxies } from '../src/stack/container/layout.ts';
import { scanScript } from '../src/k8s/k6Inputs.ts';
import { k6ScriptFiles } from '../src/load/index.ts';
import { toolPins } from '../src/stack/tools/pins.ts';

// There is no Docker engine here: these tests check that docker-compose.yml and docker/toxiproxy.json agree
// with the pins and the container layout, and that the files the services run exist.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

interface ComposeService {
  image: string;
  command?: string[];
  environment?: Record<string, string>;
  network_mode?: string;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
  ports?: string[];
  volumes?: string[];
}

const compose = parse(readFileSync(path.join(root, 'docker-compose.yml'), 'utf8')) as { services: Record<string, ComposeService> };
const service = (name: string): ComposeService => {
  const found = compose.services[name];
  if (!found) throw new Error(`docker-compose.yml has no service ${name}`);
  return found;
};

describe('docker-compose.yml', () => {
  it('has the five services', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['client', 'harness', 'k6', 'mocks', 'toxiproxy']);
  });

  it('pins the images to the versions in pins.ts', () => {
    expect(service('toxiproxy').image).toBe(toolPins.toxiproxy.image);
    expect(service('toxiproxy').image).toBe(`ghcr.io/shopify/toxiproxy:${toolPins.toxiproxy.version}`);
    expect(service('k6').image).toBe(toolPins.k6.image);
    expect(service('k6').image).toBe(`grafana/k6:${toolPins.k6.version}`);
    expect(service('mocks').image).toBe(containerImages.node);
    expect(service('client').image).toBe(containerImages.node);
  });

  it('puts every service in the network namespace of toxiproxy (all listen on loopback)', () => {
    for (const name of ['mocks', 'harness', 'client', 'k6']) expect(service(name).network_mode).toBe('service:toxiproxy');
    expect(service('toxiproxy').ports).toEqual([`127.0.0.1:${toxiproxyApiPort}:${toxiproxyApiPort}`]);
  });

  it('loads the Toxiproxy config that matches the layout', () => {
    expect(service('toxiproxy').command).toContain('-config=/config/toxiproxy.json');
    expect(service('toxiproxy').volumes).toContain('./docker/toxiproxy.json:/config/toxiproxy.json:ro');
    const file = JSON.parse(readFileSync(path.join(root, 'docker/toxiproxy.json'), 'utf8')) as unknown;
    expect(file).toEqual(toxiproxyProxies());
  });

  it('gives the client the proxied NIC URLs and checks health on the right ports', () => {
    const expected = clientEnvironment({ timeScale: 60 });
    const environment = service('client').environment ?? {};
    for (const [key, value] of Object.entries(expected)) {
      if (key === 'THAP_TIME_SCALE') expect(environment[key]).toBe('${THAP_TIME_SCALE:-60}');
      else expect(environment[key]).toBe(value);
    }
    expect(service('client').healthcheck?.test.join(' ')).toContain(`127.0.0.1:${clientPort}/health`);
    expect(service('mocks').healthcheck?.test.join(' ')).toContain(`127.0.0.1:${mockPorts.ehospital}/__admin/health`);
    expect(service('k6').environment?.THAP_TARGET).toBe(`http://127.0.0.1:${clientPort}`);
    expect(service('k6').environment?.THAP_HARNESS_URL).toBe(`http://127.0.0.1:${harnessForwardPort}`);
    expect(service('harness').healthcheck?.test.join(' ')).toContain(`127.0.0.1:${harnessForwardPort}/slips/`);
  });

  it('runs files that exist in the repository', () => {
    const entry = (name: string): string => service(name).command?.find((arg) => arg.endsWith('.ts')) ?? '';
    expect(entry('mocks')).toBe('src/stack/container/serveMocks.ts');
    expect(entry('client')).toBe('examples/naive/server.ts');
    expect(entry('harness')).toBe('src/load/serveHarness.ts');
    expect(existsSync(path.join(root, entry('harness')))).toBe(true);
    expect(existsSync(path.join(root, entry('mocks')))).toBe(true);
    expect(existsSync(path.join(root, entry('client')))).toBe(true);
  });

  it('gives k6 every variable the generated script reads', () => {
    const { envRead } = scanScript(Object.values(k6ScriptFiles()).join('\n'));
    expect(envRead.length).toBeGreaterThan(0);
    for (const name of envRead) expect(Object.keys(service('k6').environment ?? {}), name).toContain(name);
  });

  it('starts in order and runs k6 once with millisecond CSV output', () => {
    expect(service('mocks').depends_on?.toxiproxy?.condition).toBe('service_healthy');
    expect(service('client').depends_on?.mocks?.condition).toBe('service_healthy');
    expect(service('k6').depends_on?.client?.condition).toBe('service_healthy');
    expect(service('k6').depends_on?.harness?.condition).toBe('service_healthy');
    expect(service('k6').command?.slice(0, 2)).toEqual(['run', '--no-usage-report']);
    expect(service('k6').command).toContain('csv=/reports/compose/k6.csv');
    expect(service('k6').environment?.K6_CSV_TIME_FORMAT).toBe('unix_milli');
    expect(service('k6').volumes).toEqual(['./reports:/reports']);
  });
});

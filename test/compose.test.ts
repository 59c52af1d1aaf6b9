import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { thapImage } from '../src/stack/container/images/imageList.ts';
import { clientEnvironment, clientPort } from '../src/stack/container/layout.ts';

// docker-compose.yml against the container layout and the thap image; test/compose.e2e.test.ts runs it.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

interface ComposeService {
  image: string;
  build?: { context: string; dockerfile: string };
  command?: string[];
  environment?: Record<string, string>;
  network_mode?: string;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
  volumes?: string[];
}

const compose = parse(readFileSync(path.join(root, 'docker-compose.yml'), 'utf8'), { merge: true }) as { services: Record<string, ComposeService> };
const service = (name: string): ComposeService => {
  const found = compose.services[name];
  if (!found) throw new Error(`docker-compose.yml has no service ${name}`);
  return found;
};

describe('docker-compose.yml', () => {
  it('has the client under test and thap, both from the thap image built by docker/Dockerfile', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['client', 'thap']);
    for (const name of ['client', 'thap']) {
      expect(service(name).image).toBe(thapImage);
      expect(service(name).build).toEqual({ context: '.', dockerfile: 'docker/Dockerfile' });
    }
  });

  it('runs the scenario from THAP_SCENARIO (default the demo) against the client in the shared namespace', () => {
    expect(service('thap').network_mode).toBe('service:client');
    expect(service('thap').command).toEqual(['run', '${THAP_SCENARIO:-scenarios/demo.yaml}', '--target', `http://127.0.0.1:${clientPort}`, '--out', 'reports', '--ci']);
    expect(service('thap').volumes).toEqual(['${THAP_REPORTS:-./reports}:/app/reports', '${THAP_SCENARIOS:-./scenarios}:/app/scenarios:ro']);
    expect(service('thap').depends_on?.client?.condition).toBe('service_healthy');
  });

  it('gives the client the proxied NIC URLs of the local stack with --target, and checks its health', () => {
    const environment = service('client').environment ?? {};
    for (const [key, value] of Object.entries(clientEnvironment({ timeScale: 60 }))) {
      expect(environment[key], key).toBe(key === 'THAP_TIME_SCALE' ? '${THAP_TIME_SCALE:-60}' : value);
    }
    expect(service('client').healthcheck?.test.join(' ')).toContain(`127.0.0.1:${clientPort}/health`);
    const entry = service('client').command?.[0] ?? '';
    expect(entry).toBe('examples/naive/server.ts');
    expect(existsSync(path.join(root, entry))).toBe(true);
  });
});

import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { UserError } from '../core/index.ts';
import { loadScenario } from '../scenario/loadScenario.ts';
import { toolPins } from '../stack/tools/pins.ts';
import { proxyPorts, toxiproxyApiPort } from '../stack/container/layout.ts';
import { renderK8s } from './renderK8s.ts';
import { runConfigKeys, runnerFiles } from './runnerFiles.ts';
import type { ConfigMap, Deployment, Job, KubeObject, Service, TestRun } from './types.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { scenario } = await loadScenario(path.join(root, 'scenarios/demo.yaml'));
const dns1123 = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

function find<T>(objects: unknown[], kind: string): T {
  const found = objects.find((object) => (object as { kind: string }).kind === kind);
  if (!found) throw new Error(`no ${kind}`);
  return found as T;
}

describe('renderK8s', () => {
  const rendered = renderK8s({ scenario, parallelism: 4, namespace: 'load-test' });
  const all: KubeObject[] = [...rendered.stack, ...rendered.conductor, ...rendered.load];
  const testRun = find<TestRun>(rendered.load, 'TestRun');
  const runConfig = rendered.stack.find((object) => object.metadata?.name === 'thap-demo-run-config') as ConfigMap;
  const deployment = find<Deployment>(rendered.stack, 'Deployment');
  const conductor = find<Job>(rendered.conductor, 'Job');

  it('writes a TestRun whose runners generate the script and its data from the seed, not a ConfigMap', () => {
    expect(testRun.apiVersion).toBe('k6.io/v1alpha1');
    expect(testRun.spec.parallelism).toBe(4);
    expect(testRun.spec.runner.image).toBe(toolPins.k6.image);
    expect(testRun.spec.script).toEqual({ localFile: '/thap/script.ts' });
    const [prepare] = testRun.spec.runner.initContainers ?? [];
    const files = runnerFiles({ scenario });
    expect(prepare?.args).toEqual(['k8s', 'prepare', `/config/${runConfigKeys.scenario}`, '--out', '/thap', '--digest', files.digest]);
    expect(prepare?.image).toBe('thap:0.1.0');
    // The init container writes into an emptyDir that k6 reads; the scenario comes from the run ConfigMap.
    const volumes = Object.fromEntries((testRun.spec.runner.volumes ?? []).map((volume) => [volume.name, volume]));
    for (const mount of prepare?.volumeMounts ?? []) expect(volumes[mount.name], mount.name).toBeDefined();
    expect(volumes[prepare?.volumeMounts?.[0]?.name ?? '']?.emptyDir).toEqual({});
    expect(testRun.spec.runner.volumeMounts).toContainEqual({ name: 'thap-files', mountPath: '/thap', readOnly: true });
    // The run ConfigMap holds the scenario and the digest: what generates ~0.5 MB of data, in a few kB.
    expect(Object.keys(runConfig.data ?? {}).sort()).toEqual([runConfigKeys.digest, runConfigKeys.scenario].sort());
    expect(JSON.parse(runConfig.data?.[runConfigKeys.scenario] ?? '')).toEqual(JSON.parse(JSON.stringify(scenario)));
    expect(Buffer.byteLength(JSON.stringify(runConfig))).toBeLessThan(20_000);
    expect(Object.values(files.dataFiles).reduce((sum, text) => sum + text.length, 0)).toBeGreaterThan(100_000);
  });

  it('sets every environment variable the generated script reads, the harness endpoint at the conductor', () => {
    const script = Object.values(runnerFiles({ scenario }).scriptFiles).join('\n');
    const read = [...script.matchAll(/__ENV\.([A-Z0-9_]+)/g)].map((match) => match[1]);
    const set = (testRun.spec.runner.env ?? []).map((variable) => variable.name);
    expect(read.length).toBeGreaterThan(0);
    for (const name of read) expect(set).toContain(name);
    expect(testRun.spec.runner.env).toContainEqual({ name: 'K6_OUT', value: 'csv=/results/k6-$(POD_NAME).csv' });
    expect(testRun.spec.runner.env).toContainEqual({ name: 'K6_SUMMARY_EXPORT', value: '/results/k6-$(POD_NAME).summary.json' });
    expect(testRun.spec.runner.env).toContainEqual({ name: 'THAP_TARGET', value: 'http://thap-demo-stack.load-test.svc:22080' });
    expect(testRun.spec.runner.env).toContainEqual({ name: 'THAP_HARNESS_URL', value: 'http://thap-demo-conductor.load-test.svc:22090' });
  });

  it('runs the conductor as a Job on the run ConfigMap and the results volume, behind the Service the runners call', () => {
    const [container] = conductor.spec?.template.spec?.containers ?? [];
    expect(container?.args).toEqual([
      'conduct', `/config/${runConfigKeys.scenario}`, '--runners', '4', '--results', '/results', '--stack-host', 'thap-demo-stack.load-test.svc', '--harness-listen', '0.0.0.0:22090', '--out', '/results/reports',
    ]);
    expect(conductor.spec?.backoffLimit).toBe(0);
    // Readiness never touches /t0 (that call starts the fault clock).
    expect(container?.readinessProbe?.httpGet?.path).toBe('/slips/probe');
    const service = find<Service>(rendered.conductor, 'Service');
    expect(service.spec?.selector).toEqual(conductor.spec?.template.metadata?.labels);
    expect(service.spec?.ports?.[0]?.port).toBe(22090);
    const claims = (conductor.spec?.template.spec?.volumes ?? []).map((volume) => volume.persistentVolumeClaim?.claimName ?? volume.configMap?.name);
    expect(claims).toEqual(['thap-demo-run-config', 'thap-demo-results']);
  });

  it('refuses a script that reads a variable or opens a file thap cannot provide', () => {
    expect(() => renderK8s({ scenario, parallelism: 1, script: 'const x = __ENV.SOMETHING_NEW;\n' })).toThrow(/__ENV\.SOMETHING_NEW, which thap k8s render does not set/);
    expect(() => renderK8s({ scenario, parallelism: 1, script: "const d = open('./extra.csv');\n" })).toThrow(/opens \.\/extra\.csv, which thap k8s render does not produce/);
  });

  it('runs Toxiproxy at the pinned image with the NIC proxies open to other pods, the mocks and the client in one pod', () => {
    const containers = deployment.spec?.template.spec?.containers ?? [];
    expect(containers.map((container) => container.name)).toEqual(['toxiproxy', 'mocks', 'client']);
    expect(containers[0]?.image).toBe(toolPins.toxiproxy.image);
    expect(containers[0]?.env).toEqual([{ name: 'LOG_LEVEL', value: 'info' }]);
    expect(containers.at(-1)?.args).toEqual(['examples/naive/server.ts']);
    for (const container of containers.slice(1)) {
      const entry = container.args?.[0] ?? '';
      expect(existsSync(path.join(root, entry)), entry).toBe(true);
    }
    const stackConfig = rendered.stack.find((object) => object.metadata?.name === 'thap-demo-stack-config') as ConfigMap;
    const proxies = JSON.parse(stackConfig.data?.['toxiproxy.json'] ?? '[]') as Array<{ name: string; listen: string }>;
    expect(proxies.find((proxy) => proxy.name === 'ehospital')?.listen).toBe(`0.0.0.0:${proxyPorts.ehospital}`);
    const service = find<Service>(rendered.stack, 'Service');
    const ports = service.spec?.ports?.map((port) => port.port) ?? [];
    expect(ports).toContain(toxiproxyApiPort);
    expect(ports).toEqual(expect.arrayContaining(Object.values(proxyPorts)));
    expect(service.spec?.selector).toEqual(deployment.spec?.selector.matchLabels);
  });

  it('lays out client regions in the stack pod: a client per region behind its own proxies, each reachable by the runners', async () => {
    const { scenario: regional } = await loadScenario(path.join(root, 'scenarios/o8-regional-partition.yaml'));
    const out = renderK8s({ scenario: regional, parallelism: 2 });
    const pod = find<Deployment>(out.stack, 'Deployment').spec?.template.spec?.containers ?? [];
    const stackConfig = out.stack.find((object) => object.metadata?.name?.endsWith('-stack-config')) as ConfigMap;
    const proxies = JSON.parse(stackConfig.data?.['toxiproxy.json'] ?? '[]') as Array<{ name: string; listen: string; upstream: string }>;
    const published = (find<Service>(out.stack, 'Service').spec?.ports ?? []).map((port) => port.port);
    const targets = JSON.parse(find<TestRun>(out.load, 'TestRun').spec.runner.env?.find((variable) => variable.name === 'THAP_TARGETS')?.value ?? '{}') as Record<string, string>;
    expect(Object.keys(targets)).toEqual(['lucknow', 'tirupati']);
    const ports = new Set<string>();
    for (const region of ['lucknow', 'tirupati']) {
      const client = pod.find((container) => container.name === `client-${region}`);
      const env = Object.fromEntries((client?.env ?? []).map((variable) => [variable.name, variable.value]));
      ports.add(env.PORT ?? '');
      // The runners reach the region's client: a published port forwarded to the client's PORT.
      const forwardPort = Number(new URL(targets[region] ?? '').port);
      expect(published).toContain(forwardPort);
      expect(proxies.find((proxy) => proxy.listen === `0.0.0.0:${forwardPort}`)?.upstream).toBe(`127.0.0.1:${env.PORT}`);
      // The client's NIC URL is its region's own proxy, named as the fault driver names it.
      const icmr = proxies.find((proxy) => proxy.name === `icmr-${region}`);
      expect(env.THAP_NIC_ICMR_URL).toBe(`http://${icmr?.listen}`);
    }
    expect(ports.size).toBe(2);
    expect(pod.map((container) => container.name)).not.toContain('client');
    expect(() => renderK8s({ scenario: regional, parallelism: 2, target: 'http://hmis.vendor.svc:8080' })).toThrow(/client.regions \(lucknow, tirupati\) needs one client per region.*fix: drop --target/);
  });

  it('refuses a vendor mapping, which the runners cannot generate', () => {
    const mapped = { ...scenario, client: { ...scenario.client, mapping: 'examples/vendor-arogya/mapping.yaml' } };
    expect(() => renderK8s({ scenario: mapped, parallelism: 1 })).toThrow(/scenario demo: client.mapping \(examples\/vendor-arogya\/mapping.yaml\).*fix: run it with `thap run`/);
  });

  it('names everything validly, in the namespace', () => {
    for (const object of all) {
      expect(object.metadata?.name).toMatch(dns1123);
      expect(object.metadata?.namespace).toBe('load-test');
    }
    for (const port of find<Service>(rendered.stack, 'Service').spec?.ports ?? []) expect((port.name ?? '').length).toBeLessThanOrEqual(15);
  });

  it('writes YAML files that parse back to the same objects', () => {
    const parsed = (file: string) => parseAllDocuments(rendered.files[file] ?? '').map((document) => document.toJS() as unknown);
    expect(parsed('stack.yaml')).toEqual(rendered.stack);
    expect(parsed('conductor.yaml')).toEqual(rendered.conductor);
    expect(parsed('load.yaml')).toEqual(rendered.load);
    expect(rendered.files['README.md']).toContain('kubectl apply -f conductor.yaml');
    expect(rendered.files['README.md']).toContain('ehospital-down');
  });

  it('leaves the client out when the user gives --target, and the conductor checks and drains that client', () => {
    const targeted = renderK8s({ scenario, parallelism: 2, target: 'http://hmis.vendor.svc:8080' });
    const containers = find<Deployment>(targeted.stack, 'Deployment').spec?.template.spec?.containers ?? [];
    expect(containers.map((container) => container.name)).not.toContain('client');
    expect(find<TestRun>(targeted.load, 'TestRun').spec.runner.env).toContainEqual({ name: 'THAP_TARGET', value: 'http://hmis.vendor.svc:8080' });
    expect(find<Job>(targeted.conductor, 'Job').spec?.template.spec?.containers[0]?.args).toEqual(expect.arrayContaining(['--client', 'http://hmis.vendor.svc:8080']));
    expect(targeted.files['README.md']).toContain('THAP_NIC_EHOSPITAL_URL=http://thap-demo-stack.thap.svc:21001');
  });

  it('rejects a bad parallelism', () => {
    expect(() => renderK8s({ scenario, parallelism: 0 })).toThrow(UserError);
    expect(() => renderK8s({ scenario, parallelism: 2.5 })).toThrow(/--parallelism must be an integer/);
  });

  it('carries a given script in the run ConfigMap for the init container to copy', () => {
    const custom = renderK8s({ scenario, parallelism: 1, script: 'export default function () {}\n' });
    const map = custom.stack.find((object) => object.metadata?.name === 'thap-demo-run-config') as ConfigMap;
    expect(map.data?.[runConfigKeys.script]).toBe('export default function () {}\n');
    expect(find<TestRun>(custom.load, 'TestRun').spec.runner.initContainers?.[0]?.args).toEqual(expect.arrayContaining(['--script', `/config/${runConfigKeys.script}`]));
  });
});

describe('thap k8s render', () => {
  it('writes stack.yaml, conductor.yaml, load.yaml, README.md, and the script with its data', async () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'thap-k8s-'));
    const { execFileSync } = await import('node:child_process');
    execFileSync(process.execPath, [path.join(root, 'bin/thap.js'), 'k8s', 'render', path.join(root, 'scenarios/demo.yaml'), '--parallelism', '3', '--out', out], { encoding: 'utf8' });
    const files = readdirSync(out);
    expect(files).toEqual(expect.arrayContaining(['README.md', 'conductor.yaml', 'load.yaml', 'script.ts', 'stack.yaml']));
    expect(files.filter((file) => file.endsWith('.json')).length).toBeGreaterThan(0);
    expect(readFileSync(path.join(out, 'load.yaml'), 'utf8')).toContain('parallelism: 3');
  });

  it("gives the stack's mocks the incident clock of a segmented scenario, and a one-speed scenario's speed", async () => {
    const mocksConfigOf = (objects: KubeObject[]) => JSON.parse((objects.find((object) => object.kind === 'ConfigMap' && (object as ConfigMap).data?.['mocks.config.json'] !== undefined) as ConfigMap).data?.['mocks.config.json'] ?? '') as { services: unknown; clock?: { startSim: number; speed: number; segments?: unknown[] } };
    expect(mocksConfigOf(renderK8s({ scenario, parallelism: 2 }).stack)).toEqual({ services: scenario.services, clock: { startSim: expect.any(Number), speed: scenario.clock.speed } });
    const { scenario: o2 } = await loadScenario(path.join(root, 'scenarios/o2-crash-at-peak.yaml'));
    const config = mocksConfigOf(renderK8s({ scenario: o2, parallelism: 2 }).stack);
    // O2 from 07:55 at 120x, 08:00 at 60x, ... the second day's 13:30 at 360x.
    expect(config.clock).toMatchObject({ startSim: (7 * 60 + 55) * 60_000, speed: 120 });
    expect(config.clock?.segments).toHaveLength(8);
    expect(config.clock?.segments?.[0]).toEqual({ fromSim: 8 * 3_600_000, speed: 60 });
  });
});

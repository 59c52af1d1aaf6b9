import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
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
import { scanScript } from './k6Inputs.ts';
import type { ConfigMap, Deployment, Service, TestRun } from './types.ts';

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
  const all = [...rendered.stack, ...rendered.load];
  const testRun = find<TestRun>(rendered.load, 'TestRun');
  const scriptMap = find<ConfigMap>(rendered.load, 'ConfigMap');
  const deployment = find<Deployment>(rendered.stack, 'Deployment');

  it('writes a TestRun with the parallelism, the pinned k6 image and the script ConfigMap', () => {
    expect(testRun.apiVersion).toBe('k6.io/v1alpha1');
    expect(testRun.spec.parallelism).toBe(4);
    expect(testRun.spec.runner.image).toBe(toolPins.k6.image);
    expect(testRun.spec.script.configMap).toEqual({ name: scriptMap.metadata?.name, file: 'script.ts' });
    const script = scriptMap.data?.['script.ts'] ?? '';
    expect(script).toContain('export const options');
    expect(script).toContain('open(');
    // The script's modules (every import of script.ts resolves beside it in /test/) and its data.
    expect(script).toContain("from './replayVisit.ts'");
    for (const [, module] of script.matchAll(/from '\.\/([\w.]+)'/g)) expect(Object.keys(scriptMap.data ?? {})).toContain(module);
    const dataFiles = Object.keys(scriptMap.data ?? {}).filter((key) => key.endsWith('.json'));
    expect(dataFiles).toContain('script-data.json');
    for (const file of dataFiles) expect(() => JSON.parse(scriptMap.data?.[file] ?? ''), file).not.toThrow();
    // The demo's one simulated hour at 0.5 registrations/s: ~1,800 visits in the data.
    const bytes = dataFiles.reduce((sum, file) => sum + (scriptMap.data?.[file]?.length ?? 0), 0);
    expect(bytes).toBeGreaterThan(100_000);
  });

  it('sets every environment variable the generated script reads', () => {
    const script = Object.entries(scriptMap.data ?? {}).filter(([name]) => name.endsWith('.ts')).map(([, text]) => text).join('\n');
    const read = [...script.matchAll(/__ENV\.([A-Z0-9_]+)/g)].map((match) => match[1]);
    const set = (testRun.spec.runner.env ?? []).map((variable) => variable.name);
    expect(read.length).toBeGreaterThan(0);
    for (const name of read) expect(set).toContain(name);
    expect(testRun.spec.runner.env).toContainEqual({ name: 'K6_OUT', value: 'csv=/results/k6-$(POD_NAME).csv' });
    expect(testRun.spec.runner.env).toContainEqual({ name: 'THAP_TARGET', value: 'http://thap-demo-stack.load-test.svc:22080' });
  });

  it('refuses a script that reads a variable or opens a file thap cannot provide', () => {
    expect(() => renderK8s({ scenario, parallelism: 1, script: 'const x = __ENV.SOMETHING_NEW;\n' })).toThrow(/__ENV\.SOMETHING_NEW, which thap k8s render does not set/);
    expect(() => renderK8s({ scenario, parallelism: 1, script: "const d = open('./extra.csv');\n" })).toThrow(/opens \.\/extra\.csv, which thap k8s render does not produce/);
  });

  it('runs Toxiproxy at the pinned image with the NIC proxies open to other pods, the mocks and the client in one pod', () => {
    const containers = deployment.spec?.template.spec?.containers ?? [];
    const usesHarness = scanScript(scriptMap.data?.['script.ts'] ?? '').envRead.includes('THAP_HARNESS_URL');
    expect(containers.map((container) => container.name)).toEqual(['toxiproxy', 'mocks', ...(usesHarness ? ['harness'] : []), 'client']);
    expect(containers[0]?.image).toBe(toolPins.toxiproxy.image);
    expect(containers.at(-1)?.args).toEqual(['examples/naive/server.ts']);
    for (const container of containers.slice(1)) {
      const entry = container.args?.[0] ?? '';
      expect(existsSync(path.join(root, entry)), entry).toBe(true);
    }
    const stackConfig = find<ConfigMap>(rendered.stack, 'ConfigMap');
    const proxies = JSON.parse(stackConfig.data?.['toxiproxy.json'] ?? '[]') as Array<{ name: string; listen: string }>;
    expect(proxies.find((proxy) => proxy.name === 'ehospital')?.listen).toBe(`0.0.0.0:${proxyPorts.ehospital}`);
    const service = find<Service>(rendered.stack, 'Service');
    const ports = service.spec?.ports?.map((port) => port.port) ?? [];
    expect(ports).toContain(toxiproxyApiPort);
    expect(ports).toEqual(expect.arrayContaining(Object.values(proxyPorts)));
    expect(service.spec?.selector).toEqual(deployment.spec?.selector.matchLabels);
  });

  it('refuses a scenario with client regions, naming the scenario and the fix', async () => {
    const { scenario: regional } = await loadScenario(path.join(root, 'scenarios/o8-regional-partition.yaml'));
    expect(() => renderK8s({ scenario: regional, parallelism: 1 })).toThrow(/scenario o8-regional-partition: client.regions \(lucknow, tirupati\).*fix: run it with `thap run`/);
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
    expect(parsed('load.yaml')).toEqual(rendered.load);
    expect(rendered.files['README.md']).toContain('kubectl apply -f stack.yaml');
    expect(rendered.files['README.md']).toContain('ehospital-down');
  });

  it('leaves the client out when the user gives --target', () => {
    const targeted = renderK8s({ scenario, parallelism: 2, target: 'http://hmis.vendor.svc:8080' });
    const containers = find<Deployment>(targeted.stack, 'Deployment').spec?.template.spec?.containers ?? [];
    expect(containers.map((container) => container.name)).not.toContain('client');
    expect(find<TestRun>(targeted.load, 'TestRun').spec.runner.env).toContainEqual({ name: 'THAP_TARGET', value: 'http://hmis.vendor.svc:8080' });
    expect(targeted.files['README.md']).toContain('THAP_NIC_EHOSPITAL_URL=http://thap-demo-stack.thap.svc:21001');
  });

  it('rejects a bad parallelism and data too large for a ConfigMap', () => {
    expect(() => renderK8s({ scenario, parallelism: 0 })).toThrow(UserError);
    expect(() => renderK8s({ scenario, parallelism: 2.5 })).toThrow(/--parallelism must be an integer/);
    const busy = { ...scenario, traffic: scenario.traffic.map((entry) => ({ ...entry, ratePerSecond: 10 })) };
    expect(() => renderK8s({ scenario: busy, parallelism: 2 })).toThrow(/over the 1000000-byte ConfigMap limit/);
  });

  it('uses a given script instead of the generated one', () => {
    const custom = renderK8s({ scenario, parallelism: 1, script: 'export default function () {}\n' });
    expect(find<ConfigMap>(custom.load, 'ConfigMap').data?.['script.ts']).toBe('export default function () {}\n');
  });
});

describe('thap k8s render', () => {
  it('writes stack.yaml, load.yaml, README.md, and the script with its data', async () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'thap-k8s-'));
    const { execFileSync } = await import('node:child_process');
    execFileSync(process.execPath, [path.join(root, 'bin/thap.js'), 'k8s', 'render', path.join(root, 'scenarios/demo.yaml'), '--parallelism', '3', '--out', out], { encoding: 'utf8' });
    const files = readdirSync(out);
    expect(files).toEqual(expect.arrayContaining(['README.md', 'load.yaml', 'script.ts', 'stack.yaml']));
    expect(files.filter((file) => file.endsWith('.json')).length).toBeGreaterThan(0);
    expect(readFileSync(path.join(out, 'load.yaml'), 'utf8')).toContain('parallelism: 3');
  });
});

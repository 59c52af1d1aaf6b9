import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../scenario/loadScenario.ts';
import { renderK8s } from './renderK8s.ts';
import { runConfigKeys, runnerFiles } from './runnerFiles.ts';
import { configMapLimitBytes } from './runObjects.ts';
import { testRunSchemaErrors } from './testing/validateTestRun.ts';
import type { ConfigMap, TestRun } from './types.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const shipped = readdirSync(path.join(root, 'scenarios')).filter((name) => name.endsWith('.yaml')).sort();

describe('thap k8s render of every shipped scenario', () => {
  it.each(shipped)('%s: small objects, no data inlined, a TestRun valid against the k6-operator CRD, data the runners regenerate', async (file) => {
    const { scenario } = await loadScenario(path.join(root, 'scenarios', file));
    const rendered = renderK8s({ scenario, parallelism: 3 });
    const objects = [...rendered.stack, ...rendered.conductor, ...rendered.load];
    for (const object of objects) expect(Buffer.byteLength(JSON.stringify(object)), `${object.kind} ${object.metadata?.name}`).toBeLessThan(configMapLimitBytes);
    const files = runnerFiles({ scenario });
    for (const map of objects.filter((object): object is ConfigMap => object.kind === 'ConfigMap')) {
      for (const key of Object.keys(map.data ?? {})) expect(Object.keys(files.dataFiles), `${map.metadata?.name} ${key}`).not.toContain(key);
    }
    const testRun = objects.find((object): object is TestRun => object.kind === 'TestRun');
    expect(testRunSchemaErrors(testRun)).toEqual([]);
    // What the init container reads (the scenario in the run ConfigMap) yields the files the render saw.
    const runConfig = objects.find((object) => object.metadata?.name?.endsWith('-run-config')) as ConfigMap;
    const carried = JSON.parse(runConfig.data?.[runConfigKeys.scenario] ?? '') as typeof scenario;
    expect(runnerFiles({ scenario: carried }).digest).toBe(runConfig.data?.[runConfigKeys.digest]);
    expect(files.digest).toBe(runConfig.data?.[runConfigKeys.digest]);
  });

  it('the schema check fails a TestRun the operator would not accept', async () => {
    const { scenario } = await loadScenario(path.join(root, 'scenarios/demo.yaml'));
    const testRun = renderK8s({ scenario, parallelism: 2 }).load[0] as TestRun;
    expect(testRunSchemaErrors({ ...testRun, spec: { ...testRun.spec, paralelism: 2 } })).toEqual(expect.arrayContaining([expect.stringContaining('(paralelism)')]));
    expect(testRunSchemaErrors({ ...testRun, spec: { ...testRun.spec, parallelism: '2' } })).toEqual([expect.stringMatching(/\/spec\/parallelism must be integer/)]);
    const { script: _script, ...noScript } = testRun.spec;
    expect(testRunSchemaErrors({ ...testRun, spec: noScript })).toEqual([expect.stringContaining("must have required property 'script'")]);
    const badMount = { ...testRun.spec.runner, volumeMounts: [{ name: 'results' }] };
    expect(testRunSchemaErrors({ ...testRun, spec: { ...testRun.spec, runner: badMount } })).toEqual([expect.stringContaining("must have required property 'mountPath'")]);
  });
});

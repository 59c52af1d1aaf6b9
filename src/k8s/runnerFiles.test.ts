import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { HarnessError, UserError } from '../core/index.ts';
import { prepareK6 } from '../load/index.ts';
import { loadScenario } from '../scenario/loadScenario.ts';
import { readScenarioFile } from './readScenarioFile.ts';
import { digestOf, runnerFiles, scenarioDocument, writeRunnerFiles } from './runnerFiles.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { scenario } = await loadScenario(path.join(root, 'scenarios/demo.yaml'));

describe('the files each runner generates (thap k8s prepare)', () => {
  it('writes the script and data thap run writes, from the scenario the run ConfigMap carries', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'thap-prepare-'));
    const carried = path.join(dir, 'scenario.resolved.json');
    await writeFile(carried, scenarioDocument(scenario));
    const out = path.join(dir, 'thap');
    const written = await writeRunnerFiles({ scenario: await readScenarioFile(carried), out, expectDigest: runnerFiles({ scenario }).digest });
    const prepared = prepareK6({ scenario });
    expect((await readdir(out)).sort()).toEqual(Object.keys({ ...prepared.scriptFiles, ...prepared.dataFiles }).sort());
    expect(await readFile(path.join(out, 'visits-registration.json'), 'utf8')).toBe(prepared.dataFiles['visits-registration.json']);
    expect(written.digest).toBe(digestOf({ ...prepared.scriptFiles, ...prepared.dataFiles }));
  });

  it('refuses data that differs from the render (another seed, another thap) before k6 runs on it', async () => {
    const out = await mkdtemp(path.join(tmpdir(), 'thap-prepare-'));
    const rendered = runnerFiles({ scenario }).digest;
    await expect(writeRunnerFiles({ scenario: { ...scenario, seed: scenario.seed + 1 }, out, expectDigest: rendered })).rejects.toThrow(HarnessError);
    await expect(writeRunnerFiles({ scenario: { ...scenario, seed: scenario.seed + 1 }, out, expectDigest: rendered })).rejects.toThrow(/not the rendered sha256:.*fix: render again/);
    expect(await readdir(out)).toEqual([]);
  });

  it('the digest changes with any file name or content', () => {
    expect(digestOf({ a: '1', b: '2' })).toBe(digestOf({ b: '2', a: '1' }));
    expect(digestOf({ a: '1', b: '2' })).not.toBe(digestOf({ a: '1', b: '3' }));
    expect(digestOf({ a: '1', b: '2' })).not.toBe(digestOf({ a: '1', c: '2' }));
  });

  it('refuses a file that is not a resolved scenario, naming it and the fix', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'thap-resolved-'));
    await writeFile(path.join(dir, 'bad.json'), '{"name":"x"}');
    await writeFile(path.join(dir, 'broken.json'), '{');
    await expect(readScenarioFile(path.join(dir, 'bad.json'))).rejects.toThrow(/bad\.json: not a resolved scenario \(no seed, clock, client, services, traffic, faults\); fix:/);
    await expect(readScenarioFile(path.join(dir, 'broken.json'))).rejects.toThrow(UserError);
    await expect(readScenarioFile(path.join(dir, 'missing.json'))).rejects.toThrow(/cannot read the resolved scenario: ENOENT/);
  });
});

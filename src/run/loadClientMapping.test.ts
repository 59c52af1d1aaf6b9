import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../core/index.ts';
import { buildLoad } from '../load/index.ts';
import { loadScenario } from '../scenario/index.ts';
import { loadClientMapping } from './loadClientMapping.ts';

const arogya = 'examples/vendor-arogya/mapping.yaml';
const { scenario: demo } = await loadScenario('scenarios/demo.yaml');
const load = buildLoad(demo);
const withMapping = (mapping: string) => ({ ...demo, client: { ...demo.client, mapping } });

describe('loadClientMapping', () => {
  it('without client.mapping leaves the scenario as it is', async () => {
    expect(await loadClientMapping({ scenario: demo, load, field: 'client.mapping' })).toEqual({ scenario: demo });
  });

  it("loads a mapping that covers the steps sent, and takes the vendor's health path from it", async () => {
    const mapped = await loadClientMapping({ scenario: withMapping(arogya), load, field: 'client.mapping' });
    expect(mapped.mapping?.vendor).toBe('Arogya HMIS 2 (made-up)');
    expect(mapped.scenario.client.health).toBe('/api/v2/ping');
  });

  it('refuses (exit 2) a mapping that leaves a step the scenario sends unmapped, naming the step and the fix', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'thap-mapping-'));
    const file = join(dir, 'fee-only.yaml');
    await writeFile(file, 'vendor: Fee Only HIS\nsteps:\n  fee: { method: POST, path: /fees }\n');
    const error = await loadClientMapping({ scenario: withMapping(file), load, field: 'client.mapping' }).catch((caught: unknown) => caught);
    await rm(dir, { recursive: true, force: true });
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).exitCode).toBe(2);
    expect((error as Error).message).toBe(`${file}: steps: no mapping for step register, which scenario demo sends; fix: add steps.register (method, path, body, reply) to the mapping (docs/client-contract.md "Vendor mappings")`);
  });

  it('names the field that gave a missing file', async () => {
    await expect(loadClientMapping({ scenario: withMapping('no/such/mapping.yaml'), load, field: '--client-mapping' })).rejects.toThrow(/^--client-mapping: no file no\/such\/mapping\.yaml; fix: /);
  });
});

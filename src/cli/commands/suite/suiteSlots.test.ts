import { describe, expect, it } from 'vitest';
import type { Suite } from './suiteFile.ts';
import { suiteSlots } from './suiteSlots.ts';

const naive = { name: 'naive', command: ['node', '--import', 'tsx', 'examples/naive/server.ts'], health: '/health' };
const arogya = { name: 'Arogya HMIS 2', command: ['node', '--import', 'tsx', 'examples/vendor-arogya/server.ts'], mapping: 'examples/vendor-arogya/mapping.yaml', health: '/health' };

describe('suiteSlots', () => {
  it('gives each scenario x client x repeat its own directory, the client in place of the scenario\'s own', async () => {
    const suite: Suite = { name: 's', scenarios: [{ file: 'test/scenarios/short-outage.yaml', speed: 60 }], clients: [naive, arogya], repeats: 2 };
    const slots = await suiteSlots({ suite, suiteFile: 'suite.yaml', suiteDir: 'out/suite-s' });
    expect(slots.map(({ dir }) => dir)).toEqual([
      'out/suite-s/runs/short-outage/naive/r1',
      'out/suite-s/runs/short-outage/naive/r2',
      'out/suite-s/runs/short-outage/arogya-hmis-2/r1',
      'out/suite-s/runs/short-outage/arogya-hmis-2/r2',
    ]);
    const vendor = slots[2]?.scenario;
    expect(vendor?.clock.speed).toBe(60);
    expect(vendor?.client).toMatchObject({ name: 'Arogya HMIS 2', command: arogya.command, mapping: arogya.mapping, health: '/api/v2/ping' });
    expect(slots[0]?.scenario.client).not.toHaveProperty('mapping');
  });

  it('refuses a scenario listed twice and a mapping that misses a step, before any run (exit 2)', async () => {
    const twice: Suite = { name: 's', scenarios: [{ file: 'test/scenarios/short-outage.yaml' }, { file: 'test/scenarios/short-outage.yaml', speed: 10 }], clients: [naive, arogya], repeats: 1 };
    await expect(suiteSlots({ suite: twice, suiteFile: 'suite.yaml', suiteDir: 'out' })).rejects.toThrow('suite.yaml: scenarios.1: test/scenarios/short-outage.yaml is scenario short-outage, as test/scenarios/short-outage.yaml is; list each scenario once');
    const badMapping: Suite = { name: 's', scenarios: [{ file: 'test/scenarios/short-outage.yaml' }], clients: [naive, { ...arogya, mapping: 'no/such.yaml' }], repeats: 1 };
    await expect(suiteSlots({ suite: badMapping, suiteFile: 'suite.yaml', suiteDir: 'out' })).rejects.toThrow(/^suite\.yaml: clients\.1\.mapping: no file no\/such\.yaml; fix: /);
  });
});

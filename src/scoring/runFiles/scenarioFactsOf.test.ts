import { describe, expect, it } from 'vitest';
import { scenarioFactsOf } from './scenarioFactsOf.ts';

describe('scenarioFactsOf', () => {
  it("reads the description, the sources and the scenario's client name", () => {
    const resolved = { name: 'o13', description: 'Consignments fail at night.\n', basedOn: ['outages.md O13'], client: { name: 'Arogya HIS 4.2', command: ['node', 'examples/vendor-arogya/server.ts'] } };
    expect(scenarioFactsOf(resolved)).toEqual({ description: 'Consignments fail at night.', basedOn: ['outages.md O13'], clientName: 'Arogya HIS 4.2' });
  });

  it('derives a name from the command when the scenario gives none', () => {
    const resolved = { name: 'demo', client: { command: ['node', '--import', 'tsx', 'examples/resilient/server.ts'] } };
    expect(scenarioFactsOf(resolved)).toEqual({ clientName: 'resilient' });
  });

  it('has no facts without scenario.resolved.json', () => {
    expect(scenarioFactsOf(undefined)).toEqual({});
  });
});

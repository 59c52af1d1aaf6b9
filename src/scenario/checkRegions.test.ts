import { describe, expect, it } from 'vitest';
import { ValidationError } from '../core/index.ts';
import { validateScenario } from './loadScenario.ts';

const base = {
  name: 'regions',
  client: { command: ['node', 'client.js'], regions: [{ name: 'lucknow', share: 0.7 }, { name: 'tirupati', share: 0.3 }] },
  services: { icmr: {}, sms: {} },
  clock: { start: '08:00', duration: '2h', speed: 60 },
  traffic: [{ kind: 'profile', profile: 'T4', count: 100 }],
};
const partition = { kind: 'regional-partition', at: '08:30', for: '30m' };

function issues(raw: Record<string, unknown>): Map<string, string> {
  try {
    validateScenario({ raw, file: 'test.yaml' });
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return new Map((error as ValidationError).issues.map((issue) => [issue.path, issue.message]));
  }
  return new Map();
}

describe('client regions and regional-partition in a scenario', () => {
  it('accepts two regions and a partition of one, its service label taken from services', () => {
    const scenario = validateScenario({ raw: { ...base, faults: [{ ...partition, region: 'tirupati', services: ['icmr'] }] }, file: 'test.yaml' });
    expect(scenario.client.regions).toEqual([{ name: 'lucknow', share: 0.7 }, { name: 'tirupati', share: 0.3 }]);
    expect(scenario.faults[0]).toMatchObject({ kind: 'regional-partition', service: 'icmr', region: 'tirupati', services: ['icmr'], mode: 'timeout' });
    const all = validateScenario({ raw: { ...base, faults: [{ ...partition, region: 'lucknow', mode: 'down' }] }, file: 'test.yaml' });
    expect(all.faults[0]).toMatchObject({ service: 'all', mode: 'down' });
    expect(all.faults[0]?.services).toBeUndefined();
  });

  it('leaves a scenario without regions as it was', () => {
    const { regions: _regions, ...client } = base.client;
    expect(validateScenario({ raw: { ...base, client }, file: 'test.yaml' }).client.regions).toBeUndefined();
  });

  it('reports shares that do not add up to 1, duplicate names and one lone region', () => {
    const shares = issues({ ...base, client: { ...base.client, regions: [{ name: 'a', share: 0.7 }, { name: 'a', share: 0.2 }] } });
    expect(shares.get('client.regions')).toContain('add up to 0.9, not 1');
    expect(shares.get('client.regions.1.name')).toContain('"a" is named twice');
    expect(issues({ ...base, client: { ...base.client, regions: [{ name: 'a', share: 1 }] } }).get('client.regions')).toContain('two or more regions');
    expect(issues({ ...base, client: { ...base.client, regions: [{ name: 'Tirupati', share: 0.5 }, { name: 'b', share: 0.5 }] } }).get('client.regions.0.name')).toContain('lower-case');
  });

  it('refuses what one instance per region cannot have: a URL, a fixed port', () => {
    const found = issues({ ...base, client: { ...base.client, url: 'http://127.0.0.1:8080', port: 8080 } });
    expect(found.get('client.url')).toContain('remove client.url');
    expect(found.get('client.port')).toContain('free port');
  });

  it('checks that a partition names a declared region and declared services', () => {
    const found = issues({ ...base, faults: [{ ...partition, region: 'delhi', services: ['abdm'] }] });
    expect(found.get('faults.0.region')).toContain('"delhi" is not in client.regions (declared: lucknow, tirupati)');
    expect(found.get('faults.0.services.0')).toContain('"abdm" is not declared under services');
    const both = issues({ ...base, faults: [{ ...partition, region: 'lucknow', service: 'icmr', services: ['icmr'] }] });
    expect(both.get('faults.0.service')).toContain('either service (one) or services (a list)');
    const { regions: _regions, ...client } = base.client;
    expect(issues({ ...base, client, faults: [{ ...partition, region: 'tirupati' }] }).get('faults.0.region')).toContain('declare client.regions');
    expect(issues({ ...base, faults: [{ ...partition, region: 'tirupati', mode: 'slow' }] }).get('faults.0.mode')).toContain('timeout');
  });
});

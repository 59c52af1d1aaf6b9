import { describe, expect, it } from 'vitest';
import { UserError } from '../core/index.ts';
import { validateScenario } from '../scenario/loadScenario.ts';
import { checkRegionalRun } from './checkRegionalRun.ts';

const scenario = (regions?: Array<{ name: string; share: number }>) =>
  validateScenario({
    raw: {
      name: 'o8',
      client: { command: ['node', 'client.js'], ...(regions ? { regions } : {}) },
      services: { icmr: {} },
      clock: { start: '08:00', duration: '1h' },
      traffic: [{ kind: 'constant', journey: 'opd-registration', ratePerSecond: 1 }],
    },
    file: 'o8.yaml',
  });

describe('checkRegionalRun', () => {
  const regional = scenario([{ name: 'lucknow', share: 0.5 }, { name: 'tirupati', share: 0.5 }]);

  it('refuses --target with regions, naming the scenario, the field and the fix', () => {
    const attempt = () => checkRegionalRun({ scenario: regional, target: 'http://127.0.0.1:8080', stack: 'local' });
    expect(attempt).toThrow(UserError);
    expect(attempt).toThrow(/scenario o8: client.regions \(lucknow, tirupati\).*--target http:\/\/127.0.0.1:8080 cannot be used; drop --target, or remove client.regions/);
  });

  it('names the file when it is known', () => {
    expect(() => checkRegionalRun({ scenario: regional, target: 'http://127.0.0.1:8080', stack: 'local', file: 'scenarios/o8.yaml' })).toThrow(/^scenarios\/o8.yaml: client.regions \(lucknow, tirupati\) needs one client per region/);
  });

  it('refuses the container stack with regions', () => {
    expect(() => checkRegionalRun({ scenario: regional, stack: 'docker' })).toThrow(/local stack only.*without --stack docker/);
  });

  it('lets a scenario without regions use --target and containers as before', () => {
    expect(() => checkRegionalRun({ scenario: scenario(), target: 'http://127.0.0.1:8080', stack: 'docker' })).not.toThrow();
    expect(() => checkRegionalRun({ scenario: regional, stack: 'local' })).not.toThrow();
  });
});

import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadSuiteFile } from '../../src/cli/commands/suite/suiteFile.ts';
import { suiteSlots } from '../../src/cli/commands/suite/suiteSlots.ts';

const files = readdirSync(new URL('.', import.meta.url)).filter((name) => name.endsWith('.yaml'));

describe('the example suites', () => {
  it.each(files)('%s loads, and every scenario, client and mapping checks out before a run', async (name) => {
    const file = `examples/suites/${name}`;
    const suite = await loadSuiteFile(file);
    const slots = await suiteSlots({ suite, suiteFile: file, suiteDir: 'reports/x' });
    expect(slots).toHaveLength(suite.scenarios.length * suite.clients.length * suite.repeats);
    expect(slots.some((slot) => slot.scenario.client.mapping === 'examples/vendor-arogya/mapping.yaml')).toBe(true);
  });
});

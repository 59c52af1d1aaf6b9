import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readScenarioFacts } from './readScenarioFacts.ts';

const dirs: string[] = [];
async function runDirWith(resolved: unknown): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'thap-facts-'));
  dirs.push(dir);
  if (resolved !== undefined) await writeFile(join(dir, 'scenario.resolved.json'), JSON.stringify(resolved));
  return dir;
}
afterEach(async () => Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true }))));

describe('readScenarioFacts', () => {
  it("reads the description, the sources and the scenario's client name", async () => {
    const runDir = await runDirWith({ name: 'o13', description: 'Consignments fail at night.\n', basedOn: ['outages.md O13'], client: { name: 'Arogya HIS 4.2', command: ['node', 'examples/vendor-arogya/server.ts'] } });
    expect(await readScenarioFacts({ runDir })).toEqual({ description: 'Consignments fail at night.', basedOn: ['outages.md O13'], clientName: 'Arogya HIS 4.2' });
  });

  it('derives a name from the command when the scenario gives none', async () => {
    const runDir = await runDirWith({ name: 'demo', client: { command: ['node', '--import', 'tsx', 'examples/resilient/server.ts'] } });
    expect(await readScenarioFacts({ runDir })).toEqual({ clientName: 'resilient' });
  });

  it('has no facts without scenario.resolved.json', async () => {
    expect(await readScenarioFacts({ runDir: await runDirWith(undefined) })).toEqual({});
  });
});

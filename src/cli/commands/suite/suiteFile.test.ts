import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ValidationError } from '../../../core/index.ts';
import { clientSlug, loadSuiteFile } from './suiteFile.ts';

const made: string[] = [];
afterAll(async () => Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true }))));

async function suiteFile(text: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'thap-suite-file-'));
  made.push(dir);
  const file = join(dir, 'suite.yaml');
  await writeFile(file, text);
  return file;
}

const twoClients = `clients:
  - { name: naive, command: [node, --import, tsx, examples/naive/server.ts] }
  - { name: Arogya HMIS 2, command: [node, --import, tsx, examples/vendor-arogya/server.ts], mapping: examples/vendor-arogya/mapping.yaml }
`;

describe('loadSuiteFile', () => {
  it('reads scenarios as files (with an optional speed), clients and repeats (default 1)', async () => {
    const file = await suiteFile(`name: opd-outages\nscenarios:\n  - scenarios/demo.yaml\n  - { file: scenarios/o2-crash-at-peak.yaml, speed: 120 }\n${twoClients}`);
    const suite = await loadSuiteFile(file);
    expect(suite.scenarios).toEqual([{ file: 'scenarios/demo.yaml' }, { file: 'scenarios/o2-crash-at-peak.yaml', speed: 120 }]);
    expect(suite.repeats).toBe(1);
    expect(suite.clients.map((client) => [client.name, client.health, client.mapping])).toEqual([['naive', '/health', undefined], ['Arogya HMIS 2', '/health', 'examples/vendor-arogya/mapping.yaml']]);
  });

  it('names the file, line and field of every problem at once (exit 2)', async () => {
    const file = await suiteFile(`name: Bad Name\nscenarios: []\nclients:\n  - { name: a, command: [x], url: "http://127.0.0.1:1" }\n  - { name: b }\nrepeat: 2\n`);
    const error = (await loadSuiteFile(file).catch((caught: unknown) => caught)) as ValidationError;
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.exitCode).toBe(2);
    expect(error.issues.map(({ path, line }) => [path, line])).toEqual([
      ['name', 1],
      ['scenarios', 2],
      ['clients.0', 4],
      ['clients.1', 5],
      ['', 1],
    ]);
    expect(error.message).toContain('give either command (thap starts the client) or url');
    expect(error.message).toContain('Unrecognized key: "repeat"');
  });

  it('refuses two clients whose names are the same directory', async () => {
    const file = await suiteFile(`name: s\nscenarios: [scenarios/demo.yaml]\nclients:\n  - { name: Vendor A, url: "http://127.0.0.1:1" }\n  - { name: vendor-a, url: "http://127.0.0.1:2" }\n`);
    await expect(loadSuiteFile(file)).rejects.toThrow(/clients\.1\.name: "vendor-a" is the same name \(or directory vendor-a\) as clients\.0\.name/);
  });

  it('says which file it cannot read', async () => {
    await expect(loadSuiteFile('no/such/suite.yaml')).rejects.toThrow('no/such/suite.yaml: cannot read the suite: ENOENT; give the path of a suite .yaml file');
  });

  it('makes directory names of client names', () => {
    expect(clientSlug('Arogya HMIS 2 (made-up)')).toBe('arogya-hmis-2-made-up');
  });
});

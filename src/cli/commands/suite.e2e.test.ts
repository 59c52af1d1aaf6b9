import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runThap } from '../../../test/support/runThap.ts';

interface SuiteJson {
  planned: number;
  runs: Array<{ scenario: string; client: string; repeat: number; runDir?: string; skipped: boolean }>;
}
interface ScorecardJson {
  vendors: Array<{ label: string; scenarios: number; verdict: string }>;
  scenarios: Array<{ scenario: { name: string }; clients: Array<{ label: string; runs: unknown[] }> }>;
  fairness: string[];
}

// Two clients, one of them a vendor reached through its mapping, on one 20-second scenario: two real runs,
// then the same suite again, which finds both done and only renders the scorecard.
describe('thap suite', { timeout: 240_000 }, () => {
  it('runs every scenario x client into one suite directory, writes the scorecard, and on a second call skips the runs done', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'thap-suite-'));
    const suiteFile = join(dir, 'suite.yaml');
    await writeFile(
      suiteFile,
      [
        'name: naive-vs-arogya',
        'scenarios: [test/scenarios/short-outage.yaml]',
        'clients:',
        '  - { name: naive, command: [node, --import, tsx, examples/naive/server.ts] }',
        '  - { name: Arogya HMIS 2, command: [node, --import, tsx, examples/vendor-arogya/server.ts], mapping: examples/vendor-arogya/mapping.yaml }',
        '',
      ].join('\n'),
    );
    const out = join(dir, 'out');
    const first = await runThap(['suite', suiteFile, '--out', out, '--ci', '--no-pdf']);
    expect(first.code, first.stderr).toBe(0);
    const suiteDir = join(out, 'suite-naive-vs-arogya');
    const suite = JSON.parse(await readFile(join(suiteDir, 'suite.json'), 'utf8')) as SuiteJson;
    expect(suite.planned).toBe(2);
    expect(suite.runs.map(({ client, skipped, runDir }) => [client, skipped, runDir?.startsWith(join(suiteDir, 'runs', 'short-outage'))])).toEqual([['naive', false, true], ['Arogya HMIS 2', false, true]]);

    const scorecard = JSON.parse(await readFile(join(suiteDir, 'compare.json'), 'utf8')) as ScorecardJson;
    expect(scorecard.scenarios.map(({ scenario, clients }) => [scenario.name, clients.map(({ label, runs }) => [label, runs.length])])).toEqual([['short-outage', [['naive', 1], ['Arogya HMIS 2', 1]]]]);
    expect(scorecard.fairness[0]).toMatch(/^checked: the runs of each scenario share one fingerprint and one seed \(short-outage seed 7\)/);
    const markdown = await readFile(join(suiteDir, 'compare.md'), 'utf8');
    for (const vendor of scorecard.vendors) expect(markdown).toContain(vendor.label);
    expect(first.stdout).toMatch(/^short-outage: /m);
    expect(first.stdout).toContain(`wrote ${join(suiteDir, 'compare.html')}`);

    const runDirs = async () => Promise.all(['naive', 'arogya-hmis-2'].map((client) => readdir(join(suiteDir, 'runs', 'short-outage', client, 'r1'))));
    const before = await runDirs();
    const again = await runThap(['suite', suiteFile, '--out', out, '--ci', '--no-pdf']);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr.match(/: done before \(/g)).toHaveLength(2);
    expect(again.stderr).not.toContain(': running');
    expect(await runDirs()).toEqual(before);
    expect((JSON.parse(await readFile(join(suiteDir, 'suite.json'), 'utf8')) as SuiteJson).runs.every((run) => run.skipped)).toBe(true);
    await rm(dir, { recursive: true, force: true });
  });
});

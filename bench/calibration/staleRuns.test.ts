import { describe, expect, it } from 'vitest';
import { commitTree, git, tempRepo, type FileTree } from '../../test/support/fileTree.ts';
import type { CalibrationRun } from './calibrationRun.ts';
import type { CalibrationClient } from './clients.ts';
import { runInputs, staleRunCheck } from './staleRuns.ts';

const client: CalibrationClient = { name: 'naive', kind: 'reference', script: 'examples/naive/server.ts', traits: ['honest'] };
const run = (commit?: string): CalibrationRun => ({ client: 'naive', scenario: 'demo', repeat: 1, status: 'passed', exitCode: 0, score: 60, at: '2026-12-05T00:00:00Z', ...(commit ? { commit } : {}) });

const repoWith = async (files: FileTree): Promise<string> => (await tempRepo('stale', files)).dir;

describe('stale calibration runs', () => {
  it("names the client's script and what it imports, its mapping and the scenario as a run's inputs, not the code it does not reach (nor types)", async () => {
    const dir = await repoWith({
      'examples/naive/server.ts': "import { a } from './client.ts';\nimport type { B } from '../shared/b.ts';",
      'examples/naive/client.ts': "export { c } from '../shared/c.ts';\nconst lazy = () => import('./lazy.ts');",
      'examples/naive/lazy.ts': "import { x } from 'vitest';",
      'examples/shared/b.ts': '',
      'examples/shared/c.ts': '',
      'examples/shared/unused.ts': '',
    });
    expect(runInputs(`${dir}/`, { ...client, mapping: 'examples/vendor/mapping.yaml' }, 'o2')).toEqual([
      'examples/naive/client.ts',
      'examples/naive/lazy.ts',
      'examples/naive/server.ts',
      'examples/shared/c.ts',
      'examples/vendor/mapping.yaml',
      'scenarios/o2.yaml',
    ]);
  });

  it('keeps a run whose inputs are unchanged since its commit, and drops one after its client or scenario changed', async () => {
    const dir = await repoWith({ 'examples/naive/server.ts': 'v1', 'scenarios/demo.yaml': 'v1', 'src/other.ts': 'v1', 'examples/shared/unused.ts': 'v1' });
    const first = git(dir, 'rev-parse', '--short', 'HEAD');
    await commitTree(dir, { 'src/other.ts': 'v2', 'examples/shared/unused.ts': 'v2' }, 'harness and code the client does not run');
    expect(staleRunCheck(dir)(run(first), client)).toBe(false);
    await commitTree(dir, { 'examples/naive/server.ts': 'v2' }, 'client changed');
    expect(staleRunCheck(dir)(run(first), client)).toBe(true);
    const afterClient = git(dir, 'rev-parse', '--short', 'HEAD');
    await commitTree(dir, { 'scenarios/demo.yaml': 'v2' }, 'scenario changed');
    expect(staleRunCheck(dir)(run(afterClient), client)).toBe(true);
  });

  it("keeps a run when only its scenario's prose, comments or gates changed (a rescore applies the gates)", async () => {
    const dir = await repoWith({ 'examples/naive/server.ts': 'v1', 'scenarios/demo.yaml': 'title: A\ndescription: at the naive client\nseed: 1\n' });
    const first = git(dir, 'rev-parse', '--short', 'HEAD');
    await commitTree(dir, { 'scenarios/demo.yaml': '# why\ntitle: B\ndescription: at the client under test\nseed: 1\n' }, 'words');
    expect(staleRunCheck(dir)(run(first), client)).toBe(false);
    await commitTree(dir, { 'scenarios/demo.yaml': 'title: B\ndescription: at the client under test\nseed: 1\ngates: ["integrity.lost == 0"]\n' }, 'gates');
    expect(staleRunCheck(dir)(run(first), client)).toBe(false);
    await commitTree(dir, { 'scenarios/demo.yaml': 'title: B\ndescription: at the client under test\nseed: 2\n' }, 'seed');
    expect(staleRunCheck(dir)(run(first), client)).toBe(true);
  });

  it('counts a run with no commit, or a commit git does not know, as stale', async () => {
    const dir = await repoWith({ 'scenarios/demo.yaml': 'v1' });
    const check = staleRunCheck(dir);
    expect(check(run(), client)).toBe(true);
    expect(check(run('0123456'), client)).toBe(true);
  });
});

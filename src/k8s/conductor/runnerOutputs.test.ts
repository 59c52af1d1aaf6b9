import { readFile, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempTree, type FileTree } from '../../../test/support/fileTree.ts';
import { finishedRunners, takeRunnerOutputs, waitForRunners } from './runnerOutputs.ts';

const resultsWith = (files: FileTree): Promise<string> => tempTree('runner-outputs', files);

describe('runner outputs on the results volume', () => {
  it('counts a runner as finished only with its summary beside its CSV, and not an older run\'s', async () => {
    const dir = await resultsWith({
      'k6-thap-demo-1-abcde.csv': 'metric_name\n',
      'k6-thap-demo-1-abcde.summary.json': '{}',
      // Still running: its CSV without a summary.
      'k6-thap-demo-2-fghij.csv': 'metric_name\n',
      // A summary without its CSV is no output.
      'k6-thap-demo-3-klmno.summary.json': '{}',
      'k6-old-1-zzzzz.csv': 'metric_name\n',
      'k6-old-1-zzzzz.summary.json': '{}',
    });
    const hourAgo = new Date(Date.now() - 3_600_000);
    await utimes(join(dir, 'k6-old-1-zzzzz.summary.json'), hourAgo, hourAgo);
    const found = await finishedRunners({ resultsDir: dir, since: Date.now() - 60_000 });
    expect(found.map((output) => output.runner)).toEqual(['thap-demo-1-abcde']);
  });

  it('waits until every runner has finished, or returns fewer at the deadline', async () => {
    const dir = await resultsWith({ 'k6-a.csv': 'x\n', 'k6-a.summary.json': '{}', 'k6-b.csv': 'x\n' });
    const waiting = waitForRunners({ resultsDir: dir, runners: 2, since: 0, deadline: Date.now() + 10_000, pollMs: 10 });
    await writeFile(join(dir, 'k6-b.summary.json'), '{}');
    expect((await waiting).map((output) => output.runner)).toEqual(['a', 'b']);
    const late = await waitForRunners({ resultsDir: dir, runners: 3, since: 0, deadline: Date.now() + 50, pollMs: 10 });
    expect(late).toHaveLength(2);
  });

  it('copies each runner\'s CSV and summary into the run directory as segment files, in runner order', async () => {
    const dir = await resultsWith({ 'k6-r2.csv': 'two\n', 'k6-r2.summary.json': '{"n":2}', 'k6-r1.csv': 'one\n', 'k6-r1.summary.json': '{"n":1}' });
    const runDir = await tempTree('run');
    const taken = await takeRunnerOutputs({ outputs: await finishedRunners({ resultsDir: dir, since: 0 }), runDir });
    expect(taken.map((entry) => entry.runner)).toEqual(['r1', 'r2']);
    expect(await readFile(join(runDir, 'k6-0.csv'), 'utf8')).toBe('one\n');
    expect(await readFile(join(runDir, 'k6-1.csv'), 'utf8')).toBe('two\n');
    expect(await readFile(join(runDir, 'k6-1.summary.json'), 'utf8')).toBe('{"n":2}');
  });
});

import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCliInProcess } from '../../../test/support/runCliInProcess.ts';
import { buildRunDir } from '../../../test/support/scoring/buildRunDir.ts';
import { compareCommand } from './compare.ts';

const dirs: string[] = [];
afterAll(async () => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

async function run(seed: number): Promise<string> {
  const { runDir } = await buildRunDir({ seed, durationMs: 20_000, ratePerSec: 5, faults: [{ id: 'f1', fromMs: 5000, toMs: 10_000 }], respond: ({ inFault }) => ({ ok: !inFault, latencyMs: 10, outcome: inFault ? 'failed' : 'done' }) });
  dirs.push(runDir);
  return runDir;
}

describe('thap compare', () => {
  it('writes the comparison into --out and prints the verdict, warning that single runs may be noise, and no note about the PDF', async () => {
    const out = await mkdtemp(join(tmpdir(), 'thap-cmp-'));
    dirs.push(out);
    const result = await runCliInProcess({ command: compareCommand, args: ['compare', `a=${await run(1)}`, `b=${await run(1)}`, '--out', out, '--no-pdf'] });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^fixture: a scores \d+\.\d, 0\.0 points ahead of b \(\d+\.\d\)\n {2}warning: a, b ran once: the repeat noise is unknown/);
    expect(result.stdout).not.toContain('note:');
    expect((await readdir(out)).sort()).toEqual(['compare.html', 'compare.json', 'compare.md']);
  });

  it('exits 2 on mismatched runs without --allow-mismatch', async () => {
    const result = await runCliInProcess({ command: compareCommand, args: ['compare', await run(1), await run(2), '--no-pdf', '--out', join(tmpdir(), 'thap-cmp-never')] });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^thap: these runs are not comparable:\n {2}- seed differs/);
  });
});

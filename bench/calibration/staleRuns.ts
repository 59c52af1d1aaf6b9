import { execFileSync } from 'node:child_process';
import { repoRoot } from '../../test/support/runThap.ts';
import type { CalibrationRun } from './calibrationRun.ts';
import { clientSources } from './clientSources.ts';
import type { CalibrationClient } from './clients.ts';

/**
 * The files a calibration run's verdict rests on besides the harness: the client's code (its script and what
 * it imports, bench/calibration/clientSources.ts), its vendor mapping, and the scenario file.
 */
export function runInputs(root: string, client: CalibrationClient, scenario: string): string[] {
  const sources = client.script ? clientSources(root, client.script) : [];
  return [...sources, ...(client.mapping ? [client.mapping] : []), `scenarios/${scenario}.yaml`];
}

/**
 * Whether a run is of a client or scenario that has changed since: its commit is unknown (made before runs
 * recorded one) or `git diff` finds a change to its inputs between that commit and HEAD. A stale run is left
 * out of the table and made again. Answers are cached per commit and input set.
 */
export function staleRunCheck(cwd: string = repoRoot): (run: CalibrationRun, client: CalibrationClient) => boolean {
  const known = new Map<string, boolean>();
  const inputsOf = new Map<string, string[]>();
  return (run, client) => {
    if (run.commit === undefined) return true;
    const inputKey = `${client.name}\u0000${run.scenario}`;
    const inputs = inputsOf.get(inputKey) ?? runInputs(cwd, client, run.scenario);
    inputsOf.set(inputKey, inputs);
    const key = `${run.commit}\u0000${inputs.join('\u0000')}`;
    const cached = known.get(key);
    if (cached !== undefined) return cached;
    const stale = changedSince(cwd, run.commit, inputs);
    known.set(key, stale);
    return stale;
  };
}

function changedSince(cwd: string, commit: string, inputs: string[]): boolean {
  try {
    // A file the commit did not have yet is a change too: git diff sees it as added.
    execFileSync('git', ['diff', '--quiet', commit, 'HEAD', '--', ...inputs], { cwd, stdio: 'ignore' });
    return false;
  } catch {
    // Exit 1 (a change) or an unknown commit: either way the run is not of this tree's client.
    return true;
  }
}

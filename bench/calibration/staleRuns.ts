import { execFileSync } from 'node:child_process';
import { isDeepStrictEqual } from 'node:util';
import { parse } from 'yaml';
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
  return [...sources, ...(client.mapping ? [client.mapping] : []), scenarioFile(scenario)];
}

const scenarioFile = (scenario: string) => `scenarios/${scenario}.yaml`;

/**
 * What no run reads: a scenario's words for people, and its gates, which only scoring applies (`THAP_RESCORE=1`
 * scores a kept run with the gates its scenario states now). A change to them leaves its runs current.
 */
const unreadKeys = ['title', 'description', 'basedOn', 'gates'];

/**
 * Whether a run is of a client or scenario that has changed since: its commit is unknown (made before runs
 * recorded one) or `git diff` finds a change to its inputs between that commit and HEAD (for the scenario, a change
 * to more than its prose, comments and gates). A stale run is left
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
    const code = inputs.filter((input) => input !== scenarioFile(run.scenario));
    const stale = changedSince(cwd, run.commit, code) || scenarioChangedSince(cwd, run.commit, scenarioFile(run.scenario));
    known.set(key, stale);
    return stale;
  };
}

/** Whether the scenario differs between `commit` and HEAD in anything but its prose, comments and gates. */
function scenarioChangedSince(cwd: string, commit: string, file: string): boolean {
  const at = (revision: string) => {
    try {
      const scenario = parse(execFileSync('git', ['show', `${revision}:${file}`], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })) as Record<string, unknown>;
      return Object.fromEntries(Object.entries(scenario).filter(([key]) => !unreadKeys.includes(key)));
    } catch {
      return undefined;
    }
  };
  const before = at(commit);
  return before === undefined || !isDeepStrictEqual(before, at('HEAD'));
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

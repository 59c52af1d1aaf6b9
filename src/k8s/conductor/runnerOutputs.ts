import { copyFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** A runner's outputs on the results volume: `k6-<pod>.csv`, and `k6-<pod>.summary.json` once the CSV is complete. */
const SUMMARY = /^k6-(.+)\.summary\.json$/;

export interface RunnerOutput {
  runner: string;
  csv: string;
  summary: string;
}

/**
 * The runners that finished since `since`: k6 writes its summary export after it has stopped its outputs
 * (k6 2.2.0 internal/cmd/run.go: the summary is handled in the first-registered deferred call, after the
 * outputs stop), so a summary file means that runner's CSV is whole. Older files are another run's.
 */
export async function finishedRunners({ resultsDir, since }: { resultsDir: string; since: number }): Promise<RunnerOutput[]> {
  const names = await readdir(resultsDir).catch(() => [] as string[]);
  const found: RunnerOutput[] = [];
  for (const name of names.sort()) {
    const runner = SUMMARY.exec(name)?.[1];
    if (runner === undefined) continue;
    const summary = join(resultsDir, name);
    const csv = join(resultsDir, `k6-${runner}.csv`);
    const [summaryStat, csvStat] = await Promise.all([stat(summary).catch(() => undefined), stat(csv).catch(() => undefined)]);
    if (summaryStat && csvStat && summaryStat.mtimeMs >= since) found.push({ runner, csv, summary });
  }
  return found;
}

/**
 * Waits until `runners` runners have finished (polling every `pollMs`) or `deadline` (wall ms) passes; returns
 * those that finished, all of them or fewer.
 */
export async function waitForRunners({ resultsDir, runners, since, deadline, pollMs = 1_000, signal }: {
  resultsDir: string;
  runners: number;
  since: number;
  deadline: number;
  pollMs?: number;
  signal?: AbortSignal;
}): Promise<RunnerOutput[]> {
  for (;;) {
    const found = await finishedRunners({ resultsDir, since });
    if (found.length >= runners || Date.now() >= deadline || signal?.aborted) return found;
    await sleep(Math.min(pollMs, Math.max(0, deadline - Date.now())));
  }
}

/**
 * Copies the runners' outputs into the run directory as one run with segments writes them: `k6-<i>.csv` and
 * `k6-<i>.summary.json`, in runner-name order (scoring reads every `k6-<i>.csv` as one stream).
 */
export async function takeRunnerOutputs({ outputs, runDir }: { outputs: RunnerOutput[]; runDir: string }): Promise<Array<{ runner: string; csv: string }>> {
  const taken: Array<{ runner: string; csv: string }> = [];
  for (const [index, output] of outputs.entries()) {
    const csv = join(runDir, `k6-${index}.csv`);
    await copyFile(output.csv, csv);
    await copyFile(output.summary, join(runDir, `k6-${index}.summary.json`));
    taken.push({ runner: output.runner, csv });
  }
  return taken;
}

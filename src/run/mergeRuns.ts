import { access, copyFile, mkdir, readdir, readFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { UserError } from '../core/index.ts';
import { planRun } from '../load/index.ts';
import type { Scenario } from '../scenario/index.ts';
import { k6CsvFiles, streamK6Csv } from '../scoring/index.ts';
import { mergeRunInfo, type SourceRunInfo } from './merge/mergeRunInfo.ts';
import { writeJsonAtomic } from './runDirectory.ts';

/**
 * Files of the stack (not of a runner) that a merged run takes from the stack directory, when present: at its
 * top, or under `mocks/` (where the k6-operator stack pod writes the ledger, src/k8s).
 */
const STACK_FILES = ['plan.json', 'scenario.resolved.json', 'faults.ndjson', 'ledger.ndjson', 'upstream.ndjson', 'mocks.config.json', 'mocks.log', 'toxiproxy.log', 'client.log'] as const;

export interface MergeResult {
  runDir: string;
  /** Each source k6 CSV and the `k6-<i>.csv` it became. */
  files: Array<{ from: string; to: string }>;
  stackDir: string;
}

/**
 * Builds one run directory from the outputs of N k6 runners (k6-operator instances, or `thap run`
 * directories): every `k6.csv`/`k6-<i>.csv` of every source becomes `k6-<n>.csv` in `outDir` (with its
 * `.log` when there is one), the stack's files (plan, scenario, faults, ledger, upstream) come from
 * `stackDir` (default the first source), and run.json spans all sources (see mergeRunInfo). With `scenario`
 * (k6-operator output has no plan.json), plan.json and scenario.resolved.json are written from it. Scoring then
 * reads the k6 CSVs as one stream (docs/run-directory.md). Does not score; `thap report --merge` does.
 *
 * Errors (UserError): a source without k6 CSVs, a stack directory without plan.json, an `outDir` that
 * already holds files.
 */
export async function mergeRuns({
  runDirs,
  outDir,
  stackDir,
  scenario,
  now = () => Date.now(),
}: {
  runDirs: string[];
  outDir: string;
  stackDir?: string;
  /** The scenario the runners ran; its plan replaces the stack directory's plan.json. */
  scenario?: Scenario;
  now?: () => number;
}): Promise<MergeResult> {
  if (runDirs.length === 0) throw new UserError('--merge: no runner directories given; fix: thap report --merge DIR... --out DIR');
  const runDir = resolve(outDir);
  const sources = runDirs.map((dir) => resolve(dir));
  if (sources.includes(runDir)) throw new UserError(`--out ${outDir}: is also one of the merged directories; fix: write the merged run to a new directory`);
  const existing = await readdir(runDir).catch(() => [] as string[]);
  if (existing.length > 0) throw new UserError(`--out ${outDir}: directory is not empty (${existing.slice(0, 3).join(', ')}${existing.length > 3 ? ', ...' : ''}); fix: give a new or empty directory`);

  const csvs: string[][] = [];
  for (const dir of sources) {
    const found = await existingFiles(await k6CsvFiles({ runDir: dir }));
    if (found.length === 0) throw new UserError(`--merge ${dir}: no k6.csv or k6-<i>.csv in it; fix: give the directories where each runner wrote its k6 CSV (--out csv=...)`);
    csvs.push(found);
  }
  const stack = resolve(stackDir ?? sources[0] as string);
  if (!scenario && !(await exists(join(stack, 'plan.json')))) {
    throw new UserError(`${stackDir ? '--stack-dir' : '--merge'} ${stack}: has no plan.json, so the merged run has no plan or fault timeline; fix: pass --scenario with the scenario the runners ran, or --stack-dir with the run directory that holds plan.json, faults.ndjson, ledger.ndjson and upstream.ndjson`);
  }

  await mkdir(runDir, { recursive: true });
  const files: MergeResult['files'] = [];
  for (const from of csvs.flat()) {
    const to = join(runDir, `k6-${files.length}.csv`);
    await copyFile(from, to);
    const log = from.replace(/\.csv$/, '.log');
    if (await exists(log)) await copyFile(log, to.replace(/\.csv$/, '.log'));
    files.push({ from, to });
  }
  for (const name of STACK_FILES) {
    const from = [join(stack, name), join(stack, 'mocks', name)];
    const found = (await exists(from[0] as string)) ? from[0] : (await exists(from[1] as string)) ? from[1] : undefined;
    if (found) await copyFile(found, join(runDir, name));
  }
  if (scenario) {
    // As thap run writes them (src/run/runScenario.ts).
    await writeJsonAtomic(join(runDir, 'scenario.resolved.json'), scenario);
    await writeJsonAtomic(join(runDir, 'plan.json'), { ...planRun(scenario).plan, services: scenario.services, runId: basename(runDir) });
  }

  const withInfo = await Promise.all(sources.map(async (dir) => ({ dir, info: await readRunJson(dir) })));
  const infoSources = stackDir && !sources.includes(stack) ? [...withInfo, { dir: stack, info: await readRunJson(stack) }] : withInfo;
  // Bare runner output (k6-operator) has no run.json: its samples' own times say when it ran.
  const sampleSpan = withInfo.some((source) => !source.info) ? await sampleTimeSpan(files.map((file) => file.to)) : undefined;
  const info = mergeRunInfo({ runId: basename(runDir), sources: infoSources, ...(sampleSpan ? { sampleSpan } : {}), merged: { from: sources, stackDir: stack, files }, now: now() });
  await writeJsonAtomic(join(runDir, 'run.json'), info);
  return { runDir, files, stackDir: stack };
}

async function readRunJson(dir: string): Promise<SourceRunInfo | undefined> {
  const text = await readFile(join(dir, 'run.json'), 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as SourceRunInfo;
  } catch (error) {
    throw new UserError(`${join(dir, 'run.json')}: not JSON (${(error as Error).message}); fix: remove it to date the runner by its samples`, { cause: error });
  }
}

async function sampleTimeSpan(files: string[]): Promise<{ first: number; last: number } | undefined> {
  let first = Infinity;
  let last = -Infinity;
  await streamK6Csv({
    file: files,
    metrics: new Set(['http_req_duration', 'thap_outcome', 'dropped_iterations']),
    onRow: (record, columns) => {
      const at = Number(record[columns.timestamp]);
      if (!Number.isFinite(at)) return;
      if (at < first) first = at;
      if (at > last) last = at;
    },
  });
  return first <= last ? { first, last } : undefined;
}

async function existingFiles(files: string[]): Promise<string[]> {
  const found: string[] = [];
  for (const file of files) if (await exists(file)) found.push(file);
  return found;
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}

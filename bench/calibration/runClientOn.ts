import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { repoRoot } from '../../test/support/runThap.ts';
import { runScenario } from '../../test/support/runScenario.ts';
import { withClient } from '../../test/support/scenarioCopy.ts';
import type { CalibrationRun } from './calibrationRun.ts';
import type { CalibrationClient } from './clients.ts';
import { reportVerdict, type ReportVerdictInput } from './reportVerdict.ts';
import { flawsCommitted } from './flawsCommitted.ts';

/** The machine-wide lock every real run holds for its own duration (/work/plan/INTERFACES.md "Working rules"). */
export const realRunLock = process.env.THAP_REALRUN_LOCK ?? '/tmp/thap-realrun.lock';

/** The name a scenario file goes by in tables: its file name without `.yaml`. */
export function scenarioName(file: string): string {
  return path.basename(file).replace(/\.ya?ml$/, '');
}

/**
 * One real `thap run` of `scenarioFile` with `client` in place of the scenario's own client (and `--speed`
 * when given), its run directory under `out` when given (kept for rescoring), holding the real-run lock only while it
 * runs; what thap made of it.
 */
export async function runClientOn(args: { client: CalibrationClient & { script: string }; scenarioFile: string; repeat: number; speed?: number; out?: string }): Promise<CalibrationRun> {
  const scenarioFile = await withClient(path.relative(repoRoot, args.scenarioFile), args.client.script, args.client.env);
  const run = await runScenario<ReportVerdictInput>(scenarioFile, {
    args: [...(args.speed !== undefined ? ['--speed', String(args.speed)] : []), ...(args.client.mapping !== undefined ? ['--client-mapping', args.client.mapping] : [])],
    lockFile: realRunLock,
    ...(args.out !== undefined ? { out: args.out } : {}),
  });
  const report = run.report;
  const flaws = run.runDir ? await flawsCommitted({ runDir: run.runDir, client: args.client }) : undefined;
  return {
    client: args.client.name,
    scenario: scenarioName(args.scenarioFile),
    repeat: args.repeat,
    ...(args.speed !== undefined ? { speed: args.speed } : {}),
    ...(report ? reportVerdict(report) : { status: `no report (exit ${run.code})`, score: null }),
    exitCode: run.code,
    ...(run.runDir ? { runDir: run.runDir } : {}),
    ...(flaws !== undefined ? { flawsCommitted: flaws } : {}),
    ...(report ? {} : { detail: run.stderr.trim().split('\n').slice(-3).join('\n') }),
    at: new Date().toISOString(),
    ...commitOf(),
  };
}

/** The worktree's commit, so a run made before a client changed can be told apart. */
function commitOf(): { commit?: string } {
  try {
    return { commit: execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repoRoot, encoding: 'utf8' }).trim() };
  } catch {
    return {};
  }
}

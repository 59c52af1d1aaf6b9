import path from 'node:path';
import { runThap } from '../../examples/proof/runThap.ts';
import type { CalibrationRun } from './calibrationRun.ts';
import type { CalibrationClient } from './clients.ts';

/** The machine-wide lock every real run holds for its own duration (/work/plan/INTERFACES.md "Working rules"). */
export const realRunLock = process.env.THAP_REALRUN_LOCK ?? '/tmp/thap-realrun.lock';

/** The name a scenario file goes by in tables: its file name without `.yaml`. */
export function scenarioName(file: string): string {
  return path.basename(file).replace(/\.ya?ml$/, '');
}

/**
 * One real `thap run` of `scenarioFile` with `client` in place of the scenario's own client (and `--speed`
 * when given), holding the real-run lock only while it runs; what thap made of it.
 */
export async function runClientOn(args: { client: CalibrationClient & { script: string }; scenarioFile: string; repeat: number; speed?: number }): Promise<CalibrationRun> {
  const run = await runThap({
    scenarioFile: args.scenarioFile,
    clientScript: args.client.script,
    ...(args.client.env ? { clientEnv: args.client.env } : {}),
    ...(args.speed !== undefined ? { args: ['--speed', String(args.speed)] } : {}),
    lockFile: realRunLock,
    // The wait for the lock counts too: a long queue of other real runs is not a failure of this one.
    timeoutMs: 4 * 3_600_000,
  });
  const report = run.report as unknown as { status?: string; score?: { total?: number } } | undefined;
  return {
    client: args.client.name,
    scenario: scenarioName(args.scenarioFile),
    repeat: args.repeat,
    ...(args.speed !== undefined ? { speed: args.speed } : {}),
    status: report?.status ?? `no report (exit ${run.exitCode})`,
    exitCode: run.exitCode,
    score: typeof report?.score?.total === 'number' ? report.score.total : null,
    ...(run.runDir ? { runDir: run.runDir } : {}),
    ...(report ? {} : { detail: run.stderr.trim().split('\n').slice(-3).join('\n') }),
    at: new Date().toISOString(),
  };
}

import { ExitCode } from '../../core/index.ts';
import { exitCodeForReport, formatSummary } from '../../report/index.ts';
import type { runScenario } from '../../run/index.ts';

/** What `thap run` and `thap conduct` print when a run ends, and the exit code by its report (README "Exit codes"). */
export function reportRunResult(result: Awaited<ReturnType<typeof runScenario>>): void {
  if (result.report) process.stdout.write(`${formatSummary(result.report, { reportPath: `${result.runDir}/report.json` })}\n`);
  for (const note of result.notes ?? []) process.stdout.write(`note: ${note}\n`);
  process.exitCode = result.interruptedBy ? ExitCode.Interrupted : result.report ? exitCodeForReport(result.report) : ExitCode.HarnessFailure;
}

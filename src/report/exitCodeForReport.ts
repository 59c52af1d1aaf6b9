import { ExitCode } from '../core/index.ts';
import type { Report } from '../scoring/index.ts';

/** The CLI's exit code for a report: passed 0, gates failed 1, invalid run or harness error 3, interrupted 130. */
export function exitCodeForReport(report: Pick<Report, 'status'>): ExitCode {
  switch (report.status) {
    case 'passed':
      return ExitCode.Passed;
    case 'failed':
      return ExitCode.GatesFailed;
    case 'invalid':
    case 'error':
      return ExitCode.HarnessFailure;
    case 'interrupted':
      return ExitCode.Interrupted;
  }
}

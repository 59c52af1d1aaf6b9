import { access } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { UserError } from '../../core/index.ts';
import { type Report, scoreRunBounded } from '../../scoring/index.ts';
import { readReport } from '../readReport.ts';

export interface CompareInput {
  /** Who the run is of (a vendor): `label=dir` on the command line, else the report's client name, else its command or URL, else the directory name. */
  label: string;
  runDir: string;
  report: Report;
}

/**
 * Reads each run to compare: `DIR` or `LABEL=DIR`. Uses the run's report.json when it exists, else scores
 * the directory. Runs of one label are repeats of one client (mean and spread in the comparison).
 */
export async function loadCompareInputs({ args }: { args: string[] }): Promise<CompareInput[]> {
  if (args.length < 2) throw new UserError(`thap compare needs at least two run directories (got ${args.length}); e.g. thap compare vendor-a=reports/a vendor-b=reports/b`);
  const inputs: CompareInput[] = [];
  for (const arg of args) {
    const match = /^([^=/\\]+)=(.+)$/.exec(arg);
    const runDir = match?.[2] ?? arg;
    const reportFile = join(runDir, 'report.json');
    let report: Report;
    try {
      await access(reportFile);
      report = await readReport({ file: reportFile });
    } catch (error) {
      if (error instanceof UserError) throw error;
      // The scorecard renders no per-step or per-endpoint table: scoring skips them (docs/report.md, Speed).
      report = await scoreRunBounded({ runDir, breakdown: false });
    }
    // A short column head: the client's name (docs/report.md), not its command line.
    inputs.push({ label: match?.[1] ?? report.clientName ?? report.client ?? basename(runDir), runDir, report });
  }
  return inputs;
}

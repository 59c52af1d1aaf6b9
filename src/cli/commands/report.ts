import { Command } from 'commander';
import { z } from 'zod';
import { formatSummary } from '../../report/formatSummary.ts';
import { exitCodeForReport } from '../../report/exitCodeForReport.ts';
import { renderRun } from '../../report/renderRun.ts';

const optionsSchema = z.object({
  json: z.boolean().optional(),
  gate: z.array(z.string()).optional(),
});

/**
 * `thap report <run-dir>`: rescores a run from its files alone and renders every report again. Exit code
 * follows the report: 0 passed, 1 gates failed, 3 the run itself errored, 130 it was interrupted.
 */
export function reportCommand(): Command {
  return new Command('report')
    .description('score a run directory again from its files and render its reports')
    .argument('<run-dir>', 'a run directory written by `thap run` (reports/<scenario>-<timestamp>)')
    .option('--json', 'print report.json instead of the summary')
    .option('--gate <expr...>', 'gates to evaluate instead of the plan\'s (e.g. "score >= 70")')
    .action(async (runDir: string, raw: unknown) => {
      const options = optionsSchema.parse(raw);
      const { report, reportPath, files } = await renderRun({ runDir, ...(options.gate ? { gates: options.gate } : {}) });
      if (options.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
      else {
        process.stdout.write(formatSummary(report, { reportPath }));
        for (const file of files.filter((f) => f !== reportPath)) process.stdout.write(`wrote ${file}\n`);
      }
      process.exitCode = exitCodeForReport(report);
    });
}

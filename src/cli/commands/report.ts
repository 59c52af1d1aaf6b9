import { Command } from 'commander';
import { z } from 'zod';
import { UserError } from '../../errors.ts';
import { formatSummary } from '../../report/formatSummary.ts';
import { exitCodeForReport } from '../../report/exitCodeForReport.ts';
import { renderRun } from '../../report/renderRun.ts';
import { mergeRuns } from '../../run/mergeRuns.ts';
import { refuseLiveRun } from '../../run/liveRuns/refuseLiveRun.ts';
import { loadScenario } from '../../scenario/loadScenario.ts';

const optionsSchema = z.object({
  json: z.boolean().optional(),
  gate: z.array(z.string()).optional(),
  format: z.array(z.enum(['html', 'md', 'junit', 'pdf'])).optional(),
  baseline: z.string().min(1).optional(),
  maxRegression: z.coerce.number().min(0).optional(),
  merge: z.array(z.string().min(1)).min(1).optional(),
  out: z.string().min(1).optional(),
  stackDir: z.string().min(1).optional(),
  scenario: z.string().min(1).optional(),
});

/**
 * `thap report <run-dir>`: rescores a run from its files alone and renders every report again. Exit code
 * follows the report: 0 passed, 1 gates failed, 3 the run itself errored, 130 it was interrupted.
 */
export function reportCommand(): Command {
  return new Command('report')
    .description('score a run directory again from its files and render its reports')
    .argument('[run-dir]', 'a run directory written by `thap run` (reports/<scenario>-<timestamp>)')
    .option('--json', 'print report.json instead of the summary')
    .option('--gate <expr...>', 'gates to evaluate instead of the plan\'s (e.g. "score >= 70")')
    .option('--baseline <report.json>', 'compare the score with this earlier report')
    .option('--max-regression <points>', 'with --baseline: fail when the score fell by more than this many points (default 0)')
    .option('--merge <runner-dir...>', 'merge the k6 CSVs of several runners (k6-operator, or thap run directories) into one run (--out) and score it')
    .option('--out <dir>', 'with --merge: the new run directory to write')
    .option('--stack-dir <dir>', 'with --merge: where plan.json, faults, ledger and upstream come from (default the first runner directory)')
    .option('--scenario <file>', 'with --merge: the scenario the runners ran (its plan, when the outputs have no plan.json, as from k6-operator)')
    .option('--format <format...>', 'formats to render besides report.json: html, md, junit, pdf (default all; pdf needs Chromium)')
    .action(async (given: string | undefined, raw: unknown) => {
      const parsed = optionsSchema.safeParse(raw);
      if (!parsed.success) {
        throw new UserError(`invalid option: ${parsed.error.issues.map((issue) => `--${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
      }
      const options = parsed.data;
      const runDir = await mergedOrGiven({ given, merge: options.merge, out: options.out, stackDir: options.stackDir, scenarioFile: options.scenario });
      refuseLiveRun({ runDir });
      const { report, reportPath, files, notes } = await renderRun({ runDir, ...(options.gate ? { gates: options.gate } : {}), ...(options.format ? { formats: options.format } : {}), ...(options.baseline ? { baseline: { file: options.baseline, maxRegression: options.maxRegression ?? 0 } } : {}) });
      if (options.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
      else {
        process.stdout.write(formatSummary(report, { reportPath }));
        for (const file of files.filter((f) => f !== reportPath)) process.stdout.write(`wrote ${file}\n`);
        for (const note of notes) process.stdout.write(`note: ${note}\n`);
      }
      process.exitCode = exitCodeForReport(report);
    });
}

/** The run directory to score: the one given, or with --merge the one merged from several runners into --out. */
async function mergedOrGiven({ given, merge, out, stackDir, scenarioFile }: { given?: string; merge?: string[]; out?: string; stackDir?: string; scenarioFile?: string }): Promise<string> {
  if (!merge) {
    if (given === undefined) throw new UserError('thap report: give a run directory, or --merge DIR... --out DIR');
    if (out || stackDir || scenarioFile) throw new UserError('thap report: --out, --stack-dir and --scenario go with --merge; fix: thap report --merge DIR... --out DIR');
    return given;
  }
  if (!out) throw new UserError('thap report --merge: --out DIR is required (the new run directory to write)');
  // `thap report A --merge B` reads as merging A and B.
  const scenario = scenarioFile ? (await loadScenario(scenarioFile)).scenario : undefined;
  const merged = await mergeRuns({ runDirs: given === undefined ? merge : [given, ...merge], outDir: out, ...(stackDir ? { stackDir } : {}), ...(scenario ? { scenario } : {}) });
  return merged.runDir;
}


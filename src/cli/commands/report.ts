import { Command } from 'commander';
import { z } from 'zod';
import { UserError } from '../../core/index.ts';
import { exitCodeForReport, formatSummary, scoreForReport, writeRunReports } from '../../report/index.ts';
import { mergeRuns } from '../../run/index.ts';
import { refuseLiveRun } from '../../run/liveRuns/index.ts';
import { loadScenario } from '../../scenario/index.ts';
import { ensureOutputDir } from '../../util/index.ts';
import { defineOptions } from '../options/defineOptions.ts';
import { decimal, text } from '../options/optionValues.ts';
import { reportFormatOption } from '../options/reportFormatOption.ts';

const reportOptions = defineOptions(
  'report',
  {
    json: { flags: '--json', description: 'print report.json instead of the summary', schema: z.boolean().default(false) },
    gate: { flags: '--gate <expr...>', description: 'gates to evaluate instead of the plan\'s (e.g. "score >= 70")', schema: z.array(text('a gate expression, e.g. "score >= 70"')).optional() },
    baseline: { flags: '--baseline <report.json>', description: 'compare the score with this earlier report', schema: text('the path of an earlier report.json').optional() },
    maxRegression: { flags: '--max-regression <points>', description: 'with --baseline: fail when the score fell by more than this many points (default 0)', schema: decimal({ min: 0 }).optional() },
    merge: { flags: '--merge <runner-dir...>', description: 'merge the k6 CSVs of several runners (k6-operator, or thap run directories) into one run (--out) and score it', schema: z.array(text('a runner directory')).optional() },
    out: { flags: '--out <dir>', description: 'with --merge: the new run directory to write', schema: text('the new run directory to write').optional() },
    stackDir: { flags: '--stack-dir <dir>', description: 'with --merge: where plan.json, faults, ledger and upstream come from (default the first runner directory)', schema: text('a runner directory').optional() },
    scenario: { flags: '--scenario <file>', description: 'with --merge: the scenario the runners ran (its plan, when the outputs have no plan.json, as from k6-operator)', schema: text('the path of a scenario file').optional() },
    clientName: { flags: '--client-name <name>', description: "what the reports call the client under test (instead of the scenario's client.name or a name from its command)", schema: text('a name, e.g. "Arogya HIS 4.2"').optional() },
    format: reportFormatOption,
  },
  (options) => [
    ...(!options.merge && options.out ? [{ option: 'out' as const, message: 'goes with --merge; fix: thap report --merge DIR... --out DIR' }] : []),
    ...(!options.merge && options.stackDir ? [{ option: 'stackDir' as const, message: 'goes with --merge; fix: thap report --merge DIR... --stack-dir DIR --out DIR' }] : []),
    ...(!options.merge && options.scenario ? [{ option: 'scenario' as const, message: 'goes with --merge; fix: thap report --merge DIR... --scenario FILE --out DIR' }] : []),
    ...(options.merge && !options.out ? [{ option: 'out' as const, message: 'is required with --merge (the new run directory to write)' }] : []),
    ...(!options.baseline && options.maxRegression !== undefined ? [{ option: 'maxRegression' as const, message: 'goes with --baseline; fix: add --baseline earlier/report.json' }] : []),
  ],
);

/**
 * `thap report <run-dir>`: rescores a run from its files alone and renders every report again. Exit code
 * follows the report: 0 passed, 1 gates failed, 3 the run itself errored, 130 it was interrupted.
 */
export function reportCommand(): Command {
  return reportOptions
    .addTo(new Command('report').description('score a run directory again from its files and render its reports').argument('[run-dir]', 'a run directory written by `thap run` (reports/<scenario>-<timestamp>)'))
    .action(async (given: string | undefined, raw: unknown) => {
      const options = reportOptions.parse(raw);
      const runDir = await mergedOrGiven({ given, merge: options.merge, out: options.out, stackDir: options.stackDir, scenarioFile: options.scenario });
      refuseLiveRun({ runDir });
      const report = await scoreForReport({ runDir, ...(options.gate ? { gates: options.gate } : {}), ...(options.baseline ? { baseline: { file: options.baseline, maxRegression: options.maxRegression ?? 0 } } : {}), ...(options.clientName ? { clientName: options.clientName } : {}) });
      const { reportPath, files, notes } = await writeRunReports({ runDir, report, ...(options.format ? { formats: options.format } : {}) });
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
  if (!merge || !out) {
    if (given === undefined) throw new UserError('report: give a run directory, or --merge DIR... --out DIR');
    await ensureOutputDir({ dir: given, what: 'the run directory', create: false });
    return given;
  }
  await ensureOutputDir({ dir: out, what: '--out' });
  // `thap report A --merge B` reads as merging A and B.
  const scenario = scenarioFile ? (await loadScenario(scenarioFile)).scenario : undefined;
  const merged = await mergeRuns({ runDirs: given === undefined ? merge : [given, ...merge], outDir: out, ...(stackDir ? { stackDir } : {}), ...(scenario ? { scenario } : {}) });
  return merged.runDir;
}

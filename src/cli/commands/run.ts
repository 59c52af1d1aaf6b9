import { Command, Option } from 'commander';
import { z } from 'zod';
import { formatSummary } from '../../report/formatSummary.ts';
import { exitCodeForReport } from '../../report/exitCodeForReport.ts';
import { runScenario } from '../../run/runScenario.ts';
import { checkRegionalRun } from '../../run/checkRegionalRun.ts';
import { checkTarget } from '../../run/checkTarget.ts';
import { loadScenario } from '../../scenario/loadScenario.ts';
import { planRun } from '../../load/planRun.ts';
import { describePlan } from '../../scenario/plan.ts';
import { ExitCode } from '../exitCodes.ts';
import { parseOptions } from '../parseOptions.ts';

const runOptionsSchema = z.strictObject({
  out: z.string().default('reports'),
  seed: z.coerce.number().int().min(0).optional(),
  speed: z.coerce.number().positive().max(100_000).optional(),
  target: z.string().optional(),
  allowHost: z.array(z.string()).default([]),
  ci: z.boolean().default(false),
  dryRun: z.boolean().default(false),
  k6: z.string().optional(),
  toxiproxy: z.string().optional(),
  segments: z.coerce.number().int().min(1).max(64).default(1),
  baseline: z.string().min(1).optional(),
  maxRegression: z.coerce.number().min(0, 'max-regression is a number of score points, 0 or more').optional(),
  stack: z.enum(['local', 'docker', 'auto']).default('local'),
});

/** `thap run <scenario>`: runs a scenario end to end and exits by its gates (README "Exit codes"). */
export function runCommand(): Command {
  return new Command('run')
    .description('run a scenario against a client system and score how it degrades and recovers')
    .argument('<scenario>', 'scenario file (.yaml, .yml or .ts)')
    .option('--out <dir>', 'where run directories go', 'reports')
    .option('--seed <n>', 'override the scenario seed')
    .option('--speed <x>', 'override the simulated seconds per wall second')
    .option('--target <url>', 'test a client that is already running at this URL (loopback unless --allow-host)')
    .addOption(new Option('--allow-host <host>', 'allow a non-loopback target host (repeatable)').argParser((value: string, previous: string[] = []) => [...previous, value]))
    .option('--ci', 'plain progress lines instead of the live view')
    .option('--dry-run', 'print the plan and start nothing')
    .option('--k6 <path>', 'k6 binary to use')
    .option('--toxiproxy <path>', 'Toxiproxy server binary to use')
    .option('--stack <kind>', 'where Toxiproxy, the mocks and the client run: local (processes), docker (containers) or auto (docker when Docker works and k6/Toxiproxy are missing)', 'local')
    .option('--baseline <report.json>', 'fail (exit 1) when the score fell below this earlier report\'s by more than --max-regression')
    .option('--max-regression <points>', 'with --baseline: score points the run may lose (default 0)')
    .option('--segments <n>', 'k6 processes started at once, each on one execution segment of the load (writes k6-<i>.csv)', '1')
    .action(async (file: string, raw: Record<string, unknown>) => {
      const options = parseOptions(runOptionsSchema, raw, 'thap run');
      // Overrides go through the same validation as the file.
      const { scenario } = await loadScenario(file, { overrides: { seed: options.seed, speed: options.speed } });
      if (options.target) checkTarget({ url: options.target, allowHosts: options.allowHost });
      if (options.target) checkRegionalRun({ scenario, target: options.target, stack: 'local', file });
      if (options.dryRun) {
        process.stdout.write(`${describePlan(planRun(scenario).plan).join('\n')}\n`);
        return;
      }
      const log = (line: string) => process.stderr.write(`${line}\n`);
      const result = await runScenario({
        scenario,
        outDir: options.out,
        target: options.target,
        allowHosts: options.allowHost,
        log,
        plainProgress: options.ci || !process.stderr.isTTY,
        toolPaths: { k6Path: options.k6, toxiproxyPath: options.toxiproxy },
        segments: options.segments,
        ...(options.baseline ? { baseline: { file: options.baseline, maxRegression: options.maxRegression ?? 0 } } : {}),
        stack: options.stack,
      });
      if (result.report) process.stdout.write(`${formatSummary(result.report, { reportPath: `${result.runDir}/report.json` })}\n`);
      process.exitCode = result.interruptedBy ? ExitCode.Interrupted : result.report ? exitCodeForReport(result.report) : ExitCode.HarnessFailure;
    });
}

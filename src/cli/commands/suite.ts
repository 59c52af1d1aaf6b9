import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Command } from 'commander';
import { z } from 'zod';
import { ExitCode, HarnessError } from '../../core/index.ts';
import { compareRuns } from '../../report/index.ts';
import { onInterrupt, runScenario } from '../../run/index.ts';
import { ensureOutputDir } from '../../util/index.ts';
import { defineOptions } from '../options/defineOptions.ts';
import { machineWaitBoundOption } from '../options/machineWaitBoundOption.ts';
import { text, wholeNumber } from '../options/optionValues.ts';
import { printScorecard } from './printScorecard.ts';
import { loadSuiteFile } from './suite/suiteFile.ts';
import { slotName, runSuite } from './suite/runSuite.ts';
import { suiteSlots } from './suite/suiteSlots.ts';

const suiteOptions = defineOptions('suite', {
  out: { flags: '--out <dir>', description: 'where the suite directory (suite-<name>) goes; the same --out resumes the suite', schema: text('a directory to write the suite into').default('reports') },
  ci: { flags: '--ci', description: 'plain progress lines instead of the live view', schema: z.boolean().default(false) },
  maxRuns: { flags: '--max-runs <n>', description: 'start at most this many runs now, then stop (call again for the rest), e.g. to take a machine lock per run', schema: wholeNumber({ min: 1 }).optional() },
  pdf: { flags: '--no-pdf', description: 'skip the scorecard PDF even when Chromium exists', schema: z.boolean().default(true) },
  machineWaitBound: machineWaitBoundOption,
});

/**
 * `thap suite <suite.yaml>`: runs every scenario against every client, `repeats` times, one run after another,
 * each in its own directory under `<out>/suite-<name>/runs/`, skipping runs already done (a suite resumes after
 * an interrupt), then writes the scorecard (`thap compare`'s) into the suite directory. Exit 0 with every run
 * scored; 3 when some run has no valid score (the scorecard leaves it out and says so); 130 when interrupted.
 */
export function suiteCommand(): Command {
  return suiteOptions
    .addTo(new Command('suite').description('run a suite of scenarios against several clients, with repeats, resumably, and write their scorecard').argument('<suite>', 'suite file (.yaml): name, scenarios, clients, repeats'))
    .action(async (file: string, raw: Record<string, unknown>) => {
      const options = suiteOptions.parse(raw);
      const suite = await loadSuiteFile(file);
      const suiteDir = join(options.out, `suite-${suite.name}`);
      const slots = await suiteSlots({ suite, suiteFile: file, suiteDir });
      await ensureOutputDir({ dir: options.out, what: '--out' });
      const log = (line: string) => process.stderr.write(`${line}\n`);
      let signalled: string | undefined;
      const unhook = onInterrupt((signal) => void (signalled ??= signal));
      const outcome = await runSuite({
        slots,
        stopped: () => signalled,
        log,
        ...(options.maxRuns !== undefined ? { maxRuns: options.maxRuns } : {}),
        runSlot: (slot) => runScenario({ scenario: slot.scenario, outDir: slot.dir, log, plainProgress: options.ci || !process.stderr.isTTY, mappingField: slot.mappingField, ...(options.machineWaitBound !== undefined ? { machineWaitBoundMs: options.machineWaitBound } : {}) }),
      }).finally(unhook);
      const runs = outcome.runs.map(({ slot, runDir, skipped, problem }) => ({ scenario: slot.scenario.name, scenarioFile: slot.scenarioFile, client: slot.client.name, repeat: slot.repeat, ...(runDir ? { runDir } : {}), skipped, ...(problem ? { problem } : {}) }));
      await mkdir(suiteDir, { recursive: true });
      await writeFile(join(suiteDir, 'suite.json'), `${JSON.stringify({ suite: file, name: suite.name, planned: slots.length, runs }, null, 2)}\n`);
      const done = outcome.runs.filter((run) => run.runDir);
      if (outcome.interruptedBy) {
        process.stdout.write(`interrupted by ${outcome.interruptedBy}: ${done.length} of ${slots.length} runs done (${suiteDir}); run thap suite ${file} again to resume\n`);
        process.exitCode = ExitCode.Interrupted;
        return;
      }
      if (outcome.left) {
        process.stdout.write(`${done.length} of ${slots.length} runs done (${suiteDir}); --max-runs ${options.maxRuns} reached: run thap suite ${file} again for the other ${outcome.left}\n`);
        return;
      }
      for (const { slot, problem } of outcome.runs) if (problem) process.stdout.write(`not in the scorecard: ${slotName(slot)}: ${problem}\n`);
      if (done.length < 2) throw new HarnessError(`suite ${suite.name}: ${done.length} of ${slots.length} runs have a valid score, too few for a scorecard; see the runs under ${suiteDir}`);
      printScorecard(await compareRuns({ args: done.map(({ slot, runDir }) => `${slot.client.name}=${runDir}`), outDir: suiteDir, ...(options.pdf === false ? { chromium: null } : {}) }));
      process.exitCode = done.length < slots.length ? ExitCode.HarnessFailure : ExitCode.Passed;
    });
}

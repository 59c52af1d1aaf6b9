import { Command } from 'commander';
import { z } from 'zod';
import { checkRegionalRun, checkTarget, runScenario } from '../../run/index.ts';
import { describePlan, loadScenario } from '../../scenario/index.ts';
import { planRun } from '../../load/index.ts';
import { ensureOutputDir } from '../../util/index.ts';
import { defineOptions } from '../options/defineOptions.ts';
import { reportRunResult } from './reportRunResult.ts';
import { decimal, oneOf, text, wholeNumber } from '../options/optionValues.ts';
import { machineWaitBoundOption } from '../options/machineWaitBoundOption.ts';
import { reportFormatOption } from '../options/reportFormatOption.ts';

const runOptions = defineOptions('run', {
  out: { flags: '--out <dir>', description: 'where run directories go', schema: text('a directory to write the run into').default('reports') },
  seed: { flags: '--seed <n>', description: 'override the scenario seed', schema: wholeNumber().optional() },
  speed: { flags: '--speed <x>', description: 'override the simulated seconds per wall second', schema: decimal({ min: 0, above: true, max: 100_000 }).optional() },
  target: { flags: '--target <url>', description: 'test a client that is already running at this URL (loopback unless --allow-host)', schema: text('the URL of the running client, e.g. http://127.0.0.1:8080').optional() },
  allowHost: { flags: '--allow-host <host>', description: 'allow a non-loopback target host (repeatable)', schema: z.array(text('a host name')).default([]), repeatable: true },
  ci: { flags: '--ci', description: 'plain progress lines instead of the live view', schema: z.boolean().default(false) },
  dryRun: { flags: '--dry-run', description: 'print the plan and start nothing', schema: z.boolean().default(false) },
  k6: { flags: '--k6 <path>', description: 'k6 binary to use', schema: text('the path of a k6 binary').optional() },
  toxiproxy: { flags: '--toxiproxy <path>', description: 'Toxiproxy server binary to use', schema: text('the path of a toxiproxy-server binary').optional() },
  stack: { flags: '--stack <kind>', description: 'where Toxiproxy, the mocks and the client run: local (processes), docker (containers) or auto (docker when Docker works and k6/Toxiproxy are missing)', schema: oneOf(['local', 'docker', 'auto']).default('local') },
  baseline: { flags: '--baseline <report.json>', description: "fail (exit 1) when the score fell below this earlier report's by more than --max-regression", schema: text('the path of an earlier report.json').optional() },
  maxRegression: { flags: '--max-regression <points>', description: 'with --baseline: score points the run may lose (default 0)', schema: decimal({ min: 0 }).optional() },
  clientName: { flags: '--client-name <name>', description: "what the reports call the client under test (instead of the scenario's client.name or a name from its command)", schema: text('a name, e.g. "Arogya HIS 4.2"').optional() },
  format: reportFormatOption,
  machineWaitBound: machineWaitBoundOption,
  clientMapping: { flags: '--client-mapping <file>', description: "send the load through this vendor mapping (.yaml or .ts) instead of the scenario's client.mapping: the client speaks its own API", schema: text('the path of a vendor mapping, e.g. examples/vendor-arogya/mapping.yaml').optional() },
  segments: { flags: '--segments <n>', description: 'k6 processes started at once, each on one execution segment of the load (writes k6-<i>.csv)', schema: wholeNumber({ min: 1, max: 64 }).default(1) },
}, (options) => (!options.baseline && options.maxRegression !== undefined ? [{ option: 'maxRegression', message: 'goes with --baseline; fix: add --baseline earlier/report.json' }] : []));

/** `thap run <scenario>`: runs a scenario end to end and exits by its gates (README "Exit codes"). */
export function runCommand(): Command {
  return runOptions
    .addTo(new Command('run').description('run a scenario against a client system and score how it degrades and recovers').argument('<scenario>', 'scenario file (.yaml, .yml or .ts)'))
    .action(async (file: string, raw: Record<string, unknown>) => {
      const options = runOptions.parse(raw);
      // Overrides go through the same validation as the file.
      const loaded = await loadScenario(file, { overrides: { seed: options.seed, speed: options.speed } });
      // The name goes into scenario.resolved.json, so `thap report` keeps it; the fingerprint leaves the client out.
      // --client-mapping replaces client.mapping; the mapping is checked against the load before anything starts.
      const client = { ...loaded.scenario.client, ...(options.clientName ? { name: options.clientName } : {}), ...(options.clientMapping ? { mapping: options.clientMapping } : {}) };
      const scenario = { ...loaded.scenario, client };
      if (options.target) checkTarget({ url: options.target, allowHosts: options.allowHost });
      if (options.target) checkRegionalRun({ scenario, target: options.target, stack: 'local', file });
      if (options.dryRun) {
        process.stdout.write(`${describePlan(planRun(scenario).plan).join('\n')}\n`);
        return;
      }
      await ensureOutputDir({ dir: options.out, what: '--out' });
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
        ...(options.format ? { formats: options.format } : {}),
        ...(options.machineWaitBound !== undefined ? { machineWaitBoundMs: options.machineWaitBound } : {}),
        mappingField: options.clientMapping ? '--client-mapping' : `${file}: client.mapping`,
      });
      reportRunResult(result);
    });
}

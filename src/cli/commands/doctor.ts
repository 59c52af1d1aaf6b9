import { Command } from 'commander';
import { z } from 'zod';
import { ExitCode } from '../../core/index.ts';
import { defineOptions } from '../options/defineOptions.ts';
import { text } from '../options/optionValues.ts';
import { formatDoctor, runDoctor } from '../../stack/tools/index.ts';
import { describeSweep, liveRunsDir, sweepDeadRuns } from '../../run/liveRuns/index.ts';

const doctorOptions = defineOptions('doctor', {
  json: { flags: '--json', description: 'print JSON', schema: z.boolean().default(false) },
  k6: { flags: '--k6 <path>', description: 'check this k6 binary', schema: text('the path of a k6 binary').optional() },
  toxiproxy: { flags: '--toxiproxy <path>', description: 'check this toxiproxy-server binary', schema: text('the path of a toxiproxy-server binary').optional() },
  cacheDir: { flags: '--cache-dir <dir>', description: 'cache directory to look in', schema: text('a cache directory').optional() },
  cleanup: { flags: '--cleanup', description: 'undo what killed runs left: their processes, containers and proxies; mark their run.json interrupted', schema: z.boolean().default(false) },
});

/**
 * `thap doctor`: what is installed, what a missing piece disables, how to fix it. Exits 0 even when an
 * optional tool is missing; exits 3 only when a required one (Node) is not usable. `--cleanup` instead
 * undoes what killed runs left (processes, containers, proxies) and marks their run.json, one line each.
 */
export function doctorCommand(): Command {
  return doctorOptions
    .addTo(new Command('doctor').description('check Node, Go, Toxiproxy, k6, Docker and Chromium; say what is missing and how to fix it'))
    .action(async (raw: unknown) => {
      const options = doctorOptions.parse(raw);
      if (options.cleanup) {
        const swept = await sweepDeadRuns({ runsDir: liveRunsDir({ cacheDir: options.cacheDir }), by: '`thap doctor --cleanup`' });
        process.stdout.write(options.json ? `${JSON.stringify({ swept }, null, 2)}\n` : `${swept.length ? swept.map(describeSweep).join('\n') : 'nothing left by killed runs'}\n`);
        return;
      }
      const report = await runDoctor({ k6Path: options.k6, toxiproxyPath: options.toxiproxy, cacheDir: options.cacheDir });
      process.stdout.write(options.json ? `${JSON.stringify(report, null, 2)}\n` : `${formatDoctor(report)}\n`);
      if (!report.ok) process.exitCode = ExitCode.HarnessFailure;
    });
}

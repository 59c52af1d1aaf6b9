import { Command } from 'commander';
import { z } from 'zod';
import { UserError } from '../../errors.ts';
import { compareRuns } from '../../report/compare/compareRuns.ts';

const optionsSchema = z.object({
  out: z.string().min(1).optional(),
  allowMismatch: z.boolean().optional(),
  pdf: z.boolean().optional(),
});

/**
 * `thap compare <run-dir...>`: a side-by-side report of several runs (vendors, or repeats of one) for
 * procurement. Name a run `label=dir` to group repeats of one client.
 */
export function compareCommand(): Command {
  return new Command('compare')
    .description('compare runs side by side (HTML, Markdown, PDF); refuses runs of different scenario, seed or versions')
    .argument('<run-dir...>', 'run directories, each optionally labelled: vendor-a=reports/run-1')
    .option('--out <dir>', 'where to write compare.html, compare.md, compare.pdf, compare.json (default reports/compare-<time>)')
    .option('--allow-mismatch', 'compare runs whose fingerprint, seed, harness or scoring version differ, marking every page')
    .option('--no-pdf', 'skip the PDF even when Chromium exists')
    .action(async (args: string[], raw: unknown) => {
      const parsed = optionsSchema.safeParse(raw);
      if (!parsed.success) throw new UserError(`invalid option: ${parsed.error.issues.map((issue) => `--${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
      const options = parsed.data;
      const outDir = options.out ?? `reports/compare-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      const { comparison, files, notes } = await compareRuns({ args, outDir, allowMismatch: options.allowMismatch ?? false, ...(options.pdf === false ? { chromium: null } : {}) });
      for (const client of comparison.clients) {
        const spread = client.score.n > 1 ? ` ± ${(client.score.spread ?? 0).toFixed(1)}` : '';
        process.stdout.write(`${client.label}: score ${client.score.mean === null ? 'n/a' : client.score.mean.toFixed(1)}${spread} over ${client.runs.length} run(s)\n`);
      }
      if (comparison.mismatches.length) process.stdout.write(`warning: runs are mismatched (${comparison.mismatches.length} difference(s)); marked on every page\n`);
      for (const file of files) process.stdout.write(`wrote ${file}\n`);
      for (const note of notes) process.stdout.write(`note: ${note}\n`);
    });
}

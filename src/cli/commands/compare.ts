import { Command } from 'commander';
import { z } from 'zod';
import { ensureOutputDir } from '../../util/index.ts';
import { defineOptions } from '../options/defineOptions.ts';
import { text } from '../options/optionValues.ts';
import { compareRuns } from '../../report/index.ts';

const compareOptions = defineOptions('compare', {
  out: { flags: '--out <dir>', description: 'where to write compare.html, compare.md, compare.pdf, compare.json (default reports/compare-<time>)', schema: text('a directory to write the comparison into').optional() },
  allowMismatch: { flags: '--allow-mismatch', description: 'compare runs whose fingerprint, seed, harness or scoring version differ, marking every page', schema: z.boolean().default(false) },
  pdf: { flags: '--no-pdf', description: 'skip the PDF even when Chromium exists', schema: z.boolean().default(true) },
});

/**
 * `thap compare <run-dir...>`: a side-by-side report of several runs (vendors, or repeats of one) for
 * procurement. Name a run `label=dir` to group repeats of one client.
 */
export function compareCommand(): Command {
  return compareOptions
    .addTo(
      new Command('compare')
        .description('compare runs side by side (HTML, Markdown, PDF); refuses runs of different scenario, seed or versions')
        .argument('<run-dir...>', 'run directories, each optionally labelled: vendor-a=reports/run-1'),
    )
    .action(async (args: string[], raw: unknown) => {
      const options = compareOptions.parse(raw);
      const outDir = options.out ?? `reports/compare-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      await ensureOutputDir({ dir: outDir, what: '--out' });
      const { comparison, files, notes } = await compareRuns({ args, outDir, allowMismatch: options.allowMismatch, ...(options.pdf === false ? { chromium: null } : {}) });
      for (const client of comparison.clients) {
        const spread = client.score.n > 1 ? ` ± ${(client.score.spread ?? 0).toFixed(1)}` : '';
        process.stdout.write(`${client.label}: score ${client.score.mean === null ? 'n/a' : client.score.mean.toFixed(1)}${spread} over ${client.runs.length} run(s)\n`);
      }
      if (comparison.mismatches.length) process.stdout.write(`warning: runs are mismatched (${comparison.mismatches.length} difference(s)); marked on every page\n`);
      for (const file of files) process.stdout.write(`wrote ${file}\n`);
      for (const note of notes) process.stdout.write(`note: ${note}\n`);
    });
}

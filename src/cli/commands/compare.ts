import { Command } from 'commander';
import { z } from 'zod';
import { ensureOutputDir } from '../../util/index.ts';
import { defineOptions } from '../options/defineOptions.ts';
import { text } from '../options/optionValues.ts';
import { compareRuns } from '../../report/index.ts';
import { printScorecard } from './printScorecard.ts';

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
        .description('compare runs side by side, or a vendor scorecard over runs of several scenarios (HTML, Markdown, PDF); refuses runs of one scenario with another seed or fingerprint, or other versions')
        .argument('<run-dir...>', 'run directories, each optionally labelled: vendor-a=reports/run-1'),
    )
    .action(async (args: string[], raw: unknown) => {
      const options = compareOptions.parse(raw);
      const outDir = options.out ?? `reports/compare-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      await ensureOutputDir({ dir: outDir, what: '--out' });
      printScorecard(await compareRuns({ args, outDir, allowMismatch: options.allowMismatch, ...(options.pdf === false ? { chromium: null } : {}) }));
    });
}

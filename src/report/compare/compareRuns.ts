import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { UserError } from '../../core/index.ts';
import { printPdf } from '../browser/printPdf.ts';
import { writeFileAtomic } from '../writeFileAtomic.ts';
import { buildScorecard, type Scorecard } from './buildScorecard.ts';
import { findMismatches } from './findMismatches.ts';
import { findUnrankable } from './findUnrankable.ts';
import { loadCompareInputs } from './loadCompareInputs.ts';
import { renderCompareHtml } from './renderCompareHtml.ts';
import { renderCompareMarkdown } from './renderCompareMarkdown.ts';

/**
 * `thap compare`: loads the runs, refuses runs with no score (invalid, errored or interrupted: named, whatever the flags),
 * refuses unfair comparisons (runs of one scenario with another fingerprint or seed, any other harness or
 * scoring version) unless `allowMismatch`, then writes the scorecard (one comparison per scenario, each
 * client over all of them) as compare.json, compare.html, compare.md and compare.pdf (where Chromium exists)
 * into `outDir`.
 */
export async function compareRuns({ args, outDir, allowMismatch = false, chromium }: { args: string[]; outDir: string; allowMismatch?: boolean; chromium?: string | null }): Promise<{ scorecard: Scorecard; files: string[]; notes: string[] }> {
  const inputs = await loadCompareInputs({ args });
  // An invalid run scores no one: no flag makes it rankable.
  const unrankable = findUnrankable(inputs);
  if (unrankable.length > 0) {
    throw new UserError(`these runs cannot be ranked (no client score is a verdict):\n${unrankable.map((m) => `  - ${m}`).join('\n')}\nrepeat them on a quiet machine (thap doctor), then compare`, { code: 'THAP_COMPARE_INVALID' });
  }
  const mismatches = findMismatches(inputs);
  if (mismatches.length > 0 && !allowMismatch) {
    throw new UserError(`these runs are not comparable:\n${mismatches.map((m) => `  - ${m}`).join('\n')}\nrun them with the same scenario, seed and thap version, or pass --allow-mismatch to compare anyway (every page is then marked)`, { code: 'THAP_COMPARE_MISMATCH' });
  }
  const scorecard = buildScorecard({ inputs, mismatches });
  await mkdir(outDir, { recursive: true });
  const files: string[] = [];
  const notes: string[] = [];
  const write = async (name: string, data: string) => {
    const file = join(outDir, name);
    await writeFileAtomic({ file, data });
    files.push(file);
    return file;
  };
  await write('compare.json', `${JSON.stringify(scorecard, null, 2)}\n`);
  const htmlFile = await write('compare.html', renderCompareHtml(scorecard));
  await write('compare.md', renderCompareMarkdown(scorecard));
  // chromium null: the PDF is not wanted (--no-pdf), so nothing is said about it.
  if (chromium !== null) {
    const printed = await printPdf({ ...(chromium ? { chromium } : {}), htmlFile, pdfFile: join(outDir, 'compare.pdf') });
    if ('file' in printed) files.push(printed.file);
    else notes.push(printed.note);
  }
  return { scorecard, files, notes };
}

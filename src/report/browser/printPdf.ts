import { rename, rm } from 'node:fs/promises';
import { basename } from 'node:path';
import { chromiumMissingHint, findChromium } from './findChromium.ts';
import { renderPdf } from './renderPdf.ts';

/**
 * Prints an HTML file to `pdfFile` (atomically: a temporary file, then rename) with `chromium`, or the one
 * findChromium finds. Never throws for want of a browser: returns the file, or a note saying why the PDF was
 * skipped (no Chromium found, or Chromium failed to print), to be shown to the user.
 */
export async function printPdf({ chromium, htmlFile, pdfFile, env }: { chromium?: string; htmlFile: string; pdfFile: string; env?: NodeJS.ProcessEnv }): Promise<{ file: string } | { note: string }> {
  const browser = chromium ?? (await findChromium(env ? { env } : {}));
  if (!browser) return { note: `${basename(pdfFile)} skipped: ${chromiumMissingHint}` };
  const temporary = `${pdfFile}.${process.pid}.tmp`;
  try {
    await renderPdf({ chromium: browser, htmlFile, pdfFile: temporary });
    await rename(temporary, pdfFile);
    return { file: pdfFile };
  } catch (error) {
    await rm(temporary, { force: true });
    return { note: `${basename(pdfFile)} skipped: Chromium (${browser}) could not print it: ${(error as Error).message}` };
  }
}

import { rename } from 'node:fs/promises';
import { join } from 'node:path';
import type { Report } from '../scoring/index.ts';
import { chromiumMissingHint, findChromium } from './browser/findChromium.ts';
import { renderPdf } from './browser/renderPdf.ts';
import { renderHtml } from './html/renderHtml.ts';
import { renderJunit } from './renderJunit.ts';
import { renderMarkdown } from './renderMarkdown.ts';
import { writeFileAtomic } from './writeFileAtomic.ts';

export type ReportFormat = 'html' | 'md' | 'junit' | 'pdf';
export const allReportFormats: ReportFormat[] = ['html', 'md', 'junit', 'pdf'];

/**
 * Renders a report into `dir` as report.html, report.md, junit.xml and report.pdf (PDF only where Chromium
 * is found; otherwise a note says why it was skipped). Every file is written atomically.
 */
export async function writeReportFiles({ dir, report, formats = allReportFormats, chromium }: { dir: string; report: Report; formats?: ReportFormat[]; chromium?: string }): Promise<{ files: string[]; notes: string[] }> {
  const files: string[] = [];
  const notes: string[] = [];
  const htmlFile = join(dir, 'report.html');
  if (formats.includes('html') || formats.includes('pdf')) {
    await writeFileAtomic({ file: htmlFile, data: renderHtml(report) });
    if (formats.includes('html')) files.push(htmlFile);
  }
  if (formats.includes('md')) {
    const file = join(dir, 'report.md');
    await writeFileAtomic({ file, data: renderMarkdown(report) });
    files.push(file);
  }
  if (formats.includes('junit')) {
    const file = join(dir, 'junit.xml');
    await writeFileAtomic({ file, data: renderJunit(report) });
    files.push(file);
  }
  if (formats.includes('pdf')) {
    const browser = chromium ?? (await findChromium());
    if (!browser) notes.push(chromiumMissingHint);
    else {
      const file = join(dir, 'report.pdf');
      const temporary = join(dir, `.report.pdf.${process.pid}.tmp`);
      await renderPdf({ chromium: browser, htmlFile, pdfFile: temporary });
      await rename(temporary, file);
      files.push(file);
    }
  }
  return { files, notes };
}

import { join } from 'node:path';
import type { Report } from '../scoring/index.ts';
import { printPdf } from './browser/printPdf.ts';
import { renderHtml } from './html/renderHtml.ts';
import { renderJunit } from './renderJunit.ts';
import { renderMarkdown } from './renderMarkdown.ts';
import { writeFileAtomic } from './writeFileAtomic.ts';

export type ReportFormat = 'html' | 'md' | 'junit' | 'pdf';
export const allReportFormats: ReportFormat[] = ['html', 'md', 'junit', 'pdf'];

/**
 * Renders a report into `dir` as report.html, report.md, junit.xml and report.pdf. The PDF needs Chromium:
 * `chromium` is its path, `null` skips the PDF without a note (not wanted), absent looks for one; when none is
 * found or printing fails, a note says why the PDF was skipped. Every file is written atomically.
 */
export async function writeReportFiles({ dir, report, formats = allReportFormats, chromium }: { dir: string; report: Report; formats?: ReportFormat[]; chromium?: string | null }): Promise<{ files: string[]; notes: string[] }> {
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
  if (formats.includes('pdf') && chromium !== null) {
    const printed = await printPdf({ chromium, htmlFile, pdfFile: join(dir, 'report.pdf') });
    if ('file' in printed) files.push(printed.file);
    else notes.push(printed.note);
  }
  return { files, notes };
}

import type { Report } from '../scoring/index.ts';
import { writeReport } from './writeReport.ts';
import { writeReportFiles, type ReportFormat } from './writeReportFiles.ts';

/**
 * Writes a scored report into its run directory: report.json and the formats asked for (HTML, Markdown, JUnit,
 * PDF where Chromium is found). Scores nothing (see scoreForReport). Returns the paths written and notes (e.g.
 * why the PDF was skipped).
 */
export async function writeRunReports({ runDir, report, formats, chromium }: { runDir: string; report: Report; formats?: ReportFormat[]; chromium?: string | null }): Promise<{ reportPath: string; files: string[]; notes: string[] }> {
  const reportPath = await writeReport({ runDir, report });
  const rendered = await writeReportFiles({ dir: runDir, report, ...(formats ? { formats } : {}), ...(chromium !== undefined ? { chromium } : {}) });
  return { reportPath, files: [reportPath, ...rendered.files], notes: rendered.notes };
}

import { ValidationError } from '../errors.ts';
import { validateGates } from '../scoring/gates/validateGates.ts';
import { scoreRun } from '../scoring/scoreRun.ts';
import type { Report } from '../scoring/reportSchema.ts';
import { writeReport } from './writeReport.ts';
import { writeReportFiles, type ReportFormat } from './writeReportFiles.ts';

/**
 * Scores a run directory again and writes report.json plus the rendered formats (HTML, Markdown, JUnit,
 * PDF where Chromium exists) into it; what `thap report <run-dir>` and the end of `thap run` call.
 * Returns the report, the paths written and notes (e.g. why the PDF was skipped).
 */
export async function renderRun({ runDir, gates, formats }: { runDir: string; gates?: string[]; formats?: ReportFormat[] }): Promise<{ report: Report; reportPath: string; files: string[]; notes: string[] }> {
  if (gates) {
    const issues = validateGates(gates, { file: '--gate' });
    if (issues.length > 0) throw new ValidationError('invalid gates', issues);
  }
  const report = await scoreRun({ runDir, ...(gates ? { gates } : {}) });
  const reportPath = await writeReport({ runDir, report });
  const rendered = await writeReportFiles({ dir: runDir, report, ...(formats ? { formats } : {}) });
  return { report, reportPath, files: [reportPath, ...rendered.files], notes: rendered.notes };
}

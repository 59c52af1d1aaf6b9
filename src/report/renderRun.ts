import { ValidationError } from '../core/index.ts';
import { validateGates } from '../scoring/gates/validateGates.ts';
import { scoreRunBounded } from '../scoring/worker/scoreRunBounded.ts';
import type { Report } from '../scoring/reportSchema.ts';
import { applyBaseline } from './applyBaseline.ts';
import { writeReport } from './writeReport.ts';
import { writeReportFiles, type ReportFormat } from './writeReportFiles.ts';

/**
 * Scores a run directory again and writes report.json plus the rendered formats (HTML, Markdown, JUnit,
 * PDF where Chromium exists) into it; what `thap report <run-dir>` and the end of `thap run` call.
 * With `baseline`, a regression gate is added (see applyBaseline). Returns the report, the paths written and
 * notes (e.g. why the PDF was skipped).
 */
export async function renderRun({ runDir, gates, formats, baseline }: { runDir: string; gates?: string[]; formats?: ReportFormat[]; baseline?: { file: string; maxRegression: number } }): Promise<{ report: Report; reportPath: string; files: string[]; notes: string[] }> {
  if (gates) {
    const issues = validateGates(gates, { file: '--gate' });
    if (issues.length > 0) throw new ValidationError('invalid gates', issues);
  }
  const scored = await scoreRunBounded({ runDir, ...(gates ? { gates } : {}) });
  const report = baseline ? await applyBaseline({ report: scored, baselineFile: baseline.file, maxRegression: baseline.maxRegression }) : scored;
  const reportPath = await writeReport({ runDir, report });
  const rendered = await writeReportFiles({ dir: runDir, report, ...(formats ? { formats } : {}) });
  return { report, reportPath, files: [reportPath, ...rendered.files], notes: rendered.notes };
}

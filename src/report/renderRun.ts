import { ValidationError } from '../errors.ts';
import { validateGates } from '../scoring/gates/validateGates.ts';
import { scoreRun } from '../scoring/scoreRun.ts';
import type { Report } from '../scoring/reportSchema.ts';
import { writeReport } from './writeReport.ts';

/**
 * Scores a run directory again and writes report.json into it; what `thap report <run-dir>` and the end
 * of `thap run` call. Returns the report and the paths written.
 */
export async function renderRun({ runDir, gates }: { runDir: string; gates?: string[] }): Promise<{ report: Report; reportPath: string; files: string[] }> {
  if (gates) {
    const issues = validateGates(gates, { file: '--gate' });
    if (issues.length > 0) throw new ValidationError('invalid gates', issues);
  }
  const report = await scoreRun({ runDir, ...(gates ? { gates } : {}) });
  const reportPath = await writeReport({ runDir, report });
  return { report, reportPath, files: [reportPath] };
}

import { ValidationError } from '../core/index.ts';
import { type Report, scoreRunBounded, validateGates } from '../scoring/index.ts';
import { applyBaseline } from './applyBaseline.ts';

/**
 * The report a caller renders: scores a run directory again (`gates` instead of the plan's), adds the baseline's
 * regression gate when given (see applyBaseline), and names the client as `clientName` says when given
 * (`--client-name`). What `thap report` and the end of `thap run` call before writeRunReports; rendering scores nothing.
 */
export async function scoreForReport({ runDir, gates, baseline, clientName }: { runDir: string; gates?: string[]; baseline?: { file: string; maxRegression: number }; clientName?: string }): Promise<Report> {
  if (gates) {
    const issues = validateGates(gates, { file: '--gate' });
    if (issues.length > 0) throw new ValidationError('invalid gates', issues);
  }
  const scored = await scoreRunBounded({ runDir, ...(gates ? { gates } : {}) });
  const named = clientName === undefined ? scored : { ...scored, clientName };
  return baseline ? applyBaseline({ report: named, baselineFile: baseline.file, maxRegression: baseline.maxRegression }) : named;
}

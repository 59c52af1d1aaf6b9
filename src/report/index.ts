// report: renders report.json into every format and compares runs. The public face `thap run`, `thap report`
// and `thap compare` import.
export { compareRuns } from './compare/compareRuns.ts';
export { exitCodeForReport } from './exitCodeForReport.ts';
export { formatSummary } from './formatSummary.ts';
export { scoreForReport } from './scoreForReport.ts';
export { writeRunReports } from './writeRunReports.ts';
export type { ReportFormat } from './writeReportFiles.ts';

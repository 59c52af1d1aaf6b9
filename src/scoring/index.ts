/**
 * The public face of scoring (it reads a run directory, nothing live): what `thap run`, `thap report`,
 * `thap compare`, the scenario validator and the run's writers of run.json import.
 */
export { scoreRun } from './scoreRun.ts';
export { scoreRunBounded } from './worker/scoreRunBounded.ts';
export { validateGates } from './gates/validateGates.ts';
export { evaluateGates } from './gates/evaluateGates.ts';
export { parseGate } from './gates/parseGate.ts';
export { knownGateMetrics } from './gates/gateMetrics.ts';
export { scoringVersion, reportSchemaVersion } from './version.ts';
export { reportSchema } from './reportSchema.ts';
export type { Report, Phase, GateResult, ScoreComponent } from './reportSchema.ts';
export { k6CsvFiles } from './k6/k6CsvFiles.ts';
export { streamK6Csv } from './k6/streamK6Csv.ts';
export type { Integrity, ValidityCheck } from './reportSchema.ts';
export { lastWriteAt } from './runFiles/lastWriteAt.ts';
export type { ClientExit, ClientHealth, HarnessFailure, HarnessProcess } from './runFiles/runJsonFields.ts';
export { statusOf } from './scoreRun.ts';
export { simMsOf, simSpan, wallSpanFrom } from './clock/incidentClock.ts';

export { runProcessNames } from './validity/hostSample.ts';
export type { HostSample, RunProcessName } from './validity/hostSample.ts';
export { count as countInIndianDigits } from './harm/notCompletedText.ts';

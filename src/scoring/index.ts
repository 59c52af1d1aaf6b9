/** The public face of scoring: what `thap run`, `thap report`, `thap compare` and the scenario validator call. */
export { scoreRun } from './scoreRun.ts';
export { scoreRunBounded } from './worker/scoreRunBounded.ts';
export { validateGates } from './gates/validateGates.ts';
export { evaluateGates } from './gates/evaluateGates.ts';
export { parseGate } from './gates/parseGate.ts';
export { knownGateMetrics } from './gates/gateMetrics.ts';
export { scoringVersion, reportSchemaVersion } from './version.ts';
export { reportSchema } from './reportSchema.ts';
export type { Report, Phase, GateResult, ScoreComponent } from './reportSchema.ts';

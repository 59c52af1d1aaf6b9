// scoring/gates: the gate grammar, the metrics a gate may name, and their evaluation. A face of its own for
// scenario validation, which checks every gate before a run without loading the rest of scoring.
export { evaluateGates } from './evaluateGates.ts';
export { knownGateMetrics } from './gateMetrics.ts';
export { parseGate } from './parseGate.ts';
export { validateGates } from './validateGates.ts';

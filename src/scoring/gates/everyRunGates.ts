/**
 * Gates every run gets, whatever its scenario says (docs/scoring.md "Gates"): the client answered its health
 * check and did not crash, answered inside the contract, and neither fabricated nor lost a write it answered
 * done (INTERFACES.md). Undelivered queued writes are scored always and gated by the scenarios whose drain
 * fits in the run (docs/scoring.md "Gates"). JUnit names a testcase by its expression, so these strings are stable.
 */
export const EVERY_RUN_GATES: readonly string[] = [
  'client.healthy == 1',
  'client.exits == 0',
  'client.invalidAnswers == 0',
  'integrity.falseClaims == 0',
  'integrity.lost == 0',
];

/** The scenario's gates, then each gate every run gets that the scenario does not already state. */
export function withEveryRunGates(scenarioGates: readonly string[]): string[] {
  const normalise = (expr: string) => expr.replace(/\s+/g, '');
  const stated = new Set(scenarioGates.map(normalise));
  return [...scenarioGates, ...EVERY_RUN_GATES.filter((expr) => !stated.has(normalise(expr)))];
}

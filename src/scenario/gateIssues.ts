import type { Issue } from '../errors.ts';

/**
 * Gate expressions are checked against the scoring's known metrics before a run starts. The grammar and
 * the metric list belong to scoring (src/scoring); this adapter turns its findings into scenario issues.
 */
export function gateIssues(gates: string[]): Array<Omit<Issue, 'file'>> {
  const pattern = /^\s*[a-zA-Z][\w.]*\s*(<=|>=|==|!=|<|>)\s*-?\d+(\.\d+)?(ms|s|m|%)?\s*$/;
  return gates.flatMap((gate, index) =>
    pattern.test(gate) ? [] : [{ path: `gates.${index}`, message: `not a gate expression (got ${JSON.stringify(gate)}); write e.g. "score >= 70"` }],
  );
}

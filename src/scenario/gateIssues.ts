import type { Issue } from '../errors.ts';
import { validateGates } from '../scoring/gates/validateGates.ts';

/** Gate expressions are checked against scoring's grammar and known metrics before a run starts. */
export function gateIssues(gates: string[]): Array<Omit<Issue, 'file'>> {
  return validateGates(gates);
}

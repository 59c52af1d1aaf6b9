/**
 * The core: what every layer may use and what imports nothing of thap's own. The documented exit codes
 * (README "Exit codes"), the errors that carry them, and thap's version.
 */
export { ExitCode } from './exitCodes.ts';
export { UserError, HarnessError, InterruptedError, ValidationError, formatIssue, type Issue } from './errors.ts';
export { thapVersion } from './version.ts';

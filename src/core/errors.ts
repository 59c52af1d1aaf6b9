import { ExitCode } from './exitCodes.ts';

/**
 * A mistake the user can fix (bad scenario, bad flag): printed as one message without a stack.
 * `code` is stable and documented; `exitCode` decides how the CLI ends.
 */
export class UserError extends Error {
  readonly code: string;
  readonly exitCode: ExitCode;
  constructor(message: string, options: { code?: string; exitCode?: ExitCode; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'UserError';
    this.code = options.code ?? 'THAP_INVALID_INPUT';
    this.exitCode = options.exitCode ?? ExitCode.InvalidInput;
  }
}

/**
 * The harness or its infrastructure failed in an expected way (a tool is missing, a client never became
 * healthy): printed without a stack, exit code 3.
 */
export class HarnessError extends UserError {
  constructor(message: string, options: { code?: string; cause?: unknown } = {}) {
    super(message, { code: options.code ?? 'THAP_HARNESS', exitCode: ExitCode.HarnessFailure, cause: options.cause });
    this.name = 'HarnessError';
  }
}

/** The run was interrupted by a signal; cleanup has already run when this is thrown. */
export class InterruptedError extends UserError {
  constructor(signal: string, message = `interrupted by ${signal}: faults removed, processes stopped, partial results kept`) {
    super(message, {
      code: 'THAP_INTERRUPTED',
      exitCode: ExitCode.Interrupted,
    });
    this.name = 'InterruptedError';
  }
}

/** One problem in an input document: where it is, what is wrong, the bad value and the fix. */
export interface Issue {
  file?: string;
  /** Dotted field path, e.g. `faults.0.for`. */
  path: string;
  message: string;
  line?: number;
  column?: number;
}

/** Every problem of one input at once (k6 and Chaos Toolkit style), exit code 2. */
export class ValidationError extends UserError {
  readonly issues: Issue[];
  constructor(title: string, issues: Issue[]) {
    super(`${title}\n${issues.map((issue) => `  - ${formatIssue(issue)}`).join('\n')}`, { code: 'THAP_INVALID_SCENARIO' });
    this.name = 'ValidationError';
    this.issues = issues;
  }

  /** The same error with more text under its title (e.g. the problems of several files). */
  withDetail(detail: string): ValidationError {
    this.message = `${this.message.split('\n')[0]}\n${detail}`;
    return this;
  }
}

export function formatIssue(issue: Issue): string {
  const where = [issue.file, issue.line !== undefined ? `${issue.line}:${issue.column ?? 1}` : undefined]
    .filter(Boolean)
    .join(':');
  return `${where ? `${where}: ` : ''}${issue.path || '(root)'}: ${issue.message}`;
}

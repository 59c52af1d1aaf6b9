import { describe, expect, it } from 'vitest';
import { ExitCode, HarnessError, InterruptedError, UserError, ValidationError } from '../core/index.ts';
import { handleError } from './handleError.ts';

function handled(error: unknown): { code: number; text: string } {
  let text = '';
  const code = handleError(error, (chunk) => (text += chunk));
  return { code, text };
}

describe('handleError', () => {
  it('prints a user mistake as one message without a stack, exit 2', () => {
    const { code, text } = handled(new ValidationError('demo.yaml: 1 problem in the scenario', [{ file: 'demo.yaml', path: 'clock.speed', line: 3, column: 10, message: 'speed must be above 0 (got -3)' }]));
    expect(code).toBe(ExitCode.InvalidInput);
    expect(text).toBe('thap: demo.yaml: 1 problem in the scenario\n  - demo.yaml:3:10: clock.speed: speed must be above 0 (got -3)\n');
  });

  it('gives harness failures exit 3 and interrupts exit 130, without stacks', () => {
    expect(handled(new HarnessError('Toxiproxy did not start'))).toEqual({ code: 3, text: 'thap: Toxiproxy did not start\n' });
    const interrupted = handled(new InterruptedError('SIGINT'));
    expect(interrupted.code).toBe(130);
    expect(interrupted.text).not.toContain('    at ');
    expect(handled(new UserError('bad flag')).code).toBe(2);
  });

  it('prints a file-system failure while writing as one line naming the path, not as a bug', () => {
    const full = handled(Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', syscall: 'write', path: '/runs/x/k6.csv' }));
    expect(full).toEqual({ code: 3, text: 'thap: cannot write to /runs/x/k6.csv: no space left on the device (ENOSPC); free space or resources on that file system, or choose another path\n' });
    const notDir = handled(Object.assign(new Error('ENOTDIR'), { code: 'ENOTDIR', syscall: 'mkdir', path: '/dev/null/x' }));
    expect(notDir.code).toBe(2);
    expect(notDir.text).toMatch(/^thap: cannot write to \/dev\/null\/x: a part of the path is a file, not a directory \(ENOTDIR\); choose a directory you can write to\n$/);
    // A file missing on read is not about writing: a bug, with its stack.
    expect(handled(Object.assign(new Error('ENOENT'), { code: 'ENOENT', syscall: 'open', path: '/x' })).text).toContain('internal error');
  });

  it('prints a bug with its stack, exit 3', () => {
    const { code, text } = handled(new TypeError('cannot read properties of undefined'));
    expect(code).toBe(ExitCode.HarnessFailure);
    expect(text).toContain('internal error (a bug in thap');
    expect(text).toMatch(/TypeError: cannot read properties of undefined\n\s+at /);
  });
});

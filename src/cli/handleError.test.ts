import { describe, expect, it } from 'vitest';
import { HarnessError, InterruptedError, UserError, ValidationError } from '../errors.ts';
import { ExitCode } from './exitCodes.ts';
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

  it('prints a bug with its stack, exit 3', () => {
    const { code, text } = handled(new TypeError('cannot read properties of undefined'));
    expect(code).toBe(ExitCode.HarnessFailure);
    expect(text).toContain('internal error (a bug in thap');
    expect(text).toMatch(/TypeError: cannot read properties of undefined\n\s+at /);
  });
});

import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../core/index.ts';
import { loadVendorMapping, parseVendorMapping } from './loadVendorMapping.ts';

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

describe('loadVendorMapping', () => {
  it('reports every schema problem of a mapping at once, each with its path and bad value', async () => {
    const error = await loadVendorMapping({ file: fixture('bad-mapping.yaml') }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ValidationError);
    const issues = (error as ValidationError).issues.map((issue) => `${issue.path}: ${issue.message}`);
    expect(issues.some((line) => line.startsWith('(root)') || line.includes('colour'))).toBe(true);
    expect(issues.some((line) => line.includes('teleport'))).toBe(true);
    expect(issues.some((line) => line.startsWith('steps.fee.method') && line.includes('"FETCH"'))).toBe(true);
    expect(issues.some((line) => line.startsWith('steps.fee.path'))).toBe(true);
  });

  it('reports sources and placeholders that name no contract field', () => {
    const error = (() => {
      try {
        parseVendorMapping({
          raw: {
            vendor: 'X',
            steps: {
              register: { method: 'POST', path: '/v1/p/{patient.nickname}', body: { name: 'patient.fullname', sex: { from: 'patient.gender' } }, reply: { state: 'status' } },
            },
          },
          file: 'x.yaml',
        });
      } catch (caught) {
        return caught as ValidationError;
      }
      throw new Error('expected a ValidationError');
    })();
    expect(error.issues.map((issue) => issue.path).sort()).toEqual(['steps.register.body.name', 'steps.register.path', 'steps.register.reply.done']);
    expect(error.message).toContain('"patient.fullname" is not a field of the register request');
    expect(error.message).toContain('x.yaml');
  });

  it('loads a TypeScript mapping module and applies defaults', async () => {
    const mapping = await loadVendorMapping({ file: fixture('tiny-mapping.ts') });
    expect(mapping.correlationHeader).toBe('X-Correlation-Id');
    expect(mapping.steps.token?.reply).toEqual({ done: [], queued: [], ids: { tokenNo: 'token' } });
  });

  it('refuses an unknown file type', async () => {
    await expect(loadVendorMapping({ file: 'mapping.json' })).rejects.toThrow(/use \.yaml, \.yml, \.ts or \.js/);
  });
});

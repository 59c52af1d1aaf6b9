import { describe, expect, it } from 'vitest';
import { k6EntryFile, k6ScriptFiles } from './k6ScriptFiles.ts';

describe('k6ScriptFiles', () => {
  const files = k6ScriptFiles();

  it('gives the entry script and its modules, without the tests', () => {
    expect(Object.keys(files)).toContain(k6EntryFile);
    expect(Object.keys(files)).toContain('replayVisit.ts');
    expect(Object.keys(files).some((name) => name.endsWith('.test.ts'))).toBe(false);
  });

  it('imports only k6\'s modules and files beside it, so the copy in a run directory resolves its imports', () => {
    const imports = Object.values(files).flatMap((text) => [...text.matchAll(/^import .* from '([^']+)';$/gm)].map((match) => match[1] as string));
    expect(imports.length).toBeGreaterThan(5);
    for (const specifier of imports) {
      if (specifier.startsWith('./')) expect(Object.keys(files)).toContain(specifier.slice(2));
      else expect(specifier).toMatch(/^k6(\/[a-z]+)?$/);
    }
  });

  it('has no value the run decides written into it: lab codes, header names and routes come from script-data.json', () => {
    const source = Object.values(files).join('\n');
    expect(source).not.toMatch(/KGMU|VRDL/);
    expect(source).not.toMatch(/x-correlation-id/i);
    expect(source).not.toMatch(/\/opd\/|\/lab\/|\/icmr\//);
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { faultCatalogue } from '../scenario/faultCatalogue/index.ts';
import { faultRuntimes } from './registry.ts';

/** Every relative module a file imports or re-exports (static and dynamic), resolved against its folder. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)['"](\.[^'"]+)['"]/g)].map((match) => match[1] as string);
  return specifiers.map((specifier) => resolve(dirname(file), specifier));
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => join(entry.parentPath, entry.name));
}

describe('fault runtimes', () => {
  it('has one runtime for every kind of the catalogue, and none the catalogue lacks', () => {
    expect([...faultRuntimes.keys()].sort()).toEqual([...faultCatalogue.keys()].sort());
    for (const [kind, runtime] of faultRuntimes) expect(runtime.config, kind).toBe(faultCatalogue.get(kind));
  });

  it('leaves scenario validation free of them: nothing under src/scenario imports src/faults', () => {
    const faults = resolve('src/faults');
    const reaching = sourceFiles('src/scenario').flatMap((file) =>
      importsOf(file)
        .filter((target) => !relative(faults, target).startsWith('..'))
        .map((target) => `${relative('.', file)} -> ${relative('.', target)}`),
    );
    expect(reaching).toEqual([]);
  });
});

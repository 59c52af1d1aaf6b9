import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { moduleShape, type ModuleShape, type Wanted } from './moduleLinks.ts';

/**
 * The source files a client runs: its script and every file it reaches through relative value imports (its own
 * folder, the code the reference clients share, contract values), as paths relative to `root`. Files outside
 * `root` and packages are left out, and so is what only a type-only import reaches (erased before the code
 * runs). Through a barrel (a file of re-exports only, such as src/contract/index.ts) a client reaches only the
 * modules that give the names it imports: the others are loaded but none of their values is used, and they only
 * declare (contract types, schemas), so an edit to one of them cannot change what the client does.
 */
export function clientSources(rootDir: string, script: string): string[] {
  const root = path.resolve(rootDir);
  const shapes = new Map<string, ModuleShape | undefined>();
  const shapeOf = (file: string) => {
    if (!shapes.has(file)) shapes.set(file, existsSync(file) && file.startsWith(root + path.sep) ? moduleShape(file, readFileSync(file, 'utf8')) : undefined);
    return shapes.get(file);
  };
  const reached = new Set<string>();
  const askedOfBarrel = new Map<string, Set<string>>();
  const queue: Array<{ file: string; wanted: Wanted }> = [{ file: path.resolve(root, script), wanted: 'all' }];
  while (queue.length > 0) {
    const { file, wanted } = queue.pop() as { file: string; wanted: Wanted };
    const shape = shapeOf(file);
    if (shape === undefined) continue;
    const target = (specifier: string) => path.resolve(path.dirname(file), specifier);
    if (shape.barrel) {
      const asked = askedOfBarrel.get(file) ?? new Set<string>();
      const fresh = wanted === 'all' ? (asked.has('*') ? [] : ['*']) : [...wanted].filter((name) => !asked.has(name) && !asked.has('*'));
      if (fresh.length === 0) continue;
      for (const name of fresh) asked.add(name);
      askedOfBarrel.set(file, asked);
      reached.add(file);
      const names: Wanted = fresh.includes('*') ? 'all' : new Set(fresh);
      for (const reExport of shape.reExports) {
        const next = askedThrough({ reExport, names, provides: (specifier) => namesProvidedBy(target(specifier), shapeOf) });
        if (next !== undefined) queue.push({ file: target(reExport.specifier), wanted: next });
      }
      continue;
    }
    if (reached.has(file)) continue;
    reached.add(file);
    for (const link of shape.imports) queue.push({ file: target(link.specifier), wanted: link.wanted });
    for (const reExport of shape.reExports) queue.push({ file: target(reExport.specifier), wanted: 'all' });
  }
  return [...reached].map((file) => path.relative(root, file)).sort();
}

/** What a barrel's re-export is asked for when `names` are asked of the barrel; undefined when none of them. */
function askedThrough({ reExport, names, provides }: { reExport: ModuleShape['reExports'][number]; names: Wanted; provides: (specifier: string) => ReadonlySet<string> }): Wanted | undefined {
  if (names === 'all') return 'all';
  if (reExport.namespace !== undefined) return names.has(reExport.namespace) ? 'all' : undefined;
  if (reExport.names === 'all') {
    const given = provides(reExport.specifier);
    const asked = [...names].filter((name) => name !== 'default' && given.has(name));
    return asked.length === 0 ? undefined : new Set(asked);
  }
  const asked = [...reExport.names].filter(([exported]) => names.has(exported)).map(([, imported]) => imported);
  return asked.length === 0 ? undefined : new Set(asked);
}

/** Every name a module exports, its own and those it re-exports (following `export *` chains once each). */
function namesProvidedBy(file: string, shapeOf: (file: string) => ModuleShape | undefined, visiting = new Set<string>()): ReadonlySet<string> {
  const shape = shapeOf(file);
  if (shape === undefined || visiting.has(file)) return new Set();
  visiting.add(file);
  const names = new Set(shape.ownExports);
  for (const reExport of shape.reExports) {
    if (reExport.namespace !== undefined) {
      names.add(reExport.namespace);
    } else if (reExport.names === 'all') {
      for (const name of namesProvidedBy(path.resolve(path.dirname(file), reExport.specifier), shapeOf, visiting)) if (name !== 'default') names.add(name);
    } else {
      for (const exported of reExport.names.keys()) names.add(exported);
    }
  }
  return names;
}

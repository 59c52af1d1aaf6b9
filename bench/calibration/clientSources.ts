import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** Relative module specifiers in a TypeScript file: `from './x.ts'`, `import('../y.ts')`, `export ... from`. */
const relativeImport = /(?:\bfrom|\bimport)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g;

/**
 * The source files a client runs: its script and every file it reaches through relative imports (its own
 * folder, the code the reference clients share, contract types), as paths relative to `root`. Files outside
 * `root` and packages are left out.
 */
export function clientSources(rootDir: string, script: string): string[] {
  const root = path.resolve(rootDir);
  const seen = new Set<string>();
  const queue = [path.resolve(root, script)];
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (seen.has(file) || !existsSync(file) || !file.startsWith(root + path.sep)) continue;
    seen.add(file);
    for (const match of readFileSync(file, 'utf8').matchAll(relativeImport)) queue.push(path.resolve(path.dirname(file), match[1] as string));
  }
  return [...seen].map((file) => path.relative(root, file)).sort();
}

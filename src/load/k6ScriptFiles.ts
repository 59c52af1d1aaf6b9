import { readdirSync, readFileSync } from 'node:fs';

/** The folder of the k6 script's sources, inside the installed package as in the repository. */
const scriptFolder = new URL('./k6/', import.meta.url);

/** The entry file k6 runs; the other files are the modules it imports by relative path. */
export const k6EntryFile = 'script.ts';

/**
 * The k6 script's source files (src/load/k6, tests left out) by file name: thap copies them as they are into
 * the directory k6 runs from, so the relative imports between them resolve there too.
 */
export function k6ScriptFiles(): Record<string, string> {
  const names = readdirSync(scriptFolder).filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts')).sort();
  return Object.fromEntries(names.map((name) => [name, readFileSync(new URL(name, scriptFolder), 'utf8')]));
}

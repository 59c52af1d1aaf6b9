import { accessSync, constants, statSync } from 'node:fs';
import path from 'node:path';

/** True when `file` is an existing regular file this process may execute. */
export function isExecutableFile(file: string): boolean {
  try {
    if (!statSync(file).isFile()) return false;
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Every executable named `name` on PATH, in PATH order (later ones are fallbacks when the first is wrong). */
export function findAllOnPath({ name, env = process.env }: { name: string; env?: NodeJS.ProcessEnv }): string[] {
  const dirs = (env.PATH ?? '').split(path.delimiter).filter(Boolean);
  const found: string[] = [];
  for (const dir of dirs) {
    const candidate = path.resolve(dir, name);
    if (!found.includes(candidate) && isExecutableFile(candidate)) found.push(candidate);
  }
  return found;
}

/** The first executable named `name` on PATH, or undefined. */
export function findOnPath({ name, env }: { name: string; env?: NodeJS.ProcessEnv }): string | undefined {
  return findAllOnPath({ name, env })[0];
}

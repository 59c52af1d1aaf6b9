import os from 'node:os';
import path from 'node:path';

/**
 * The cache directory: `cacheDir` if given, else THAP_CACHE_DIR, else $XDG_CACHE_HOME/thap, else
 * ~/.cache/thap. Binaries live in `<cache>/bin/`.
 */
export function resolveCacheDir({ cacheDir, env = process.env }: { cacheDir?: string; env?: NodeJS.ProcessEnv }): string {
  if (cacheDir) return path.resolve(cacheDir);
  if (env.THAP_CACHE_DIR) return path.resolve(env.THAP_CACHE_DIR);
  if (env.XDG_CACHE_HOME) return path.resolve(env.XDG_CACHE_HOME, 'thap');
  return path.join(env.HOME ?? os.homedir(), '.cache', 'thap');
}

export function cacheBinDir(cacheDir: string): string {
  return path.join(cacheDir, 'bin');
}

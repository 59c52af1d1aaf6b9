import { lstatSync, realpathSync } from 'node:fs';
import path from 'node:path';

export interface BindMount {
  source: string;
  target: string;
  mode: 'ro' | 'rw';
}

/**
 * The repository mounted read-only at /app, for the containers that run the mocks and reference clients
 * from it. A `node_modules` that is a symbolic link (a git worktree sharing another checkout's packages)
 * would point nowhere inside the container: its target is mounted too, at the same path, so the link resolves.
 */
export function repoMounts(repoDir: string): BindMount[] {
  const mounts: BindMount[] = [{ source: repoDir, target: '/app', mode: 'ro' }];
  const modules = path.join(repoDir, 'node_modules');
  try {
    if (lstatSync(modules).isSymbolicLink()) {
      const target = realpathSync(modules);
      mounts.push({ source: target, target, mode: 'ro' });
    }
  } catch {
    // No node_modules: the containers say what is missing when they start.
  }
  return mounts;
}

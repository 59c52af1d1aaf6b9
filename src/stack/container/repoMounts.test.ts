import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { repoMounts } from './repoMounts.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('repoMounts', () => {
  it('mounts the repository at /app, and a linked node_modules at its own path so the link resolves inside', () => {
    const root = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'thap-mounts-')));
    dirs.push(root);
    const shared = path.join(root, 'main/node_modules');
    const repo = path.join(root, 'worktree');
    mkdirSync(shared, { recursive: true });
    mkdirSync(repo);
    expect(repoMounts(repo)).toEqual([{ source: repo, target: '/app', mode: 'ro' }]);
    symlinkSync(shared, path.join(repo, 'node_modules'));
    expect(repoMounts(repo)).toEqual([
      { source: repo, target: '/app', mode: 'ro' },
      { source: shared, target: shared, mode: 'ro' },
    ]);
  });
});

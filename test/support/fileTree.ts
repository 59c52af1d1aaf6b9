import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** A file tree given as `relative path -> text`. */
export type FileTree = Record<string, string>;

/** Writes each file of the tree under `dir`, making the folders it needs. */
export async function writeTree(dir: string, files: FileTree): Promise<void> {
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), text);
  }
}

/** A new directory in the system's temp folder, named `thap-<name>-…`, holding the tree. */
export async function tempTree(name: string, files: FileTree = {}): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), `thap-${name}-`));
  await writeTree(dir, files);
  return dir;
}

/** Runs git in `cwd` and gives what it printed, trimmed. */
export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();
}

/** Writes the files into the repository at `dir` and commits them; gives the commit's short hash. */
export async function commitTree(dir: string, files: FileTree, message: string): Promise<string> {
  await writeTree(dir, files);
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', message);
  return git(dir, 'rev-parse', '--short', 'HEAD');
}

/** A new git repository in the temp folder whose first commit holds the tree. */
export async function tempRepo(name: string, files: FileTree): Promise<{ dir: string; commit: string }> {
  const dir = await tempTree(name);
  git(dir, 'init', '-q');
  git(dir, 'config', 'user.email', 'test@thap.invalid');
  git(dir, 'config', 'user.name', 'thap tests');
  return { dir, commit: await commitTree(dir, files, 'first') };
}

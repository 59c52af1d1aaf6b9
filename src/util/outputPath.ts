import { constants } from 'node:fs';
import { access, mkdir, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { HarnessError, UserError } from '../core/index.ts';

/**
 * Output paths the user names (`--out`, a run directory, `--run-dir`) and what it means when one cannot be
 * written. A path the user chose badly (a file in the way, no permission, a read-only mount, a name too
 * long) is the user's to fix: exit 2. A machine that fails while thap writes (disk full, quota, I/O error,
 * too many open files) is the environment: exit 3. Both name the path and say what to do.
 */
const chosenBadly = new Set(['EACCES', 'EPERM', 'EROFS', 'ENOTDIR', 'EISDIR', 'EEXIST', 'ENAMETOOLONG', 'ELOOP', 'EINVAL', 'ENOENT']);
const environment = new Set(['ENOSPC', 'EDQUOT', 'EIO', 'EMFILE', 'ENFILE', 'EFBIG']);

const reasons: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'the file system is read-only',
  ENOTDIR: 'a part of the path is a file, not a directory',
  EISDIR: 'it is a directory',
  EEXIST: 'a file is in the way',
  ENAMETOOLONG: 'the name is too long',
  ELOOP: 'too many symbolic links',
  EINVAL: 'not a valid path here',
  ENOENT: 'a directory on the way does not exist',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'the disk quota is used up',
  EIO: 'an input/output error',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files on the system',
  EFBIG: 'the file is too large',
};

/** A file-system error on an output path as a one-line error, or `undefined` when it is not such an error. */
export function outputPathError(error: unknown, { path, what, kind = 'directory' }: { path: string; what: string; kind?: 'directory' | 'file' }): UserError | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (!code || !(chosenBadly.has(code) || environment.has(code))) return undefined;
  const where = (error as NodeJS.ErrnoException).path ?? path;
  const reason = `${reasons[code] ?? code} (${code}${where !== path ? ` at ${where}` : ''})`;
  if (environment.has(code)) {
    return new HarnessError(`cannot write ${what} ${path}: ${reason}; free space or resources on that file system, or choose another path`, { code: 'THAP_OUTPUT_FAILED', cause: error });
  }
  return new UserError(`cannot write ${what} ${path}: ${reason}; choose a ${kind === 'file' ? 'file in a directory' : 'directory'} you can write to`, { code: 'THAP_OUTPUT_PATH', cause: error });
}

/**
 * Creates the directory (and its parents) and checks it can be written, before any work starts. With
 * `create: false` (a run directory to write reports into) a missing directory is left for the reader to report.
 */
export async function ensureOutputDir({ dir, what, create = true }: { dir: string; what: string; create?: boolean }): Promise<void> {
  try {
    if (create) await mkdir(resolve(dir), { recursive: true });
    await access(dir, constants.W_OK);
  } catch (error) {
    if (!create && (error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw outputPathError(error, { path: dir, what }) ?? error;
  }
}

/** Checks a file can be created or replaced: its directory is writable and the path is not a directory. */
export async function ensureOutputFile({ file, what }: { file: string; what: string }): Promise<void> {
  const dir = dirname(resolve(file));
  try {
    await mkdir(dir, { recursive: true });
    await access(dir, constants.W_OK);
  } catch (error) {
    throw outputPathError(error, { path: file, what, kind: 'file' }) ?? error;
  }
  const existing = await stat(file).catch(() => undefined);
  if (existing?.isDirectory()) throw outputPathError(Object.assign(new Error('is a directory'), { code: 'EISDIR' }), { path: file, what, kind: 'file' })!;
}

const writeCalls = new Set(['mkdir', 'rename', 'write', 'copyfile', 'symlink', 'unlink', 'rmdir']);

/**
 * A file-system error that escaped every command's own checks, as a one-line error when it is plainly about
 * writing (a full disk anywhere; a bad path on a call that writes), or `undefined` (then it is a bug in thap).
 */
export function uncaughtWriteError(error: unknown): UserError | undefined {
  const { code, path, syscall } = (error ?? {}) as NodeJS.ErrnoException;
  if (!code || !path) return undefined;
  if (environment.has(code) || (syscall && writeCalls.has(syscall))) return outputPathError(error, { path, what: 'to' });
  return undefined;
}

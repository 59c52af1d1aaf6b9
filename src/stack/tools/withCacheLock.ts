import { mkdirSync, openSync, closeSync, writeSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { HarnessError } from '../../core/index.ts';
import { signallable } from '../lifeline/processStartTime.ts';

/** A lock older than this is taken to be left behind by a crashed build (a k6 build takes 40-100 s). */
const staleAfterMs = 30 * 60_000;

function holderPid(lockFile: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(lockFile, 'utf8'), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function isStale(lockFile: string): boolean {
  const pid = holderPid(lockFile);
  if (pid !== undefined && !signallable(pid)) return true;
  try {
    return Date.now() - statSync(lockFile).mtimeMs > staleAfterMs;
  } catch {
    return false;
  }
}

/**
 * Runs `fn` while holding `<cacheDir>/tools.lock` (created exclusively, holding our pid), so parallel
 * processes (vitest workers, two terminals) never build the same tool at once. A lock whose process is
 * gone, or older than 30 minutes, is removed. Waiting longer than `timeoutMs` is a HarnessError.
 */
export async function withCacheLock<T>({
  cacheDir,
  fn,
  onProgress,
  timeoutMs = 20 * 60_000,
  pollMs = 250,
}: {
  cacheDir: string;
  fn: () => Promise<T>;
  onProgress?: (line: string) => void;
  timeoutMs?: number;
  pollMs?: number;
}): Promise<T> {
  mkdirSync(cacheDir, { recursive: true });
  const lockFile = path.join(cacheDir, 'tools.lock');
  const started = Date.now();
  let announced = false;
  for (;;) {
    try {
      const fd = openSync(lockFile, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    if (isStale(lockFile)) {
      rmSync(lockFile, { force: true });
      continue;
    }
    if (!announced) {
      onProgress?.(`waiting for another thap process (pid ${holderPid(lockFile) ?? '?'}) that holds ${lockFile}`);
      announced = true;
    }
    if (Date.now() - started > timeoutMs) {
      throw new HarnessError(
        `timed out after ${Math.round(timeoutMs / 1000)} s waiting for the tools lock ${lockFile}; ` +
          'fix: wait for the other `thap tools install` to finish, or delete the lock file if no thap process is running',
        { code: 'THAP_TOOL_LOCK' },
      );
    }
    await sleep(pollMs);
  }
  try {
    return await fn();
  } finally {
    rmSync(lockFile, { force: true });
  }
}

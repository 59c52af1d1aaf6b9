import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The last time anything was written to the run directory (the newest file's modification time, epoch ms):
 * where a killed run stopped, since its thap never wrote `endedAt`. Undefined for an empty directory.
 */
export async function lastWriteAt(runDir: string): Promise<number | undefined> {
  const names = await readdir(runDir).catch(() => [] as string[]);
  let latest: number | undefined;
  for (const name of names) {
    const info = await stat(join(runDir, name)).catch(() => undefined);
    if (info?.isFile() && (latest === undefined || info.mtimeMs > latest)) latest = Math.round(info.mtimeMs);
  }
  return latest;
}

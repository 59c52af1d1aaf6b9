import { readFileSync, statSync, writeFileSync } from 'node:fs';

/**
 * A small JSON file beside a cached binary (`k6.stamp.json`) recording its version, size and mtime, so a
 * second lookup trusts the cache without executing the binary. A stamp whose size or mtime no longer
 * match the binary is ignored.
 */
interface Stamp {
  version: string;
  size: number;
  mtimeMs: number;
  recordedAt: string;
}

export function stampPath(binaryPath: string): string {
  return `${binaryPath}.stamp.json`;
}

/** The version recorded for `binaryPath`, if the stamp exists and still describes this file. */
export function readStamp(binaryPath: string): string | undefined {
  try {
    const stamp = JSON.parse(readFileSync(stampPath(binaryPath), 'utf8')) as Partial<Stamp>;
    const stat = statSync(binaryPath);
    if (typeof stamp.version !== 'string' || stamp.size !== stat.size || stamp.mtimeMs !== stat.mtimeMs) return undefined;
    return stamp.version;
  } catch {
    return undefined;
  }
}

export function writeStamp({ binaryPath, version }: { binaryPath: string; version: string }): void {
  const stat = statSync(binaryPath);
  const stamp: Stamp = { version, size: stat.size, mtimeMs: stat.mtimeMs, recordedAt: new Date().toISOString() };
  writeFileSync(stampPath(binaryPath), `${JSON.stringify(stamp, null, 2)}\n`);
}

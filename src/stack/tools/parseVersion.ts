import type { ToolName } from './pins.ts';

/**
 * Reads the version out of a tool's version output, without a leading `v`:
 * `k6 v2.2.0 (go1.26.8, linux/amd64)` -> `2.2.0`; `toxiproxy-server version 2.12.0` -> `2.12.0`.
 * A Toxiproxy built without the release linker flag prints `version git`: that gives undefined.
 */
export function parseToolVersion({ name, output }: { name: ToolName; output: string }): string | undefined {
  const pattern = name === 'k6' ? /\bk6\s+v?(\d+\.\d+\.\d+[^\s]*)/ : /\bversion\s+v?(\d+\.\d+\.\d+[^\s]*)/;
  return pattern.exec(output)?.[1];
}

/**
 * Reads a module's version from `go version -m BINARY` output (a `mod` or `dep` line), without the `v`.
 */
export function parseGoBuildInfoVersion({ module, output }: { module: string; output: string }): string | undefined {
  for (const line of output.split('\n')) {
    const [kind, modulePath, version] = line.trim().split(/\s+/);
    if ((kind === 'mod' || kind === 'dep') && modulePath === module && version) return version.replace(/^v/, '');
  }
  return undefined;
}

/** Parses `go version` output (`go version go1.26.8 linux/amd64`) into `1.26.8`. */
export function parseGoVersion(output: string): string | undefined {
  return /\bgo(\d+\.\d+(?:\.\d+)?)/.exec(output)?.[1];
}

/** Compares dotted versions numerically: negative when a < b. Missing parts count as 0. */
export function compareVersions(a: string, b: string): number {
  const left = a.split(/[.-]/).map((part) => Number.parseInt(part, 10) || 0);
  const right = b.split(/[.-]/).map((part) => Number.parseInt(part, 10) || 0);
  for (let index = 0; index < Math.max(left.length, right.length); index++) {
    const diff = (left[index] ?? 0) - (right[index] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}

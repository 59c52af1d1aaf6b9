import { findOnPath } from './findOnPath.ts';
import { parseGoVersion } from './parseVersion.ts';
import { runCommand } from './runCommand.ts';

export interface GoInfo {
  path: string;
  /** e.g. `1.26.8`; `unknown` if `go version` printed nothing readable. */
  version: string;
}

/** Finds `go` on PATH and asks its version; undefined when there is none. */
export async function findGo({ env = process.env }: { env?: NodeJS.ProcessEnv } = {}): Promise<GoInfo | undefined> {
  const goPath = findOnPath({ name: 'go', env });
  if (!goPath) return undefined;
  const result = await runCommand({ command: goPath, args: ['version'], env, timeoutMs: 15_000 });
  if (result.code !== 0) return undefined;
  return { path: goPath, version: parseGoVersion(result.stdout) ?? 'unknown' };
}

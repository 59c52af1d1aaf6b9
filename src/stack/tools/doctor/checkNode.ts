import { compareVersions } from '../parseVersion.ts';
import type { DoctorCheck } from './types.ts';

/** package.json `engines.node`: >=20.19 (require of ESM, used by msw). */
export const minNode = '20.19';

export function checkNode({ version = process.versions.node, execPath = process.execPath }: { version?: string; execPath?: string } = {}): DoctorCheck {
  const base = { name: 'node' as const, required: true, version, path: execPath };
  if (compareVersions(version, minNode) >= 0) return { ...base, status: 'ok' };
  return {
    ...base,
    status: 'wrong-version',
    disables: 'everything: thap itself runs on Node',
    fix: `install Node ${minNode}+ (https://nodejs.org/)`,
  };
}

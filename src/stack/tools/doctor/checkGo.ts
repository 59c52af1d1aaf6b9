import { findGo } from '../findGo.ts';
import { compareVersions } from '../parseVersion.ts';
import { toolPins } from '../pins.ts';
import type { DoctorCheck } from './types.ts';

const needed = toolPins.k6.minGo;

export async function checkGo({ env = process.env }: { env?: NodeJS.ProcessEnv } = {}): Promise<DoctorCheck> {
  const go = await findGo({ env });
  const disables = 'building k6 and Toxiproxy when they are not on PATH or in the cache';
  const fix = `install Go ${needed}+ (https://go.dev/dl/), or put k6 ${toolPins.k6.version} and toxiproxy-server ${toolPins.toxiproxy.version} on PATH`;
  if (!go) return { name: 'go', required: false, status: 'missing', disables, fix };
  if (go.version !== 'unknown' && compareVersions(go.version, needed) < 0) {
    return { name: 'go', required: false, status: 'wrong-version', version: go.version, path: go.path, detail: `k6 ${toolPins.k6.version} needs Go ${needed}+`, disables, fix };
  }
  return { name: 'go', required: false, status: 'ok', version: go.version, path: go.path };
}

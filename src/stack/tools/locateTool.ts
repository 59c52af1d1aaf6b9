import path from 'node:path';
import { existsSync } from 'node:fs';
import { UserError } from '../../core/index.ts';
import { cacheBinDir, resolveCacheDir } from './cacheDir.ts';
import { findAllOnPath, isExecutableFile } from './findOnPath.ts';
import { toolPins, type ToolName } from './pins.ts';
import { probeToolVersion } from './probeVersion.ts';
import { readStamp, writeStamp } from './stamp.ts';
import type { ToolInfo, ToolLookupOptions, ToolSource } from './types.ts';

/** The explicit binary the user named for `name` (flag first, then env var), if any. */
function explicitPath({ name, options }: { name: ToolName; options: ToolLookupOptions }): { file: string; source: ToolSource; label: string } | undefined {
  const pin = toolPins[name];
  const env = options.env ?? process.env;
  const flagValue = { k6: options.k6Path, toxiproxy: options.toxiproxyPath, compose: undefined }[name];
  if (flagValue) return { file: path.resolve(flagValue), source: 'flag', label: pin.flag };
  const envValue = env[pin.envVar];
  if (envValue) return { file: path.resolve(envValue), source: 'env', label: pin.envVar };
  return undefined;
}

/** The tool in thap's cache (`<cache>/bin/<binary>`) if it is there at the pinned version. */
export async function locateInCache({ name, options }: { name: ToolName; options: ToolLookupOptions }): Promise<ToolInfo | undefined> {
  const pin = toolPins[name];
  const file = path.join(cacheBinDir(resolveCacheDir(options)), pin.binary);
  if (!isExecutableFile(file)) return undefined;
  const stamped = readStamp(file);
  if (stamped === pin.version) return { name, path: file, version: stamped, source: 'cache' };
  const version = await probeToolVersion({ name, binaryPath: file, env: options.env });
  if (version === pin.version) {
    writeStamp({ binaryPath: file, version });
    return { name, path: file, version, source: 'cache' };
  }
  options.onProgress?.(`${name}: cached ${file} reports ${version ?? 'no version'}, thap needs ${pin.version}: it will be rebuilt`);
  return undefined;
}

/**
 * Finds a tool without building it. Order: the explicit path (flag, then THAP_K6_PATH /
 * THAP_TOXIPROXY_PATH), PATH (a binary whose version is not the pin is skipped with a note), the cache.
 * An explicit path that does not exist is a UserError naming the flag or variable; an explicit binary at
 * another version is used (the user asked for it) with a note. Returns undefined when nothing fits.
 */
export async function locateTool({ name, ...options }: ToolLookupOptions & { name: ToolName }): Promise<ToolInfo | undefined> {
  const pin = toolPins[name];
  const env = options.env ?? process.env;
  const explicit = explicitPath({ name, options });
  if (explicit) {
    if (!existsSync(explicit.file) || !isExecutableFile(explicit.file)) {
      const what = existsSync(explicit.file) ? 'is not an executable file' : 'does not exist';
      throw new UserError(
        `${explicit.label} ${explicit.file}: ${what}; fix: give the path of a ${pin.binary} ${pin.version} binary, ` +
          `or leave out ${explicit.label} so thap finds or builds ${name} itself (\`thap tools install\`)`,
        { code: 'THAP_TOOL_PATH' },
      );
    }
    const version = (await probeToolVersion({ name, binaryPath: explicit.file, env })) ?? 'unknown';
    if (version !== pin.version) {
      options.onProgress?.(`${name}: ${explicit.file} (${explicit.label}) reports ${version}, thap is pinned to ${pin.version}; using it as asked`);
    }
    return { name, path: explicit.file, version, source: explicit.source };
  }
  for (const candidate of findAllOnPath({ name: pin.binary, env })) {
    const version = await probeToolVersion({ name, binaryPath: candidate, env });
    if (version === pin.version) return { name, path: candidate, version, source: 'path' };
    options.onProgress?.(`${name}: skipping ${candidate} on PATH: it reports ${version ?? 'no version'}, thap needs ${pin.version}`);
  }
  return locateInCache({ name, options });
}
